#pragma once

#include "cadres/Cadre.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>

namespace ud {

// The terms of office ending soon across a subtree (换届提醒), soonest first: the union, the post,
// the person, the end of the term and how many days are left — or, for a term that has run out
// without being ended, how long ago (shown in red: the election is overdue).
class ExpiringTermsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        OrganisationColumn,
        PositionColumn,
        NameColumn,
        TermEndColumn,
        DaysLeftColumn,
        ColumnCount
    };
    enum Role
    {
        OrganisationIdRole = Qt::UserRole + 1,
        DaysLeftRole, // int; negative when overdue
    };

    explicit ExpiringTermsModel(QObject* parent = nullptr);

    void setTerms(const QList<Cadre>& cadres, const QDate& today);
    const Cadre* cadre(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int daysLeft(const Cadre& cadre) const;

    QList<Cadre> m_cadres;
    QDate m_today;
};

} // namespace ud
