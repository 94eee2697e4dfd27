#include "organisations/OrganisationPage.h"

#include "cadres/CadreRepository.h"
#include "cadres/CommitteeModel.h"
#include "common/Actor.h"
#include "common/Ask.h"
#include "common/MessageBar.h"
#include "domain/CodeList.h"
#include "io/OrganisationExport.h"
#include "io/OrganisationImport.h"
#include "io/SheetReader.h"
#include "organisations/CadreDialog.h"
#include "organisations/DissolveRequestDialog.h"
#include "organisations/OrganisationImportDialog.h"
#include "organisations/OrganisationRepository.h"
#include "organisations/OrganisationRequestDialog.h"
#include "organisations/OrganisationRequestModel.h"
#include "organisations/OrganisationRequestRepository.h"
#include "organisations/OrganisationSummary.h"
#include "organisations/RequestDecisionDialog.h"
#include "organisations/SubUnionModel.h"
#include "organisations/SubtreeCounts.h"
#include "store/Database.h"
#include "util/Clock.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ud {

namespace {
QPushButton* button(QWidget* parent, const QString& text, const char* name, const QString& tip)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setToolTip(tip);
    return b;
}

QWidget* tabWithButtons(QWidget* parent, QTableView* table, const QList<QWidget*>& buttons)
{
    auto* tab = new QWidget(parent);
    auto* layout = new QVBoxLayout(tab);
    auto* row = new QHBoxLayout;
    for (QWidget* b : buttons) {
        if (b)
            row->addWidget(b);
        else
            row->addStretch(1);
    }
    layout->addLayout(row);
    layout->addWidget(table, 1);
    return tab;
}
} // namespace

