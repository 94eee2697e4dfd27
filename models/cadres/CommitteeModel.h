#pragma once

#include "cadres/Cadre.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace ud {

// The committee of one organisation (its cadres, in rank order) for the organisation page: post,
// name, full- or part-time, term, how elected, and a note — why the cadre is flagged (the member
// record left the union or lapsed), or when an ended term ended.
class CommitteeModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        PositionColumn,
        NameColumn,
        FullTimeColumn,
        TermColumn,
        ElectedColumn,
        NoteColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        FlaggedRole, // bool
        InPostRole,  // bool
    };

    explicit CommitteeModel(QObject* parent = nullptr);

    // `flags`: the reason a cadre is flagged, by cadre id (CadreRepository::flagged()).
    void setCommittee(const QList<Cadre>& cadres, const QHash<QString, QString>& flags);
    const Cadre* cadre(int row) const;
    int flaggedCount() const { return static_cast<int>(m_flags.size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Cadre> m_cadres;
    QHash<QString, QString> m_flags;
};

} // namespace ud
