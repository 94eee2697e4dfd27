#include "mainwindow/MainWindow.h"

#include "common/ActionText.h"
#include "common/Actor.h"
#include "common/MessageBar.h"
#include "export/ExportDialog.h"
#include "import/ImportHistoryDialog.h"
#include "import/ImportWizard.h"
#include "io/RosterExport.h"
#include "members/HistoryDialog.h"
#include "members/MemberDialog.h"
#include "members/MemberRepository.h"
#include "members/RosterModel.h"
#include "members/RosterQuery.h"
#include "members/StatusDialog.h"
#include "organisations/ExpiringTermsDialog.h"
#include "organisations/OrganisationPage.h"
#include "organisations/OrganisationRepository.h"
#include "organisations/OrganisationSearchBox.h"
#include "organisations/OrganisationTreeModel.h"
#include "roster/RosterView.h"
#include "settings/SettingsDialog.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "sync/ConflictsDialog.h"
#include "sync/ServerSignInDialog.h"
#include "sync/SyncController.h"
#include "sync/SyncStatusButton.h"
#include "transfers/TransferInDialog.h"
#include "transfers/TransferMenu.h"
#include "util/AppSettings.h"
#include "util/LogCategories.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace ud {

MainWindow::MainWindow(Database& store, QWidget* parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_appSettings(AppSettings::instance())
    , m_scope(OrganisationRepository::rootScope(store))
{
    setObjectName(QStringLiteral("mainWindow"));
    const std::optional<Organisation> root =
        OrganisationRepository(m_store, m_scope).find(m_scope.organisationId());
    setWindowTitle(root ? tr("%1 \u2013 %2").arg(root->name, tr("工会桌面通 UnionDesk"))
                        : tr("工会桌面通 UnionDesk"));

    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(6, 6, 6, 0);
    m_messageBar = new MessageBar(central);
    centralLayout->addWidget(m_messageBar);
    // The roster and the organisation page of the organisation chosen in the tree, side by side as tabs.
    m_tabs = new QTabWidget(central);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_roster = new RosterView(m_tabs);
    m_tabs->addTab(m_roster, tr("Roster"));
    m_organisationPage = new OrganisationPage(m_store, m_scope, m_tabs);
    m_tabs->addTab(m_organisationPage, tr("Organisation"));
    centralLayout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_treeModel = new OrganisationTreeModel(this);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("organisationTree"));
    m_tree->setModel(m_treeModel);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The name takes the room; the active-member count of each subtree keeps to the right.
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(OrganisationTreeModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(OrganisationTreeModel::MembersColumn,
                                           QHeaderView::ResizeToContents);
    m_organisationSearch = new OrganisationSearchBox(m_store, m_scope, this);
    auto* treePane = new QWidget(this);
    auto* treeLayout = new QVBoxLayout(treePane);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->setSpacing(4);
    treeLayout->addWidget(m_organisationSearch);
    treeLayout->addWidget(m_tree, 1);
    m_treeDock = new QDockWidget(tr("Organisations"), this);
    m_treeDock->setObjectName(QStringLiteral("organisationDock"));
    m_treeDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    m_treeDock->setWidget(treePane);
    addDockWidget(Qt::LeftDockWidgetArea, m_treeDock);

    m_sync = new SyncController(m_store, this);
    connect(m_sync, &SyncController::finished, this, &MainWindow::syncFinished);
    createActions();
    createMenus();
    createToolBar();
    createStatusBar();

    m_treeModel->reload(OrganisationRepository(m_store, m_scope));
    m_tree->expandToDepth(1);
    m_roster->setSource(m_store.connection(), m_scope);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onOrganisationChanged);
    connect(m_roster, &RosterView::countChanged, this, &MainWindow::updateCount);
    connect(m_roster, &RosterView::currentMemberChanged, this, &MainWindow::updateMemberActions);
    connect(m_roster, &RosterView::memberActivated, this, &MainWindow::editMember);
    connect(m_organisationSearch, &OrganisationSearchBox::organisationChosen, this,
            &MainWindow::selectOrganisation);
    connect(m_organisationPage, &OrganisationPage::organisationActivated, this,
            &MainWindow::selectOrganisation);
    connect(m_organisationPage, &OrganisationPage::organisationsChanged, this, &MainWindow::refresh);

    selectOrganisation(m_scope.organisationId());
    updateOrganisationTotal();
    updateCount(m_roster->model()->rowCount());
    updatePending();
    updateMemberActions();
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    auto make = [this](const QString& text, const char* name, const QList<QKeySequence>& keys,
                       const QString& tip) {
        auto* action = new QAction(text, this);
        action->setIconText(buttonText(text)); // the toolbar shows "新增会员", not "新增会员(N)…"
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcuts(keys);
        const QString shortcut = keys.isEmpty() ? QString() : keys.first().toString(QKeySequence::NativeText);
        action->setToolTip(shortcut.isEmpty() ? tip : tr("%1 (%2)").arg(tip, shortcut));
        action->setStatusTip(tip);
        addAction(action);
        return action;
    };
    m_newMember =
        make(tr("&New member\u2026"), "actionNewMember", {QKeySequence::New}, tr("Add a new member"));
    m_editMember = make(tr("&Edit member\u2026"), "actionEditMember", {QKeySequence(Qt::Key_F2)},
                        tr("Edit the selected member (Enter or double-click also edits)"));
    m_changeStatus = make(tr("Change &status\u2026"), "actionChangeStatus",
                          {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
                          tr("Retain, withdraw, stop, expel or restore the selected member's membership"));
    m_history = make(tr("&History\u2026"), "actionHistory", {QKeySequence(Qt::CTRL | Qt::Key_H)},
                     tr("Show the selected member's history"));
    m_importMembers =
        make(tr("&Import members\u2026"), "actionImportMembers", {QKeySequence(Qt::CTRL | Qt::Key_I)},
             tr("Import a roster from an Excel, WPS or text file"));
    m_importHistory = make(tr("Import &history\u2026"), "actionImportHistory",
                           {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I)},
                           tr("The imports made so far; undo an import as a whole"));
    m_exportRoster = make(tr("&Export roster…"), "actionExportRoster", {QKeySequence(Qt::CTRL | Qt::Key_E)},
                          tr("Save the members the roster shows as an Excel workbook or a CSV file"));
    m_saveTemplate = make(tr("Save import &template…"), "actionSaveImportTemplate", {},
                          tr("An empty workbook with the expected columns, to fill in and import"));
    m_expiringTerms = make(tr("&Terms ending soon\u2026"), "actionExpiringTerms", {},
                           tr("Cadres whose term of office ends soon, across your organisation (换届提醒)"));
    m_refresh = make(tr("&Refresh"), "actionRefresh", {QKeySequence(Qt::Key_F5)},
                     tr("Read the organisations and the roster again"));
    // Preferences has no standard key on every platform; Ctrl+, is the common one.
    QList<QKeySequence> preferences = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (!preferences.contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)))
        preferences.append(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settings = make(tr("&Settings\u2026"), "actionSettings", preferences, tr("Language and your name"));
    m_settings->setMenuRole(QAction::PreferencesRole);
    m_quit = make(tr("&Quit"), "actionQuit", {QKeySequence(Qt::CTRL | Qt::Key_Q)}, tr("Close UnionDesk"));
    m_quit->setMenuRole(QAction::QuitRole);
    m_syncNow = make(tr("&Sync now"), "actionSyncNow", {QKeySequence(Qt::Key_F9)},
                     tr("Send this computer's changes to the server and receive the others'"));
    m_conflicts = make(tr("Sync &conflicts\u2026"), "actionConflicts", {},
                       tr("Changes the server could not take as they were: keep yours or take the server's"));
    m_server = make(tr("Sign in to the se&rver\u2026"), "actionServer", {},
                    tr("The server and account this data file syncs with"));
    m_about = make(tr("&About UnionDesk"), "actionAbout", {}, tr("Version and licence"));
    m_about->setMenuRole(QAction::AboutRole);

    connect(m_newMember, &QAction::triggered, this, &MainWindow::newMember);
    connect(m_editMember, &QAction::triggered, this, &MainWindow::editMember);
    connect(m_changeStatus, &QAction::triggered, this, &MainWindow::changeStatus);
    connect(m_history, &QAction::triggered, this, &MainWindow::showHistory);
    connect(m_importMembers, &QAction::triggered, this, &MainWindow::importMembers);
    connect(m_importHistory, &QAction::triggered, this, &MainWindow::showImportHistory);
    connect(m_expiringTerms, &QAction::triggered, this, &MainWindow::showExpiringTerms);
    connect(m_exportRoster, &QAction::triggered, this, &MainWindow::exportRoster);
    connect(m_saveTemplate, &QAction::triggered, this, &MainWindow::saveImportTemplate);
    connect(m_refresh, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_settings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_syncNow, &QAction::triggered, this, &MainWindow::syncNow);
    connect(m_conflicts, &QAction::triggered, this, &MainWindow::showConflicts);
    connect(m_server, &QAction::triggered, this, &MainWindow::showServerSignIn);

    m_transferMenu = new TransferMenu(
        m_store, m_scope, m_sync, this, m_messageBar, [this] { return m_roster->currentMemberId(); },
        [this] { return currentOrganisationId(); });
    connect(m_transferMenu, &TransferMenu::changed, this, &MainWindow::transfersChanged);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_importMembers);
    file->addAction(m_importHistory);
    file->addAction(m_saveTemplate);
    file->addSeparator();
    file->addAction(m_exportRoster);
    file->addSeparator();
    file->addAction(m_settings);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu* member = menuBar()->addMenu(tr("&Member"));
    member->addAction(m_newMember);
    member->addAction(m_editMember);
    member->addAction(m_changeStatus);
    member->addAction(m_history);
    member->addSeparator();
    member->addAction(m_transferMenu->transferOutAction());
    member->addAction(m_transferMenu->requestInAction());
    member->addAction(m_transferMenu->transfersAction());

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_roster->findAction());
    view->addAction(m_roster->showFullNumbersAction());
    view->addAction(m_expiringTerms);
    view->addAction(m_refresh);
    view->addSeparator();
    QAction* showTree = m_treeDock->toggleViewAction();
    showTree->setText(tr("&Organisation tree"));
    view->addAction(showTree);

    QMenu* syncMenu = menuBar()->addMenu(tr("S&ync"));
    syncMenu->addAction(m_syncNow);
    syncMenu->addAction(m_conflicts);
    syncMenu->addSeparator();
    syncMenu->addAction(m_server);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_about);

    // The same actions on a right click in the roster.
    m_roster->table()->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_roster->table()->addActions(
        {m_editMember, m_changeStatus, m_history, m_transferMenu->transferOutAction()});
}

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(tr("Main toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(m_newMember);
    bar->addAction(m_editMember);
    bar->addAction(m_changeStatus);
    bar->addAction(m_history);
    bar->addSeparator();
    bar->addAction(m_importMembers);
    bar->addAction(m_exportRoster);
    bar->addSeparator();
    bar->addAction(m_refresh);
}

void MainWindow::createStatusBar()
{
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("statusMemberCount"));
    m_pendingLabel = new QLabel(this);
    m_pendingLabel->setObjectName(QStringLiteral("statusPending"));
    m_storeLabel = new QLabel(this);
    m_storeLabel->setObjectName(QStringLiteral("statusStore"));
    m_storeLabel->setText(m_storeLabel->fontMetrics().elidedText(tr("Data file: %1").arg(m_store.path()),
                                                                 Qt::ElideMiddle, 420));
    m_storeLabel->setToolTip(m_store.path());
    m_storeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_syncStatus = new SyncStatusButton(*m_sync, this);
    m_syncStatus->addMenuActions({m_syncNow, m_conflicts, m_server});
    statusBar()->addWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_pendingLabel);
    statusBar()->addPermanentWidget(m_syncStatus);
    statusBar()->addPermanentWidget(m_storeLabel);
}

