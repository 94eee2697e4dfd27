#pragma once

#include "store/Scope.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QTreeView;

namespace ud {

class AppSettings;
class Database;
class MessageBar;
class OrganisationTreeModel;
class RosterView;

// The main window: the organisation tree on the left (choosing an organisation narrows the roster
// to its subtree), the roster in the middle, the member actions in menus and a toolbar, and a
// status bar with the member count, the operations waiting to sync and the data file. Dialogs
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
    OrganisationTreeModel* organisationModel() const { return m_treeModel; }
    MessageBar* messageBar() const { return m_messageBar; }
    QLabel* memberCountLabel() const { return m_countLabel; }
    QLabel* pendingLabel() const { return m_pendingLabel; }
    QLabel* storeLabel() const { return m_storeLabel; }

    QAction* newMemberAction() const { return m_newMember; }
    QAction* editMemberAction() const { return m_editMember; }
    QAction* changeStatusAction() const { return m_changeStatus; }
    QAction* historyAction() const { return m_history; }
    QAction* refreshAction() const { return m_refresh; }
    QAction* settingsAction() const { return m_settings; }
    QAction* quitAction() const { return m_quit; }

    // The organisation new members go to: the one chosen in the tree.
    QString currentOrganisationId() const;
    bool selectOrganisation(const QString& organisationId);

public slots:
    void newMember();
    void editMember();
    void changeStatus();
    void showHistory();
    void refresh();
    void showSettings();
    void showAbout();

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

    Database& m_store;
    AppSettings& m_appSettings;
    Scope m_scope;
    qint64 m_organisationTotal = 0;

    OrganisationTreeModel* m_treeModel = nullptr;
    QTreeView* m_tree = nullptr;
    QDockWidget* m_treeDock = nullptr;
    RosterView* m_roster = nullptr;
    MessageBar* m_messageBar = nullptr;
    QLabel* m_countLabel = nullptr;
    QLabel* m_pendingLabel = nullptr;
    QLabel* m_storeLabel = nullptr;

    QAction* m_newMember = nullptr;
    QAction* m_editMember = nullptr;
    QAction* m_changeStatus = nullptr;
    QAction* m_history = nullptr;
    QAction* m_refresh = nullptr;
    QAction* m_settings = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_about = nullptr;
};

} // namespace ud
