#include "members/MemberDialog.h"

#include "common/Actor.h"
#include "common/Ask.h"
#include "common/CodeCombo.h"
#include "common/DateText.h"
#include "common/MessageBar.h"
#include "domain/CodeList.h"
#include "domain/Ethnicity.h"
#include "domain/IdNumber.h"
#include "members/MemberRepository.h"
#include "organisations/OrganisationCombo.h"
#include "organisations/OrganisationRepository.h"
#include "util/Clock.h"
#include "util/LogCategories.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QVBoxLayout>

namespace ud {

namespace {
const char* const ErrorColour = "#c62828";
const char* const WarningColour = "#9a6700";

QString labelText(const QString& field)
{
    return MemberDialog::tr("%1:").arg(MemberValidator::fieldLabel(field));
}
} // namespace

MemberDialog::MemberDialog(Database& store, const Scope& scope, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_scope(scope)
    , m_actor(currentActor())
{
    setObjectName(QStringLiteral("memberDialog"));
    {
        // Filling the combo boxes changes them; nothing is validated until the form is complete.
        const QScopedValueRollback<bool> building(m_programmatic, true);
        buildForm();
        m_organisation->setOrganisations(OrganisationRepository(m_store, m_scope).subtree());
    }
    startNew(QString());
}

void MemberDialog::buildForm()
{
    auto* layout = new QVBoxLayout(this);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);

    auto* columns = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    auto* right = new QVBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    layout->addLayout(columns, 1);

    auto newGroup = [this](const QString& title, QVBoxLayout* column) {
        auto* group = new QGroupBox(title, this);
        auto* form = new QFormLayout(group);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
        form->setRowWrapPolicy(QFormLayout::DontWrapRows);
        column->addWidget(group);
        return form;
    };

    // Basic details, as on the identity card.
    QFormLayout* basic = newGroup(tr("Basic details"), left);
    QLineEdit* name = addLineEdit(basic, "name");
    name->setMaxLength(60);
    addCombo(basic, "gender");
    codecombo::fill(comboBox(QStringLiteral("gender")), codes::gender(), tr("Not given"), true);
    addCombo(basic, "idType");
    codecombo::fill(comboBox(QStringLiteral("idType")), codes::idType());
    QLineEdit* idNumber = addLineEdit(basic, "idNumber", tr("18 characters; the last may be X"));
    idNumber->setMaxLength(40);
    addLineEdit(basic, "birthDate", tr("YYYY-MM-DD"))
        ->setToolTip(tr("Filled in from a resident ID number when left empty"));
    addLineEdit(basic, "mobile", tr("11 digits"));
    // The official names offered as the clerk types (汉 → 汉族), the ones the statistics count.
    auto* ethnicities = new QCompleter(Ethnicity::names(), this);
    ethnicities->setFilterMode(Qt::MatchContains);
    addLineEdit(basic, "ethnicity", tr("e.g. Han"))->setCompleter(ethnicities);
    addCombo(basic, "education");
    codecombo::fill(comboBox(QStringLiteral("education")), codes::education(), tr("Not given"), true);
    addCombo(basic, "politicalStatus");
    codecombo::fill(comboBox(QStringLiteral("politicalStatus")), codes::politicalStatus(), tr("Not given"),
                    true);

    auto* notesGroup = new QGroupBox(MemberValidator::fieldLabel(QStringLiteral("notes")), this);
    auto* notesLayout = new QVBoxLayout(notesGroup);
    m_notes = new QPlainTextEdit(notesGroup);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMinimumHeight(m_notes->fontMetrics().lineSpacing() * 3 + 12);
    notesLayout->addWidget(m_notes);
    m_fields.insert(QStringLiteral("notes"), Field{m_notes, nullptr, nullptr, false});
    m_fieldOrder.append(QStringLiteral("notes"));
    watch(QStringLiteral("notes"), m_notes);
    left->addWidget(notesGroup, 1);

    // Work.
    QFormLayout* work = newGroup(tr("Work"), right);
    m_organisation = new OrganisationCombo(this);
    m_organisation->setObjectName(QStringLiteral("organisation"));
    addRow(work, QStringLiteral("organisation"), m_organisation);
    addLineEdit(work, "employer");
    addLineEdit(work, "jobTitle");
    addLineEdit(work, "industry");
    addCombo(work, "employmentForm");
    codecombo::fill(comboBox(QStringLiteral("employmentForm")), codes::employmentForm(), tr("Not given"),
                    true);
    addCombo(work, "household");
    codecombo::fill(comboBox(QStringLiteral("household")), codes::household(), tr("Not given"), true);

    // Union membership.
    QFormLayout* union_ = newGroup(tr("Union membership"), right);
    addLineEdit(union_, "joinDate", tr("YYYY-MM-DD"));
    addLineEdit(union_, "cardNumber");
    QComboBox* status = addCombo(union_, "status");
    codecombo::fill(status, codes::memberStatus());
    addCheckBox(union_, "verified");
    addCombo(union_, "verifiedMethod");
    codecombo::fill(comboBox(QStringLiteral("verifiedMethod")), codes::verificationMethod(), tr("Not given"),
                    true);
    addLineEdit(union_, "verifiedAt", tr("YYYY-MM-DD"));
    addLineEdit(union_, "labourModelLevel", tr("e.g. national, provincial, city"));
    addCheckBox(union_, "hardship");
    right->addStretch(1);

    auto* bottom = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("memberDialogSummary"));
    m_summary->setWordWrap(true);
    bottom->addWidget(m_summary, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("memberDialogOk"));
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    connect(buttons, &QDialogButtonBox::accepted, this, &MemberDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &MemberDialog::reject);
    connect(m_messageBar, &MessageBar::closed, this, [this] { m_storeProblems.clear(); });
}

