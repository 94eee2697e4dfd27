#include "members/MemberRepository.h"

#include "domain/CodeList.h"
#include "domain/IdNumber.h"
#include "members/MemberSearchIndex.h"
#include "members/NameSortKey.h"
#include "organisations/OrganisationRepository.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "store/Sql.h"
#include "store/Transaction.h"
#include "util/Clock.h"
#include "util/Ids.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace ud {

namespace {

QVariant columnValue(const QJsonValue& v)
{
    if (v.isBool())
        return v.toBool() ? 1 : 0;
    return v.toVariant();
}

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

MemberRepository::MemberRepository(Database& store, Scope scope)
    : m_store(store)
    , m_scope(std::move(scope))
{
}

bool MemberRepository::checkOrganisation(const QString& organisationId, QString* error) const
{
    // Organisations are never removed from a store, so one found in scope stays there.
    if (!organisationId.isEmpty() && m_knownOrganisations.contains(organisationId))
        return true;
    if (OrganisationRepository(m_store, m_scope).find(organisationId)) {
        m_knownOrganisations.insert(organisationId);
        return true;
    }
    return fail(error, tr("Organisation: it does not exist or is outside your organisation."));
}

bool MemberRepository::checkUniqueIdNumber(const Member& member, QString* error) const
{
    // Uniqueness is checked against the whole store, not just the scope: one person, one membership.
    QSqlQuery* q =
        sql::cached(m_store.connection(),
                    QStringLiteral("SELECT m.name, o.name FROM member m JOIN organisation o ON o.id = "
                                   "m.organisation_id WHERE m.id_number = ? AND m.deleted = 0 AND "
                                   "m.id <> ?"),
                    error);
    if (!q || !sql::execPrepared(*q, {member.idNumber, member.id}, error))
        return false;
    if (q->next()) {
        const QString name = q->value(0).toString();
        const QString organisation = q->value(1).toString();
        q->finish();
        return fail(error, tr("ID number: %1 already belongs to %2 of %3. One person can hold only one "
                              "membership; transfer the existing member instead.")
                               .arg(member.idNumber, name, organisation));
    }
    q->finish();
    return true;
}

bool MemberRepository::add(Member& m, const QString& actor, QString* error, QList<FieldProblem>* problems)
{
    const QList<FieldProblem> found = MemberValidator::normaliseAndCheck(m);
    if (problems)
        *problems = found;
    if (MemberValidator::hasErrors(found))
        return fail(error, MemberValidator::describeErrors(found));
    if (!checkOrganisation(m.organisationId, error) || !checkUniqueIdNumber(m, error))
        return false;
    Transaction tx(m_store.connection());
    if (!tx.isActive())
        return fail(error, tx.error());
    return insert(m, actor, error) && tx.commit(error);
}

bool MemberRepository::insert(Member& m, const QString& actor, QString* error)
{
    m.id = newRecordId();
    m.version = 0;
    m.updatedAt = Clock::nowIso();
    m.updatedBy = actor;
    m.deleted = false;

    const QSqlDatabase db = m_store.connection();
    QStringList columns{QStringLiteral("id")};
    QVariantList values{m.id};
    const QJsonObject fields = m.toFields();
    for (const MemberColumn& c : memberColumns()) {
        columns.append(QString::fromLatin1(c.column));
        values.append(columnValue(fields.value(QLatin1String(c.field))));
    }
    columns << QStringLiteral("id_number_rev") << QStringLiteral("mobile_rev") << QStringLiteral("name_key")
            << QStringLiteral("version") << QStringLiteral("updated_at") << QStringLiteral("updated_by");
    const QByteArray nameKey = NameSortKey::of(m.name);
    values << MemberSearchIndex::reversed(m.idNumber) << MemberSearchIndex::reversed(m.mobile) << nameKey
           << m.version << m.updatedAt << m.updatedBy;
    const QString placeholders = QStringLiteral("?,").repeated(columns.size() - 1) + QStringLiteral("?");
    QSqlQuery* insert = sql::cached(
        db,
        QStringLiteral("INSERT INTO member(%1) VALUES(%2)").arg(columns.join(QLatin1Char(',')), placeholders),
        error);
    if (!insert || !sql::execPrepared(*insert, values, error))
        return false;
    const qint64 localId = insert->lastInsertId().toLongLong();

    MemberEvent joined;
    joined.memberId = m.id;
    joined.kind = QStringLiteral("joined");
    joined.occurredOn = m.joinDate.isEmpty() ? Clock::today().toString(Qt::ISODate) : m.joinDate;
    joined.toStatus = m.status;
    if (!MemberSearchIndex::indexNew(db, localId, m.name, nameKey, m.organisationId, error))
        return false;
    return Outbox(db).enqueue(entity::Member, m.id, 0, fields, false, error) &&
           writeEvent(joined, actor, error);
}

bool MemberRepository::update(Member& m, const QString& actor, QString* error, QList<FieldProblem>* problems)
{
    const std::optional<Member> before = find(m.id);
    if (!before)
        return fail(error, tr("Member: the record no longer exists or is outside your organisation."));
    const QList<FieldProblem> found = MemberValidator::normaliseAndCheck(m);
    if (problems)
        *problems = found;
    if (MemberValidator::hasErrors(found))
        return fail(error, MemberValidator::describeErrors(found));
    if (m.organisationId != before->organisationId && !checkOrganisation(m.organisationId, error))
        return false;
    if (m.idNumber != before->idNumber && !checkUniqueIdNumber(m, error))
        return false;

    const QStringList changed = Member::changedFields(*before, m);
    if (changed.isEmpty())
        return true;

    const QSqlDatabase db = m_store.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return fail(error, tx.error());

    const QJsonObject after = m.toFields();
    const QJsonObject old = before->toFields();
    QJsonObject changedFields;
    QJsonObject details;
    QStringList assignments;
    QVariantList values;
    for (const MemberColumn& c : memberColumns()) {
        const QString field = QString::fromLatin1(c.field);
        if (!changed.contains(field))
            continue;
        changedFields.insert(field, after.value(field));
        details.insert(field, QJsonObject{{QStringLiteral("from"), old.value(field)},
                                          {QStringLiteral("to"), after.value(field)}});
        assignments.append(QString::fromLatin1(c.column) + QStringLiteral(" = ?"));
        values.append(columnValue(after.value(field)));
    }
    m.updatedAt = Clock::nowIso();
    m.updatedBy = actor;
    m.version = before->version;
    assignments << QStringLiteral("id_number_rev = ?") << QStringLiteral("mobile_rev = ?")
                << QStringLiteral("name_key = ?") << QStringLiteral("updated_at = ?")
                << QStringLiteral("updated_by = ?");
    values << MemberSearchIndex::reversed(m.idNumber) << MemberSearchIndex::reversed(m.mobile)
           << NameSortKey::of(m.name) << m.updatedAt << m.updatedBy << m.id;

    QSqlQuery localIdQuery(db);
    if (!sql::execBound(localIdQuery, QStringLiteral("SELECT local_id FROM member WHERE id = ?"), {m.id},
                        error) ||
        !localIdQuery.next())
        return fail(error, tr("Member: the record no longer exists."));
    const qint64 localId = localIdQuery.value(0).toLongLong();
    // Grams are removed by the old name, so unindex before the row changes; they carry the
    // organisation too, so a member moved elsewhere is indexed again.
    const bool reindex =
        changed.contains(QStringLiteral("name")) || changed.contains(QStringLiteral("organisation"));
    if (reindex && !MemberSearchIndex::unindex(db, localId, error))
        return false;
    QSqlQuery updateQuery(db);
    if (!sql::execBound(
            updateQuery,
            QStringLiteral("UPDATE member SET %1 WHERE id = ?").arg(assignments.join(QLatin1Char(','))),
            values, error))
        return false;
    if (reindex && !MemberSearchIndex::index(db, localId, m.name, error))
        return false;
    if (!Outbox(db).enqueue(entity::Member, m.id, before->version, changedFields, false, error))
        return false;

    const bool statusChanged = changed.contains(QStringLiteral("status"));
    if (statusChanged) {
        MemberEvent event;
        event.memberId = m.id;
        event.kind = QStringLiteral("status-changed");
        event.occurredOn = Clock::today().toString(Qt::ISODate);
        event.fromStatus = before->status;
        event.toStatus = m.status;
        if (!writeEvent(event, actor, error))
            return false;
        details.remove(QStringLiteral("status"));
    }
    if (!details.isEmpty()) {
        MemberEvent event;
        event.memberId = m.id;
        event.kind = QStringLiteral("edited");
        event.occurredOn = Clock::today().toString(Qt::ISODate);
        event.details = details;
        if (!writeEvent(event, actor, error))
            return false;
    }
    return tx.commit(error);
}

bool MemberRepository::changeStatus(const QString& memberId, const QString& status, const QString& reason,
                                    const QDate& effective, const QString& actor, QString* error)
{
    const QString key = codes::memberStatus().keyFor(status);
    if (key.isEmpty())
        return fail(error, tr("Membership status: \"%1\" is not a known status.").arg(status));
    const std::optional<Member> before = find(memberId);
    if (!before)
        return fail(error, tr("Member: the record no longer exists or is outside your organisation."));
    if (before->status == key)
        return fail(
            error,
            tr("Membership status: the member is already \"%1\".").arg(codes::memberStatus().label(key)));
    if (effective.isValid() && effective > Clock::today())
        return fail(error, tr("Effective date: %1 is in the future.").arg(effective.toString(Qt::ISODate)));

    const QSqlDatabase db = m_store.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return fail(error, tx.error());
    const QString now = Clock::nowIso();
    QSqlQuery update(db);
    if (!sql::execBound(
            update,
            QStringLiteral("UPDATE member SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?"),
            {key, now, actor, memberId}, error))
        return false;
    MemberEvent event;
    event.memberId = memberId;
    event.kind = QStringLiteral("status-changed");
    event.occurredOn = (effective.isValid() ? effective : Clock::today()).toString(Qt::ISODate);
    event.fromStatus = before->status;
    event.toStatus = key;
    event.reason = reason.trimmed();
    return Outbox(db).enqueue(entity::Member, memberId, before->version,
                              QJsonObject{{QStringLiteral("status"), key}}, false, error) &&
           writeEvent(event, actor, error) && tx.commit(error);
}

bool MemberRepository::remove(const QString& memberId, const QString& actor, QString* error)
{
    const std::optional<Member> before = find(memberId);
    if (!before)
        return fail(error, tr("Member: the record no longer exists or is outside your organisation."));
    const QSqlDatabase db = m_store.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return fail(error, tx.error());
    QSqlQuery localIdQuery(db);
    if (!sql::execBound(localIdQuery, QStringLiteral("SELECT local_id FROM member WHERE id = ?"), {memberId},
                        error) ||
        !localIdQuery.next())
        return fail(error, tr("Member: the record no longer exists."));
    QSqlQuery update(db);
    if (!MemberSearchIndex::unindex(db, localIdQuery.value(0).toLongLong(), error) ||
        !sql::execBound(
            update,
            QStringLiteral("UPDATE member SET deleted = 1, updated_at = ?, updated_by = ? WHERE id = ?"),
            {Clock::nowIso(), actor, memberId}, error))
        return false;
    MemberEvent event;
    event.memberId = memberId;
    event.kind = QStringLiteral("deleted");
    event.occurredOn = Clock::today().toString(Qt::ISODate);
    event.fromStatus = before->status;
    // The event goes to the outbox before the deletion: the server takes an event only for a member
    // that is not deleted yet, and the outbox is pushed in order.
    return writeEvent(event, actor, error) &&
           Outbox(db).enqueue(entity::Member, memberId, before->version, {}, true, error) && tx.commit(error);
}

bool MemberRepository::writeEvent(MemberEvent& e, const QString& actor, QString* error)
{
    e.id = newTimeOrderedId();
    e.updatedAt = Clock::nowIso();
    e.updatedBy = actor;
    QSqlQuery* q = sql::cached(m_store.connection(),
                               QStringLiteral("INSERT INTO member_event(id, member_id, kind, occurred_on, "
                                              "from_status, to_status, reason, details, version, updated_at, "
                                              "updated_by) VALUES(?,?,?,?,?,?,?,?,0,?,?)"),
                               error);
    return q &&
           sql::execPrepared(*q,
                             {e.id, e.memberId, e.kind, e.occurredOn, e.fromStatus, e.toStatus, e.reason,
                              QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact)),
                              e.updatedAt, e.updatedBy},
                             error) &&
           Outbox(m_store.connection()).enqueue(entity::MemberEvent, e.id, 0, e.toFields(), false, error);
}

