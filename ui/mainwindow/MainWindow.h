#pragma once

#include "store/Scope.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QTabWidget;
class QTreeView;

namespace ud {

class AppSettings;
class Database;
class MessageBar;
class OrganisationPage;
class OrganisationSearchBox;
class OrganisationTreeModel;
class RosterView;
class SyncController;
class SyncStatusButton;
class TransferMenu;

// The main window: the organisation tree on the left (choosing an organisation narrows the roster
// to its subtree), the roster in the middle, the member actions in menus and a toolbar, and a
// status bar with the member count, the operations waiting to sync, the sync state and the data
// file. Sync runs in the background (SyncController) once the clerk has signed in to the server. Dialogs
// open window-modal without blocking (open(), not exec()), so tests can drive them.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `store` must outlive the window. The session's scope is the store's root organisation.
    explicit MainWindow(Database& store, QWidget* parent = nullptr);
    ~MainWindow() override;

    const Scope& scope() const { return m_scope; }
    RosterView* rosterView() const { return m_roster; }
    QTreeView* organisationTree() const { return m_tree; }
    OrganisationSearchBox* organisationSearch() const { return m_organisationSearch; }
    // The roster and the organisation page, as tabs.
    QTabWidget* tabs() const { return m_tabs; }
    OrganisationPage* organisationPage() const { return m_organisationPage; }
    OrganisationTreeModel* organisationModel() const { return m_treeModel; }
    MessageBar* messageBar() const { return m_messageBar; }
    QLabel* memberCountLabel() const { return m_countLabel; }
    QLabel* pendingLabel() const { return m_pendingLabel; }
    QLabel* storeLabel() const { return m_storeLabel; }

    QAction* newMemberAction() const { return m_newMember; }
    QAction* editMemberAction() const { return m_editMember; }
    QAction* changeStatusAction() const { return m_changeStatus; }
    QAction* historyAction() const { return m_history; }
    QAction* importMembersAction() const { return m_importMembers; }
    QAction* importHistoryAction() const { return m_importHistory; }
    QAction* exportRosterAction() const { return m_exportRoster; }
    QAction* saveTemplateAction() const { return m_saveTemplate; }
    QAction* refreshAction() const { return m_refresh; }
    QAction* settingsAction() const { return m_settings; }
    QAction* syncNowAction() const { return m_syncNow; }
    QAction* conflictsAction() const { return m_conflicts; }
    QAction* serverAction() const { return m_server; }
    SyncController* syncController() const { return m_sync; }
    SyncStatusButton* syncStatus() const { return m_syncStatus; }
    // Member ▸ Transfer out, Request transfer in, Transfers (issue #6).
    TransferMenu* transferMenu() const { return m_transferMenu; }
    QAction* quitAction() const { return m_quit; }

    // The organisation new members go to: the one chosen in the tree.
    QString currentOrganisationId() const;
    bool selectOrganisation(const QString& organisationId);

public slots:
    void newMember();
    void editMember();
    void changeStatus();
    void showHistory();
    void importMembers();
    void showImportHistory();
    // 换届提醒: terms of office ending soon across the subtree.
    void showExpiringTerms();
    // The roster as it is shown (organisation, filter, order) to .xlsx or .csv.
    void exportRoster();
    // Asks where, then writes the import template workbook.
    void saveImportTemplate();
    bool writeImportTemplate(const QString& path);
    void refresh();
    void showSettings();
    void showAbout();
    // Syncs with the server now, asking first for the server and password when this session has none.
    void syncNow();
    void showConflicts();
    void showServerSignIn();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void restoreLayout();
    void saveLayout();
    void onOrganisationChanged();
    void updateMemberActions();
    void updateCount(qint64 shown);
    void updateOrganisationTotal();
    void updatePending();
    void memberSaved(const QString& memberId, bool added);
    void membersImported(const QString& organisationId, int count);
    void importUndone(int removed);
    void rosterExported(const QString& path, int count);
    void syncFinished(bool ok, bool changed);
    void transfersChanged(const QString& memberId);

    Database& m_store;
    AppSettings& m_appSettings;
    Scope m_scope;
    qint64 m_organisationTotal = 0;

    OrganisationTreeModel* m_treeModel = nullptr;
    QTreeView* m_tree = nullptr;
    QDockWidget* m_treeDock = nullptr;
    RosterView* m_roster = nullptr;
    QTabWidget* m_tabs = nullptr;
    OrganisationPage* m_organisationPage = nullptr;
    OrganisationSearchBox* m_organisationSearch = nullptr;
    MessageBar* m_messageBar = nullptr;
    QLabel* m_countLabel = nullptr;
    QLabel* m_pendingLabel = nullptr;
    QLabel* m_storeLabel = nullptr;
    SyncController* m_sync = nullptr;
    SyncStatusButton* m_syncStatus = nullptr;
    TransferMenu* m_transferMenu = nullptr;
    qint64 m_lastPending = -1;

    QAction* m_newMember = nullptr;
    QAction* m_editMember = nullptr;
    QAction* m_changeStatus = nullptr;
    QAction* m_history = nullptr;
    QAction* m_importMembers = nullptr;
    QAction* m_importHistory = nullptr;
    QAction* m_exportRoster = nullptr;
    QAction* m_saveTemplate = nullptr;
    QAction* m_refresh = nullptr;
    QAction* m_expiringTerms = nullptr;
    QAction* m_settings = nullptr;
    QAction* m_syncNow = nullptr;
    QAction* m_conflicts = nullptr;
    QAction* m_server = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_about = nullptr;
};

} // namespace ud
