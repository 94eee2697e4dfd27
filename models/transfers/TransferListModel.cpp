#include "transfers/TransferListModel.h"

#include "domain/IdNumber.h"
#include "transfers/TransferCodes.h"
#include "util/Clock.h"

#include <QFont>

namespace ud {

TransferListModel::TransferListModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_today(Clock::today())
{
}

void TransferListModel::setTransfers(const QList<TransferSummary>& transfers)
{
    beginResetModel();
    m_transfers = transfers;
    endResetModel();
}

void TransferListModel::setToday(const QDate& today)
{
    m_today = today;
    if (!m_transfers.isEmpty())
        emit dataChanged(index(0, RequestedColumn), index(rowCount() - 1, RequestedColumn));
}

const TransferSummary* TransferListModel::transfer(int row) const
{
    return row >= 0 && row < m_transfers.size() ? &m_transfers.at(row) : nullptr;
}

int TransferListModel::rowOf(const QString& transferId) const
{
    for (int i = 0; i < m_transfers.size(); ++i) {
        if (m_transfers.at(i).transfer.id == transferId)
            return i;
    }
    return -1;
}

QString TransferListModel::stateText(const TransferSummary& s)
{
    const QString state = codes::transferState().label(s.transfer.state);
    //: A transfer's state while the step waits for the next sync
    return s.pending ? tr("%1 (pending)").arg(state) : state;
}

int TransferListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_transfers.size());
}

int TransferListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TransferListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_transfers.size())
        return {};
    const TransferSummary& s = m_transfers.at(index.row());
    const Transfer& t = s.transfer;
    switch (role) {
    case IdRole:
        return t.id;
    case StateRole:
        return t.state;
    case PendingRole:
        return s.pending;
    case LetterNumberRole:
        return t.letterNumber();
    case MonthsRole:
        return t.monthsSinceRequested(m_today);
    case Qt::FontRole:
        if (index.column() == StateColumn && (t.isOpen() || s.pending)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StateColumn && !t.decisionReason.isEmpty())
            return t.decisionReason;
        if (index.column() == MemberColumn)
            return t.letterNumber();
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case MemberColumn:
        return s.member;
    case IdNumberColumn:
        return IdNumber::masked(t.idNumber);
    case FromColumn:
        return s.from;
    case HoldingColumn:
        return s.holding;
    case ToColumn:
        return s.to;
    case StateColumn:
        return codes::transferState().label(t.state);
    case RequestedColumn: {
        const QDate on = t.requestedOn();
        const QString day = on.isValid() ? on.toString(Qt::ISODate) : t.requestedAt;
        if (t.state != Transfer::Hung)
            return day;
        //: When a member was hung, and for how many whole months she has been
        return tr("%1 (%n month(s))", nullptr, t.monthsSinceRequested(m_today)).arg(day);
    }
    case PendingColumn:
        //: A step not yet sent to the server
        return s.pending ? tr("Pending") : QString();
    default:
        return {};
    }
}

QVariant TransferListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case MemberColumn:
        return tr("Member");
    case IdNumberColumn:
        return tr("ID number");
    case FromColumn:
        return tr("From");
    case HoldingColumn:
        return tr("Held by");
    case ToColumn:
        return tr("To");
    case StateColumn:
        return tr("State");
    case RequestedColumn:
        return tr("Requested");
    case PendingColumn:
        return tr("Sync");
    default:
        return {};
    }
}

} // namespace ud
