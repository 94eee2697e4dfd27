#include "members/RosterQuery.h"

#include "domain/IdNumber.h"
#include "domain/MobileNumber.h"
#include "domain/TextNormaliser.h"
#include "members/MemberSearchIndex.h"
#include "store/Sql.h"

#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace ud {

namespace {

// The exclusive upper bound of all ASCII strings that start with `prefix`.
QString prefixUpper(const QString& prefix)
{
    QString upper = prefix;
    upper[upper.size() - 1] = QChar(upper.at(upper.size() - 1).unicode() + 1);
    return upper;
}

// Each alternative of an OR repeats "m.deleted = 0": SQLite plans every OR branch on its own, and
// only a branch that states the partial indexes' condition may use them.
QString prefixRange(const QString& column)
{
    return QStringLiteral("(m.deleted = 0 AND %1 >= ? AND %1 < ?)").arg(column);
}

const QString kColumns =
    QStringLiteral("m.local_id, m.id, m.name, m.gender, m.id_number, m.mobile, "
                   "(SELECT o.name FROM organisation o WHERE o.id = m.organisation_id), "
                   "m.employment_form, m.join_date, m.card_number, m.status, m.verified");

bool hasNonAscii(const QString& text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() > 0x7F; });
}

} // namespace

RosterQuery::RosterQuery(const QSqlDatabase& db, Scope scope, RosterFilter filter, RosterSort sort,
                         Qt::SortOrder order, SearchPlan plan)
    : m_db(db)
    , m_scope(std::move(scope))
    , m_filter(std::move(filter))
    , m_sort(sort)
    , m_order(order)
    , m_plan(plan)
{
    // deleted = 0 comes first and literally: it is what lets SQLite use the partial indexes.
    m_where.add(QStringLiteral("m.deleted = 0"));
    const qsizetype before = m_where.values().size();
    m_scope.restrictByOrganisationColumn(m_where, QStringLiteral("m.organisation_id"));
    m_scope.restrictByOrganisationColumn(m_tallyWhere, QStringLiteral("t.organisation_id"));
    m_scope.restrictByOrganisationColumn(m_gramOrganisationWhere, QStringLiteral("g.organisation_id"));
    if (m_where.values().size() != before)
        m_onlyDeletedCondition = false;
    if (!m_filter.organisationPath.isEmpty()) {
        if (!m_scope.contains(m_filter.organisationPath)) {
            addFilter(QStringLiteral("0"), QStringLiteral("0"), QVariant());
        } else if (m_filter.organisationPath != m_scope.path()) {
            const QString subtree =
                QStringLiteral("%1 IN (SELECT id FROM organisation WHERE path >= ? AND path < ?)");
            const QVariantList bounds{m_filter.organisationPath,
                                      Scope::upperBound(m_filter.organisationPath)};
            m_where.add(subtree.arg(QStringLiteral("m.organisation_id")), bounds);
            m_tallyWhere.add(subtree.arg(QStringLiteral("t.organisation_id")), bounds);
            m_gramOrganisationWhere.add(subtree.arg(QStringLiteral("g.organisation_id")), bounds);
            m_onlyDeletedCondition = false;
        }
    }
    if (!m_filter.status.isEmpty())
        addFilter(QStringLiteral("m.status = ?"), QStringLiteral("t.status = ?"), m_filter.status);
    if (!m_filter.employmentForm.isEmpty())
        addFilter(QStringLiteral("m.employment_form = ?"), QStringLiteral("t.employment_form = ?"),
                  m_filter.employmentForm);
    if (m_filter.verified.has_value())
        addFilter(QStringLiteral("m.verified = ?"), QStringLiteral("t.verified = ?"),
                  *m_filter.verified ? 1 : 0);
    addSearch(m_filter.search);
}

