#include "sync/ConflictsDialog.h"

#include "common/MessageBar.h"
#include "sync/ConflictListModel.h"
#include "sync/SyncConflictRepository.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
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
    m_transferIn = buttons->addButton(tr("Request transfer &in…"), QDialogButtonBox::ActionRole);
    m_transferIn->setObjectName(QStringLiteral("transferIn"));
    m_transferIn->setToolTip(tr("The person is a member elsewhere: ask her union to transfer her here "
                                "instead of adding her again"));
    connect(m_transferIn, &QPushButton::clicked, this, &ConflictsDialog::requestTransferInstead);
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

bool ConflictsDialog::selectedRefusedMember(QString* conflictId, QJsonObject* fields) const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return false;
    const QString id = rows.first().data(sync::ConflictListModel::IdRole).toString();
    const std::optional<sync::SyncConflict> conflict = sync::SyncConflictRepository(m_store).find(id);
    if (!conflict || !conflict->isRejection() || conflict->entity != QLatin1String("member"))
        return false;
    const QList<OutboxOperation> ops = sync::SyncConflictRepository::operationsOf(*conflict);
    if (ops.isEmpty() || ops.first().baseVersion != 0 || ops.first().isDelete ||
        ops.first().fields.value(QLatin1String("idNumber")).toString().isEmpty())
        return false;
    *conflictId = id;
    *fields = ops.first().fields;
    return true;
}

void ConflictsDialog::requestTransferInstead()
{
    QString id;
    QJsonObject fields;
    if (!selectedRefusedMember(&id, &fields))
        return;
    const QString name = fields.value(QLatin1String("name")).toString();
    if (QMessageBox::question(this, tr("Request a transfer instead"),
                              tr("%1 was not added: the server says this ID number belongs to a member "
                                 "of another union. Ask that union to transfer her here instead?\n\nThe "
                                 "entry typed on this computer is given up; the request is checked by "
                                 "the server at the next sync.")
                                  .arg(name)) != QMessageBox::Yes)
        return;
    QString error;
    if (!sync::SyncConflictRepository(m_store).resolve(
            id, sync::SyncConflictRepository::Resolution::TakeTheirs, m_actor, &error)) {
        m_messages->showMessage(error, MessageBar::Kind::Error);
        return;
    }
    reload();
    emit resolved();
    emit transferInWanted(fields.value(QLatin1String("idNumber")).toString(),
                          fields.value(QLatin1String("organisation")).toString());
}

void ConflictsDialog::updateActions()
{
    const bool any = m_table->selectionModel()->hasSelection();
    m_keepMine->setEnabled(any);
    m_takeTheirs->setEnabled(any);
    QString id;
    QJsonObject fields;
    m_transferIn->setEnabled(selectedRefusedMember(&id, &fields));
}

} // namespace ud
