#include "cadres/CommitteeModel.h"

#include "domain/CodeList.h"

#include <QBrush>
#include <QColor>

namespace ud {

CommitteeModel::CommitteeModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void CommitteeModel::setCommittee(const QList<Cadre>& cadres, const QHash<QString, QString>& flags)
{
    beginResetModel();
    m_cadres = cadres;
    m_flags.clear();
    for (const Cadre& c : cadres) {
        if (flags.contains(c.id))
            m_flags.insert(c.id, flags.value(c.id));
    }
    endResetModel();
}

const Cadre* CommitteeModel::cadre(int row) const
{
    return row >= 0 && row < m_cadres.size() ? &m_cadres.at(row) : nullptr;
}

int CommitteeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_cadres.size());
}

int CommitteeModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CommitteeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_cadres.size())
        return {};
    const Cadre& c = m_cadres.at(index.row());
    const bool flagged = m_flags.contains(c.id);
    switch (role) {
    case IdRole:
        return c.id;
    case FlaggedRole:
        return flagged;
    case InPostRole:
        return c.inPost();
    case Qt::ForegroundRole:
        if (flagged)
            return QBrush(QColor(0xb7, 0x1c, 0x1c));
        if (!c.inPost())
            return QBrush(QColor(Qt::gray));
        return {};
    case Qt::ToolTipRole:
        if (flagged)
            return m_flags.value(c.id);
        break;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case PositionColumn:
        return codes::cadrePosition().label(c.position);
    case NameColumn:
        return c.name;
    case FullTimeColumn:
        return c.fullTime ? tr("Full-time") : tr("Part-time");
    case TermColumn:
        //: A cadre's term of office, from one date to another
        return c.termEnd.isEmpty() ? tr("from %1").arg(c.termStart)
                                   : tr("%1 to %2").arg(c.termStart, c.termEnd);
    case ElectedColumn:
        return c.electedHow.isEmpty() ? QString() : codes::cadreAppointment().label(c.electedHow);
    case NoteColumn:
        if (flagged)
            //: Marks a cadre whose member record no longer fits the post; the reason follows
            return tr("Check: %1").arg(m_flags.value(c.id));
        if (!c.inPost())
            return tr("Term ended on %1").arg(c.endedOn);
        return {};
    default:
        return {};
    }
}

QVariant CommitteeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PositionColumn:
        return tr("Position");
    case NameColumn:
        return tr("Name");
    case FullTimeColumn:
        return tr("Full- or part-time");
    case TermColumn:
        return tr("Term");
    case ElectedColumn:
        return tr("How elected");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace ud