void RosterQuery::addFilter(const QString& memberCondition, const QString& tallyCondition,
                            const QVariant& value)
{
    const QVariantList values = value.isValid() ? QVariantList{value} : QVariantList{};
    m_where.add(memberCondition, values);
    m_tallyWhere.add(tallyCondition, values);
    m_onlyDeletedCondition = false;
    m_onlyOrganisationConditions = false;
}

void RosterQuery::addSearch(const QString& raw)
{
    const QString text = TextNormaliser::normalise(raw);
    if (text.isEmpty())
        return;
    m_searching = true;
    QString compact = TextNormaliser::identifier(text).toUpper();
    // A mobile copied with its country code (+86 139 …) is looked up as the 11 digits stored.
    if (compact.startsWith(QLatin1Char('+'))) {
        const MobileNumber mobile = MobileNumber::parse(compact);
        if (mobile.isValid())
            compact = mobile.value();
    }
    const QString lowered = text.toLower();

    if (hasNonAscii(text)) {
        const QString gram = MemberSearchIndex::lookupGram(lowered);
        const bool memberFirst = m_plan == SearchPlan::MemberFirst ||
                                 (m_plan == SearchPlan::Automatic && !m_onlyDeletedCondition &&
                                  filteredCount() <= MemberFirstLimit);
        if (memberFirst) {
            // Few members pass the other filters (say one base union's roster): visit those and
            // look each one's name piece up by its key, instead of walking every member in the
            // store who shares the surname and dropping those outside the filter.
            m_memberFirst = true;
            m_where.add(QStringLiteral("EXISTS (SELECT 1 FROM member_name_gram g WHERE g.gram = ? AND "
                                       "g.name_key = m.name_key AND g.member_local_id = m.local_id)"),
                        {gram});
            if (MemberSearchIndex::codePointLength(lowered) > 2)
                m_where.add(QStringLiteral("instr(lower(m.name), ?) > 0"), {lowered});
            return;
        }
        // A Chinese name (or part of one): read the name pieces in name order.
        m_gramSearch = true;
        m_gramWhere.add(QStringLiteral("g.gram = ?"), {MemberSearchIndex::lookupGram(lowered)});
        if (MemberSearchIndex::codePointLength(lowered) > 2)
            m_gramWhere.add(QStringLiteral("instr(lower(g.name), ?) > 0"), {lowered});
        // Pieces of members elsewhere in the tree are passed over without reading their members.
        if (!m_gramOrganisationWhere.isEmpty())
            m_gramWhere.add(m_gramOrganisationWhere.conditions(), m_gramOrganisationWhere.values());
        return;
    }

    QStringList alternatives;
    QVariantList values;
    static const QRegularExpression digits(QStringLiteral("^[0-9]+X?$"));
    if (digits.match(compact).hasMatch()) {
        // Full ID numbers (legacy 15-digit ones converted) and the last digits of one.
        const IdNumber id = IdNumber::parse(compact);
        if (id.isValid()) {
            alternatives.append(QStringLiteral("(m.deleted = 0 AND m.id_number = ?)"));
            values.append(id.value());
        }
        // One or two digits would end a tenth or a hundredth of all numbers and say nothing about
        // who is meant: the last digits count from three on (card numbers still match as prefixes).
        const QString reversed = MemberSearchIndex::reversed(compact);
        const bool suffixes = compact.size() >= 3;
        if (suffixes) {
            alternatives.append(prefixRange(QStringLiteral("m.id_number_rev")));
            values << reversed << prefixUpper(reversed);
        }
        if (suffixes && !compact.endsWith(QLatin1Char('X'))) {
            if (compact.size() == 11) {
                alternatives.append(QStringLiteral("(m.deleted = 0 AND m.mobile = ?)"));
                values.append(compact);
            } else {
                alternatives.append(prefixRange(QStringLiteral("m.mobile_rev")));
                values << reversed << prefixUpper(reversed);
            }
        }
    } else {
        // Latin letters: a foreign name, or a card number with letters in it.
        QString byName =
            QStringLiteral("m.local_id IN (SELECT member_local_id FROM member_name_gram WHERE gram = ?)");
        values.append(MemberSearchIndex::lookupGram(lowered));
        if (MemberSearchIndex::codePointLength(lowered) > 2) {
            byName += QStringLiteral(" AND instr(lower(m.name), ?) > 0");
            values.append(lowered);
        }
        alternatives.append(QLatin1Char('(') + byName + QLatin1Char(')'));
    }
    static const QRegularExpression card(QStringLiteral("^[A-Z0-9]+$"));
    if (card.match(compact).hasMatch()) {
        alternatives.append(prefixRange(QStringLiteral("m.card_number")));
        values << compact << prefixUpper(compact);
    }
    m_where.add(alternatives.join(QStringLiteral(" OR ")), values);
}

