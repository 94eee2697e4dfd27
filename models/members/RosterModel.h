#pragma once

#include "members/RosterQuery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSqlDatabase>

#include <memory>

namespace ud {

// The member roster as a table model over any number of members. It never loads all rows: it
// counts once per filter, reads pages of rows by keyset as the view asks for them and keeps only a
// bounded number of pages, so a million-member store opens at once and memory stays flat however
// far the clerk scrolls. ID numbers and mobiles are masked unless unmasking is switched on.
class RosterModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        GenderColumn,
        IdNumberColumn,
        MobileColumn,
        OrganisationColumn,
        EmploymentFormColumn,
        JoinDateColumn,
        CardNumberColumn,
        StatusColumn,
        VerifiedColumn,
        ColumnCount
    };
    enum Role
    {
        MemberIdRole = Qt::UserRole + 1,
        StatusKeyRole,
    };

    explicit RosterModel(QObject* parent = nullptr);

    // The connection must stay open for the model's lifetime (the main window's store).
    void setSource(const QSqlDatabase& db, const Scope& scope);
    void setFilter(const RosterFilter& filter);
    const RosterFilter& filter() const { return m_filter; }
    // The order the rows are in (an export writes them in the same order).
    RosterSort rosterSort() const { return m_sort; }
    Qt::SortOrder sortOrder() const { return m_order; }
    // Showing numbers in full is written to the audit log first, signed with `actor`; when the log
    // cannot be written the numbers stay masked and false comes back with the reason.
    bool setUnmasked(bool unmasked, const QString& actor = QString(), QString* error = nullptr);
    bool isUnmasked() const { return m_unmasked; }
    // Re-reads the count and drops every cached page (after an edit).
    void refresh();
    // The row at which a member appears under the current filter and order, or -1.
    int rowOfMember(const QString& memberId) const;
    QString memberIdAt(int row) const;
    static bool isSortable(int column);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static constexpr int PageSize = 128;
    static constexpr int MaxCachedPages = 64;

signals:
    void countChanged(qint64 count);

private:
    const RosterRow* rowAt(int row) const;
    const QList<RosterRow>& loadPage(int page) const;
    void rebuildQuery();

    QSqlDatabase m_db;
    Scope m_scope;
    RosterFilter m_filter;
    RosterSort m_sort = RosterSort::Name;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    bool m_unmasked = false;
    std::unique_ptr<RosterQuery> m_query;
    qint64 m_count = 0;

    // Pages are read lazily from data(); the cache is an implementation detail of a const read.
    mutable QHash<int, QList<RosterRow>> m_pages;
    mutable QList<int> m_pageUse; // least recently used first
};

} // namespace ud