OrganisationPage::OrganisationPage(Database& store, const Scope& scope, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_scope(scope)
    , m_actor(currentActor())
{
    setObjectName(QStringLiteral("organisationPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);

    m_summary = new OrganisationSummary(this);
    layout->addWidget(m_summary);

    auto* actions = new QHBoxLayout;
    m_establish = button(this, tr("Set &up a union under it\u2026"), "establishButton",
                         tr("Request to set up a new union under this organisation (设立)"));
    m_change = button(this, tr("Request a &change\u2026"), "changeButton",
                      tr("Request a change to this organisation's details (变更)"));
    m_dissolve = button(this, tr("Request &dissolution\u2026"), "dissolveButton",
                        tr("Request to dissolve this organisation (注销)"));
    actions->addWidget(m_establish);
    actions->addWidget(m_change);
    actions->addWidget(m_dissolve);
    actions->addStretch(1);
    layout->addLayout(actions);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("organisationTabs"));
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);

    // The committee.
    m_committee = new CommitteeModel(this);
    m_committeeTable = makeTable("committeeTable");
    m_committeeTable->setModel(m_committee);
    m_committeeTable->horizontalHeader()->setSectionResizeMode(CommitteeModel::NoteColumn,
                                                               QHeaderView::Stretch);
    m_addCadre = button(this, tr("&Add cadre\u2026"), "addCadreButton", tr("Add a cadre to the committee"));
    m_endTerm = button(this, tr("&End term\u2026"), "endTermButton",
                       tr("End the selected cadre's term of office today"));
    m_showEnded = new QCheckBox(tr("Show ended &terms"), this);
    m_showEnded->setObjectName(QStringLiteral("showEndedTerms"));
    m_flaggedLabel = new QLabel(this);
    m_flaggedLabel->setObjectName(QStringLiteral("flaggedCadres"));
    m_flaggedLabel->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_tabs->addTab(
        tabWithButtons(this, m_committeeTable, {m_addCadre, m_endTerm, m_showEnded, nullptr, m_flaggedLabel}),
        tr("Committee"));

    // The requests.
    m_requests = new OrganisationRequestModel(this);
    m_requestTable = makeTable("requestTable");
    m_requestTable->setModel(m_requests);
    // Every column at its contents' width: the reasons and the proposal are read whole (scroll sideways).
    m_requestTable->horizontalHeader()->setStretchLastSection(false);
    m_approve = button(this, tr("A&pprove\u2026"), "approveButton", tr("Approve the selected request"));
    m_reject =
        button(this, tr("&Reject\u2026"), "rejectButton", tr("Reject the selected request, with a reason"));
    m_withdraw = button(this, tr("&Withdraw"), "withdrawButton",
                        tr("Take back the selected request before it is decided"));
    m_tabs->addTab(tabWithButtons(this, m_requestTable, {m_approve, m_reject, m_withdraw, nullptr}),
                   tr("Requests"));

    // The unions under it.
    m_subUnions = new SubUnionModel(this);
    m_subUnionTable = makeTable("subUnionTable");
    m_subUnionTable->setModel(m_subUnions);
    m_subUnionTable->horizontalHeader()->setSectionResizeMode(SubUnionModel::NameColumn,
                                                              QHeaderView::Stretch);
    m_subUnionTable->setToolTip(tr("Double-click a union to open it"));
    m_importUnions = button(this, tr("&Import unions\u2026"), "importUnionsButton",
                            tr("Add the unions of a list (.xlsx, .xls, .ods, .csv) under this one"));
    m_exportUnions = button(this, tr("E&xport the tree\u2026"), "exportUnionsButton",
                            tr("Write this union and every union under it to .xlsx or .csv"));
    m_tabs->addTab(tabWithButtons(this, m_subUnionTable, {m_importUnions, m_exportUnions, nullptr}),
                   tr("Unions under it"));

    connect(m_establish, &QPushButton::clicked, this, &OrganisationPage::requestEstablish);
    connect(m_change, &QPushButton::clicked, this, &OrganisationPage::requestChange);
    connect(m_dissolve, &QPushButton::clicked, this, &OrganisationPage::requestDissolve);
    connect(m_approve, &QPushButton::clicked, this, &OrganisationPage::approveRequest);
    connect(m_reject, &QPushButton::clicked, this, &OrganisationPage::rejectRequest);
    connect(m_withdraw, &QPushButton::clicked, this, &OrganisationPage::withdrawRequest);
    connect(m_addCadre, &QPushButton::clicked, this, &OrganisationPage::addCadre);
    connect(m_endTerm, &QPushButton::clicked, this, &OrganisationPage::endTerm);
    connect(m_importUnions, &QPushButton::clicked, this, [this] { importUnions(); });
    connect(m_exportUnions, &QPushButton::clicked, this, [this] { exportUnions(); });
    connect(m_showEnded, &QCheckBox::toggled, this, &OrganisationPage::loadCommittee);
    connect(m_committeeTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &OrganisationPage::updateActions);
    connect(m_requestTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &OrganisationPage::updateActions);
    connect(m_subUnionTable, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (const Organisation* o = m_subUnions->organisation(index.row()))
            emit organisationActivated(o->id);
    });
    updateActions();
}

OrganisationPage::~OrganisationPage() = default;

QTableView* OrganisationPage::makeTable(const char* name)
{
    auto* table = new QTableView(this);
    table->setObjectName(QString::fromLatin1(name));
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return table;
}

void OrganisationPage::setOrganisation(const QString& organisationId)
{
    if (organisationId == m_organisationId && !m_stale)
        return;
    m_organisationId = organisationId;
    m_stale = true;
    if (isVisible())
        reload();
}

void OrganisationPage::refresh()
{
    m_stale = true;
    if (isVisible())
        reload();
}

void OrganisationPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void OrganisationPage::reload()
{
    m_stale = false;
    const OrganisationRepository organisations(m_store, m_scope);
    const std::optional<Organisation> org = organisations.find(m_organisationId);
    m_active = org && org->isActive();
    if (!org) {
        m_summary->clear();
        m_committee->setCommittee({}, {});
        m_requests->setRequests({}, {});
        m_subUnions->setUnions({}, {});
        m_flaggedLabel->clear();
        updateActions();
        return;
    }
    // One pass over the subtree's tally gives this organisation's counts and its children's.
    const Scope subtree(org->id, org->path);
    const QHash<QString, SubtreeCounts> counts = SubtreeCounter(m_store.connection(), subtree).all();
    const std::optional<Organisation> parent =
        org->parentId.isEmpty() ? std::nullopt : organisations.find(org->parentId);
    m_summary->setOrganisation(*org, parent ? parent->name : QString(), counts.value(org->id));

    loadCommittee();

    const QList<OrganisationRequest> history =
        OrganisationRequestRepository(m_store, m_scope).history(org->id);
    QHash<QString, QString> names{{org->id, org->name}};
    for (const OrganisationRequest& r : history) {
        if (!names.contains(r.organisationId)) {
            const std::optional<Organisation> o = organisations.find(r.organisationId);
            names.insert(r.organisationId, o ? o->name : r.organisationId);
        }
    }
    const QString selected = selectedRequestId();
    m_requests->setRequests(history, names);
    const int row = m_requests->rowOf(selected);
    if (row >= 0)
        m_requestTable->selectRow(row);

    const QList<Organisation> children = organisations.children(org->id);
    m_subUnions->setUnions(children, counts);

    qsizetype open = 0;
    for (const OrganisationRequest& r : history)
        open += r.isOpen() ? 1 : 0;
    m_tabs->setTabText(1, open > 0 ? tr("Requests (%1 open)").arg(open)
                                   : tr("Requests (%1)").arg(history.size()));
    m_tabs->setTabText(2, tr("Unions under it (%1)").arg(children.size()));
    updateActions();
}

void OrganisationPage::loadCommittee()
{
    const std::optional<Organisation> org = OrganisationRepository(m_store, m_scope).find(m_organisationId);
    if (!org)
        return;
    const CadreRepository cadres(m_store, Scope(org->id, org->path));
    QHash<QString, QString> flags;
    const QList<FlaggedCadre> flagged = cadres.flagged();
    for (const FlaggedCadre& f : flagged) {
        if (f.cadre.organisationId == org->id)
            flags.insert(f.cadre.id, f.reason);
    }
    const QList<Cadre> committee = cadres.ofOrganisation(org->id, m_showEnded->isChecked());
    m_committee->setCommittee(committee, flags);
    m_flaggedLabel->setText(
        flags.isEmpty()
            ? QString()
            : tr("Cadres to check (the member record no longer fits the post): %1").arg(flags.size()));
    qsizetype inPost = 0;
    for (const Cadre& c : committee)
        inPost += c.inPost() ? 1 : 0;
    m_tabs->setTabText(0, tr("Committee (%1)").arg(inPost));
    updateActions();
}

QString OrganisationPage::selectedRequestId() const
{
    const QModelIndex current = m_requestTable->currentIndex();
    return current.isValid() ? current.data(OrganisationRequestModel::IdRole).toString() : QString();
}

QString OrganisationPage::selectedCadreId() const
{
    const QModelIndex current = m_committeeTable->currentIndex();
    return current.isValid() ? current.data(CommitteeModel::IdRole).toString() : QString();
}

void OrganisationPage::updateActions()
{
    bool openRequestAbout = false;
    for (int i = 0; i < m_requests->rowCount(); ++i) {
        const OrganisationRequest* r = m_requests->request(i);
        if (r->isOpen() && r->kind != QLatin1String("establish") && r->organisationId == m_organisationId)
            openRequestAbout = true;
    }
    m_establish->setEnabled(m_active);
    m_change->setEnabled(m_active && !openRequestAbout);
    m_dissolve->setEnabled(m_active && !openRequestAbout);
    const QString why = tr("A request about this organisation is already awaiting a decision.");
    m_change->setStatusTip(openRequestAbout ? why : QString());
    m_dissolve->setStatusTip(openRequestAbout ? why : QString());

    const OrganisationRequest* request = m_requests->request(m_requestTable->currentIndex().row());
    const bool open = request && request->isOpen();
    const bool mayDecide = open && OrganisationRequestRepository(m_store, m_scope).mayDecide(*request);
    m_approve->setEnabled(mayDecide);
    m_reject->setEnabled(mayDecide);
    m_withdraw->setEnabled(open);

    m_addCadre->setEnabled(m_active);
    const Cadre* cadre = m_committee->cadre(m_committeeTable->currentIndex().row());
    m_endTerm->setEnabled(cadre && cadre->inPost());
}

