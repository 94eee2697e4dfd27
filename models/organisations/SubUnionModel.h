#pragma once

#include "organisations/Organisation.h"
#include "organisations/SubtreeCounts.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace ud {

// The unions directly under one organisation, for the organisation page: name, level and kind,
// status, and the members and cadres in each one's subtree.
class SubUnionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        LevelColumn,
        StatusColumn,
        ActiveColumn,
        MembersColumn, // every status
        CadresColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
    };

    explicit SubUnionModel(QObject* parent = nullptr);

    // `counts` by organisation id (SubtreeCounter::all()); a union without an entry counts 0.
    void setUnions(const QList<Organisation>& unions, const QHash<QString, SubtreeCounts>& counts);
    const Organisation* organisation(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Organisation> m_unions;
    QHash<QString, SubtreeCounts> m_counts;
};

} // namespace ud
