#include "transfers/TransfersWindow.h"

#include "common/Actor.h"
#include "common/MessageBar.h"
#include "domain/CodeList.h"
#include "domain/IdNumber.h"
#include "sync/SyncController.h"
#include "transfers/HungMembersPage.h"
#include "transfers/TransferCodes.h"
#include "transfers/TransferLetterOutput.h"
#include "transfers/TransferListModel.h"
#include "transfers/TransferReason.h"
#include "transfers/TransferRepository.h"
#include "transfers/TransferWorkflow.h"
#include "util/Clock.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace ud {

namespace {

QString row(const QString& label, const QString& value)
{
    if (value.trimmed().isEmpty())
        return {};
    return QStringLiteral("<tr><td style=\"padding-right:12px; color:#555;\">%1</td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

QString when(const QString& iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : iso;
}

} // namespace

TransfersWindow::TransfersWindow(Database& store, const Scope& scope, SyncController* sync, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_scope(scope)
    , m_actor(currentActor())
{
    setObjectName(QStringLiteral("transfersWindow"));
    setWindowTitle(tr("Membership transfers"));
    // A window of its own: the clerk keeps it open beside the roster.
    setWindowFlag(Qt::Window);
    setWindowFlag(Qt::WindowMinMaxButtonsHint);
    auto* layout = new QVBoxLayout(this);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("transferTabs"));
    m_tabs->addTab(buildListPage(), tr("&Transfers"));
    m_hung = new HungMembersPage(m_store, m_scope, m_messageBar, m_tabs);
    m_tabs->addTab(m_hung, tr("&Hung members"));
    layout->addWidget(m_tabs, 1);
    connect(m_hung, &HungMembersPage::transferActivated, this, [this](const QString& id) {
        m_tabs->setCurrentIndex(0);
        selectTransfer(id);
    });
    if (sync) {
        // What other unions decided, and the server's names and states, arrive with a sync.
        connect(sync, &SyncController::finished, this, [this](bool, bool changed) {
            if (changed)
                reload();
        });
    }
    reload();
    resize(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 150),
           std::max(sizeHint().height(), fontMetrics().height() * 36));
}

QWidget* TransfersWindow::buildListPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* filters = new QHBoxLayout;
    m_state = new QComboBox(page);
    m_state->setObjectName(QStringLiteral("transferState"));
    m_state->addItem(tr("All transfers"), int(TransferFilterModel::StateGroup::All));
    m_state->addItem(tr("Open (hung or awaiting approval)"), int(TransferFilterModel::StateGroup::Open));
    m_state->addItem(tr("Hung"), int(TransferFilterModel::StateGroup::Hung));
    m_state->addItem(tr("Awaiting approval"), int(TransferFilterModel::StateGroup::Requested));
    m_state->addItem(tr("Done (completed, rejected, cancelled, expired)"),
                     int(TransferFilterModel::StateGroup::Done));
    m_state->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* stateLabel = new QLabel(tr("&Show:"), page);
    stateLabel->setBuddy(m_state);
    filters->addWidget(stateLabel);
    filters->addWidget(m_state);
    m_search = new QLineEdit(page);
    m_search->setObjectName(QStringLiteral("transferSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(
        tr("Name, union, or the code on the letter (e.g. 1A2B3C4D) \u2013 Enter to find"));
    m_search->setToolTip(tr("Type or scan the letter number, its 8-character code or the QR code to find a "
                            "transfer"));
    auto* searchLabel = new QLabel(tr("&Find:"), page);
    searchLabel->setBuddy(m_search);
    filters->addWidget(searchLabel);
    filters->addWidget(m_search, 1);
    layout->addLayout(filters);
    auto* find = new QAction(page);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(find);

    m_model = new TransferListModel(this);
    m_proxy = new TransferFilterModel(this);
    m_proxy->setSourceModel(m_model);
    m_table = new QTableView(page);
    m_table->setObjectName(QStringLiteral("transferTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // newest first, as the repository lists them
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* detailsPane = new QWidget(page);
    auto* detailsLayout = new QHBoxLayout(detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    m_details = new QLabel(detailsPane);
    m_details->setObjectName(QStringLiteral("transferDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto* scroll = new QScrollArea(detailsPane);
    scroll->setWidget(m_details);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::StyledPanel);
    detailsLayout->addWidget(scroll, 1);

    auto* actions = new QVBoxLayout;
    auto button = [detailsPane](const QString& text, const char* name) {
        auto* b = new QPushButton(text, detailsPane);
        b->setObjectName(QString::fromLatin1(name));
        b->setAutoDefault(false);
        return b;
    };
    m_approve = button(tr("&Approve\u2026"), "approveTransfer");
    m_reject = button(tr("&Reject\u2026"), "rejectTransfer");
    m_cancel = button(tr("&Cancel transfer\u2026"), "cancelTransfer");
    m_print = button(tr("&Print letter\u2026"), "printTransferLetter");
    m_savePdf = button(tr("Save letter as P&DF\u2026"), "saveTransferLetter");
    m_unmask = new QCheckBox(tr("Full &ID number on the letter"), detailsPane);
    m_unmask->setObjectName(QStringLiteral("letterUnmasked"));
    m_unmask->setToolTip(tr("Prints the ID number in full; recorded in the audit log"));
    for (QPushButton* b : {m_approve, m_reject, m_cancel})
        actions->addWidget(b);
    actions->addSpacing(fontMetrics().height());
    for (QPushButton* b : {m_print, m_savePdf})
        actions->addWidget(b);
    actions->addWidget(m_unmask);
    actions->addStretch(1);
    detailsLayout->addLayout(actions);

    auto* splitter = new QSplitter(Qt::Vertical, page);
    splitter->addWidget(m_table);
    splitter->addWidget(detailsPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);

    connect(m_state, &QComboBox::currentIndexChanged, this, &TransfersWindow::stateChosen);
    connect(m_search, &QLineEdit::textChanged, this, &TransfersWindow::searchEdited);
    connect(m_search, &QLineEdit::returnPressed, this, &TransfersWindow::searchEntered);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TransfersWindow::updateSelection);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &TransfersWindow::updateSelection);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &TransfersWindow::updateSelection);
    connect(m_approve, &QPushButton::clicked, this,
            [this] { decide(TransferDecisionDialog::Decision::Approve); });
    connect(m_reject, &QPushButton::clicked, this,
            [this] { decide(TransferDecisionDialog::Decision::Reject); });
    connect(m_cancel, &QPushButton::clicked, this,
            [this] { decide(TransferDecisionDialog::Decision::Cancel); });
    connect(m_print, &QPushButton::clicked, this, &TransfersWindow::printLetter);
    connect(m_savePdf, &QPushButton::clicked, this, &TransfersWindow::chooseAndSaveLetter);
    return page;
}

void TransfersWindow::reload()
{
    const QString selected = currentTransferId();
    const TransferRepository transfers(m_store, m_scope);
    m_model->setToday(Clock::today());
    m_model->setTransfers(transfers.summarise(transfers.list()));
    m_table->resizeColumnsToContents();
    searchEdited();
    if (!selected.isEmpty())
        selectTransfer(selected);
    updateSelection();
    m_hung->reload();
}

QString TransfersWindow::currentTransferId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(TransferListModel::IdRole).toString() : QString();
}

bool TransfersWindow::selectTransfer(const QString& transferId)
{
    const int sourceRow = m_model->rowOf(transferId);
    if (sourceRow < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) {
        // Hidden by the state shown: show every state rather than lose it.
        m_state->setCurrentIndex(0);
        index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    }
    if (!index.isValid())
        return false;
    m_table->setCurrentIndex(index);
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
    return true;
}

void TransfersWindow::stateChosen()
{
    m_proxy->setStateGroup(TransferFilterModel::StateGroup(m_state->currentData().toInt()));
    updateSelection();
}

void TransfersWindow::searchEdited()
{
    const QString text = m_search->text().trimmed();
    QString resolvedId;
    if (!text.isEmpty()) {
        // A code typed or scanned names one transfer; a name or a union narrows the list.
        if (const std::optional<Transfer> found = TransferRepository(m_store, m_scope).resolve(text, nullptr))
            resolvedId = found->id;
    }
    m_proxy->setSearch(text, resolvedId);
    if (!resolvedId.isEmpty())
        selectTransfer(resolvedId);
    updateSelection();
}

void TransfersWindow::searchEntered()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty())
        return;
    if (m_proxy->rowCount() > 0 && !TransferRepository(m_store, m_scope).resolve(text, nullptr)) {
        // A name or a union: the first of the rows it leaves.
        m_table->setCurrentIndex(m_proxy->index(0, 0));
        m_table->setFocus();
        return;
    }
    if (findByCode(text))
        m_table->setFocus();
}

