#pragma once

#include "organisations/Organisation.h"
#include "store/Scope.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ud {

class Database;
class MessageBar;

// A request to set up a union under an organisation (设立), or to change one (变更): the
// organisation's fields of DESIGN.md and the reason. Nothing changes until a level above approves
// the request; the dialog only submits it (OrganisationRequestRepository). The credit code is checked
// as it is typed.
class OrganisationRequestDialog : public QDialog
{
    Q_OBJECT

public:
    OrganisationRequestDialog(Database& store, const Scope& scope, QWidget* parent = nullptr);

    // A new union under `parentId`.
    bool startEstablish(const QString& parentId, QString* error = nullptr);
    // A change to `organisationId`, the form filled with its current fields.
    bool startChange(const QString& organisationId, QString* error = nullptr);
    void setActor(const QString& actor) { m_actor = actor; }
    bool isChange() const { return !m_original.id.isEmpty(); }

    // Test seams: a field's editor by its API name (name, creditCode, foundedOn, …).
    QLineEdit* lineEdit(const QString& field) const;
    QComboBox* levelCombo() const { return m_level; }
    QComboBox* kindCombo() const { return m_kind; }
    QSpinBox* headcountSpin() const { return m_headcount; }
    QLineEdit* reasonEdit() const { return m_reason; }
    MessageBar* messageBar() const { return m_messageBar; }
    QLabel* creditCodeHint() const { return m_creditHint; }
    QPushButton* okButton() const { return m_ok; }

    // What OK does: submits the request and returns true, or shows why not.
    bool save();

public slots:
    void accept() override;

signals:
    void submitted(const QString& requestId);

private:
    Organisation formValues() const;
    void updateOk();

    Database& m_store;
    Scope m_scope;
    QString m_actor;
    QString m_parentId;
    Organisation m_original; // a change: the organisation as it is

    MessageBar* m_messageBar = nullptr;
    QLabel* m_intro = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_level = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_creditCode = nullptr;
    QLabel* m_creditHint = nullptr;
    QLineEdit* m_legalNumber = nullptr;
    QLineEdit* m_legalDate = nullptr;
    QLineEdit* m_founded = nullptr;
    QLineEdit* m_address = nullptr;
    QLineEdit* m_contact = nullptr;
    QLineEdit* m_industry = nullptr;
    QSpinBox* m_headcount = nullptr;
    QLineEdit* m_reason = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace ud
