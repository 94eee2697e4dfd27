#include "import/ImportHistoryDialog.h"

#include "common/Actor.h"
#include "common/MessageBar.h"
#include "import/ImportBatchModel.h"
#include "import/ImportUndoRunner.h"
#include "import/TaskProgress.h"
#include "io/ImportBatchRepository.h"
#include "store/Database.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace ud {

ImportHistoryDialog::ImportHistoryDialog(Database& store, const Scope& scope, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_scope(scope)
    , m_model(new ImportBatchModel(this))
{
    setObjectName(QStringLiteral("importHistoryDialog"));
    setWindowTitle(tr("Import history"));

    auto* intro = new QLabel(tr("Every import is kept as a whole. Undoing one removes the members it added: "
                                "members not yet synced simply disappear, those already on the server are "
                                "deleted there at the next sync."),
                             this);
    intro->setWordWrap(true);
    m_messages = new MessageBar(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("importHistoryTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_empty = new QLabel(
        tr("No imports yet. Members imported with \u201cImport members\u201d are listed here."), this);
    m_empty->setObjectName(QStringLiteral("importHistoryEmpty"));
    m_empty->setWordWrap(true);
    m_progress = new TaskProgress(this);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_close = buttons->button(QDialogButtonBox::Close);
    m_undo = buttons->addButton(tr("&Undo import\u2026"), QDialogButtonBox::ActionRole);
    m_undo->setObjectName(QStringLiteral("undoImportButton"));
    m_undo->setAutoDefault(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_messages);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);

    m_runner = new ImportUndoRunner(m_store.path(), m_scope, currentActor(), m_progress, m_messages, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &ImportHistoryDialog::reject);
    connect(m_undo, &QPushButton::clicked, this, &ImportHistoryDialog::undoSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ImportHistoryDialog::updateActions);
    connect(m_runner, &ImportUndoRunner::started, this, &ImportHistoryDialog::updateActions);
    connect(m_runner, &ImportUndoRunner::finished, this, &ImportHistoryDialog::updateActions);
    connect(m_runner, &ImportUndoRunner::undone, this,
            [this](const QString& batchId, const QString& organisationId, int removed) {
                reload();
                selectBatch(batchId);
                emit importUndone(organisationId, removed);
            });

    reload();
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    updateActions();
    // Wide enough for every column (long organisation and file names), within the screen.
    const int ch = fontMetrics().averageCharWidth();
    const QMargins margins = layout->contentsMargins();
    int wanted = 2 * m_table->frameWidth() + style()->pixelMetric(QStyle::PM_ScrollBarExtent) +
                 margins.left() + margins.right();
    for (int column = 0; column < m_model->columnCount(); ++column)
        wanted += m_table->columnWidth(column);
    const int available = screen() ? screen()->availableGeometry().width() * 9 / 10 : ch * 200;
    resize(qBound(ch * 110, wanted, available), fontMetrics().height() * 26);
    // Measured: from now on the state column takes what room is left.
    m_table->horizontalHeader()->setStretchLastSection(true);
}

void ImportHistoryDialog::reload()
{
    const QString selected = selectedBatchId();
    m_model->setBatches(ImportBatchRepository(m_store, m_scope).list());
    m_empty->setVisible(m_model->rowCount() == 0);
    // A few dozen imports at most: measuring them is cheap.
    m_table->resizeColumnsToContents();
    const int padding = m_table->fontMetrics().averageCharWidth() * 2;
    for (int column = 0; column < m_model->columnCount(); ++column)
        m_table->setColumnWidth(column, m_table->columnWidth(column) + padding);
    if (!selected.isEmpty())
        selectBatch(selected);
    updateActions();
}

bool ImportHistoryDialog::selectBatch(const QString& batchId)
{
    const int row = m_model->rowOf(batchId);
    if (row < 0)
        return false;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
    return true;
}

QString ImportHistoryDialog::selectedBatchId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->batchAt(rows.first().row()).id;
}

void ImportHistoryDialog::updateActions()
{
    const int row = m_model->rowOf(selectedBatchId());
    const bool undone = row >= 0 && m_model->batchAt(row).isUndone();
    m_undo->setEnabled(row >= 0 && !undone && !m_runner->isRunning());
    m_undo->setToolTip(undone ? tr("This import was already undone.")
                              : tr("Remove every member the selected import added; you see what that means "
                                   "before anything changes"));
}

void ImportHistoryDialog::undoSelected()
{
    const int row = m_model->rowOf(selectedBatchId());
    if (row < 0 || m_model->batchAt(row).isUndone())
        return;
    m_runner->start(m_model->batchAt(row).id);
}

void ImportHistoryDialog::reject()
{
    if (m_runner->isRunning()) {
        m_runner->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace ud
