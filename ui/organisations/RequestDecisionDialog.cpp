#include "organisations/RequestDecisionDialog.h"

#include "common/Actor.h"
#include "common/MessageBar.h"
#include "domain/CodeList.h"
#include "organisations/DissolveCheck.h"
#include "organisations/OrganisationRepository.h"
#include "organisations/OrganisationRequestModel.h"
#include "organisations/OrganisationRequestRepository.h"
#include "store/Database.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ud {

RequestDecisionDialog::RequestDecisionDialog(Database& store, const Scope& scope, const QString& requestId,
                                             Decision decision, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_scope(scope)
    , m_requestId(requestId)
    , m_decision(decision)
    , m_actor(currentActor())
{
    setObjectName(QStringLiteral("requestDecisionDialog"));
    const bool approve = decision == Decision::Approve;
    setWindowTitle(approve ? tr("Approve a request") : tr("Reject a request"));
    auto* layout = new QVBoxLayout(this);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("requestSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    auto* form = new QFormLayout;
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("decisionReason"));
    m_reason->setMinimumWidth(m_reason->fontMetrics().averageCharWidth() * 50);
    form->addRow(approve ? tr("&Reason (optional):") : tr("Rea&son for rejecting:"), m_reason);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(approve ? tr("&Approve") : tr("&Reject"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &RequestDecisionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RequestDecisionDialog::reject);
    connect(m_reason, &QLineEdit::textChanged, this, &RequestDecisionDialog::updateOk);

    const OrganisationRequestRepository requests(m_store, m_scope);
    const std::optional<OrganisationRequest> request = requests.find(requestId);
    QString why;
    if (!request) {
        m_messageBar->showMessage(tr("The request no longer exists or is outside your organisation."),
                                  MessageBar::Kind::Error);
    } else if (!request->isOpen()) {
        m_messageBar->showMessage(tr("The request has already been decided (%1).")
                                      .arg(codes::organisationRequestState().label(request->state)),
                                  MessageBar::Kind::Error);
    } else if (!requests.mayDecide(*request, &why)) {
        m_messageBar->showMessage(why, MessageBar::Kind::Error);
    } else {
        m_ready = true;
    }
    if (request) {
        const OrganisationRepository organisations(m_store, m_scope);
        const std::optional<Organisation> org = organisations.find(request->organisationId);
        const QString orgName = org ? org->name : request->organisationId;
        QString what;
        if (request->kind == QLatin1String("establish"))
            what = tr("Set up %1 under %2")
                       .arg(request->proposed.value(QStringLiteral("name")).toString(), orgName);
        else if (request->kind == QLatin1String("change"))
            what = tr("Change %1").arg(orgName);
        else
            what = tr("Dissolve %1").arg(orgName);
        QStringList lines = {what};
        const QString proposal = OrganisationRequestModel::describeProposal(*request);
        if (!proposal.isEmpty())
            lines.append(proposal);
        const std::optional<Organisation> from = organisations.find(request->submittedFrom);
        lines.append(tr("Submitted by %1 (%2) on %3")
                         .arg(request->submittedBy, from ? from->name : request->submittedFrom,
                              request->submittedAt.left(10)));
        if (!request->reason.isEmpty())
            lines.append(tr("Reason given: %1").arg(request->reason));
        m_summary->setText(lines.join(QLatin1Char('\n')));
        // Approving a dissolve request the guard blocks would fail: say so now, with the names.
        if (m_ready && approve && request->kind == QLatin1String("dissolve") && org) {
            const DissolveCheck check = DissolveCheck::of(m_store.connection(), *org);
            if (!check.canDissolve()) {
                m_blocked = true;
                m_messageBar->showMessage(check.message(), MessageBar::Kind::Warning);
            }
        }
    }
    updateOk();
    resize(std::max(sizeHint().width(), 520), sizeHint().height());
}

void RequestDecisionDialog::updateOk()
{
    const bool hasReason = !m_reason->text().trimmed().isEmpty();
    m_ok->setEnabled(m_ready && !m_blocked && (m_decision == Decision::Approve || hasReason));
}

bool RequestDecisionDialog::save()
{
    if (!m_ok->isEnabled())
        return false;
    OrganisationRequestRepository requests(m_store, m_scope);
    QString error;
    const std::optional<OrganisationRequest> done =
        m_decision == Decision::Approve ? requests.approve(m_requestId, m_reason->text(), m_actor, &error)
                                        : requests.reject(m_requestId, m_reason->text(), m_actor, &error);
    if (!done) {
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        return false;
    }
    emit decided(done->id, done->state);
    return true;
}

void RequestDecisionDialog::accept()
{
    if (save())
        QDialog::accept();
}

} // namespace ud