void MemberDialog::addRow(QFormLayout* form, const QString& field, QWidget* editor, bool withLabel)
{
    // Under each editor, the text that explains what is wrong with it (hidden when nothing is).
    auto* cell = new QWidget(this);
    auto* cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    cellLayout->addWidget(editor);
    auto* problem = new QLabel(cell);
    problem->setObjectName(field + QStringLiteral("Problem"));
    problem->setWordWrap(true);
    problem->setTextFormat(Qt::PlainText);
    problem->hide();
    cellLayout->addWidget(problem);

    QLabel* label = nullptr;
    if (withLabel) {
        label = new QLabel(labelText(field), this);
        label->setBuddy(editor);
        form->addRow(label, cell);
    } else {
        form->addRow(QString(), cell);
    }
    m_fields.insert(field, Field{editor, label, problem, false});
    m_fieldOrder.append(field);
    watch(field, editor);
}

QLineEdit* MemberDialog::addLineEdit(QFormLayout* form, const char* field, const QString& placeholder)
{
    auto* edit = new QLineEdit(this);
    edit->setObjectName(QString::fromLatin1(field));
    // Wide enough for an 18-character ID number, the longest value typed into the form.
    edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("44010619900101123X")) +
                          edit->fontMetrics().averageCharWidth() * 4);
    edit->setPlaceholderText(placeholder);
    addRow(form, QString::fromLatin1(field), edit);
    return edit;
}

QComboBox* MemberDialog::addCombo(QFormLayout* form, const char* field)
{
    auto* combo = new QComboBox(this);
    combo->setObjectName(QString::fromLatin1(field));
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(12);
    addRow(form, QString::fromLatin1(field), combo);
    return combo;
}

QCheckBox* MemberDialog::addCheckBox(QFormLayout* form, const char* field)
{
    auto* box = new QCheckBox(MemberValidator::fieldLabel(QString::fromLatin1(field)), this);
    box->setObjectName(QString::fromLatin1(field));
    addRow(form, QString::fromLatin1(field), box, false);
    return box;
}

void MemberDialog::watch(const QString& field, QWidget* editor)
{
    if (auto* edit = qobject_cast<QLineEdit*>(editor))
        connect(edit, &QLineEdit::textChanged, this, [this, field] { edited(field); });
    else if (auto* combo = qobject_cast<QComboBox*>(editor))
        connect(combo, &QComboBox::currentIndexChanged, this, [this, field] { edited(field); });
    else if (auto* box = qobject_cast<QCheckBox*>(editor))
        connect(box, &QCheckBox::toggled, this, [this, field] { edited(field); });
    else if (auto* text = qobject_cast<QPlainTextEdit*>(editor))
        connect(text, &QPlainTextEdit::textChanged, this, [this, field] { edited(field); });
}

