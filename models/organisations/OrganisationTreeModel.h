#pragma once

#include "organisations/Organisation.h"
#include "organisations/SubtreeCounts.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

namespace ud {

class OrganisationRepository;

// The organisation tree of a session's scope, for the tree on the left of the main window, with the
// active members of each subtree in a second column. The whole subtree and its counts are loaded at
// once (one pass over member_tally, see SubtreeCounter::all): even a large district has thousands of
// organisations, not millions, and the tree must expand without touching the database.
class OrganisationTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        MembersColumn, // active members in the subtree
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        PathRole,
        LevelRole,
        CreditCodeRole,
        ActiveMembersRole, // qint64, in every column
    };

    explicit OrganisationTreeModel(QObject* parent = nullptr);

    // The organisations and their subtree counts.
    void reload(const OrganisationRepository& repository);
    // Only the counts again (after members were added or changed status), as a dataChanged.
    void reloadCounts(const OrganisationRepository& repository);
    QModelIndex indexOf(const QString& organisationId, int column = NameColumn) const;
    const Organisation* organisation(const QModelIndex& index) const;
    // The counts of an organisation's subtree as last loaded (empty counts when unknown).
    SubtreeCounts counts(const QString& organisationId) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        Organisation organisation;
        int parent = -1;     // index into m_nodes, -1 for a top-level node
        int row = 0;         // position among its siblings
        QList<int> children; // indexes into m_nodes
    };

    QHash<QString, SubtreeCounts> m_counts;
    QList<Node> m_nodes;
    QList<int> m_roots;
    QHash<QString, int> m_byId;
};

} // namespace ud
