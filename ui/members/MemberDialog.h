#pragma once

#include "members/Member.h"
#include "members/MemberValidator.h"
#include "store/Scope.h"
#include "transfers/MemberLookupRunner.h"

#include <QDialog>
#include <QHash>
#include <QList>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace ud {

class Database;
class MessageBar;
class OrganisationCombo;

// Adds a member or edits one. Every field is checked as the clerk types (the core's
// MemberValidator on a copy of the form): an error shows in red under its field and keeps OK
// disabled, a warning shows in amber. A valid ID number fills an empty gender and birth date.
// What the store refuses (a duplicate ID number names the member who has it) shows in the message
// bar at the top; the dialog stays open and keeps everything typed.
//
// Each editor's objectName is the member field it edits ("name", "idNumber", "organisation", …),
// and editor(field) returns it, so tests drive the dialog as a clerk would.
class MemberDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Add,
        Edit,
    };

    MemberDialog(Database& store, const Scope& scope, QWidget* parent = nullptr);

    // An empty form for a new member of `organisationId` (may be empty: the clerk chooses).
    void startNew(const QString& organisationId);
    // The form filled with a stored member; false with a message if it cannot be read.
    bool startEdit(const QString& memberId, QString* error = nullptr);

    Mode mode() const { return m_mode; }
    void setActor(const QString& actor) { m_actor = actor; }
    // Signed in to a server, a new member's ID number is looked up there: a person who is a member
    // elsewhere is offered as a transfer in rather than added twice.
    void setLookup(MemberLookupRunner::SessionSource session);
    MemberLookupRunner* lookup() const { return m_lookup; }
    // The id of the member stored by the last successful save.
    QString savedMemberId() const { return m_savedId; }

    // The form's values as a record (not yet normalised).
    Member formValues() const;
    // The problems the form has now (after the last edit).
    const QList<FieldProblem>& problems() const { return m_problems; }
    bool hasUnsavedChanges() const;

    // Test seams.
    QWidget* editor(const QString& field) const;
    QLineEdit* lineEdit(const QString& field) const;
    QComboBox* comboBox(const QString& field) const;
    QCheckBox* checkBox(const QString& field) const;
    // The red or amber text under a field (hidden when the field is fine).
    QLabel* problemLabel(const QString& field) const;
    MessageBar* messageBar() const { return m_messageBar; }
    QPushButton* okButton() const { return m_ok; }
    QLabel* summaryLabel() const { return m_summary; }

    // What OK does: stores the member and returns true, or shows why not and returns false.
    bool save();

public slots:
    void accept() override;
    void reject() override;

signals:
    void memberSaved(const QString& memberId);
    // The clerk chose to request a transfer in of the person with `idNumber` (the dialog closes).
    void transferInRequested(const QString& idNumber);

private:
    struct Field
    {
        QWidget* editor = nullptr;
        QLabel* label = nullptr;
        QLabel* problem = nullptr;
        bool touched = false;
    };
    // A refusal from the store that belongs to one field, shown until that field changes.
    struct StoreProblem
    {
        QString field;
        QString message;
        QString valueWhenRefused;
    };

    void buildForm();
    QLineEdit* addLineEdit(QFormLayout* form, const char* field, const QString& placeholder = QString());
    QComboBox* addCombo(QFormLayout* form, const char* field);
    QCheckBox* addCheckBox(QFormLayout* form, const char* field);
    void addRow(QFormLayout* form, const QString& field, QWidget* editor, bool withLabel = true);
    void watch(const QString& field, QWidget* editor);

    void setFormValues(const Member& member);
    QString fieldValue(const QString& field) const;
    void edited(const QString& field);
    void validate();
    void showProblems();
    void updateVerificationEditors();
    void lookupFinished(const MemberLookupOutcome& outcome);
    static QString withoutFieldPrefix(const QString& message);

    Database& m_store;
    Scope m_scope;
    Mode m_mode = Mode::Add;
    QString m_actor;
    Member m_original;
    QJsonObject m_initialFields;
    QString m_savedId;

    QHash<QString, Field> m_fields;
    QStringList m_fieldOrder;
    QList<FieldProblem> m_problems;
    QList<StoreProblem> m_storeProblems;
    bool m_programmatic = false;
    bool m_showAll = false;
    // The gender and birth date last filled in from the ID number; still "empty" for the clerk.
    QString m_autoGender;
    QString m_autoBirthDate;

    MemberLookupRunner* m_lookup = nullptr;
    MessageBar* m_messageBar = nullptr;
    OrganisationCombo* m_organisation = nullptr;
    QPlainTextEdit* m_notes = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace ud
