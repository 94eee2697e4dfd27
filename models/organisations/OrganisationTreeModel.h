#pragma once

#include "organisations/Organisation.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

namespace ud {

class OrganisationRepository;

// The organisation tree of a session's scope, for the tree on the left of the main window. The
// whole subtree is loaded at once: even a large district has thousands of organisations, not
// millions, and the tree must expand without touching the database.
class OrganisationTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        PathRole,
        LevelRole,
    };

    explicit OrganisationTreeModel(QObject* parent = nullptr);

    void reload(const OrganisationRepository& repository);
    QModelIndex indexOf(const QString& organisationId) const;
    const Organisation* organisation(const QModelIndex& index) const;

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

    QList<Node> m_nodes;
    QList<int> m_roots;
    QHash<QString, int> m_byId;
};

} // namespace ud
