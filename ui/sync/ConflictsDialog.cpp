#include "sync/ConflictsDialog.h"

#include "common/MessageBar.h"
#include "sync/ConflictListModel.h"
#include "sync/SyncConflictRepository.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ud {

ConflictsDialog::ConflictsDialog(Database& store, QString actor, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_actor(std::move(actor))
{
    setWindowTitle(tr("Sync conflicts"));
    setObjectName(QStringLiteral("conflictsDialog"));
    m_model = new sync::ConflictListModel(store, this);
    m_messages = new MessageBar(this);
    auto* intro = new QLabel(tr("These changes could not be sent as they were. For each, keep the value on "
                                "this computer (it is sent again) or take the one on the server."),
                             this);
    intro->setWordWrap(true);
    m_empty = new QLabel(tr("No conflicts: everything this computer sent was accepted."), this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_keepMine = buttons->addButton(tr("&Keep mine"), QDialogButtonBox::ActionRole);
    m_keepMine->setObjectName(QStringLiteral("keepMine"));
    m_keepMine->setToolTip(tr("Send the value on this computer to the server again"));
    m_takeTheirs = buttons->addButton(tr("&Take theirs"), QDialogButtonBox::ActionRole);
    m_takeTheirs->setObjectName(QStringLiteral("takeTheirs"));
    m_takeTheirs->setToolTip(tr("Use the server's value on this computer"));
    connect(m_keepMine, &QPushButton::clicked, this, &ConflictsDialog::keepMine);
    connect(m_takeTheirs, &QPushButton::clicked, this, &ConflictsDialog::takeTheirs);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConflictsDialog::reject);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConflictsDialog::updateActions);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addWidget(intro);
    layout->addWidget(m_empty);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(960, 420);
    reload();
}

void ConflictsDialog::reload()
{
    m_model->reload();
    m_table->resizeColumnsToContents();
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 280));
    const bool empty = m_model->rowCount() == 0;
    m_empty->setVisible(empty);
    m_table->setVisible(!empty);
    if (!empty && !m_table->selectionModel()->hasSelection())
        m_table->selectRow(0);
    updateActions();
}

void ConflictsDialog::keepMine()
{
    resolveSelected(true);
}

void ConflictsDialog::takeTheirs()
{
    resolveSelected(false);
}

void ConflictsDialog::resolveSelected(bool keepMine)
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    sync::SyncConflictRepository conflicts(m_store);
    int done = 0;
    QStringList failures;
    for (const QModelIndex& index : rows) {
        const QString id = index.data(sync::ConflictListModel::IdRole).toString();
        QString error;
        if (conflicts.resolve(id,
                              keepMine ? sync::SyncConflictRepository::Resolution::KeepMine
                                       : sync::SyncConflictRepository::Resolution::TakeTheirs,
                              m_actor, &error))
            ++done;
        else
            failures.append(error);
    }
    m_table->clearSelection();
    reload();
    if (!failures.isEmpty())
        m_messages->showMessage(failures.join(QLatin1Char('\n')), MessageBar::Kind::Error);
    else
        m_messages->showMessage(keepMine
                                    ? tr("%n change(s) will be sent again at the next sync.", nullptr, done)
                                    : tr("%n server value(s) taken.", nullptr, done));
    if (done > 0)
        emit resolved();
}

void ConflictsDialog::updateActions()
{
    const bool any = m_table->selectionModel()->hasSelection();
    m_keepMine->setEnabled(any);
    m_takeTheirs->setEnabled(any);
}

} // namespace ud