void OrganisationPage::requestSubmitted(const QString& requestId)
{
    reload();
    m_tabs->setCurrentIndex(1);
    const int row = m_requests->rowOf(requestId);
    if (row >= 0)
        m_requestTable->selectRow(row);
    m_messageBar->showMessage(
        tr("The request was submitted. Nothing changes until a level above approves it."),
        MessageBar::Kind::Information);
}

OrganisationRequestDialog* OrganisationPage::requestEstablish()
{
    return openRequestDialog(&OrganisationRequestDialog::startEstablish);
}

OrganisationRequestDialog* OrganisationPage::requestChange()
{
    return openRequestDialog(&OrganisationRequestDialog::startChange);
}

OrganisationRequestDialog*
OrganisationPage::openRequestDialog(bool (OrganisationRequestDialog::*start)(const QString&, QString*))
{
    auto* dialog = new OrganisationRequestDialog(m_store, m_scope, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setActor(m_actor);
    QString error;
    if (!(dialog->*start)(m_organisationId, &error)) {
        delete dialog;
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        return nullptr;
    }
    connect(dialog, &OrganisationRequestDialog::submitted, this, &OrganisationPage::requestSubmitted);
    dialog->open();
    return dialog;
}

DissolveRequestDialog* OrganisationPage::requestDissolve()
{
    auto* dialog = new DissolveRequestDialog(m_store, m_scope, m_organisationId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setActor(m_actor);
    connect(dialog, &DissolveRequestDialog::submitted, this, &OrganisationPage::requestSubmitted);
    dialog->open();
    return dialog;
}

RequestDecisionDialog* OrganisationPage::approveRequest()
{
    return decide(true);
}

RequestDecisionDialog* OrganisationPage::rejectRequest()
{
    return decide(false);
}

RequestDecisionDialog* OrganisationPage::decide(bool approve)
{
    const QString id = selectedRequestId();
    if (id.isEmpty())
        return nullptr;
    auto* dialog = new RequestDecisionDialog(
        m_store, m_scope, id,
        approve ? RequestDecisionDialog::Decision::Approve : RequestDecisionDialog::Decision::Reject, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setActor(m_actor);
    connect(dialog, &RequestDecisionDialog::decided, this,
            [this](const QString& requestId, const QString& state) {
                reload();
                const int row = m_requests->rowOf(requestId);
                if (row >= 0)
                    m_requestTable->selectRow(row);
                m_messageBar->showMessage(state == QLatin1String("approved")
                                              ? tr("The request was approved.")
                                              : tr("The request was rejected."),
                                          MessageBar::Kind::Information);
                if (state == QLatin1String("approved"))
                    emit organisationsChanged();
            });
    dialog->open();
    return dialog;
}

void OrganisationPage::withdrawRequest()
{
    const QString id = selectedRequestId();
    if (id.isEmpty())
        return;
    if (Ask::question(this, tr("Withdraw the request"),
                      tr("Withdraw this request? It stays in the history as withdrawn."),
                      QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    QString error;
    if (!OrganisationRequestRepository(m_store, m_scope).cancel(id, m_actor, &error)) {
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        return;
    }
    reload();
    m_messageBar->showMessage(tr("The request was withdrawn."), MessageBar::Kind::Information);
}

CadreDialog* OrganisationPage::addCadre()
{
    auto* dialog = new CadreDialog(m_store, m_scope, m_organisationId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setActor(m_actor);
    connect(dialog, &CadreDialog::cadreAdded, this, [this](const QString& cadreId) {
        reload();
        m_tabs->setCurrentIndex(0);
        for (int row = 0; row < m_committee->rowCount(); ++row) {
            if (m_committee->cadre(row)->id == cadreId) {
                m_committeeTable->selectRow(row);
                m_messageBar->showMessage(
                    tr("%1 was added to the committee.").arg(m_committee->cadre(row)->name),
                    MessageBar::Kind::Information);
            }
        }
    });
    dialog->open();
    return dialog;
}

void OrganisationPage::endTerm()
{
    const Cadre* cadre = m_committee->cadre(m_committeeTable->currentIndex().row());
    if (!cadre || !cadre->inPost())
        return;
    const QString name = cadre->name;
    const QString id = cadre->id;
    const QString today = Clock::today().toString(Qt::ISODate);
    if (Ask::question(this, tr("End the term"),
                      tr("End the term of %1 as %2 today (%3)?")
                          .arg(name, codes::cadrePosition().label(cadre->position), today),
                      QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    QString error;
    if (!CadreRepository(m_store, m_scope).endTerm(id, Clock::today(), m_actor, &error)) {
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        return;
    }
    reload();
    m_messageBar->showMessage(tr("The term of %1 ended on %2.").arg(name, today),
                              MessageBar::Kind::Information);
}

OrganisationImportDialog* OrganisationPage::importUnions(const QString& path)
{
    OrganisationRepository repository(m_store, m_scope);
    const std::optional<Organisation> target = repository.find(m_organisationId);
    if (!target)
        return nullptr;
    const QString file =
        !path.isEmpty()
            ? path
            : QFileDialog::getOpenFileName(this, tr("Import unions"), QString(),
                                           tr("Lists of unions (*.xlsx *.xls *.ods *.csv *.txt)"));
    if (file.isEmpty())
        return nullptr;
    Workbook workbook;
    QString error;
    QString password;
    SheetReader::PasswordProblem problem = SheetReader::PasswordProblem::None;
    bool read = SheetReader::readFile(file, password, &workbook, &error, &problem);
    // A list sent with a password to open: asked for until it opens the file or the clerk gives up.
    while (!read && problem != SheetReader::PasswordProblem::None) {
        bool entered = false;
        password = QInputDialog::getText(this, tr("Password to open"),
                                         error + QStringLiteral("\n\n") + tr("&Password:"),
                                         QLineEdit::Password, QString(), &entered);
        if (!entered)
            return nullptr;
        read = SheetReader::readFile(file, password, &workbook, &error, &problem);
    }
    std::optional<std::pair<int, HeaderMap>> choice;
    if (read)
        choice = OrganisationImport::chooseSheet(workbook, QString(), &error);
    if (!choice) {
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        return nullptr;
    }
    const OrganisationImport plan = OrganisationImport::plan(workbook.sheets.at(choice->first),
                                                             choice->second, m_store, m_scope, target->id);
    auto* dialog = new OrganisationImportDialog(plan, QFileInfo(file).fileName(), target->name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, plan] {
        int added = 0;
        QString commitError;
        if (!plan.commit(m_store, m_scope, m_actor, &added, &commitError)) {
            m_messageBar->showMessage(commitError, MessageBar::Kind::Error);
            return;
        }
        m_messageBar->showMessage(tr("Unions added: %1.").arg(added));
        reload();
        emit organisationsChanged();
    });
    dialog->open();
    return dialog;
}

bool OrganisationPage::exportUnions(const QString& path)
{
    OrganisationRepository repository(m_store, m_scope);
    const std::optional<Organisation> top = repository.find(m_organisationId);
    if (!top)
        return false;
    const QString file =
        !path.isEmpty()
            ? path
            : QFileDialog::getSaveFileName(this, tr("Export the tree"), tr("%1 unions.xlsx").arg(top->name),
                                           tr("Excel workbook (*.xlsx);;CSV (*.csv)"));
    if (file.isEmpty())
        return false;
    int count = 0;
    QString error;
    if (!OrganisationExport::write(file, m_store, m_scope, *top, &count, &error)) {
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        return false;
    }
    m_messageBar->showMessage(tr("Unions written to %1: %2.").arg(QDir::toNativeSeparators(file)).arg(count));
    return true;
}

} // namespace ud
