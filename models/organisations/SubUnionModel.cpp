#include "organisations/SubUnionModel.h"

#include "domain/CodeList.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <algorithm>

namespace ud {

SubUnionModel::SubUnionModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void SubUnionModel::setUnions(const QList<Organisation>& unions, const QHash<QString, SubtreeCounts>& counts)
{
    beginResetModel();
    m_unions = unions;
    std::sort(m_unions.begin(), m_unions.end(), [](const Organisation& a, const Organisation& b) {
        if (a.isActive() != b.isActive())
            return a.isActive(); // the dissolved last
        return a.name.localeAwareCompare(b.name) < 0;
    });
    m_counts.clear();
    for (const Organisation& o : std::as_const(m_unions))
        m_counts.insert(o.id, counts.value(o.id));
    endResetModel();
}

const Organisation* SubUnionModel::organisation(int row) const
{
    return row >= 0 && row < m_unions.size() ? &m_unions.at(row) : nullptr;
}

int SubUnionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_unions.size());
}

int SubUnionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SubUnionModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_unions.size())
        return {};
    const Organisation& o = m_unions.at(index.row());
    const SubtreeCounts counts = m_counts.value(o.id);
    switch (role) {
    case IdRole:
        return o.id;
    case Qt::ForegroundRole:
        return o.isActive() ? QVariant() : QVariant(QBrush(QColor(Qt::gray)));
    case Qt::TextAlignmentRole:
        if (index.column() >= ActiveColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const QLocale locale;
    switch (index.column()) {
    case NameColumn:
        return o.name;
    case LevelColumn:
        return o.kind.isEmpty() ? codes::organisationLevel().label(o.level)
                                : codes::organisationKind().label(o.kind);
    case StatusColumn:
        return codes::organisationStatus().label(o.status);
    case ActiveColumn:
        return locale.toString(counts.active);
    case MembersColumn:
        return locale.toString(counts.members);
    case CadresColumn:
        return locale.toString(counts.cadres);
    default:
        return {};
    }
}

QVariant SubUnionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Union");
    case LevelColumn:
        return tr("Level or kind");
    case StatusColumn:
        return tr("Status");
    case ActiveColumn:
        return tr("Active members");
    case MembersColumn:
        return tr("All members");
    case CadresColumn:
        return tr("Cadres");
    default:
        return {};
    }
}

} // namespace ud
