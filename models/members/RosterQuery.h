#pragma once

#include "members/RosterFilter.h"
#include "store/Scope.h"
#include "store/WhereClause.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QVariant>

#include <optional>

class QSqlQuery;

namespace ud {

// One row of the roster as the table shows it (a subset of Member, enough for a page).
struct RosterRow
{
    qint64 localId = 0;
    QString id;
    QString name;
    QString gender;
    QString idNumber;
    QString mobile;
    QString organisationName;
    QString employmentForm;
    QString joinDate;
    QString cardNumber;
    QString status;
    bool verified = false;
    QVariant sortValue;
};

// The columns the roster can be ordered by; each has an index that holds the local id as well, so
// every page is a keyset range read ("after this (value, id)"), never an OFFSET scan.
enum class RosterSort
{
    Name,
    IdNumber,
    Mobile,
    CardNumber,
    JoinDate,
    Status,
};

// Builds and runs the roster's SQL for one scope, filter and order. Keyset paging: a page is read
// as the rows after (or before) the key of a row already seen; only a jump far down the scrollbar
// needs keyAt(), which walks the index once to find the key at that position.
class RosterQuery
{
public:
    struct Key
    {
        QVariant value;
        qint64 localId = 0;
    };

    // How a Chinese name search finds its rows. Both give the same rows in the same order; the
    // automatic choice picks the quicker one from the number of members the other filters leave.
    enum class SearchPlan
    {
        Automatic,
        NameIndexFirst, // walk the name pieces in name order, skipping other organisations
        MemberFirst,    // visit the filtered members and look each one's piece up
    };

    RosterQuery(const QSqlDatabase& db, Scope scope, RosterFilter filter, RosterSort sort = RosterSort::Name,
                Qt::SortOrder order = Qt::AscendingOrder, SearchPlan plan = SearchPlan::Automatic);

    qint64 count() const;
    QList<RosterRow> first(int limit) const;
    QList<RosterRow> after(const Key& key, int limit) const;
    QList<RosterRow> before(const Key& key, int limit) const; // returned in display order
    std::optional<Key> keyAt(qint64 position) const;
    // Where a member stands in this order, or -1 when the filter leaves it out.
    qint64 positionOf(const QString& memberId) const;
    static Key keyOf(const RosterRow& row) { return {row.sortValue, row.localId}; }
    // Every row of the selection in this order, in one forward-only statement on `q`: `columns` are
    // read from the member row (alias m). For exports, which stream all rows instead of paging.
    bool selectAll(QSqlQuery& q, const QString& columns, QString* error) const;

    // The WHERE clause alone (for exports and counts elsewhere).
    const WhereClause& where() const { return m_where; }

private:
    QList<RosterRow> page(const Key* key, bool forward, int limit) const;
    QString sortColumn() const;
    QString keyColumn() const;
    QString from() const;
    // How many members pass the filters other than the search text, read from member_tally.
    qint64 filteredCount() const;
    // Below this many candidates a name search starts from the members, not the name pieces.
    static constexpr qint64 MemberFirstLimit = 20000;
    void addSearch(const QString& text);
    void addFilter(const QString& memberCondition, const QString& tallyCondition, const QVariant& value);

    QSqlDatabase m_db;
    Scope m_scope;
    RosterFilter m_filter;
    RosterSort m_sort;
    Qt::SortOrder m_order;
    // Conditions on the member row (alias m), always present.
    WhereClause m_where;
    // Conditions on member_tally (alias t) giving the same count while there is no search text.
    WhereClause m_tallyWhere;
    // A Chinese name search reads member_name_gram (alias g), whose rows are in name order.
    WhereClause m_gramWhere;
    // The scope and organisation filter on the pieces' own organisation column (schema v5).
    WhereClause m_gramOrganisationWhere;
    SearchPlan m_plan = SearchPlan::Automatic;
    bool m_searching = false;
    bool m_gramSearch = false;
    // A name search within few members (see addSearch) reads the members first.
    bool m_memberFirst = false;
    bool m_onlyDeletedCondition = true;
    // No filter but the scope and the organisation subtree (both of which the pieces can answer).
    bool m_onlyOrganisationConditions = true;
};

} // namespace ud
