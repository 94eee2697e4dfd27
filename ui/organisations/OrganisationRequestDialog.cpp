#include "organisations/OrganisationRequestDialog.h"

#include "common/Actor.h"
#include "common/CodeCombo.h"
#include "common/DateText.h"
#include "common/MessageBar.h"
#include "domain/CodeList.h"
#include "domain/CreditCode.h"
#include "organisations/OrganisationRepository.h"
#include "organisations/OrganisationRequestRepository.h"
#include "organisations/OrganisationValidator.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ud {

OrganisationRequestDialog::OrganisationRequestDialog(Database& store, const Scope& scope, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_scope(scope)
    , m_actor(currentActor())
{
    setObjectName(QStringLiteral("organisationRequestDialog"));
    auto* layout = new QVBoxLayout(this);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto line = [this](const char* name) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QString::fromLatin1(name));
        return edit;
    };
    auto* form = new QFormLayout;
    m_name = line("name");
    form->addRow(tr("&Name:"), m_name);
    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("level"));
    codecombo::fill(m_level, codes::organisationLevel());
    form->addRow(tr("&Level:"), m_level);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    codecombo::fill(m_kind, codes::organisationKind(), tr("(not set)"), true);
    form->addRow(tr("&Kind:"), m_kind);
    m_creditCode = line("creditCode");
    m_creditCode->setPlaceholderText(tr("18 characters; union codes begin with 81 or 89"));
    form->addRow(tr("Unified social &credit code:"), m_creditCode);
    m_creditHint = new QLabel(this);
    m_creditHint->setObjectName(QStringLiteral("creditCodeHint"));
    m_creditHint->setWordWrap(true);
    m_creditHint->hide();
    form->addRow(QString(), m_creditHint);
    m_legalNumber = line("legalPersonNumber");
    form->addRow(tr("Legal-person certificate n&umber:"), m_legalNumber);
    m_legalDate = line("legalPersonRegisteredOn");
    m_legalDate->setPlaceholderText(tr("YYYY-MM-DD"));
    form->addRow(tr("Legal-person &registration date:"), m_legalDate);
    m_founded = line("foundedOn");
    m_founded->setPlaceholderText(tr("YYYY-MM-DD"));
    form->addRow(tr("Date &founded:"), m_founded);
    m_address = line("address");
    form->addRow(tr("&Address:"), m_address);
    m_contact = line("contact");
    m_contact->setPlaceholderText(tr("Contact person and telephone"));
    form->addRow(tr("C&ontact:"), m_contact);
    m_industry = line("industry");
    form->addRow(tr("&Industry:"), m_industry);
    m_headcount = new QSpinBox(this);
    m_headcount->setObjectName(QStringLiteral("headcount"));
    m_headcount->setRange(0, 10'000'000);
    m_headcount->setGroupSeparatorShown(true);
    form->addRow(tr("&Headcount (employees):"), m_headcount);
    m_reason = line("reason");
    form->addRow(tr("R&eason for the request:"), m_reason);
    layout->addLayout(form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Submit request"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &OrganisationRequestDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &OrganisationRequestDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &OrganisationRequestDialog::updateOk);
    connect(m_creditCode, &QLineEdit::textChanged, this, &OrganisationRequestDialog::updateOk);
    m_name->setMinimumWidth(m_name->fontMetrics().averageCharWidth() * 44);
    updateOk();
}

bool OrganisationRequestDialog::startEstablish(const QString& parentId, QString* error)
{
    const std::optional<Organisation> parent = OrganisationRepository(m_store, m_scope).find(parentId);
    if (!parent) {
        if (error)
            *error = tr("The organisation no longer exists or is outside your organisation.");
        return false;
    }
    m_parentId = parent->id;
    setWindowTitle(tr("Set up a union under %1").arg(parent->name));
    m_intro->setText(tr("Request to set up a new union under %1. The union is created when a level above "
                        "approves the request.")
                         .arg(parent->name));
    // The usual level one step below the parent.
    const int parentLevel = codes::organisationLevel().keys().indexOf(parent->level);
    const QStringList levels = codes::organisationLevel().keys();
    codecombo::setKey(m_level,
                      levels.value(std::min<int>(parentLevel + 1, static_cast<int>(levels.size()) - 1),
                                   QStringLiteral("base")));
    m_name->setFocus();
    updateOk();
    return true;
}