void MemberDialog::startNew(const QString& organisationId)
{
    m_mode = Mode::Add;
    m_original = Member();
    m_original.organisationId = organisationId;
    m_savedId.clear();
    m_showAll = false;
    m_storeProblems.clear();
    m_autoGender.clear();
    m_autoBirthDate.clear();
    for (Field& f : m_fields)
        f.touched = false;
    setWindowTitle(tr("New member"));
    m_ok->setText(tr("&Add member"));
    QComboBox* status = comboBox(QStringLiteral("status"));
    status->setEnabled(true);
    status->setToolTip(QString());
    setFormValues(m_original);
    m_messageBar->hideMessage();
    m_initialFields = formValues().toFields();
    validate();
    lineEdit(QStringLiteral("name"))->setFocus();
}

bool MemberDialog::startEdit(const QString& memberId, QString* error)
{
    const std::optional<Member> member = MemberRepository(m_store, m_scope).find(memberId);
    if (!member) {
        if (error)
            *error = tr("The member no longer exists or is outside your organisation.");
        return false;
    }
    m_mode = Mode::Edit;
    m_original = *member;
    m_savedId.clear();
    m_showAll = true; // a stored record: show every problem it has at once
    m_storeProblems.clear();
    m_autoGender.clear();
    m_autoBirthDate.clear();
    setWindowTitle(tr("Edit member \u2013 %1").arg(member->name));
    m_ok->setText(tr("&Save"));
    QComboBox* status = comboBox(QStringLiteral("status"));
    status->setEnabled(false);
    status->setToolTip(tr("Change the status with Member \u25B8 Change status (Ctrl+Shift+S), so that it is "
                          "recorded in the member's history."));
    setFormValues(m_original);
    m_messageBar->hideMessage();
    m_initialFields = formValues().toFields();
    validate();
    lineEdit(QStringLiteral("name"))->setFocus();
    return true;
}

void MemberDialog::setFormValues(const Member& m)
{
    const QScopedValueRollback<bool> programmatic(m_programmatic, true);
    lineEdit(QStringLiteral("name"))->setText(m.name);
    codecombo::setKey(comboBox(QStringLiteral("gender")), m.gender);
    lineEdit(QStringLiteral("ethnicity"))->setText(m.ethnicity);
    codecombo::setKey(comboBox(QStringLiteral("idType")), m.idType);
    lineEdit(QStringLiteral("idNumber"))->setText(m.idNumber);
    lineEdit(QStringLiteral("birthDate"))->setText(m.birthDate);
    lineEdit(QStringLiteral("mobile"))->setText(m.mobile);
    codecombo::setKey(comboBox(QStringLiteral("education")), m.education);
    codecombo::setKey(comboBox(QStringLiteral("politicalStatus")), m.politicalStatus);
    m_organisation->setOrganisationId(m.organisationId);
    lineEdit(QStringLiteral("employer"))->setText(m.employer);
    lineEdit(QStringLiteral("jobTitle"))->setText(m.jobTitle);
    lineEdit(QStringLiteral("industry"))->setText(m.industry);
    codecombo::setKey(comboBox(QStringLiteral("employmentForm")), m.employmentForm);
    codecombo::setKey(comboBox(QStringLiteral("household")), m.household);
    lineEdit(QStringLiteral("joinDate"))->setText(m.joinDate);
    lineEdit(QStringLiteral("cardNumber"))->setText(m.cardNumber);
    codecombo::setKey(comboBox(QStringLiteral("status")), m.status);
    checkBox(QStringLiteral("verified"))->setChecked(m.verified);
    codecombo::setKey(comboBox(QStringLiteral("verifiedMethod")), m.verifiedMethod);
    lineEdit(QStringLiteral("verifiedAt"))->setText(m.verifiedAt);
    lineEdit(QStringLiteral("labourModelLevel"))->setText(m.labourModelLevel);
    checkBox(QStringLiteral("hardship"))->setChecked(m.hardship);
    m_notes->setPlainText(m.notes);
    updateVerificationEditors();
}