QString RosterQuery::from() const
{
    // CROSS JOIN keeps the name pieces as the outer loop: their order is the page order.
    if (m_gramSearch)
        return QStringLiteral(" FROM member_name_gram g CROSS JOIN member m ON m.local_id = "
                              "g.member_local_id WHERE ") +
               m_gramWhere.conditions() + QStringLiteral(" AND ") + m_where.conditions();
    return QStringLiteral(" FROM member m") + m_where.sql();
}

QString RosterQuery::sortColumn() const
{
    // A search by digits or letters, or one within few members, finds few rows by its own indexes:
    // "+" keeps SQLite from walking a whole sort index in order instead (for a page after a key, it
    // would test every member of the store), since sorting the few rows is cheaper.
    const bool fewRows = m_memberFirst || (m_searching && !m_gramSearch);
    const QString plus = fewRows ? QStringLiteral("+") : QString();
    switch (m_sort) {
    case RosterSort::IdNumber:
        return plus + QStringLiteral("m.id_number");
    case RosterSort::Mobile:
        return plus + QStringLiteral("m.mobile");
    case RosterSort::CardNumber:
        return plus + QStringLiteral("m.card_number");
    case RosterSort::JoinDate:
        return plus + QStringLiteral("m.join_date");
    case RosterSort::Status:
        return plus + QStringLiteral("m.status");
    case RosterSort::Name:
        break;
    }
    if (m_gramSearch)
        return QStringLiteral("g.name_key");
    return plus + QStringLiteral("m.name_key");
}

QString RosterQuery::keyColumn() const
{
    return m_gramSearch && m_sort == RosterSort::Name ? QStringLiteral("g.member_local_id")
                                                      : QStringLiteral("m.local_id");
}

qint64 RosterQuery::filteredCount() const
{
    QSqlQuery q(m_db);
    if (sql::execBound(
            q, QStringLiteral("SELECT coalesce(sum(t.n), 0) FROM member_tally t") + m_tallyWhere.sql(),
            m_tallyWhere.values(), nullptr) &&
        q.next())
        return q.value(0).toLongLong();
    return std::numeric_limits<qint64>::max();
}

qint64 RosterQuery::count() const
{
    QString statement;
    QVariantList values;
    if (!m_searching) {
        statement = QStringLiteral("SELECT coalesce(sum(t.n), 0) FROM member_tally t") + m_tallyWhere.sql();
        values = m_tallyWhere.values();
    } else if (m_gramSearch && m_onlyOrganisationConditions) {
        // Name pieces exist only for members that are not deleted, and carry the member's
        // organisation: no need to visit the members.
        statement = QStringLiteral("SELECT count(*) FROM member_name_gram g") + m_gramWhere.sql();
        values = m_gramWhere.values();
    } else {
        statement = QStringLiteral("SELECT count(*)") + from();
        values = m_gramWhere.values() + m_where.values();
    }
    QSqlQuery q(m_db);
    if (sql::execBound(q, statement, values, nullptr) && q.next())
        return q.value(0).toLongLong();
    return 0;
}

QList<RosterRow> RosterQuery::first(int limit) const
{
    return page(nullptr, true, limit);
}

QList<RosterRow> RosterQuery::after(const Key& key, int limit) const
{
    return page(&key, true, limit);
}

