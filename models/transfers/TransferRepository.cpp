#include "transfers/TransferRepository.h"

#include "members/MemberRepository.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "store/Sql.h"
#include "util/Clock.h"

#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

namespace ud {

namespace {

QString jsonText(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// The columns of the synced fields, by API name (models/sync/SyncEntities.cpp names the same).
struct TransferColumn
{
    const char* field;
    const char* column;
};

constexpr TransferColumn kColumns[] = {
    {"kind", "kind"},
    {"member", "member_id"},
    {"idNumber", "id_number"},
    {"memberName", "member_name"},
    {"fromOrganisation", "from_organisation_id"},
    {"fromName", "from_name"},
    {"holdingOrganisation", "holding_organisation_id"},
    {"holdingName", "holding_name"},
    {"toOrganisation", "to_organisation_id"},
    {"toName", "to_name"},
    {"reason", "reason"},
    {"note", "note"},
    {"state", "state"},
    {"decisionReason", "decision_reason"},
    {"requestedAt", "requested_at"},
    {"requestedBy", "requested_by"},
    {"decidedAt", "decided_at"},
    {"decidedBy", "decided_by"},
};

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

TransferRepository::TransferRepository(Database& store, Scope scope)
    : m_store(store)
    , m_scope(std::move(scope))
{
}

void TransferRepository::restrict(WhereClause& where) const
{
    QStringList any;
    QVariantList values;
    for (const QString& column :
         {QStringLiteral("t.from_organisation_id"), QStringLiteral("t.holding_organisation_id"),
          QStringLiteral("t.to_organisation_id")}) {
        WhereClause one;
        m_scope.restrictByOrganisationColumn(one, column);
        // The whole store's scope restricts nothing.
        if (one.isEmpty())
            return;
        any.append(one.conditions());
        values.append(one.values());
    }
    where.add(QStringLiteral("(%1)").arg(any.join(QStringLiteral(" OR "))), values);
}

QList<Transfer> TransferRepository::select(const WhereClause& where, const QString& tail) const
{
    QSqlQuery q(m_store.connection());
    q.setForwardOnly(true);
    QList<Transfer> out;
    if (!sql::execBound(q, QStringLiteral("SELECT t.* FROM transfer t") + where.sql() + tail, where.values(),
                        nullptr))
        return out;
    while (q.next())
        out.append(Transfer::fromRecord(q.record()));
    return out;
}

std::optional<Transfer> TransferRepository::find(const QString& id) const
{
    if (id.trimmed().isEmpty())
        return std::nullopt;
    WhereClause where;
    restrict(where);
    where.add(QStringLiteral("t.id = ? AND t.deleted = 0"), {id.trimmed()});
    const QList<Transfer> found = select(where, QStringLiteral(" LIMIT 1"));
    return found.isEmpty() ? std::nullopt : std::optional<Transfer>(found.first());
}

std::optional<Transfer> TransferRepository::resolve(const QString& code, QString* error) const
{
    const QString typed = code.trimmed();
    if (typed.isEmpty()) {
        fail(error, tr("Transfer: give its letter number, its code or its id."));
        return std::nullopt;
    }
    static const QRegularExpression uuid(
        QStringLiteral("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"));
    const QRegularExpressionMatch whole = uuid.match(typed);
    if (whole.hasMatch()) {
        if (auto found = find(whole.captured(0).toLower()))
            return found;
        fail(error, tr("Transfer: there is no transfer %1 in this data file.").arg(whole.captured(0)));
        return std::nullopt;
    }
    // The letter number 工转字〔2026〕第1A2B3C4D号 carries the short code between 第 and 号.
    static const QRegularExpression letter(QStringLiteral("第\\s*([0-9a-fA-F]{8})\\s*号"));
    const QRegularExpressionMatch numbered = letter.match(typed);
    if (numbered.hasMatch())
        return byPrefix(numbered.captured(1).toLower(), typed, error);
    static const QRegularExpression prefix(QStringLiteral("^[0-9a-fA-F][0-9a-fA-F-]{3,35}$"));
    if (!prefix.match(typed).hasMatch()) {
        fail(error, tr("Transfer: \"%1\" is neither a letter number (工转字〔YYYY〕第XXXXXXXX号) nor a "
                       "transfer code (at least 4 of the letters and digits that start its id).")
                        .arg(typed));
        return std::nullopt;
    }
    return byPrefix(typed.toLower(), typed, error);
}

std::optional<Transfer> TransferRepository::byPrefix(const QString& prefix, const QString& typed,
                                                     QString* error) const
{
    WhereClause where;
    restrict(where);
    // The prefix holds hex digits and hyphens only: nothing LIKE would read as a pattern.
    where.add(QStringLiteral("t.id LIKE ? AND t.deleted = 0"), {QString(prefix + QLatin1Char('%'))});
    const QList<Transfer> found = select(where, QStringLiteral(" ORDER BY t.requested_at LIMIT 2"));
    if (found.size() == 1)
        return found.first();
    if (found.isEmpty())
        fail(error, tr("Transfer: no transfer in this data file matches \"%1\".").arg(typed));
    else
        fail(error, tr("Transfer: \"%1\" matches more than one transfer (%2 and %3); type more of its id.")
                        .arg(typed, found.at(0).id, found.at(1).id));
    return std::nullopt;
}

QList<Transfer> TransferRepository::list(const QString& state) const
{
    WhereClause where;
    restrict(where);
    where.add(QStringLiteral("t.deleted = 0"));
    if (!state.isEmpty())
        where.add(QStringLiteral("t.state = ?"), {state});
    return select(where, QStringLiteral(" ORDER BY t.requested_at DESC, t.id"));
}

QList<Transfer> TransferRepository::openFor(const QString& memberId, const QString& idNumber) const
{
    // Not restricted to the scope: a member has one open transfer at most, wherever it was made.
    WhereClause where;
    where.add(QStringLiteral("t.state IN ('hung', 'requested') AND t.deleted = 0"));
    where.add(QStringLiteral("((t.member_id <> '' AND t.member_id = ?) OR (t.id_number <> '' AND "
                             "t.id_number = ?))"),
              {memberId, idNumber});
    return select(where, QStringLiteral(" ORDER BY t.requested_at"));
}

QList<Transfer> TransferRepository::unsentFor(const QString& memberId) const
{
    WhereClause where;
    where.add(QStringLiteral("t.member_id = ? AND t.deleted = 0 AND EXISTS(SELECT 1 FROM outbox o WHERE "
                             "o.entity = ? AND o.record_id = t.id)"),
              {memberId, entity::Transfer});
    return select(where, QStringLiteral(" ORDER BY t.requested_at"));
}

QList<Transfer> TransferRepository::hungHeldBy(const QString& organisationId, int minMonths) const
{
    const QString top = organisationId.isEmpty() ? m_scope.organisationId() : organisationId;
    QSqlQuery pathQuery(m_store.connection());
    if (!sql::execBound(pathQuery, QStringLiteral("SELECT path FROM organisation WHERE id = ?"), {top},
                        nullptr) ||
        !pathQuery.next())
        return {};
    const QString path = pathQuery.value(0).toString();
    if (!m_scope.contains(path))
        return {};
    WhereClause where;
    where.add(QStringLiteral("t.state = 'hung' AND t.deleted = 0"));
    where.add(QStringLiteral("t.holding_organisation_id IN (SELECT id FROM organisation WHERE path >= ? AND "
                             "path < ?)"),
              {path, Scope::upperBound(path)});
    QList<Transfer> hung = select(where, QStringLiteral(" ORDER BY t.requested_at, t.id"));
    if (minMonths > 0) {
        // Whole months by the calendar of this PC, as the clerk counts them.
        const QDate today = Clock::today();
        hung.removeIf([&](const Transfer& t) { return t.monthsSinceRequested(today) < minMonths; });
    }
    return hung;
}

bool TransferRepository::isPending(const QString& id) const
{
    QSqlQuery q(m_store.connection());
    return sql::execBound(q,
                          QStringLiteral("SELECT 1 FROM outbox WHERE entity = ? AND record_id = ? LIMIT 1"),
                          {entity::Transfer, id}, nullptr) &&
           q.next();
}

QString TransferRepository::organisationName(const QString& organisationId) const
{
    if (organisationId.isEmpty())
        return {};
    QSqlQuery q(m_store.connection());
    if (sql::execBound(q, QStringLiteral("SELECT name FROM organisation WHERE id = ? AND deleted = 0"),
                       {organisationId}, nullptr) &&
        q.next())
        return q.value(0).toString();
    return {};
}

TransferSummary TransferRepository::summarise(const Transfer& t) const
{
    return summarise(QList<Transfer>{t}).constFirst();
}

QList<TransferSummary> TransferRepository::summarise(const QList<Transfer>& transfers) const
{
    // Three queries for the whole list (a window lists every transfer after each sync), not a
    // handful per row: the names of members still in this scope, of this store's organisations,
    // and the transfers with unsent operations.
    QHash<QString, QString> memberNames;
    QHash<QString, QString> organisationNames;
    QSet<QString> pending;
    QSqlQuery q(m_store.connection());
    if (sql::execBound(q,
                       QStringLiteral("SELECT m.id, m.name FROM member m JOIN organisation o ON o.id = "
                                      "m.organisation_id WHERE m.deleted = 0 AND o.path >= ? AND o.path < ? "
                                      "AND m.id IN (SELECT member_id FROM transfer WHERE member_id <> '')"),
                       {m_scope.path(), Scope::upperBound(m_scope.path())}, nullptr)) {
        while (q.next())
            memberNames.insert(q.value(0).toString(), q.value(1).toString());
    }
    if (sql::execBound(q, QStringLiteral("SELECT id, name FROM organisation WHERE deleted = 0"), {},
                       nullptr)) {
        while (q.next())
            organisationNames.insert(q.value(0).toString(), q.value(1).toString());
    }
    if (sql::execBound(q, QStringLiteral("SELECT DISTINCT record_id FROM outbox WHERE entity = ?"),
                       {entity::Transfer}, nullptr)) {
        while (q.next())
            pending.insert(q.value(0).toString());
    }
    auto name = [&organisationNames](const QString& id, const QString& given) {
        const QString here = organisationNames.value(id);
        return here.isEmpty() ? given : here;
    };
    QList<TransferSummary> out;
    out.reserve(transfers.size());
    for (const Transfer& t : transfers) {
        TransferSummary s;
        s.transfer = t;
        if (const QString here = memberNames.value(t.memberId); !here.isEmpty())
            s.member = here;
        else if (const QString kept = t.memberSnapshot.value(QLatin1String("name")).toString();
                 !kept.isEmpty())
            s.member = kept;
        else
            s.member = t.memberName;
        s.from = name(t.fromOrganisationId, t.fromName);
        s.holding = name(t.holdingOrganisationId, t.holdingName);
        s.to = name(t.toOrganisationId, t.toName);
        s.pending = pending.contains(t.id);
        out.append(s);
    }
    return out;
}

bool TransferRepository::insert(Transfer& t, const QString& actor, QString* error)
{
    if (t.id.isEmpty())
        return fail(error, tr("Transfer: it has no id."));
    t.version = 0;
    t.updatedAt = Clock::nowIso();
    t.updatedBy = actor;
    t.deleted = false;
    QStringList columns{QStringLiteral("id")};
    QVariantList values{t.id};
    const QJsonObject fields = t.toFields();
    for (const TransferColumn& c : kColumns) {
        columns.append(QString::fromLatin1(c.column));
        values.append(fields.value(QLatin1String(c.field)).toString());
    }
    columns << QStringLiteral("member_snapshot") << QStringLiteral("version") << QStringLiteral("updated_at")
            << QStringLiteral("updated_by") << QStringLiteral("deleted");
    values << jsonText(t.memberSnapshot) << t.version << t.updatedAt << t.updatedBy << 0;
    const QString placeholders = QStringLiteral("?,").repeated(columns.size() - 1) + QStringLiteral("?");
    QSqlQuery q(m_store.connection());
    return sql::execBound(q,
                          QStringLiteral("INSERT INTO transfer(%1) VALUES(%2)")
                              .arg(columns.join(QLatin1Char(',')), placeholders),
                          values, error) &&
           Outbox(m_store.connection()).enqueue(entity::Transfer, t.id, 0, t.creationFields(), false, error);
}

bool TransferRepository::update(Transfer& after, const Transfer& before, const QString& actor, QString* error)
{
    const QStringList changed = Transfer::changedFields(before, after);
    const bool snapshotChanged = after.memberSnapshot != before.memberSnapshot;
    if (changed.isEmpty()) {
        // The snapshot is this store's own: no operation, and the record's sync columns stay.
        QSqlQuery q(m_store.connection());
        return !snapshotChanged ||
               sql::execBound(q, QStringLiteral("UPDATE transfer SET member_snapshot = ? WHERE id = ?"),
                              {jsonText(after.memberSnapshot), after.id}, error);
    }
    after.version = before.version;
    after.updatedAt = Clock::nowIso();
    after.updatedBy = actor;
    const QJsonObject fields = after.toFields();
    QJsonObject sent;
    QStringList assignments;
    QVariantList values;
    for (const TransferColumn& c : kColumns) {
        const QString field = QString::fromLatin1(c.field);
        if (!changed.contains(field))
            continue;
        sent.insert(field, fields.value(field));
        assignments.append(QString::fromLatin1(c.column) + QStringLiteral(" = ?"));
        values.append(fields.value(field).toString());
    }
    assignments << QStringLiteral("member_snapshot = ?") << QStringLiteral("updated_at = ?")
                << QStringLiteral("updated_by = ?");
    values << jsonText(after.memberSnapshot) << after.updatedAt << after.updatedBy << after.id;
    QSqlQuery q(m_store.connection());
    if (!sql::execBound(
            q, QStringLiteral("UPDATE transfer SET %1 WHERE id = ?").arg(assignments.join(QLatin1Char(','))),
            values, error))
        return false;
    return Outbox(m_store.connection())
        .enqueue(entity::Transfer, after.id, before.version, sent, false, error);
}

} // namespace ud
