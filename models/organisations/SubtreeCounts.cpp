#include "organisations/SubtreeCounts.h"

#include "store/Sql.h"

#include <QCoreApplication>
#include <QSqlQuery>

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

SubtreeCounter::SubtreeCounter(const QSqlDatabase& db, Scope scope)
    : m_db(db)
    , m_scope(std::move(scope))
{
}

bool SubtreeCounter::isNewEmploymentForm(const QString& form)
{
    static const QStringList forms = {QStringLiteral("courier"),      QStringLiteral("food-delivery"),
                                      QStringLiteral("ride-hailing"), QStringLiteral("truck-driver"),
                                      QStringLiteral("sanitation"),   QStringLiteral("construction")};
    return forms.contains(form);
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
    // One statement: the tally rows of the subtree, then one row with its cadres in post.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!sql::execBound(
            q,
            QStringLiteral("SELECT t.status, t.employment_form, t.verified, sum(t.n), 0 FROM organisation o "
                           "JOIN member_tally t ON t.organisation_id = o.id "
                           "WHERE o.path >= ? AND o.path < ? GROUP BY 1, 2, 3 "
                           "UNION ALL SELECT '', '', 0, count(*), 1 FROM organisation o "
                           "JOIN cadre c ON c.organisation_id = o.id AND c.deleted = 0 AND c.ended_on = '' "
                           "WHERE o.path >= ? AND o.path < ?"),
            {path, upper, path, upper}, error))
        return std::nullopt;
    SubtreeCounts counts;
    while (q.next()) {
        if (q.value(4).toInt() == 1)
            counts.cadres = q.value(3).toLongLong();
        else if (q.value(3).toLongLong() != 0)
            counts.add(q.value(0).toString(), q.value(1).toString(), q.value(2).toBool(),
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
    QHash<QString, QString> pathOf;
    if (!sql::execBound(orgs, QStringLiteral("SELECT o.id, o.path FROM organisation o") + where.sql(),
                        where.values(), error))
        return out;
    while (orgs.next()) {
        pathOf.insert(orgs.value(0).toString(), orgs.value(1).toString());
        out.insert(orgs.value(0).toString(), SubtreeCounts());
    }
    // Each organisation's own rows are added to itself and to every ancestor inside the scope.
    auto ancestors = [&pathOf, &out](const QString& organisationId) {
        QList<SubtreeCounts*> chain;
        const QStringList ids = pathOf.value(organisationId).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        for (const QString& id : ids) {
            auto it = out.find(id);
            if (it != out.end())
                chain.append(&it.value());
        }
        return chain;
    };
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!sql::execBound(
            q,
            QStringLiteral("SELECT t.organisation_id, t.status, t.employment_form, t.verified, t.n, 0 "
                           "FROM organisation o JOIN member_tally t ON t.organisation_id = o.id") +
                where.sql() +
                QStringLiteral(" AND t.n <> 0 UNION ALL SELECT c.organisation_id, '', '', 0, count(*), 1 "
                               "FROM organisation o JOIN cadre c ON c.organisation_id = o.id AND "
                               "c.deleted = 0 AND c.ended_on = ''") +
                where.sql() + QStringLiteral(" GROUP BY c.organisation_id"),
            where.values() + where.values(), error))
        return out;
    while (q.next()) {
        const QList<SubtreeCounts*> chain = ancestors(q.value(0).toString());
        for (SubtreeCounts* counts : chain) {
            if (q.value(5).toInt() == 1)
                counts->cadres += q.value(4).toLongLong();
            else
                counts->add(q.value(1).toString(), q.value(2).toString(), q.value(3).toBool(),
                            q.value(4).toLongLong());
        }
    }
    return out;
}

} // namespace ud