bool OrganisationRequestDialog::startChange(const QString& organisationId, QString* error)
{
    const std::optional<Organisation> org = OrganisationRepository(m_store, m_scope).find(organisationId);
    if (!org) {
        if (error)
            *error = tr("The organisation no longer exists or is outside your organisation.");
        return false;
    }
    m_original = *org;
    setWindowTitle(tr("Request a change to %1").arg(org->name));
    m_intro->setText(tr("Change the fields that have changed. Nothing changes in %1 until a level above "
                        "approves the request.")
                         .arg(org->name));
    m_name->setText(org->name);
    codecombo::setKey(m_level, org->level);
    codecombo::setKey(m_kind, org->kind);
    m_creditCode->setText(org->creditCode);
    m_legalNumber->setText(org->legalPersonNumber);
    m_legalDate->setText(org->legalPersonRegisteredOn);
    m_founded->setText(org->foundedOn);
    m_address->setText(org->address);
    m_contact->setText(org->contact);
    m_industry->setText(org->industry);
    m_headcount->setValue(org->headcount);
    updateOk();
    return true;
}

QLineEdit* OrganisationRequestDialog::lineEdit(const QString& field) const
{
    return findChild<QLineEdit*>(field);
}

Organisation OrganisationRequestDialog::formValues() const
{
    Organisation org = m_original;
    if (!isChange())
        org.parentId = m_parentId;
    org.name = m_name->text();
    org.level = codecombo::key(m_level);
    org.kind = codecombo::key(m_kind);
    org.creditCode = m_creditCode->text();
    org.legalPersonNumber = m_legalNumber->text();
    org.legalPersonRegisteredOn = datetext::normalise(m_legalDate->text());
    org.foundedOn = datetext::normalise(m_founded->text());
    org.address = m_address->text();
    org.contact = m_contact->text();
    org.industry = m_industry->text();
    org.headcount = m_headcount->value();
    return org;
}

void OrganisationRequestDialog::updateOk()
{
    const QString code = m_creditCode->text().trimmed();
    bool codeOk = true;
    if (!code.isEmpty()) {
        const CreditCode parsed = CreditCode::parse(code);
        codeOk = parsed.isValid();
        m_creditHint->setText(codeOk ? (parsed.isUnionCode()
                                            ? QString()
                                            : tr("This is a valid code, but not a union's (81… or 89…)."))
                                     : parsed.errorMessage());
        m_creditHint->setStyleSheet(codeOk ? QStringLiteral("color: #8a6d00;")
                                           : QStringLiteral("color: #c62828;"));
        m_creditHint->setVisible(!m_creditHint->text().isEmpty());
    } else {
        m_creditHint->hide();
    }
    m_ok->setEnabled((isChange() || !m_parentId.isEmpty()) && !m_name->text().trimmed().isEmpty() && codeOk);
}

bool OrganisationRequestDialog::save()
{
    if (!m_ok->isEnabled())
        return false;
    Organisation org = formValues();
    QString error;
    OrganisationRequestRepository requests(m_store, m_scope);
    std::optional<OrganisationRequest> request;
    if (isChange()) {
        if (!OrganisationValidator::normaliseAndCheck(org, &error)) {
            m_messageBar->showMessage(error, MessageBar::Kind::Error);
            return false;
        }
        const QJsonObject after = org.toFields();
        QJsonObject changes;
        const QStringList changed = Organisation::changedFields(m_original, org);
        for (const QString& field : changed) {
            if (Organisation::editableFields().contains(field))
                changes.insert(field, after.value(field));
        }
        request = requests.submitChange(m_original.id, changes, m_reason->text(), m_actor, &error);
    } else {
        request = requests.submitEstablish(org, m_reason->text(), m_actor, &error);
    }
    if (!request) {
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        return false;
    }
    emit submitted(request->id);
    return true;
}

void OrganisationRequestDialog::accept()
{
    if (save())
        QDialog::accept();
}

} // namespace ud
