#include "cadres/CadreRepository.h"

#include "domain/CodeList.h"
#include "members/MemberRepository.h"
#include "organisations/OrganisationRepository.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "store/Sql.h"
#include "store/Transaction.h"
#include "util/Clock.h"
#include "util/Ids.h"

#include <QSqlQuery>

namespace ud {

namespace {

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

// Posts by rank for the committee view.
QString rankOrder(const QString& column)
{
    QString sql = QStringLiteral("CASE %1").arg(column);
    const CodeList& positions = codes::cadrePosition();
    for (int i = 0; i < positions.size(); ++i)
        sql += QStringLiteral(" WHEN '%1' THEN %2").arg(QLatin1String(positions.at(i).key)).arg(i);
    return sql + QStringLiteral(" ELSE 99 END");
}

const QString kSelect = QStringLiteral(
    "SELECT c.*, o.name AS organisation_name FROM cadre c JOIN organisation o ON o.id = c.organisation_id");

} // namespace

CadreRepository::CadreRepository(Database& store, Scope scope)
    : m_store(store)
    , m_scope(std::move(scope))
{
}

bool CadreRepository::add(Cadre& cadre, const QString& actor, QString* error)
{
    const QString position = codes::cadrePosition().keyFor(cadre.position);
    if (position.isEmpty())
        return fail(error,
                    tr("Position: \"%1\" is not one of %2.")
                        .arg(cadre.position, codes::cadrePosition().keys().join(QStringLiteral(", "))));
    cadre.position = position;
    if (!cadre.electedHow.trimmed().isEmpty()) {
        const QString how = codes::cadreAppointment().keyFor(cadre.electedHow);
        if (how.isEmpty())
            return fail(error, tr("How elected: \"%1\" is not one of %2.")
                                   .arg(cadre.electedHow,
                                        codes::cadreAppointment().keys().join(QStringLiteral(", "))));
        cadre.electedHow = how;
    } else {
        cadre.electedHow.clear();
    }
    const QDate start = QDate::fromString(cadre.termStart.trimmed(), Qt::ISODate);
    if (!start.isValid())
        return fail(error, tr("Term start: \"%1\" is not a date (YYYY-MM-DD).").arg(cadre.termStart));
    cadre.termStart = start.toString(Qt::ISODate);
    if (!cadre.termEnd.trimmed().isEmpty()) {
        const QDate end = QDate::fromString(cadre.termEnd.trimmed(), Qt::ISODate);
        if (!end.isValid())
            return fail(error, tr("Term end: \"%1\" is not a date (YYYY-MM-DD).").arg(cadre.termEnd));
        if (end < start)
            return fail(error, tr("Term end: %1 comes before the term start %2.")
                                   .arg(end.toString(Qt::ISODate), cadre.termStart));
        cadre.termEnd = end.toString(Qt::ISODate);
    } else {
        cadre.termEnd.clear();
    }
    const std::optional<Organisation> org =
        OrganisationRepository(m_store, m_scope).find(cadre.organisationId);
    if (!org)
        return fail(error, tr("Organisation: it does not exist or is outside your organisation."));
    if (!org->isActive())
        return fail(error, tr("Organisation: %1 is dissolved.").arg(org->name));
    if (!cadre.memberId.isEmpty()) {
        const std::optional<Member> member = MemberRepository(m_store, m_scope).find(cadre.memberId);
        if (!member)
            return fail(error, tr("Member: it does not exist or is outside your organisation."));
        if (member->status != QLatin1String("active"))
            return fail(error, tr("Member: %1 is not an active member (%2).")
                                   .arg(member->name, codes::memberStatus().label(member->status)));
        const std::optional<Organisation> home =
            OrganisationRepository(m_store, Scope(org->id, org->path)).find(member->organisationId);
        if (!home)
            return fail(
                error,
                tr("Member: %1 is not a member of %2 or of a union under it.").arg(member->name, org->name));
        cadre.name = member->name;
        // The same person in the same post twice at once is a typing slip.
        const QList<Cadre> committee = ofOrganisation(org->id);
        for (const Cadre& other : committee) {
            if (other.memberId == cadre.memberId && other.position == cadre.position)
                return fail(error, tr("Position: %1 already holds it in %2.").arg(member->name, org->name));
        }
    }
    cadre.name = cadre.name.trimmed();
    if (cadre.name.isEmpty())
        return fail(error, tr("Name: it must not be empty."));
    cadre.id = newRecordId();
    cadre.endedOn.clear();
    cadre.version = 0;
    cadre.deleted = false;
    cadre.updatedAt = Clock::nowIso();
    cadre.updatedBy = actor;
    cadre.organisationName = org->name;
    const QSqlDatabase db = m_store.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return fail(error, tx.error());
    // Read inside the write transaction, so two clerks cannot both add a chair.
    if (const std::optional<Cadre> chair = overlappingChair(cadre)) {
        const QString end = chair->termEnd.isEmpty() ? tr("open-ended") : chair->termEnd;
        return fail(error,
                    tr("Position: %1 already has a chair, %2 (term %3 to %4); one union has one chair at "
                       "a time. End that term first.")
                        .arg(org->name, chair->name, chair->termStart, end));
    }
    QSqlQuery q(db);
    return sql::execBound(
               q,
               QStringLiteral("INSERT INTO cadre(id, member_id, organisation_id, name, position, full_time, "
                              "term_start, term_end, ended_on, elected_how, version, updated_at, "
                              "updated_by, deleted) VALUES(?,?,?,?,?,?,?,?,?,?,0,?,?,0)"),
               {cadre.id, cadre.memberId.isEmpty() ? sql::null() : QVariant(cadre.memberId),
                cadre.organisationId, cadre.name, cadre.position, cadre.fullTime ? 1 : 0, cadre.termStart,
                cadre.termEnd, cadre.endedOn, cadre.electedHow, cadre.updatedAt, cadre.updatedBy},
               error) &&
           Outbox(db).enqueue(entity::Cadre, cadre.id, 0, cadre.toFields(), false, error) && tx.commit(error);
}

bool CadreRepository::endTerm(const QString& cadreId, const QDate& endedOn, const QString& actor,
                              QString* error)
{
    const std::optional<Cadre> cadre = find(cadreId);
    if (!cadre)
        return fail(error, tr("Cadre: it does not exist or is outside your organisation."));
    if (!cadre->inPost())
        return fail(error,
                    tr("Cadre: the term of %1 has already ended (%2).").arg(cadre->name, cadre->endedOn));
    const QDate on = endedOn.isValid() ? endedOn : Clock::today();
    if (on < QDate::fromString(cadre->termStart, Qt::ISODate))
        return fail(error, tr("End date: %1 comes before the term start %2.")
                               .arg(on.toString(Qt::ISODate), cadre->termStart));
    const QString updatedAt = Clock::nowIso();
    const QSqlDatabase db = m_store.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return fail(error, tx.error());
    QSqlQuery q(db);
    return sql::execBound(
               q,
               QStringLiteral("UPDATE cadre SET ended_on = ?, updated_at = ?, updated_by = ? WHERE id = ?"),
               {on.toString(Qt::ISODate), updatedAt, actor, cadre->id}, error) &&
           Outbox(db).enqueue(entity::Cadre, cadre->id, cadre->version,
                              QJsonObject{{QStringLiteral("endedOn"), on.toString(Qt::ISODate)}}, false,
                              error) &&
           tx.commit(error);
}

std::optional<Cadre> CadreRepository::find(const QString& cadreId) const
{
    WhereClause where;
    m_scope.restrictOrganisations(where, QStringLiteral("o"));
    where.add(QStringLiteral("c.id = ? AND c.deleted = 0"), {cadreId.trimmed()});
    const QList<Cadre> found = select(where, QStringLiteral(" LIMIT 1"));
    return found.isEmpty() ? std::nullopt : std::optional<Cadre>(found.first());
}

QList<Cadre> CadreRepository::ofOrganisation(const QString& organisationId, bool includeEnded) const
{
    WhereClause where;
    m_scope.restrictOrganisations(where, QStringLiteral("o"));
    where.add(QStringLiteral("c.organisation_id = ? AND c.deleted = 0"), {organisationId});
    if (!includeEnded)
        where.add(QStringLiteral("c.ended_on = ''"));
    return select(where, QStringLiteral(" ORDER BY ") + rankOrder(QStringLiteral("c.position")) +
                             QStringLiteral(", c.ended_on = '' DESC, c.term_start DESC, c.name"));
}

QList<Cadre> CadreRepository::expiring(int days, bool includeOverdue) const
{
    const QDate today = Clock::today();
    WhereClause where;
    m_scope.restrictOrganisations(where, QStringLiteral("o"));
    where.add(QStringLiteral("c.deleted = 0 AND c.ended_on = '' AND c.term_end <> '' AND c.term_end <= ?"),
              {today.addDays(std::max(0, days)).toString(Qt::ISODate)});
    if (!includeOverdue)
        where.add(QStringLiteral("c.term_end >= ?"), {today.toString(Qt::ISODate)});
    return select(where,
                  QStringLiteral(" ORDER BY c.term_end, o.path, ") + rankOrder(QStringLiteral("c.position")));
}

QList<FlaggedCadre> CadreRepository::flagged() const
{
    QList<FlaggedCadre> out;
    WhereClause where;
    m_scope.restrictOrganisations(where, QStringLiteral("o"));
    where.add(QStringLiteral("c.deleted = 0 AND c.ended_on = ''"));
    where.add(QStringLiteral(
        "(m.deleted <> 0 OR m.status <> 'active' OR substr(mo.path, 1, length(o.path)) <> o.path)"));
    QSqlQuery q(m_store.connection());
    q.setForwardOnly(true);
    QString error;
    if (!sql::execBound(
            q,
            QStringLiteral("SELECT c.*, o.name AS organisation_name, m.deleted AS member_deleted, "
                           "m.status AS member_status, mo.name AS member_organisation, "
                           "substr(mo.path, 1, length(o.path)) = o.path AS inside "
                           "FROM cadre c JOIN organisation o ON o.id = c.organisation_id "
                           "JOIN member m ON m.id = c.member_id "
                           "JOIN organisation mo ON mo.id = m.organisation_id") +
                where.sql() + QStringLiteral(" ORDER BY o.path, c.name"),
            where.values(), &error))
        return out;
    while (q.next()) {
        FlaggedCadre f;
        f.cadre = Cadre::fromRecord(q.record());
        if (q.value(QStringLiteral("member_deleted")).toInt() != 0)
            f.reason = tr("%1's member record has been deleted.").arg(f.cadre.name);
        else if (q.value(QStringLiteral("inside")).toInt() == 0)
            f.reason = tr("%1 is now a member of %2, outside %3.")
                           .arg(f.cadre.name, q.value(QStringLiteral("member_organisation")).toString(),
                                f.cadre.organisationName);
        else
            f.reason =
                tr("%1 is no longer an active member (%2).")
                    .arg(f.cadre.name,
                         codes::memberStatus().label(q.value(QStringLiteral("member_status")).toString()));
        out.append(f);
    }
    return out;
}

std::optional<Cadre> CadreRepository::overlappingChair(const Cadre& cadre) const
{
    if (cadre.position != QLatin1String("chair"))
        return std::nullopt;
    // Two terms overlap when each starts before the other ends; an open end runs on for ever.
    static const QString kForever = QStringLiteral("9999-12-31");
    const QString end = cadre.termEnd.isEmpty() ? kForever : cadre.termEnd;
    WhereClause where;
    m_scope.restrictOrganisations(where, QStringLiteral("o"));
    where.add(
        QStringLiteral("c.organisation_id = ? AND c.position = 'chair' AND c.deleted = 0 AND "
                       "c.ended_on = '' AND c.term_start <= ? AND (c.term_end = '' OR c.term_end >= ?)"),
        {cadre.organisationId, end, cadre.termStart});
    if (!cadre.id.isEmpty())
        where.add(QStringLiteral("c.id <> ?"), {cadre.id});
    const QList<Cadre> found = select(where, QStringLiteral(" ORDER BY c.term_start LIMIT 1"));
    return found.isEmpty() ? std::nullopt : std::optional<Cadre>(found.first());
}

QList<Cadre> CadreRepository::select(const WhereClause& where, const QString& tail) const
{
    QSqlQuery q(m_store.connection());
    q.setForwardOnly(true);
    QList<Cadre> out;
    QString error;
    if (!sql::execBound(q, kSelect + where.sql() + tail, where.values(), &error))
        return out;
    while (q.next())
        out.append(Cadre::fromRecord(q.record()));
    return out;
}

} // namespace ud
