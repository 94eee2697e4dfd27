#include "organisations/OrganisationTreeModel.h"

#include "domain/CodeList.h"
#include "organisations/OrganisationRepository.h"

#include <QColor>
#include <QLocale>

#include <algorithm>

namespace ud {

OrganisationTreeModel::OrganisationTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

void OrganisationTreeModel::reload(const OrganisationRepository& repository)
{
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    m_byId.clear();
    m_counts = SubtreeCounter(repository.connection(), repository.scope()).all();
    // subtree() comes ordered by path, so every parent precedes its children.
    const QList<Organisation> all = repository.subtree();
    m_nodes.reserve(all.size());
    for (const Organisation& o : all) {
        Node node;
        node.organisation = o;
        const int self = static_cast<int>(m_nodes.size());
        const auto parentIt = m_byId.constFind(o.parentId);
        if (parentIt != m_byId.constEnd()) {
            node.parent = *parentIt;
            node.row = static_cast<int>(m_nodes[*parentIt].children.size());
            m_nodes[*parentIt].children.append(self);
        } else {
            node.row = static_cast<int>(m_roots.size());
            m_roots.append(self);
        }
        m_byId.insert(o.id, self);
        m_nodes.append(node);
    }
    // Siblings read best in name order (the path order is the order of creation).
    auto byName = [this](int a, int b) {
        return m_nodes[a].organisation.name.localeAwareCompare(m_nodes[b].organisation.name) < 0;
    };
    auto renumber = [this](QList<int>& list) {
        for (int i = 0; i < list.size(); ++i)
            m_nodes[list[i]].row = i;
    };
    std::sort(m_roots.begin(), m_roots.end(), byName);
    renumber(m_roots);
    for (Node& n : m_nodes) {
        std::sort(n.children.begin(), n.children.end(), byName);
        renumber(n.children);
    }
    endResetModel();
}

void OrganisationTreeModel::reloadCounts(const OrganisationRepository& repository)
{
    m_counts = SubtreeCounter(repository.connection(), repository.scope()).all();
    if (!m_nodes.isEmpty())
        emit dataChanged(index(0, MembersColumn), index(rowCount() - 1, MembersColumn));
    // Rows below the top level are refreshed by the view when they are painted next; tell it.
    for (const Node& n : std::as_const(m_nodes)) {
        if (!n.children.isEmpty()) {
            const QModelIndex parent = createIndex(n.row, 0, quintptr(&n - m_nodes.constData()));
            emit dataChanged(index(0, MembersColumn, parent),
                             index(static_cast<int>(n.children.size()) - 1, MembersColumn, parent));
        }
    }
}

SubtreeCounts OrganisationTreeModel::counts(const QString& organisationId) const
{
    return m_counts.value(organisationId);
}

QModelIndex OrganisationTreeModel::indexOf(const QString& organisationId, int column) const
{
    const auto it = m_byId.constFind(organisationId);
    if (it == m_byId.constEnd() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(m_nodes[*it].row, column, quintptr(*it));
}

const Organisation* OrganisationTreeModel::organisation(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return &m_nodes[static_cast<int>(index.internalId())].organisation;
}

QModelIndex OrganisationTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    const QList<int>& siblings =
        parent.isValid() ? m_nodes[static_cast<int>(parent.internalId())].children : m_roots;
    if (row >= siblings.size())
        return {};
    return createIndex(row, column, quintptr(siblings[row]));
}

QModelIndex OrganisationTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const int p = m_nodes[static_cast<int>(child.internalId())].parent;
    if (p < 0)
        return {};
    return createIndex(m_nodes[p].row, 0, quintptr(p));
}

int OrganisationTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_roots.size());
    if (parent.column() != 0)
        return 0;
    return static_cast<int>(m_nodes[static_cast<int>(parent.internalId())].children.size());
}

int OrganisationTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant OrganisationTreeModel::data(const QModelIndex& index, int role) const
{
    const Organisation* o = organisation(index);
    if (!o)
        return {};
    const qint64 active = m_counts.value(o->id).active;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == MembersColumn)
            return QLocale().toString(active);
        return o->name;
    case Qt::TextAlignmentRole:
        if (index.column() == MembersColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (!o->isActive())
            return tr("%1\n%2, dissolved").arg(o->name, codes::organisationLevel().label(o->level));
        return tr("%1\n%2\nActive members, with the unions under it: %3")
            .arg(o->name, codes::organisationLevel().label(o->level), QLocale().toString(active));
    case Qt::ForegroundRole:
        if (!o->isActive())
            return QColor(Qt::gray);
        return {};
    case ActiveMembersRole:
        return active;
    case CreditCodeRole:
        return o->creditCode;
    case IdRole:
        return o->id;
    case PathRole:
        return o->path;
    case LevelRole:
        return o->level;
    default:
        return {};
    }
}

QVariant OrganisationTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == NameColumn)
        return tr("Organisation");
    if (section == MembersColumn)
        return tr("Active members");
    return {};
}

} // namespace ud
