#include "transfers/TransferDecisionDialog.h"

#include "common/Actor.h"
#include "common/MessageBar.h"
#include "domain/IdNumber.h"
#include "transfers/TransferRepository.h"
#include "transfers/TransferWorkflow.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ud {

namespace {

QString orUnknown(const QString& name)
{
    return name.isEmpty() ? TransferDecisionDialog::tr("(named by the server at the next sync)") : name;
}

} // namespace

TransferDecisionDialog::TransferDecisionDialog(Database& store, const Scope& scope, const QString& transferId,
                                               Decision decision, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_scope(scope)
    , m_transferId(transferId)
    , m_decision(decision)
    , m_actor(currentActor())
{
    setObjectName(QStringLiteral("transferDecisionDialog"));
    switch (decision) {
    case Decision::Approve:
        setWindowTitle(tr("Approve a transfer"));
        break;
    case Decision::Reject:
        setWindowTitle(tr("Reject a transfer"));
        break;
    case Decision::Cancel:
        setWindowTitle(tr("Cancel a transfer"));
        break;
    }
    auto* layout = new QVBoxLayout(this);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("transferDecisionSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("decisionReason"));
    m_reason->setMinimumWidth(m_reason->fontMetrics().averageCharWidth() * 50);
    const QString reasonLabel = decision == Decision::Approve  ? tr("&Reason (optional):")
                                : decision == Decision::Reject ? tr("Rea&son for rejecting:")
                                                               : tr("Rea&son for cancelling:");
    form->addRow(reasonLabel, m_reason);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(decision == Decision::Approve  ? tr("&Approve")
                  : decision == Decision::Reject ? tr("&Reject")
                                                 : tr("Cancel the &transfer"));
    // "Cancel" would name two different things: the dialog's own button closes it.
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Back"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &TransferDecisionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TransferDecisionDialog::reject);
    connect(m_reason, &QLineEdit::textChanged, this, &TransferDecisionDialog::updateOk);

    const TransferRepository transfers(m_store, m_scope);
    const std::optional<Transfer> found = transfers.find(transferId);
    const TransferWorkflow workflow(m_store, m_scope);
    QString why;
    if (!found) {
        m_messageBar->showMessage(tr("Transfer: it no longer exists or is outside your organisation."),
                                  MessageBar::Kind::Error);
    } else if (decision == Decision::Cancel ? !workflow.mayCancel(*found, &why)
                                            : !workflow.mayDecide(*found, &why)) {
        m_messageBar->showMessage(why, MessageBar::Kind::Error);
    } else {
        m_ready = true;
    }
    if (found) {
        const TransferSummary s = transfers.summarise(*found);
        const QString member = tr("%1 (ID number %2)").arg(s.member, IdNumber::masked(found->idNumber));
        QString question;
        switch (decision) {
        case Decision::Approve:
            question =
                tr("Approve the transfer of %1 from %2 to %3? The member leaves %2 and joins %3 with the "
                   "history and the join date.")
                    .arg(member, orUnknown(s.holding), orUnknown(s.to));
            break;
        case Decision::Reject:
            question = tr("Reject the request of %1 to take in %2? The member stays in %3.")
                           .arg(orUnknown(s.to), member, orUnknown(s.holding));
            break;
        case Decision::Cancel:
            question = found->state == Transfer::Hung
                           ? tr("Cancel the transfer of %1, hung at %2? The member goes back to %3.")
                                 .arg(member, orUnknown(s.holding), orUnknown(s.from))
                           : tr("Cancel the request of %1 to take in %2? The member stays in %3.")
                                 .arg(orUnknown(s.to), member, orUnknown(s.holding));
            break;
        }
        QStringList lines{question, tr("Letter number: %1").arg(found->letterNumber())};
        if (!found->note.isEmpty())
            lines.append(tr("Note: %1").arg(found->note));
        lines.append(tr("This takes effect when this computer next syncs with the server."));
        m_summary->setText(lines.join(QLatin1Char('\n')));
    }
    updateOk();
    setMinimumWidth(fontMetrics().averageCharWidth() * 90);
    resize(minimumWidth(),
           heightForWidth(minimumWidth()) > 0 ? heightForWidth(minimumWidth()) : sizeHint().height());
}

void TransferDecisionDialog::updateOk()
{
    const bool hasReason = !m_reason->text().trimmed().isEmpty();
    m_ok->setEnabled(m_ready && (!reasonRequired(m_decision) || hasReason));
}

bool TransferDecisionDialog::save()
{
    if (!m_ok->isEnabled())
        return false;
    TransferWorkflow workflow(m_store, m_scope);
    QString error;
    const QString reason = m_reason->text().trimmed();
    std::optional<Transfer> done;
    switch (m_decision) {
    case Decision::Approve:
        done = workflow.approve(m_transferId, reason, m_actor, &error);
        break;
    case Decision::Reject:
        done = workflow.reject(m_transferId, reason, m_actor, &error);
        break;
    case Decision::Cancel:
        done = workflow.cancel(m_transferId, reason, m_actor, &error);
        break;
    }
    if (!done) {
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        return false;
    }
    emit decided(done->id, done->state);
    return true;
}

void TransferDecisionDialog::accept()
{
    if (save())
        QDialog::accept();
}

} // namespace ud