Member MemberDialog::formValues() const
{
    Member m = m_original;
    m.name = lineEdit(QStringLiteral("name"))->text();
    m.gender = codecombo::key(comboBox(QStringLiteral("gender")));
    m.ethnicity = lineEdit(QStringLiteral("ethnicity"))->text();
    m.idType = codecombo::key(comboBox(QStringLiteral("idType")));
    m.idNumber = lineEdit(QStringLiteral("idNumber"))->text();
    m.birthDate = datetext::normalise(lineEdit(QStringLiteral("birthDate"))->text());
    m.mobile = lineEdit(QStringLiteral("mobile"))->text();
    m.education = codecombo::key(comboBox(QStringLiteral("education")));
    m.politicalStatus = codecombo::key(comboBox(QStringLiteral("politicalStatus")));
    m.organisationId = m_organisation->organisationId();
    m.employer = lineEdit(QStringLiteral("employer"))->text();
    m.jobTitle = lineEdit(QStringLiteral("jobTitle"))->text();
    m.industry = lineEdit(QStringLiteral("industry"))->text();
    m.employmentForm = codecombo::key(comboBox(QStringLiteral("employmentForm")));
    m.household = codecombo::key(comboBox(QStringLiteral("household")));
    m.joinDate = datetext::normalise(lineEdit(QStringLiteral("joinDate"))->text());
    m.cardNumber = lineEdit(QStringLiteral("cardNumber"))->text();
    if (m_mode == Mode::Add)
        m.status = codecombo::key(comboBox(QStringLiteral("status")));
    m.verified = checkBox(QStringLiteral("verified"))->isChecked();
    m.verifiedMethod = codecombo::key(comboBox(QStringLiteral("verifiedMethod")));
    m.verifiedAt = datetext::normalise(lineEdit(QStringLiteral("verifiedAt"))->text());
    m.labourModelLevel = lineEdit(QStringLiteral("labourModelLevel"))->text();
    m.hardship = checkBox(QStringLiteral("hardship"))->isChecked();
    m.notes = m_notes->toPlainText();
    return m;
}

QString MemberDialog::fieldValue(const QString& field) const
{
    const QWidget* w = editor(field);
    if (const auto* edit = qobject_cast<const QLineEdit*>(w))
        return edit->text().trimmed();
    if (const auto* combo = qobject_cast<const QComboBox*>(w))
        return combo->currentData().toString();
    if (const auto* box = qobject_cast<const QCheckBox*>(w))
        return box->isChecked() ? QStringLiteral("1") : QStringLiteral("0");
    if (const auto* text = qobject_cast<const QPlainTextEdit*>(w))
        return text->toPlainText();
    return {};
}

bool MemberDialog::hasUnsavedChanges() const
{
    return formValues().toFields() != m_initialFields;
}

void MemberDialog::edited(const QString& field)
{
    if (m_programmatic)
        return;
    m_fields[field].touched = true;
    if (field == QLatin1String("verified"))
        updateVerificationEditors();
    validate();
    if (field == QLatin1String("idNumber") && m_lookup && m_mode == Mode::Add) {
        const IdNumber id = IdNumber::parse(fieldValue(field));
        if (id.isValid() && m_lookup->isConnected())
            m_lookup->start(id.value());
        else
            m_lookup->cancel();
    }
}

void MemberDialog::setLookup(MemberLookupRunner::SessionSource session)
{
    delete m_lookup;
    m_lookup = new MemberLookupRunner(std::move(session), this);
    connect(m_lookup, &MemberLookupRunner::finished, this, &MemberDialog::lookupFinished);
}

void MemberDialog::lookupFinished(const MemberLookupOutcome& outcome)
{
    const QString field = QStringLiteral("idNumber");
    if (m_mode != Mode::Add || outcome.result != MemberLookupOutcome::Result::Found ||
        outcome.idNumber != IdNumber::parse(fieldValue(field)).value())
        return;
    const sync::MemberLookupAnswer& m = outcome.member;
    const QString message =
        tr("%1: %2 is already a member of %3 (since %4). One person holds one membership: "
           "request a transfer in instead of adding the person again.")
            .arg(MemberValidator::fieldLabel(field), m.name, m.organisation, m.since);
    m_storeProblems.append({field, message, fieldValue(field)});
    const QString idNumber = outcome.idNumber;
    m_messageBar->showMessage(message, MessageBar::Kind::Warning, tr("Request a transfer &in instead"),
                              [this, idNumber] {
                                  emit transferInRequested(idNumber);
                                  QDialog::done(QDialog::Rejected);
                              });
    validate();
}

