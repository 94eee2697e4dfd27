#include "members/MemberBulkWriter.h"

#include "members/MemberEvent.h"
#include "members/MemberSearchIndex.h"
#include "members/NameSortKey.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "util/Clock.h"
#include "util/Ids.h"

namespace ud {

namespace {

// The member columns an import fills, as MemberRepository::insert writes them — the local id, id,
// the synced columns, then the search and sync columns — in the staging table and the store alike
// (a column added to the store later keeps its default).
const QByteArray& memberColumnList()
{
    static const QByteArray columns = []() -> QByteArray {
        QByteArray list = "local_id,id";
        for (const MemberColumn& c : memberColumns())
            list += QByteArray(",") + c.column;
        return list + ",id_number_rev,mobile_rev,name_key,version,updated_at,updated_by,deleted";
    }();
    return columns;
}

const char* const kEventColumns = "id,member_id,kind,occurred_on,from_status,to_status,reason,details,"
                                  "version,updated_at,updated_by,deleted";
const char* const kOutboxColumns = "op_id,entity,record_id,base_version,fields,is_delete,created_at";

QByteArray memberStatement(const char* pattern)
{
    const QByteArray& columns = memberColumnList();
    const QByteArray placeholders = QByteArray("?,").repeated(columns.count(',')) + "?";
    return QByteArray(pattern).replace("%columns", columns).replace("%placeholders", placeholders);
}

} // namespace

MemberBulkWriter::MemberBulkWriter(Database& store, Scope scope, const QString& actor)
    : m_store(store)
    , m_members(store, std::move(scope))
    , m_actor(actor)
    , m_now(Clock::nowIso())
    , m_today(Clock::today().toString(Qt::ISODate))
{
    const QSqlDatabase db = store.connection();
    // Staging tables without index or trigger, private to this connection; the new members' local
    // ids follow the store's last one (the caller's write transaction keeps them free).
    const QByteArray staging = memberStatement("CREATE TEMP TABLE IF NOT EXISTS import_member(%columns);") +
                               "CREATE TEMP TABLE IF NOT EXISTS import_member_event(" + kEventColumns +
                               "); CREATE TEMP TABLE IF NOT EXISTS import_outbox(" + kOutboxColumns +
                               "); DELETE FROM temp.import_member; DELETE FROM temp.import_member_event; "
                               "DELETE FROM temp.import_outbox;";
    if (!SqliteStatement::exec(db, staging.constData(), &m_setUpError))
        return;
    SqliteStatement last(db, "SELECT coalesce(max(local_id), 0) FROM main.member");
    if (!last.nextRow()) {
        m_setUpError = last.error();
        return;
    }
    m_firstLocalId = last.integer(0) + 1;
    m_member = std::make_unique<SqliteStatement>(
        db, memberStatement("INSERT INTO temp.import_member(%columns) VALUES(%placeholders)").constData());
    m_event = std::make_unique<SqliteStatement>(
        db, QByteArray(QByteArray("INSERT INTO temp.import_member_event(") + kEventColumns +
                       ") VALUES(?, ?, 'joined', ?, '', ?, '', '{}', 0, ?, ?, 0)")
                .constData());
    // The outbox too: its AUTOINCREMENT reads and writes sqlite_sequence once per statement.
    m_outbox =
        std::make_unique<SqliteStatement>(db, QByteArray(QByteArray("INSERT INTO temp.import_outbox(") +
                                                         kOutboxColumns + ") VALUES(?, ?, ?, 0, ?, 0, ?)")
                                                  .constData());
}

MemberBulkWriter::~MemberBulkWriter() = default;

bool MemberBulkWriter::isReady(QString* error) const
{
    if (!m_member) {
        if (error)
            *error = m_setUpError;
        return false;
    }
    for (const SqliteStatement* s : {m_member.get(), m_event.get(), m_outbox.get()}) {
        if (!s->isValid()) {
            if (error)
                *error = s->error();
            return false;
        }
    }
    return true;
}

void MemberBulkWriter::reserve(qsizetype members)
{
    m_grams.reserve(members);
}

bool MemberBulkWriter::add(Member& m, QString* error)
{
    m_refused = -1;
    if (!m_members.checkOrganisation(m.organisationId, error)) {
        m_refused = int(m_added);
        return false;
    }
    m.id = newRecordId();
    m.version = 0;
    m.updatedAt = m_now;
    m.updatedBy = m_actor;
    m.deleted = false;

    const QString idNumberReversed = MemberSearchIndex::reversed(m.idNumber);
    const QString mobileReversed = MemberSearchIndex::reversed(m.mobile);
    const QByteArray nameKey = NameSortKey::of(m.name);
    const qint64 localId = m_firstLocalId + m_added;
    SqliteStatement& row = *m_member;
    int p = 1;
    row.bind(p++, localId);
    row.bind(p++, m.id);
    for (const MemberColumn& c : memberColumns()) {
        if (c.text)
            row.bind(p++, m.*c.text);
        else
            row.bind(p++, qint64(m.*c.flag ? 1 : 0));
    }
    row.bind(p++, idNumberReversed);
    row.bind(p++, mobileReversed);
    row.bindBlob(p++, nameKey);
    row.bind(p++, qint64(0));
    row.bind(p++, m_now);
    row.bind(p++, m_actor);
    row.bind(p++, qint64(0)); // deleted
    if (!row.run(error))
        return false;
    ++m_added;
    ++m_staged;
    m_grams.add(localId, m.name, nameKey, m.organisationId);
    if (!writeOutbox(entity::Member, m.id, m.fieldsJson(), error))
        return false;

    MemberEvent joined;
    joined.id = newTimeOrderedId();
    joined.memberId = m.id;
    joined.kind = QStringLiteral("joined");
    joined.occurredOn = m.joinDate.isEmpty() ? m_today : m.joinDate;
    joined.toStatus = m.status;
    SqliteStatement& event = *m_event;
    event.bind(1, joined.id);
    event.bind(2, joined.memberId);
    event.bind(3, joined.occurredOn);
    event.bind(4, joined.toStatus);
    event.bind(5, m_now);
    event.bind(6, m_actor);
    if (!event.run(error) || !writeOutbox(entity::MemberEvent, joined.id, joined.fieldsJson(), error))
        return false;
    return m_staged < m_chunkSize || moveMembers(error);
}

bool MemberBulkWriter::writeOutbox(const QString& entity, const QString& recordId, const QByteArray& fields,
                                   QString* error)
{
    const QString opId = newTimeOrderedId();
    SqliteStatement& op = *m_outbox;
    op.bind(1, opId);
    op.bind(2, entity);
    op.bind(3, recordId);
    op.bindUtf8(4, fields);
    op.bind(5, m_now);
    return op.run(error);
}

bool MemberBulkWriter::finish(QString* error)
{
    m_refused = -1;
    return moveMembers(error) && m_grams.write(m_store.connection(), error);
}

bool MemberBulkWriter::moveMembers(QString* error)
{
    const QSqlDatabase db = m_store.connection();
    QString reason;
    // Staged in local-id order, so read by rowid: ORDER BY local_id sorted every staged row again.
    static const QByteArray statement = memberStatement(
        "INSERT INTO main.member(%columns) SELECT %columns FROM temp.import_member ORDER BY rowid");
    if (!SqliteStatement::exec(db, statement.constData(), &reason)) {
        // The caller looked for every ID number in the store; the unique index caught one that
        // reached it since. Name the first such member, as the member form would.
        if (reason.contains(QLatin1String("member.id_number"))) {
            SqliteStatement taken(db,
                                  "SELECT s.local_id, s.id, s.id_number FROM temp.import_member s "
                                  "WHERE EXISTS (SELECT 1 FROM main.member m WHERE m.id_number = s.id_number "
                                  "AND m.deleted = 0) ORDER BY s.local_id LIMIT 1");
            if (taken.nextRow()) {
                Member m;
                m.id = taken.text(1);
                m.idNumber = taken.text(2);
                m_refused = int(taken.integer(0) - m_firstLocalId);
                m_members.checkUniqueIdNumber(m, &reason);
            }
        }
        if (error)
            *error = reason;
        return false;
    }
    static const QByteArray moveEvents =
        QByteArray("INSERT INTO main.member_event(") + kEventColumns + ") SELECT " + kEventColumns +
        " FROM temp.import_member_event ORDER BY rowid; INSERT INTO main.outbox(" + kOutboxColumns +
        ") SELECT " + kOutboxColumns +
        " FROM temp.import_outbox ORDER BY rowid; DELETE FROM temp.import_member; " +
        "DELETE FROM temp.import_member_event; DELETE FROM temp.import_outbox";
    if (!SqliteStatement::exec(db, moveEvents.constData(), error))
        return false;
    m_staged = 0;
    return true;
}

} // namespace ud
