#include "organisations/DissolveRequestDialog.h"

#include "common/Actor.h"
#include "common/MessageBar.h"
#include "organisations/DissolveCheck.h"
#include "organisations/OrganisationRepository.h"
#include "organisations/OrganisationRequestRepository.h"
#include "store/Database.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ud {

namespace {
constexpr int kListed = 200; // members listed by name; the rest are counted
}

DissolveRequestDialog::DissolveRequestDialog(Database& store, const Scope& scope,
                                             const QString& organisationId, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_scope(scope)
    , m_organisationId(organisationId)
    , m_actor(currentActor())
{
    setObjectName(QStringLiteral("dissolveRequestDialog"));
    auto* layout = new QVBoxLayout(this);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);
    m_guard = new QLabel(this);
    m_guard->setObjectName(QStringLiteral("dissolveGuard"));
    m_guard->setWordWrap(true);
    m_guard->setTextFormat(Qt::PlainText);
    layout->addWidget(m_guard);
    m_blockers = new QTreeWidget(this);
    m_blockers->setObjectName(QStringLiteral("dissolveBlockers"));
    m_blockers->setRootIsDecorated(false);
    m_blockers->setUniformRowHeights(true);
    m_blockers->setHeaderLabels({tr("Still to resolve"), tr("ID number"), tr("Union")});
    m_blockers->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_blockers->header()->setStretchLastSection(true);
    layout->addWidget(m_blockers, 1);

    auto* form = new QFormLayout;
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(tr("For example: the company has closed"));
    form->addRow(tr("&Reason for dissolving:"), m_reason);
    layout->addLayout(form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Submit dissolve request"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &DissolveRequestDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DissolveRequestDialog::reject);
    connect(m_reason, &QLineEdit::textChanged, this, &DissolveRequestDialog::updateOk);

    const std::optional<Organisation> org = OrganisationRepository(m_store, m_scope).find(organisationId);
    m_ready = org.has_value();
    if (!org) {
        setWindowTitle(tr("Request to dissolve a union"));
        m_messageBar->showMessage(tr("The organisation no longer exists or is outside your organisation."),
                                  MessageBar::Kind::Error);
        m_blockers->hide();
        updateOk();
        return;
    }
    setWindowTitle(tr("Request to dissolve %1").arg(org->name));
    const DissolveCheck check = DissolveCheck::of(m_store.connection(), *org, kListed);
    m_canDissolve = check.canDissolve();
    const QLocale locale;
    if (m_canDissolve) {
        m_guard->setText(tr("No members remain in %1 or in unions under it, and no union under it is still "
                            "in operation. A level above can approve the request at once.")
                             .arg(org->name));
        m_blockers->hide();
    } else {
        QStringList what;
        if (check.memberCount() > 0)
            what.append(tr("members still on the roll of it or of the unions under it: %1")
                            .arg(locale.toString(check.memberCount())));
        if (!check.activeUnits().isEmpty())
            what.append(tr("unions under it still in operation: %1")
                            .arg(locale.toString(check.activeUnits().size())));
        //: %1 is a union, %2 says what remains ("members still on the roll …: 12")
        m_guard->setText(
            tr("%1 cannot be dissolved yet (%2). Transfer the members, hang them or change their "
               "status, and dissolve the unions under it first. You may submit the request now; "
               "it can be approved only when this list is empty.")
                .arg(org->name, what.join(tr("; "))));
        m_guard->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; border: 1px solid #e0a800; "
                                              "border-radius: 4px; padding: 6px; color: #5c4400; }"));
        for (const QString& unit : check.activeUnits())
            new QTreeWidgetItem(m_blockers, {tr("Union in operation: %1").arg(unit), QString(), unit});
        for (const DissolveCheck::HeldMember& m : check.members())
            new QTreeWidgetItem(m_blockers, {m.name, m.maskedIdNumber, m.organisationName});
        if (check.memberCount() > check.members().size()) {
            auto* more = new QTreeWidgetItem(
                m_blockers, {tr("… and %1 more members")
                                 .arg(locale.toString(check.memberCount() - check.members().size()))});
            more->setFirstColumnSpanned(true);
        }
    }
    updateOk();
    resize(std::max(sizeHint().width(), 620), m_canDissolve ? sizeHint().height() : 460);
}

void DissolveRequestDialog::updateOk()
{
    m_ok->setEnabled(m_ready && !m_reason->text().trimmed().isEmpty());
}

bool DissolveRequestDialog::save()
{
    if (!m_ok->isEnabled())
        return false;
    QString error;
    const std::optional<OrganisationRequest> request =
        OrganisationRequestRepository(m_store, m_scope)
            .submitDissolve(m_organisationId, m_reason->text(), m_actor, &error);
    if (!request) {
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        return false;
    }
    emit submitted(request->id);
    return true;
}

void DissolveRequestDialog::accept()
{
    if (save())
        QDialog::accept();
}

} // namespace ud