bool TransfersWindow::findByCode(const QString& code)
{
    QString error;
    const std::optional<Transfer> found = TransferRepository(m_store, m_scope).resolve(code, &error);
    if (!found) {
        m_messageBar->showMessage(error, MessageBar::Kind::Warning);
        return false;
    }
    if (m_search->text().trimmed() != code.trimmed())
        m_search->setText(code.trimmed());
    m_messageBar->hideMessage();
    return selectTransfer(found->id);
}

void TransfersWindow::updateSelection()
{
    const QString id = currentTransferId();
    const TransferSummary* summary = id.isEmpty() ? nullptr : m_model->transfer(m_model->rowOf(id));
    showDetails(summary);
    const TransferWorkflow workflow(m_store, m_scope);
    QString whyNotDecide;
    QString whyNotCancel;
    const bool mayDecide = summary && workflow.mayDecide(summary->transfer, &whyNotDecide);
    const bool mayCancel = summary && workflow.mayCancel(summary->transfer, &whyNotCancel);
    const bool hasLetter = summary && TransferLetterOutput::hasLetter(summary->transfer);
    m_approve->setEnabled(mayDecide);
    m_reject->setEnabled(mayDecide);
    m_cancel->setEnabled(mayCancel);
    m_print->setEnabled(hasLetter);
    m_savePdf->setEnabled(hasLetter);
    m_unmask->setEnabled(hasLetter);
    m_approve->setToolTip(mayDecide ? tr("Approve the request: the member moves to the union asking")
                                    : whyNotDecide);
    m_reject->setToolTip(mayDecide ? tr("Reject the request, with a reason the other union reads")
                                   : whyNotDecide);
    m_cancel->setToolTip(mayCancel ? tr("Withdraw the transfer, with a reason") : whyNotCancel);
    const QString noLetter = summary ? TransferLetterOutput::noLetterReason(summary->transfer) : QString();
    m_print->setToolTip(noLetter);
    m_savePdf->setToolTip(noLetter);
}

