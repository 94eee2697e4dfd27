#pragma once

#include "store/Scope.h"
#include "transfers/MemberLookupRunner.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace ud {

class Database;
class MessageBar;
class OrganisationCombo;

// 转入申请: a union of this data file asks to take in a person who is a member elsewhere. The clerk
// types the ID number (checked as typed) and picks the receiving union. Signed in to the server,
// the dialog looks the number up first (on a pool thread, with a busy indicator) and shows only the
// masked summary the server gives — masked name, holding union, since when — before the clerk
// confirms; offline it says that the server checks the request at the next sync. The request is
// written with its outbox operation (TransferWorkflow::requestIn).
class TransferInDialog : public QDialog
{
    Q_OBJECT

public:
    // `session` gives the signed-in session for the look-up (may be empty: offline).
    TransferInDialog(Database& store, const Scope& scope, MemberLookupRunner::SessionSource session,
                     QWidget* parent = nullptr);

    void setActor(const QString& actor) { m_actor = actor; }
    void setIdNumber(const QString& idNumber);
    void setOrganisation(const QString& organisationId);

    // Test seams.
    QLineEdit* idNumberEdit() const { return m_idNumber; }
    QLabel* idNumberHint() const { return m_idHint; }
    OrganisationCombo* organisationCombo() const { return m_organisation; }
    QLineEdit* noteEdit() const { return m_note; }
    QLabel* lookupLabel() const { return m_lookupText; }
    QProgressBar* lookupBusy() const { return m_busy; }
    QPushButton* lookupButton() const { return m_lookUp; }
    MessageBar* messageBar() const { return m_messageBar; }
    QPushButton* okButton() const { return m_ok; }
    MemberLookupRunner* lookup() const { return m_lookup; }
    // The last answer for the number in the form (Result::NotConnected before any).
    const MemberLookupOutcome& lookupOutcome() const { return m_outcome; }

    // What OK does: writes the request and returns true, or shows why not.
    bool save();

public slots:
    void accept() override;
    void startLookup();

signals:
    void requested(const QString& transferId);

private:
    void idNumberEdited();
    void lookupStarted();
    void lookupFinished(const MemberLookupOutcome& outcome);
    QString validIdNumber() const;
    void updateOk();

    Database& m_store;
    Scope m_scope;
    QString m_actor;
    MemberLookupRunner* m_lookup = nullptr;
    MemberLookupOutcome m_outcome;

    MessageBar* m_messageBar = nullptr;
    QLineEdit* m_idNumber = nullptr;
    QLabel* m_idHint = nullptr;
    OrganisationCombo* m_organisation = nullptr;
    QLineEdit* m_note = nullptr;
    QLabel* m_lookupText = nullptr;
    QProgressBar* m_busy = nullptr;
    QPushButton* m_lookUp = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace ud
