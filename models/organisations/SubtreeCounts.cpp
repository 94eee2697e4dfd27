#include "organisations/SubtreeCounts.h"

#include "store/Sql.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>
#include <vector>

namespace ud {

void SubtreeCounts::add(const QString& status, const QString& employmentForm, bool verified, qint64 n)
{
    membersByStatus[status] += n;
    members += n;
    if (status != QLatin1String("active"))
        return;
    active += n;
    if (verified)
        verifiedActive += n;
    if (SubtreeCounter::isNewEmploymentForm(employmentForm))
        newEmploymentFormActive += n;
}

void SubtreeCounts::addStatus(const QString& status, qint64 n, qint64 verified, qint64 newForm)
{
    membersByStatus[status] += n;
    members += n;
    if (status != QLatin1String("active"))
        return;
    active += n;
    verifiedActive += verified;
    newEmploymentFormActive += newForm;
}

void SubtreeCounts::merge(const SubtreeCounts& other)
{
    for (auto it = other.membersByStatus.constBegin(); it != other.membersByStatus.constEnd(); ++it)
        membersByStatus[it.key()] += it.value();
    members += other.members;
    active += other.active;
    verifiedActive += other.verifiedActive;
    newEmploymentFormActive += other.newEmploymentFormActive;
    cadres += other.cadres;
}

namespace {

const QStringList& newEmploymentForms()
{
    static const QStringList forms = {QStringLiteral("courier"),      QStringLiteral("food-delivery"),
                                      QStringLiteral("ride-hailing"), QStringLiteral("truck-driver"),
                                      QStringLiteral("sanitation"),   QStringLiteral("construction")};
    return forms;
}

// Per status: the members, the verified and the new-employment-form ones (summed by SQLite, so a
// subtree comes back as a few rows per organisation instead of one per tally row).
QString statusSums()
{
    static const QString sums =
        QStringLiteral("t.status, sum(t.n), sum(CASE WHEN t.verified <> 0 THEN t.n ELSE 0 END), "
                       "sum(CASE WHEN t.employment_form IN ('") +
        newEmploymentForms().join(QStringLiteral("', '")) + QStringLiteral("') THEN t.n ELSE 0 END)");
    return sums;
}

} // namespace

SubtreeCounter::SubtreeCounter(const QSqlDatabase& db, Scope scope)
    : m_db(db)
    , m_scope(std::move(scope))
{
}

bool SubtreeCounter::isNewEmploymentForm(const QString& form)
{
    return newEmploymentForms().contains(form);
}

std::optional<SubtreeCounts> SubtreeCounter::of(const QString& organisationId, QString* error) const
{
    WhereClause where;
    m_scope.restrictOrganisations(where, QStringLiteral("o"));
    where.add(QStringLiteral("o.id = ? AND o.deleted = 0"), {organisationId});
    QSqlQuery top(m_db);
    if (!sql::execBound(top, QStringLiteral("SELECT o.path FROM organisation o") + where.sql(),
                        where.values(), error))
        return std::nullopt;
    if (!top.next()) {
        if (error)
            *error = QCoreApplication::translate(
                "ud::OrganisationRepository",
                "Organisation: it does not exist or is outside your organisation.");
        return std::nullopt;
    }
    const QString path = top.value(0).toString();
    const QString upper = Scope::upperBound(path);
    // One statement: the tally of the subtree summed per status, then one row with its cadres in post.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!sql::execBound(
            q,
            QStringLiteral("SELECT ") + statusSums() +
                QStringLiteral(", 0 FROM member_tally t WHERE t.organisation_id IN (SELECT o.id FROM "
                               "organisation o WHERE o.path >= ? AND o.path < ?) GROUP BY t.status "
                               "UNION ALL SELECT '', count(*), 0, 0, 1 FROM organisation o "
                               "JOIN cadre c ON c.organisation_id = o.id AND c.deleted = 0 AND "
                               "c.ended_on = '' WHERE o.path >= ? AND o.path < ?"),
            {path, upper, path, upper}, error))
        return std::nullopt;
    SubtreeCounts counts;
    while (q.next()) {
        if (q.value(4).toInt() == 1)
            counts.cadres = q.value(1).toLongLong();
        else if (q.value(1).toLongLong() != 0)
            counts.addStatus(q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                             q.value(3).toLongLong());
    }
    return counts;
}

QHash<QString, SubtreeCounts> SubtreeCounter::all(QString* error) const
{
    QHash<QString, SubtreeCounts> out;
    WhereClause where;
    m_scope.restrictOrganisations(where, QStringLiteral("o"));
    where.add(QStringLiteral("o.deleted = 0"));
    QSqlQuery orgs(m_db);
    orgs.setForwardOnly(true);
    if (!sql::execBound(orgs,
                        QStringLiteral("SELECT o.id, o.parent_id, o.path FROM organisation o") + where.sql(),
                        where.values(), error))
        return out;
    struct Place
    {
        QString id;
        QString parentId;
        qsizetype depth;
    };
    std::vector<Place> places;
    while (orgs.next()) {
        const QString id = orgs.value(0).toString();
        places.push_back({id, orgs.value(1).toString(), orgs.value(2).toString().count(QLatin1Char('/'))});
        out.insert(id, SubtreeCounts());
    }
    // Each organisation's own members and cadres …
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!sql::execBound(
            q,
            QStringLiteral("SELECT t.organisation_id, ") + statusSums() +
                // An IN list, not a join: SQLite then reads the tally in its key order, organisation by
                // organisation, and groups without sorting (a third of the join's time on a whole store).
                QStringLiteral(
                    ", 0 FROM member_tally t WHERE t.organisation_id IN (SELECT o.id FROM organisation o") +
                where.sql() +
                QStringLiteral(") GROUP BY t.organisation_id, t.status UNION ALL SELECT c.organisation_id, "
                               "'', count(*), 0, 0, 1 FROM organisation o JOIN cadre c ON "
                               "c.organisation_id = o.id AND c.deleted = 0 AND c.ended_on = ''") +
                where.sql() + QStringLiteral(" GROUP BY c.organisation_id"),
            where.values() + where.values(), error))
        return out;
    while (q.next()) {
        const auto it = out.find(q.value(0).toString());
        if (it == out.end())
            continue;
        if (q.value(5).toInt() == 1)
            it->cadres += q.value(2).toLongLong();
        else if (q.value(2).toLongLong() != 0)
            it->addStatus(q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                          q.value(4).toLongLong());
    }
    // … then, deepest first, each one's subtree total added to its parent's (inside the scope).
    std::sort(places.begin(), places.end(), [](const Place& a, const Place& b) { return a.depth > b.depth; });
    for (const Place& p : places) {
        const auto parent = out.find(p.parentId);
        if (parent != out.end())
            parent->merge(out.value(p.id));
    }
    return out;
}

} // namespace ud
