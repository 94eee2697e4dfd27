#include "organisations/OrganisationTreeModel.h"

#include "domain/CodeList.h"
#include "organisations/OrganisationRepository.h"

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

QModelIndex OrganisationTreeModel::indexOf(const QString& organisationId) const
{
    const auto it = m_byId.constFind(organisationId);
    if (it == m_byId.constEnd())
        return {};
    return createIndex(m_nodes[*it].row, 0, quintptr(*it));
}

const Organisation* OrganisationTreeModel::organisation(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return &m_nodes[static_cast<int>(index.internalId())].organisation;
}

QModelIndex OrganisationTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column != 0 || row < 0)
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
    return 1;
}

QVariant OrganisationTreeModel::data(const QModelIndex& index, int role) const
{
    const Organisation* o = organisation(index);
    if (!o)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return o->name;
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2").arg(o->name, codes::organisationLevel().label(o->level));
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
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Organisation");
    return {};
}

} // namespace ud