void MemberDialog::updateVerificationEditors()
{
    const bool verified = checkBox(QStringLiteral("verified"))->isChecked();
    for (const char* field : {"verifiedMethod", "verifiedAt"})
        editor(QString::fromLatin1(field))->setEnabled(verified);
    QLineEdit* at = lineEdit(QStringLiteral("verifiedAt"));
    if (verified && at->text().trimmed().isEmpty() && !m_programmatic) {
        const QScopedValueRollback<bool> programmatic(m_programmatic, true);
        at->setText(Clock::today().toString(Qt::ISODate));
    }
}

void MemberDialog::validate()
{
    Member m = formValues();
    // A gender or birth date filled in from the ID number still counts as "not entered", so that
    // correcting the ID number corrects them too.
    QComboBox* gender = comboBox(QStringLiteral("gender"));
    QLineEdit* birth = lineEdit(QStringLiteral("birthDate"));
    const bool genderFree = m.gender.isEmpty() || (!m_autoGender.isEmpty() && m.gender == m_autoGender);
    const bool birthFree =
        m.birthDate.isEmpty() || (!m_autoBirthDate.isEmpty() && m.birthDate == m_autoBirthDate);
    if (genderFree)
        m.gender.clear();
    if (birthFree)
        m.birthDate.clear();

    m_problems = MemberValidator::normaliseAndCheck(m);

    // Residence permits carry birth date and gender like identity cards (see MemberValidator).
    const bool idValid = (m.idType == QLatin1String("resident") || m.idType == QLatin1String("hmt-permit")) &&
                         IdNumber::parse(m.idNumber).isValid();
    if (idValid) {
        const QScopedValueRollback<bool> programmatic(m_programmatic, true);
        if (genderFree && !m.gender.isEmpty()) {
            codecombo::setKey(gender, m.gender);
            m_autoGender = m.gender;
        }
        if (birthFree && !m.birthDate.isEmpty()) {
            birth->setText(m.birthDate);
            m_autoBirthDate = m.birthDate;
        }
    }

    // A refusal from the store stays on its field until the clerk changes that field.
    for (auto it = m_storeProblems.begin(); it != m_storeProblems.end();) {
        if (fieldValue(it->field) != it->valueWhenRefused) {
            it = m_storeProblems.erase(it);
            continue;
        }
        m_problems.prepend({it->field, tr("See the message at the top."), FieldProblem::Severity::Error});
        ++it;
    }
    showProblems();
}

QString MemberDialog::withoutFieldPrefix(const QString& message)
{
    // "ID number: the check character …" under the ID number reads better as "The check character …".
    int colon = message.indexOf(QStringLiteral(": "));
    int skip = 2;
    const int wide = message.indexOf(QChar(0xFF1A)); // full-width colon, for translated messages
    if (wide >= 0 && (colon < 0 || wide < colon)) {
        colon = wide;
        skip = 1;
    }
    if (colon <= 0 || colon > 30)
        return message;
    QString rest = message.mid(colon + skip).trimmed();
    if (!rest.isEmpty() && rest.at(0).isLower() && rest.at(0).unicode() < 0x80)
        rest[0] = rest.at(0).toUpper();
    return rest;
}