void MainWindow::restoreLayout()
{
    const QByteArray geometry = m_appSettings.value(AppSettings::Key::MainWindowGeometry).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1280, 760);
    if (!restoreState(m_appSettings.value(AppSettings::Key::MainWindowState).toByteArray()))
        resizeDocks({m_treeDock}, {m_tree->fontMetrics().averageCharWidth() * 50}, Qt::Horizontal);
    m_roster->restoreHeaderState(m_appSettings.value(AppSettings::Key::RosterHeaderState).toByteArray());
}

void MainWindow::saveLayout()
{
    m_appSettings.setValue(AppSettings::Key::MainWindowGeometry, saveGeometry());
    m_appSettings.setValue(AppSettings::Key::MainWindowState, saveState());
    m_appSettings.setValue(AppSettings::Key::RosterHeaderState, m_roster->saveHeaderState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    event->accept();
}

QString MainWindow::currentOrganisationId() const
{
    const QString id = m_tree->currentIndex().data(OrganisationTreeModel::IdRole).toString();
    return id.isEmpty() ? m_scope.organisationId() : id;
}

bool MainWindow::selectOrganisation(const QString& organisationId)
{
    const QModelIndex index = m_treeModel->indexOf(organisationId);
    if (!index.isValid())
        return false;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

void MainWindow::onOrganisationChanged()
{
    // The whole scope needs no subtree condition; any other organisation narrows to its subtree.
    const QModelIndex current = m_tree->currentIndex();
    const QString id = current.data(OrganisationTreeModel::IdRole).toString();
    const QString path = id.isEmpty() || id == m_scope.organisationId()
                             ? QString()
                             : current.data(OrganisationTreeModel::PathRole).toString();
    m_roster->setOrganisationPath(path);
    m_organisationPage->setOrganisation(id.isEmpty() ? m_scope.organisationId() : id);
    updateOrganisationTotal();
}

void MainWindow::updateOrganisationTotal()
{
    RosterFilter organisationOnly;
    organisationOnly.organisationPath = m_roster->organisationPath();
    if (m_roster->currentFilter() == organisationOnly)
        m_organisationTotal =
            m_roster->model()->rowCount(); // already counted, with nothing else narrowing it
    else
        m_organisationTotal =
            m_scope.isValid() ? RosterQuery(m_store.connection(), m_scope, organisationOnly).count() : 0;
    updateCount(m_roster->model()->rowCount());
}

void MainWindow::updateCount(qint64 shown)
{
    const QLocale locale;
    m_countLabel->setText(
        tr("Showing %1 of %2 members").arg(locale.toString(shown), locale.toString(m_organisationTotal)));
}

void MainWindow::updatePending()
{
    const qint64 pending = Outbox(m_store.connection()).pendingCount();
    m_pendingLabel->setText(pending == 0 ? tr("Everything synced")
                                         : tr("Waiting to sync: %1").arg(QLocale().toString(pending)));
    m_pendingLabel->setToolTip(tr("Changes made on this computer that the server has not received yet"));
    // More waiting than last time: a local edit, which the server should have soon.
    if (m_lastPending >= 0 && pending > m_lastPending)
        m_sync->localChangeMade();
    m_lastPending = pending;
    m_syncStatus->refresh();
}

void MainWindow::syncNow()
{
    if (!m_sync->hasCredentials()) {
        showServerSignIn();
        return;
    }
    m_sync->syncNow();
}

void MainWindow::showServerSignIn()
{
    auto* dialog = new ServerSignInDialog(m_sync->serverUrl(), m_sync->login(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() {
        m_sync->connectTo(dialog->serverUrl(), dialog->login(), dialog->password());
    });
    dialog->open();
}

void MainWindow::showConflicts()
{
    auto* dialog = new ConflictsDialog(m_store, currentActor(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConflictsDialog::resolved, this, [this]() {
        refresh();
        m_sync->localChangeMade();
    });
    connect(dialog, &ConflictsDialog::transferInWanted, this,
            [this](const QString& idNumber, const QString& organisationId) {
                if (TransferInDialog* in = m_transferMenu->requestTransferIn(idNumber))
                    in->setOrganisation(organisationId);
            });
    dialog->open();
}

void MainWindow::syncFinished(bool ok, bool changed)
{
    if (changed)
        refresh();
    else
        updatePending();
    if (!ok && !m_sync->lastError().isEmpty())
        m_messageBar->showMessage(tr("Sync failed: %1").arg(m_sync->lastError()), MessageBar::Kind::Warning);
    else if (ok && m_sync->openConflicts() > 0)
        m_messageBar->showMessage(tr("%n change(s) need your decision before they can sync.", nullptr,
                                     int(m_sync->openConflicts())),
                                  MessageBar::Kind::Warning, tr("Show conflicts"),
                                  [this]() { showConflicts(); });
}

void MainWindow::updateMemberActions()
{
    const bool hasMember = !m_roster->currentMemberId().isEmpty();
    for (QAction* action : {m_editMember, m_changeStatus, m_history})
        action->setEnabled(hasMember);
    m_transferMenu->setMemberSelected(hasMember);
}

void MainWindow::transfersChanged(const QString& memberId)
{
    m_roster->refresh();
    if (!memberId.isEmpty())
        m_roster->selectMember(memberId);
    updatePending();
    m_treeModel->reloadCounts(OrganisationRepository(m_store, m_scope));
}

void MainWindow::newMember()
{
    auto* dialog = new MemberDialog(m_store, m_scope, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->startNew(currentOrganisationId());
    // A person who is a member elsewhere on the server is requested, not added twice.
    SyncController* sync = m_sync;
    dialog->setLookup([sync] { return sync->sessionOptions(); });
    connect(dialog, &MemberDialog::memberSaved, this, [this](const QString& id) { memberSaved(id, true); });
    connect(dialog, &MemberDialog::transferInRequested, m_transferMenu,
            [this](const QString& idNumber) { m_transferMenu->requestTransferIn(idNumber); });
    dialog->open();
}

void MainWindow::editMember()
{
    const QString id = m_roster->currentMemberId();
    if (id.isEmpty())
        return;
    auto* dialog = new MemberDialog(m_store, m_scope, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QString error;
    if (!dialog->startEdit(id, &error)) {
        delete dialog;
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        return;
    }
    connect(dialog, &MemberDialog::memberSaved, this,
            [this](const QString& saved) { memberSaved(saved, false); });
    dialog->open();
}

void MainWindow::memberSaved(const QString& memberId, bool added)
{
    m_roster->refresh();
    if (!m_roster->selectMember(memberId) && added)
        m_messageBar->showMessage(tr("The new member is not shown under the current search and filters."),
                                  MessageBar::Kind::Information);
    else if (const std::optional<Member> m = MemberRepository(m_store, m_scope).find(memberId))
        m_messageBar->showMessage(added ? tr("%1 was added.").arg(m->name) : tr("%1 was saved.").arg(m->name),
                                  MessageBar::Kind::Information);
    updateOrganisationTotal();
    updatePending();
    m_treeModel->reloadCounts(OrganisationRepository(m_store, m_scope));
}

void MainWindow::changeStatus()
{
    const QString id = m_roster->currentMemberId();
    if (id.isEmpty())
        return;
    auto* dialog = new StatusDialog(m_store, m_scope, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &StatusDialog::statusChanged, this, [this](const QString& memberId) {
        m_roster->refresh();
        m_roster->selectMember(memberId);
        updatePending();
        m_treeModel->reloadCounts(OrganisationRepository(m_store, m_scope));
    });
    dialog->open();
}

void MainWindow::showHistory()
{
    const QString id = m_roster->currentMemberId();
    if (id.isEmpty())
        return;
    auto* dialog = new HistoryDialog(m_store, m_scope, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::importMembers()
{
    auto* wizard = new ImportWizard(m_store, m_scope, currentOrganisationId(), m_appSettings, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::membersImported, this, &MainWindow::membersImported);
    connect(wizard, &ImportWizard::importUndone, this,
            [this](const QString&, int removed) { importUndone(removed); });
    wizard->open();
}

void MainWindow::membersImported(const QString& organisationId, int count)
{
    refresh();
    // Show the new members: keep the organisation chosen if they are inside it, else go to theirs.
    bool shown = false;
    const QModelIndex current = m_tree->currentIndex();
    for (QModelIndex i = m_treeModel->indexOf(organisationId); i.isValid() && !shown; i = i.parent())
        shown = i == current;
    if (!shown)
        selectOrganisation(organisationId);
    m_messageBar->showMessage(tr("Members imported: %1.").arg(QLocale().toString(count)),
                              MessageBar::Kind::Information);
}

void MainWindow::showImportHistory()
{
    auto* dialog = new ImportHistoryDialog(m_store, m_scope, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportHistoryDialog::importUndone, this,
            [this](const QString&, int removed) { importUndone(removed); });
    dialog->open();
}

void MainWindow::showExpiringTerms()
{
    auto* dialog = new ExpiringTermsDialog(m_store, m_scope, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExpiringTermsDialog::organisationActivated, this, [this](const QString& organisationId) {
        selectOrganisation(organisationId);
        m_tabs->setCurrentWidget(m_organisationPage);
    });
    dialog->open();
}

void MainWindow::exportRoster()
{
    const RosterModel* model = m_roster->model();
    ExportDialog::Request request;
    request.filter = model->filter();
    request.sort = model->rosterSort();
    request.order = model->sortOrder();
    request.count = model->rowCount();
    if (const std::optional<Organisation> organisation =
            OrganisationRepository(m_store, m_scope).find(currentOrganisationId()))
        request.organisationName = organisation->name;
    auto* dialog = new ExportDialog(m_store, m_scope, request, currentActor(), m_appSettings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::exported, this, &MainWindow::rosterExported);
    dialog->open();
}

void MainWindow::rosterExported(const QString& path, int count)
{
    const QString folder = QFileInfo(path).absolutePath();
    m_messageBar->showMessage(
        tr("Exported %1 members to %2.").arg(QLocale().toString(count), QDir::toNativeSeparators(path)),
        MessageBar::Kind::Information, tr("Open folder"),
        [folder] { QDesktopServices::openUrl(QUrl::fromLocalFile(folder)); });
}

void MainWindow::saveImportTemplate()
{
    QString folder = m_appSettings.value(AppSettings::Key::ExportFolder).toString();
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(this, tr("Save import template"),
                                                QDir(folder).filePath(tr("Member roster template.xlsx")),
                                                tr("Excel workbook (*.xlsx)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) != 0)
        path += QStringLiteral(".xlsx");
    writeImportTemplate(path);
}

bool MainWindow::writeImportTemplate(const QString& path)
{
    QString error;
    if (!RosterExport::writeTemplate(path, &error)) {
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        return false;
    }
    const QString folder = QFileInfo(path).absolutePath();
    m_appSettings.setValue(AppSettings::Key::ExportFolder, folder);
    m_messageBar->showMessage(tr("Import template saved to %1.").arg(QDir::toNativeSeparators(path)),
                              MessageBar::Kind::Information, tr("Open folder"),
                              [folder] { QDesktopServices::openUrl(QUrl::fromLocalFile(folder)); });
    return true;
}

void MainWindow::importUndone(int removed)
{
    refresh();
    m_messageBar->showMessage(tr("Import undone. Members removed: %1.").arg(QLocale().toString(removed)),
                              MessageBar::Kind::Information);
}

void MainWindow::refresh()
{
    const QString organisation = currentOrganisationId();
    m_treeModel->reload(OrganisationRepository(m_store, m_scope));
    m_tree->expandToDepth(1);
    if (!selectOrganisation(organisation))
        selectOrganisation(m_scope.organisationId());
    m_roster->refresh();
    m_organisationPage->refresh();
    updateOrganisationTotal();
    updatePending();
    updateMemberActions();
}

void MainWindow::showSettings()
{
    auto* dialog = new SettingsDialog(m_appSettings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About UnionDesk"),
                       tr("<h3>工会桌面通 UnionDesk %1</h3><p>Organisations, members and cadres of the trade "
                          "union, offline on this computer and synced with the server.</p>")
                           .arg(QStringLiteral(UNIONDESK_VERSION)));
}

} // namespace ud