void TransfersWindow::showDetails(const TransferSummary* s)
{
    if (!s) {
        m_details->setText(m_model->rowCount() == 0
                               ? tr("No transfers yet. Transfer a member out from the roster (Member \u25B8 "
                                    "Transfer out), or request one in (Member \u25B8 Request transfer in).")
                           : m_proxy->rowCount() == 0
                               ? tr("No transfer matches the search and the states shown.")
                               : tr("Select a transfer to see its details."));
        return;
    }
    const Transfer& t = s->transfer;
    QString reason = t.reason.isEmpty() ? QString() : TransferReason::label(t.reason);
    QString html = QStringLiteral("<table>");
    html += row(tr("Letter number:"), t.letterNumber());
    html += row(tr("Kind:"), codes::transferKind().label(t.kind));
    html += row(tr("Member:"), tr("%1, ID number %2").arg(s->member, IdNumber::masked(t.idNumber)));
    html += row(tr("From:"), s->from);
    html += row(tr("Held by:"), s->holding);
    html += row(tr("To:"), s->to);
    html += row(tr("Reason:"), reason);
    html += row(tr("Note:"), t.note);
    html += row(tr("State:"), TransferListModel::stateText(*s));
    html += row(tr("Requested:"), tr("%1 by %2").arg(when(t.requestedAt), t.requestedBy));
    if (!t.decidedAt.isEmpty())
        html += row(tr("Decided:"), tr("%1 by %2").arg(when(t.decidedAt), t.decidedBy));
    html += row(tr("Reason given:"), t.decisionReason);
    html += QStringLiteral("</table>");
    if (s->pending)
        html += QStringLiteral("<p style=\"color:#9a6700;\"><b>%1</b></p>")
                    .arg(tr("Pending: the server has not received the last step yet. It takes effect at the "
                            "next sync.")
                             .toHtmlEscaped());
    m_details->setText(html);
}

TransferDecisionDialog* TransfersWindow::decide(TransferDecisionDialog::Decision decision)
{
    const QString id = currentTransferId();
    if (id.isEmpty())
        return nullptr;
    auto* dialog = new TransferDecisionDialog(m_store, m_scope, id, decision, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setActor(m_actor);
    connect(dialog, &TransferDecisionDialog::decided, this, &TransfersWindow::decided);
    dialog->open();
    return dialog;
}

void TransfersWindow::decided(const QString& transferId)
{
    reload();
    selectTransfer(transferId);
    if (const std::optional<Transfer> t = TransferRepository(m_store, m_scope).find(transferId))
        m_messageBar->showMessage(tr("Transfer %1 is now \"%2\"; the server receives it at the next sync.")
                                      .arg(t->letterNumber(), codes::transferState().label(t->state)),
                                  MessageBar::Kind::Information);
    emit transfersChanged();
}

void TransfersWindow::printLetter()
{
    const std::optional<Transfer> t = TransferRepository(m_store, m_scope).find(currentTransferId());
    if (!t)
        return;
    QString error;
    if (!TransferLetterOutput(m_store, m_scope, m_actor).print(*t, m_unmask->isChecked(), this, &error))
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
}

void TransfersWindow::chooseAndSaveLetter()
{
    const std::optional<Transfer> t = TransferRepository(m_store, m_scope).find(currentTransferId());
    if (!t)
        return;
    const QString path = TransferLetterOutput::askPdfPath(this, *t);
    if (!path.isEmpty())
        saveLetter(path);
}

bool TransfersWindow::saveLetter(const QString& path)
{
    const std::optional<Transfer> t = TransferRepository(m_store, m_scope).find(currentTransferId());
    if (!t)
        return false;
    QString error;
    if (!TransferLetterOutput(m_store, m_scope, m_actor).savePdf(*t, path, m_unmask->isChecked(), &error)) {
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        return false;
    }
    const QString folder = QFileInfo(path).absolutePath();
    m_messageBar->showMessage(
        tr("Letter %1 was saved to %2.").arg(t->letterNumber(), QDir::toNativeSeparators(path)),
        MessageBar::Kind::Information, tr("Open folder"),
        [folder] { QDesktopServices::openUrl(QUrl::fromLocalFile(folder)); });
    return true;
}

} // namespace ud