void MemberDialog::showProblems()
{
    bool hasError = false;
    bool hasWarning = false;
    QStringList stillNeeded;
    for (const QString& field : std::as_const(m_fieldOrder)) {
        Field& f = m_fields[field];
        QStringList errors;
        QStringList warnings;
        for (const FieldProblem& p : std::as_const(m_problems)) {
            if (p.field != field)
                continue;
            (p.isError() ? errors : warnings).append(withoutFieldPrefix(p.message));
        }
        hasError = hasError || !errors.isEmpty();
        const bool visible = f.touched || m_showAll;
        if (!visible && !errors.isEmpty())
            stillNeeded.append(MemberValidator::fieldLabel(field));
        if (!f.problem)
            continue;
        if (visible && (!errors.isEmpty() || !warnings.isEmpty())) {
            hasWarning = hasWarning || !warnings.isEmpty();
            const bool error = !errors.isEmpty();
            f.problem->setText((errors + warnings).join(QLatin1Char('\n')));
            f.problem->setStyleSheet(
                QStringLiteral("color: %1;").arg(QLatin1String(error ? ErrorColour : WarningColour)));
            f.problem->setProperty("severity", error ? QStringLiteral("error") : QStringLiteral("warning"));
            f.problem->show();
        } else {
            f.problem->clear();
            f.problem->setProperty("severity", QString());
            f.problem->hide();
        }
    }
    // Problems on fields the form does not show (none today) still block saving.
    for (const FieldProblem& p : std::as_const(m_problems))
        hasError = hasError || (p.isError() && !m_fields.contains(p.field));

    m_ok->setEnabled(!hasError);
    if (hasError && !stillNeeded.isEmpty())
        m_summary->setText(tr("Still needed: %1").arg(stillNeeded.join(tr(", "))));
    else if (hasError)
        m_summary->setText(tr("Correct the fields marked in red to save."));
    else if (hasWarning)
        m_summary->setText(tr("You can save; please check the fields marked in amber."));
    else
        m_summary->clear();
    m_ok->setToolTip(hasError ? MemberValidator::describeErrors(m_problems) : QString());

    // Messages appear under their fields: grow rather than squeeze them (a window does not follow
    // its layout's height-for-width by itself).
    if (isVisible() && layout()) {
        layout()->activate();
        int needed = heightForWidth(width());
        if (needed < 0)
            needed = minimumSizeHint().height();
        if (needed > height())
            resize(width(), needed);
    }
}

bool MemberDialog::save()
{
    validate();
    if (MemberValidator::hasErrors(m_problems)) {
        m_showAll = true;
        showProblems();
        return false;
    }
    Member m = formValues();
    QString error;
    QList<FieldProblem> problems;
    MemberRepository repository(m_store, m_scope);
    const bool stored = m_mode == Mode::Add ? repository.add(m, m_actor, &error, &problems)
                                            : repository.update(m, m_actor, &error, &problems);
    if (!stored) {
        qCInfo(lcUi) << "member not stored:" << error;
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        // Attach the refusal to its field when the message names one (a duplicate ID number).
        for (const QString& field : std::as_const(m_fieldOrder)) {
            if (error.startsWith(MemberValidator::fieldLabel(field) + QLatin1Char(':'))) {
                m_storeProblems.append({field, error, fieldValue(field)});
                m_fields[field].touched = true;
                if (QWidget* w = editor(field))
                    w->setFocus();
                break;
            }
        }
        validate();
        return false;
    }
    m_savedId = m.id;
    m_initialFields = formValues().toFields();
    emit memberSaved(m.id);
    return true;
}

void MemberDialog::accept()
{
    if (save())
        QDialog::accept();
}

void MemberDialog::reject()
{
    if (hasUnsavedChanges() &&
        Ask::question(this, tr("Discard changes"),
                      m_mode == Mode::Add ? tr("Discard the new member you have entered?")
                                          : tr("Discard your changes to this member?"),
                      QMessageBox::Discard | QMessageBox::Cancel,
                      QMessageBox::Cancel) != QMessageBox::Discard)
        return;
    QDialog::reject();
}

QWidget* MemberDialog::editor(const QString& field) const
{
    const auto it = m_fields.constFind(field);
    return it == m_fields.constEnd() ? nullptr : it->editor;
}

QLineEdit* MemberDialog::lineEdit(const QString& field) const
{
    return qobject_cast<QLineEdit*>(editor(field));
}

QComboBox* MemberDialog::comboBox(const QString& field) const
{
    return qobject_cast<QComboBox*>(editor(field));
}

QCheckBox* MemberDialog::checkBox(const QString& field) const
{
    return qobject_cast<QCheckBox*>(editor(field));
}

QLabel* MemberDialog::problemLabel(const QString& field) const
{
    const auto it = m_fields.constFind(field);
    return it == m_fields.constEnd() ? nullptr : it->problem;
}

} // namespace ud
