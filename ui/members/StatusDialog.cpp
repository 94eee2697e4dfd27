#include "members/StatusDialog.h"

#include "common/Actor.h"
#include "common/MessageBar.h"
#include "domain/CodeList.h"
#include "members/MemberRepository.h"
#include "util/Clock.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ud {

namespace {
// The status changes a clerk makes by hand; "hung" comes only from a transfer.
const char* const kTargets[] = {"retained", "withdrawn", "stopped", "expelled", "deceased", "active"};
} // namespace

StatusDialog::StatusDialog(Database& store, const Scope& scope, const QString& memberId, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_scope(scope)
    , m_memberId(memberId)
    , m_actor(currentActor())
{
    setObjectName(QStringLiteral("statusDialog"));
    setWindowTitle(tr("Change membership status"));
    auto* layout = new QVBoxLayout(this);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);

    m_current = new QLabel(this);
    m_current->setWordWrap(true);
    layout->addWidget(m_current);

    auto* form = new QFormLayout;
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("newStatus"));
    form->addRow(tr("New &status:"), m_status);
    m_date = new QDateEdit(this);
    m_date->setObjectName(QStringLiteral("effectiveDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setMaximumDate(Clock::today());
    m_date->setDate(Clock::today());
    form->addRow(tr("&Effective from:"), m_date);
    // Common reasons from the national code list; the clerk may type any other.
    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setEditable(true);
    m_reason->setInsertPolicy(QComboBox::NoInsert);
    m_reason->addItem(QString());
    m_reason->addItems({tr("Change of employment"), tr("Laid off or awaiting a post"), tr("Unemployed"),
                        tr("Retired"), tr("Employer went bankrupt"), tr("At the member's own request"),
                        tr("Expelled after a criminal conviction")});
    m_reason->setMinimumContentsLength(24);
    form->addRow(tr("&Reason:"), m_reason);
    m_reasonHint = new QLabel(this);
    m_reasonHint->setWordWrap(true);
    form->addRow(QString(), m_reasonHint);
    layout->addLayout(form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Change status"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &StatusDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &StatusDialog::reject);
    connect(m_status, &QComboBox::currentIndexChanged, this, &StatusDialog::updateOk);
    connect(m_reason, &QComboBox::currentTextChanged, this, &StatusDialog::updateOk);

    const std::optional<Member> member = MemberRepository(m_store, m_scope).find(memberId);
    m_ready = member.has_value();
    if (!member) {
        m_messageBar->showMessage(tr("The member no longer exists or is outside your organisation."),
                                  MessageBar::Kind::Error);
        m_status->setEnabled(false);
    } else {
        m_current->setText(
            tr("%1 is now: %2").arg(member->name, codes::memberStatus().label(member->status)));
        for (const char* target : kTargets) {
            const QString key = QString::fromLatin1(target);
            if (key != member->status)
                m_status->addItem(key == QLatin1String("active") ? tr("Back to active")
                                                                 : codes::memberStatus().label(key),
                                  key);
        }
    }
    updateOk();
    resize(std::max(sizeHint().width(), 440), sizeHint().height());
}

bool StatusDialog::reasonRequired(const QString& status)
{
    return status == QLatin1String("withdrawn") || status == QLatin1String("stopped") ||
           status == QLatin1String("expelled");
}

void StatusDialog::updateOk()
{
    const QString status = m_status->currentData().toString();
    const bool needsReason = reasonRequired(status);
    const bool hasReason = !m_reason->currentText().trimmed().isEmpty();
    m_reasonHint->setText(needsReason ? tr("A reason is required for this change.")
                                      : tr("A reason is optional for this change."));
    m_reasonHint->setStyleSheet(needsReason && !hasReason ? QStringLiteral("color: #c62828;") : QString());
    m_ok->setEnabled(m_ready && !status.isEmpty() && (!needsReason || hasReason));
}

bool StatusDialog::save()
{
    if (!m_ok->isEnabled())
        return false;
    QString error;
    if (!MemberRepository(m_store, m_scope)
             .changeStatus(m_memberId, m_status->currentData().toString(), m_reason->currentText().trimmed(),
                           m_date->date(), m_actor, &error)) {
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        return false;
    }
    emit statusChanged(m_memberId);
    return true;
}

void StatusDialog::accept()
{
    if (save())
        QDialog::accept();
}

} // namespace ud
