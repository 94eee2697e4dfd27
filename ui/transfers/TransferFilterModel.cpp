#include "transfers/TransferFilterModel.h"

#include "transfers/Transfer.h"
#include "transfers/TransferListModel.h"

namespace ud {

TransferFilterModel::TransferFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
}

void TransferFilterModel::setStateGroup(StateGroup group)
{
    if (group == m_group)
        return;
    m_group = group;
    invalidateFilter();
}

void TransferFilterModel::setSearch(const QString& text, const QString& resolvedId)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text && resolvedId == m_resolvedId)
        return;
    m_text = trimmed;
    m_resolvedId = resolvedId;
    invalidateFilter();
}

bool TransferFilterModel::inGroup(const QString& state, StateGroup group)
{
    switch (group) {
    case StateGroup::All:
        return true;
    case StateGroup::Open:
        return state == Transfer::Hung || state == Transfer::Requested;
    case StateGroup::Hung:
        return state == Transfer::Hung;
    case StateGroup::Requested:
        return state == Transfer::Requested;
    case StateGroup::Done:
        return state != Transfer::Hung && state != Transfer::Requested;
    }
    return true;
}

bool TransferFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* source = sourceModel();
    const QModelIndex first = source->index(sourceRow, 0, sourceParent);
    if (!inGroup(first.data(TransferListModel::StateRole).toString(), m_group))
        return false;
    if (m_text.isEmpty())
        return true;
    const QString id = first.data(TransferListModel::IdRole).toString();
    if (!m_resolvedId.isEmpty() && id == m_resolvedId)
        return true;
    if (id.startsWith(m_text, Qt::CaseInsensitive) ||
        first.data(TransferListModel::LetterNumberRole).toString().contains(m_text, Qt::CaseInsensitive))
        return true;
    for (const int column :
         {TransferListModel::MemberColumn, TransferListModel::IdNumberColumn, TransferListModel::FromColumn,
          TransferListModel::HoldingColumn, TransferListModel::ToColumn}) {
        if (source->index(sourceRow, column, sourceParent)
                .data()
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace ud
