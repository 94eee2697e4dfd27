#pragma once

#include "transfers/TransferSummary.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>

namespace ud {

// Membership transfers for a list view: the member, her ID number masked, the three unions, the
// state, when it was requested (and, for a hung member, for how many whole months) and whether it
// still waits for the next sync. The same model shows every transfer or the hung members a union
// holds (TransferRepository::hungHeldBy).
class TransferListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        MemberColumn,
        IdNumberColumn,
        FromColumn,
        HoldingColumn,
        ToColumn,
        StateColumn,
        RequestedColumn,
        PendingColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        StateRole,   // the state's key
        PendingRole, // bool
        LetterNumberRole,
        MonthsRole, // whole months since it was requested, as of the model's date
    };

    explicit TransferListModel(QObject* parent = nullptr);

    void setTransfers(const QList<TransferSummary>& transfers);
    // The day months are counted to (today unless a test pins it).
    void setToday(const QDate& today);
    const TransferSummary* transfer(int row) const;
    int rowOf(const QString& transferId) const;

    // The state as a clerk reads it, with "(pending)" while it waits for the next sync.
    static QString stateText(const TransferSummary& summary);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<TransferSummary> m_transfers;
    QDate m_today;
};

} // namespace ud