std::optional<Member> MemberRepository::selectOne(const QString& condition, const QVariant& value) const
{
    WhereClause where;
    m_scope.restrictByOrganisationColumn(where, QStringLiteral("m.organisation_id"));
    where.add(condition, {value});
    where.add(QStringLiteral("m.deleted = 0"));
    QSqlQuery q(m_store.connection());
    if (sql::execBound(q, QStringLiteral("SELECT m.* FROM member m") + where.sql(), where.values(),
                       nullptr) &&
        q.next())
        return Member::fromRecord(q.record());
    return std::nullopt;
}

std::optional<Member> MemberRepository::find(const QString& memberId) const
{
    return selectOne(QStringLiteral("m.id = ?"), memberId);
}

std::optional<Member> MemberRepository::findByIdNumber(const QString& idNumber) const
{
    // Stored numbers are normalised (a legacy 15-digit one converted to 18): look up the same form,
    // so the number on an old card or typed with full-width digits finds its member.
    const IdNumber parsed = IdNumber::parse(idNumber);
    return selectOne(QStringLiteral("m.id_number = ?"),
                     parsed.isValid() ? parsed.value() : idNumber.trimmed().toUpper());
}

QList<MemberEvent> MemberRepository::history(const QString& memberId) const
{
    QList<MemberEvent> out;
    if (!find(memberId))
        return out;
    QSqlQuery q(m_store.connection());
    if (!sql::execBound(q,
                        QStringLiteral("SELECT * FROM member_event WHERE member_id = ? AND deleted = 0 "
                                       "ORDER BY occurred_on, updated_at"),
                        {memberId}, nullptr))
        return out;
    while (q.next())
        out.append(MemberEvent::fromRecord(q.record()));
    return out;
}

} // namespace ud
