#pragma once

#include "io/ImportBatch.h"

#include <QAbstractTableModel>
#include <QList>

namespace ud {

// The imports of the session's scope, one per row, newest first as ImportBatchRepository::list()
// gives them: when (local time), into which organisation, from which file and sheet, how many
// members and rejected rows, and whether the import stands or was undone (and when).
class ImportBatchModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ImportedAtColumn,
        OrganisationColumn,
        FileColumn,
        SheetColumn,
        MembersColumn,
        RejectedColumn,
        StateColumn,
        ColumnCount,
    };
    enum Role
    {
        BatchIdRole = Qt::UserRole,
        UndoneRole,
    };

    explicit ImportBatchModel(QObject* parent = nullptr);

    void setBatches(const QList<ImportBatch>& batches);
    const ImportBatch& batchAt(int row) const { return m_batches.at(row); }
    // The row of the batch, or -1.
    int rowOf(const QString& batchId) const;
    // A date-time from the store (ISO, UTC) as the clerk reads it: local time, to the minute.
    static QString localDateTime(const QString& iso);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString stateText(const ImportBatch& batch) const;

    QList<ImportBatch> m_batches;
};

} // namespace ud