QList<RosterRow> RosterQuery::before(const Key& key, int limit) const
{
    QList<RosterRow> rows = page(&key, false, limit);
    std::reverse(rows.begin(), rows.end());
    return rows;
}

QList<RosterRow> RosterQuery::page(const Key* key, bool forward, int limit) const
{
    const QString column = sortColumn();
    const QString keyCol = keyColumn();
    const bool ascending = (m_order == Qt::AscendingOrder) == forward;
    const QString direction = ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    QString statement = QStringLiteral("SELECT ") + kColumns + QStringLiteral(", ") + column + from();
    QVariantList values = m_gramWhere.values() + m_where.values();
    if (key) {
        statement += QStringLiteral(" AND (%1, %2) %3 (?, ?)").arg(column, keyCol, ascending ? u">" : u"<");
        values << key->value << key->localId;
    }
    statement += QStringLiteral(" ORDER BY %1 %3, %2 %3 LIMIT ?").arg(column, keyCol, direction);
    values << limit;

    QList<RosterRow> rows;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!sql::execBound(q, statement, values, nullptr))
        return rows;
    rows.reserve(limit);
    while (q.next()) {
        RosterRow r;
        r.localId = q.value(0).toLongLong();
        r.id = q.value(1).toString();
        r.name = q.value(2).toString();
        r.gender = q.value(3).toString();
        r.idNumber = q.value(4).toString();
        r.mobile = q.value(5).toString();
        r.organisationName = q.value(6).toString();
        r.employmentForm = q.value(7).toString();
        r.joinDate = q.value(8).toString();
        r.cardNumber = q.value(9).toString();
        r.status = q.value(10).toString();
        r.verified = q.value(11).toBool();
        r.sortValue = q.value(12);
        rows.append(r);
    }
    return rows;
}

bool RosterQuery::selectAll(QSqlQuery& q, const QString& columns, QString* error) const
{
    const QString column = sortColumn();
    const QString keyCol = keyColumn();
    const QString direction = m_order == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC");
    q.setForwardOnly(true);
    return sql::execBound(
        q,
        QStringLiteral("SELECT %1%2 ORDER BY %3 %5, %4 %5").arg(columns, from(), column, keyCol, direction),
        m_gramWhere.values() + m_where.values(), error);
}

std::optional<RosterQuery::Key> RosterQuery::keyAt(qint64 position) const
{
    const QString column = sortColumn();
    const QString keyCol = keyColumn();
    const QString direction = m_order == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC");
    QVariantList values = m_gramWhere.values() + m_where.values();
    values << position;
    QSqlQuery q(m_db);
    if (sql::execBound(q,
                       QStringLiteral("SELECT %1, %2%3 ORDER BY %1 %4, %2 %4 LIMIT 1 OFFSET ?")
                           .arg(column, keyCol, from(), direction),
                       values, nullptr) &&
        q.next())
        return Key{q.value(0), q.value(1).toLongLong()};
    return std::nullopt;
}

qint64 RosterQuery::positionOf(const QString& memberId) const
{
    const QString column = sortColumn();
    const QString keyCol = keyColumn();
    QVariantList values = m_gramWhere.values() + m_where.values();
    values << memberId;
    QSqlQuery find(m_db);
    if (!sql::execBound(find, QStringLiteral("SELECT %1, %2%3 AND m.id = ?").arg(column, keyCol, from()),
                        values, nullptr) ||
        !find.next())
        return -1;
    values = m_gramWhere.values() + m_where.values();
    values << find.value(0) << find.value(1);
    const auto comparison = m_order == Qt::AscendingOrder ? u"<" : u">";
    QSqlQuery count(m_db);
    if (sql::execBound(count,
                       QStringLiteral("SELECT count(*)%1 AND (%2, %3) %4 (?, ?)")
                           .arg(from(), column, keyCol, comparison),
                       values, nullptr) &&
        count.next())
        return count.value(0).toLongLong();
    return -1;
}

} // namespace ud
