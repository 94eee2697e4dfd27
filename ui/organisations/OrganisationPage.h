#pragma once

#include "store/Scope.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace ud {

class CadreDialog;
class CommitteeModel;
class Database;
class DissolveRequestDialog;
class MessageBar;
class OrganisationImportDialog;
class OrganisationRequestDialog;
class OrganisationRequestModel;
class OrganisationSummary;
class RequestDecisionDialog;
class SubUnionModel;

// The organisation page, beside the roster: for the organisation chosen in the tree, its details
// and counts (OrganisationSummary), its committee, its set-up / change / dissolve requests with their
// history, and the unions directly under it. From here the clerk submits requests, approves or
// rejects those the session's organisation may decide, and adds or ends cadres' terms. It reads
// only when shown: choosing organisations in the tree while the roster is in front costs nothing.
// Dialogs open window-modal without blocking (open()); the slots return them for tests.
class OrganisationPage : public QWidget
{
    Q_OBJECT

public:
    // `store` must outlive the page.
    OrganisationPage(Database& store, const Scope& scope, QWidget* parent = nullptr);
    ~OrganisationPage() override;

    QString organisationId() const { return m_organisationId; }
    // The name requests, decisions and cadres are signed with (the clerk's by default).
    void setActor(const QString& actor) { m_actor = actor; }
    // Shows `organisationId` (read now if the page is visible, else when it is next shown).
    void setOrganisation(const QString& organisationId);
    // Reads the organisation, its counts and lists again.
    void reload();
    // reload() now if the page is visible, else when it is next shown.
    void refresh();

    // Test seams.
    OrganisationSummary* summary() const { return m_summary; }
    MessageBar* messageBar() const { return m_messageBar; }
    QTabWidget* tabs() const { return m_tabs; }
    QTableView* committeeTable() const { return m_committeeTable; }
    QTableView* requestTable() const { return m_requestTable; }
    QTableView* subUnionTable() const { return m_subUnionTable; }
    CommitteeModel* committeeModel() const { return m_committee; }
    OrganisationRequestModel* requestModel() const { return m_requests; }
    SubUnionModel* subUnionModel() const { return m_subUnions; }
    QPushButton* establishButton() const { return m_establish; }
    QPushButton* changeButton() const { return m_change; }
    QPushButton* dissolveButton() const { return m_dissolve; }
    QPushButton* approveButton() const { return m_approve; }
    QPushButton* rejectButton() const { return m_reject; }
    QPushButton* withdrawButton() const { return m_withdraw; }
    QPushButton* addCadreButton() const { return m_addCadre; }
    QPushButton* endTermButton() const { return m_endTerm; }
    QPushButton* importUnionsButton() const { return m_importUnions; }
    QPushButton* exportUnionsButton() const { return m_exportUnions; }
    QCheckBox* showEndedCheck() const { return m_showEnded; }

public slots:
    OrganisationRequestDialog* requestEstablish();
    OrganisationRequestDialog* requestChange();
    DissolveRequestDialog* requestDissolve();
    // On the request selected in the requests list.
    RequestDecisionDialog* approveRequest();
    RequestDecisionDialog* rejectRequest();
    void withdrawRequest();
    // On the cadre selected in the committee list.
    CadreDialog* addCadre();
    void endTerm();
    // Unions from a list (工会组织信息表) under the shown organisation: the file (asked for when
    // `path` is empty) is read and checked, the preview opens, and accepting it adds them.
    OrganisationImportDialog* importUnions(const QString& path = QString());
    // The shown organisation and everything under it to .xlsx or .csv (asked for when `path` is empty).
    bool exportUnions(const QString& path = QString());

signals:
    // Organisations were added, changed or dissolved: the tree must be read again.
    void organisationsChanged();
    // The clerk double-clicked a union in the list of unions under this one.
    void organisationActivated(const QString& organisationId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QTableView* makeTable(const char* name);
    // Opens the set-up or change dialog, started by `start`; an error goes to the message bar.
    OrganisationRequestDialog* openRequestDialog(bool (OrganisationRequestDialog::*start)(const QString&,
                                                                                          QString*));
    void loadCommittee();
    void updateActions();
    void requestSubmitted(const QString& requestId);
    RequestDecisionDialog* decide(bool approve);
    QString selectedRequestId() const;
    QString selectedCadreId() const;

    Database& m_store;
    Scope m_scope;
    QString m_organisationId;
    bool m_stale = true;
    bool m_active = false; // the organisation is in operation
    QString m_actor;

    MessageBar* m_messageBar = nullptr;
    OrganisationSummary* m_summary = nullptr;
    QTabWidget* m_tabs = nullptr;
    CommitteeModel* m_committee = nullptr;
    OrganisationRequestModel* m_requests = nullptr;
    SubUnionModel* m_subUnions = nullptr;
    QTableView* m_committeeTable = nullptr;
    QTableView* m_requestTable = nullptr;
    QTableView* m_subUnionTable = nullptr;
    QLabel* m_flaggedLabel = nullptr;
    QPushButton* m_establish = nullptr;
    QPushButton* m_change = nullptr;
    QPushButton* m_dissolve = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_reject = nullptr;
    QPushButton* m_withdraw = nullptr;
    QPushButton* m_addCadre = nullptr;
    QPushButton* m_endTerm = nullptr;
    QPushButton* m_importUnions = nullptr;
    QPushButton* m_exportUnions = nullptr;
    QCheckBox* m_showEnded = nullptr;
};

} // namespace ud
