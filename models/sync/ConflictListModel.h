#pragma once

#include "sync/SyncConflict.h"

#include <QAbstractTableModel>
#include <QList>

namespace ud {
class Database;
}

namespace ud::sync {

// The open sync conflicts of a store, one row each, for the conflicts view: which record, which
// field, the value on this computer, the value on the server, and why. Read again by reload().
class ConflictListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        RecordColumn,
        FieldColumn,
        MineColumn,
        TheirsColumn,
        ReasonColumn,
        WhenColumn,
        ColumnCount,
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
    };

    explicit ConflictListModel(Database& store, QObject* parent = nullptr);

    void reload();
    SyncConflict conflictAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // What the clerk calls the record: the kind of record and its name.
    QString recordText(const SyncConflict& conflict) const;
    static QString valueText(const QJsonValue& value);

private:
    struct Row
    {
        SyncConflict conflict;
        QString record;
        // A refused record the server never had: taking the server's side removes it here.
        bool removedByTheirs = false;
    };
    bool neverSynced(const SyncConflict& conflict) const;
    Database& m_store;
    QList<Row> m_rows;
};

} // namespace ud::sync
