#include "members/MemberBulkWriter.h"

#include "members/MemberSearchIndex.h"
#include "members/NameSortKey.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "util/Clock.h"
#include "util/Ids.h"

namespace ud {

namespace {

// The member columns an import fills, as MemberRepository::insert writes them — the local id, id,
// the synced columns, then the search and sync columns — in the rows SQLite reads and the store
// alike (a column added to the store later keeps its default).
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

QByteArray memberStatement(const char* pattern)
{
    return QByteArray(pattern).replace("%columns", memberColumnList());
}

// The history event and outbox columns that differ between members; the rest are constants or
// parameters of the statement.
const char* const kEventRows = "id, member_id, occurred_on, to_status";
const char* const kOutboxRows = "op_id, entity, record_id";

} // namespace

MemberBulkWriter::MemberBulkWriter(Database& store, Scope scope, const QString& actor)
    : m_store(store)
    , m_members(store, std::move(scope))
    , m_actor(actor)
    , m_now(Clock::nowIso())
    , m_today(Clock::today().toString(Qt::ISODate))
{
    const QSqlDatabase db = store.connection();
    if (!SqliteRowSource::install(db, "ud_import_members", memberColumnList().constData(), &m_setUpError) ||
        !SqliteRowSource::install(db, "ud_import_events", kEventRows, &m_setUpError) ||
        !SqliteRowSource::install(db, "ud_import_outbox", kOutboxRows, &m_setUpError))
        return;
    // The new members' local ids follow the store's last one (the caller's write transaction keeps
    // them free).
    SqliteStatement last(db, "SELECT coalesce(max(local_id), 0) FROM main.member");
    if (!last.nextRow()) {
        m_setUpError = last.error().isEmpty() ? QStringLiteral("no member table") : last.error();
        return;
    }
    m_firstLocalId = last.integer(0) + 1;
}

MemberBulkWriter::~MemberBulkWriter() = default;

bool MemberBulkWriter::isReady(QString* error) const
{
    if (m_firstLocalId == 0) {
        if (error)
            *error = m_setUpError;
        return false;
    }
    return true;
}

void MemberBulkWriter::reserve(qsizetype members)
{
    m_grams.reserve(members);
    m_chunk.reserve(size_t(std::min<qint64>(members, m_chunkSize)));
}

bool MemberBulkWriter::add(Member& m, QString* error)
{
    m_refused = -1;
    m_refusedIdNumber.clear();
    if (!m_members.checkOrganisation(m.organisationId, error)) {
        m_refused = int(m_added);
        return false;
    }
    m.id = newRecordId();
    m.version = 0;
    m.updatedAt = m_now;
    m.updatedBy = m_actor;
    m.deleted = false;

    Staged s;
    s.member = m;
    s.idNumberReversed = MemberSearchIndex::reversed(m.idNumber);
    s.mobileReversed = MemberSearchIndex::reversed(m.mobile);
    s.nameKey = NameSortKey::of(m.name);
    s.localId = m_firstLocalId + m_added;
    // Ids in the order the rows were written before: the member's operation, the event, its operation.
    s.memberOpId = newTimeOrderedId();
    s.eventId = newTimeOrderedId();
    s.eventOpId = newTimeOrderedId();
    s.occurredOn = m.joinDate.isEmpty() ? m_today : m.joinDate;
    m_grams.add(s.localId, m.name, s.nameKey, m.organisationId);
    m_chunk.push_back(std::move(s));
    ++m_added;
    return qint64(m_chunk.size()) < m_chunkSize || moveMembers(error);
}

bool MemberBulkWriter::finish(QString* error)
{
    m_refused = -1;
    m_refusedIdNumber.clear();
    return moveMembers(error) && m_grams.write(m_store.connection(), error);
}

bool MemberBulkWriter::move(const char* statement, ChunkRows::Table table, QString* error)
{
    SqliteStatement insert(m_store.connection(), statement);
    const ChunkRows rows(m_chunk, table);
    // ?2 and ?3 are the time and the clerk where a statement has them (SQLite ignores the others).
    insert.bindSource(1, &rows);
    insert.bind(2, m_now);
    insert.bind(3, m_actor);
    return insert.run(error);
}

bool MemberBulkWriter::moveMembers(QString* error)
{
    if (m_chunk.empty())
        return true;
    static const QByteArray members =
        memberStatement("INSERT INTO main.member(%columns) SELECT %columns FROM ud_import_members(?1)");
    QString reason;
    if (!move(members.constData(), ChunkRows::Table::Member, &reason)) {
        // The caller looked for every ID number in the store; the unique index caught one that
        // reached it since. Name the first such member, as the member form would.
        if (reason.contains(QLatin1String("member.id_number")))
            findRefused(&reason);
        if (error)
            *error = reason;
        return false;
    }
    static const QByteArray events =
        QByteArray("INSERT INTO main.member_event(id, member_id, kind, occurred_on, from_status, to_status, "
                   "reason, details, version, updated_at, updated_by, deleted) SELECT id, member_id, "
                   "'joined', occurred_on, '', to_status, '', '{}', 0, ?2, ?3, 0 FROM ud_import_events(?1)");
    // The creations are snapshots (Outbox): the push reads each record as it then is.
    static const QByteArray outbox =
        QByteArray("INSERT INTO main.outbox(op_id, entity, record_id, base_version, fields, is_delete, "
                   "created_at) SELECT op_id, entity, record_id, 0, '', 0, ?2 FROM ud_import_outbox(?1)");
    if (!move(events.constData(), ChunkRows::Table::Event, error) ||
        !move(outbox.constData(), ChunkRows::Table::Outbox, error))
        return false;
    m_chunk.clear();
    return true;
}

void MemberBulkWriter::findRefused(QString* reason)
{
    SqliteStatement taken(m_store.connection(),
                          "SELECT 1 FROM main.member WHERE id_number = ?1 AND deleted = 0 LIMIT 1");
    for (const Staged& s : m_chunk) {
        taken.bind(1, s.member.idNumber);
        const bool found = taken.nextRow();
        taken.reset();
        if (!found)
            continue;
        m_refused = int(s.localId - m_firstLocalId);
        m_refusedIdNumber = s.member.idNumber;
        m_members.checkUniqueIdNumber(s.member, reason);
        return;
    }
}

qint64 MemberBulkWriter::ChunkRows::rowCount() const
{
    // Each member has two outbox operations: its own, then its event's.
    return qint64(m_chunk.size()) * (m_table == Table::Outbox ? 2 : 1);
}

void MemberBulkWriter::ChunkRows::column(qint64 row, int column, Cell& cell) const
{
    switch (m_table) {
    case Table::Member:
        memberColumn(m_chunk[size_t(row)], column, cell);
        return;
    case Table::Event: {
        const Staged& s = m_chunk[size_t(row)];
        const QString* values[] = {&s.eventId, &s.member.id, &s.occurredOn, &s.member.status};
        cell.text(*values[column]);
        return;
    }
    case Table::Outbox: {
        const Staged& s = m_chunk[size_t(row / 2)];
        const bool event = row % 2 == 1;
        switch (column) {
        case 0:
            cell.text(event ? s.eventOpId : s.memberOpId);
            return;
        case 1:
            cell.text(event ? entity::MemberEvent : entity::Member);
            return;
        default:
            cell.text(event ? s.eventId : s.member.id);
            return;
        }
    }
    }
}

void MemberBulkWriter::ChunkRows::memberColumn(const Staged& s, int column, Cell& cell) const
{
    // local_id, id, the synced columns, then the search and sync columns (memberColumnList()).
    const std::vector<MemberColumn>& synced = memberColumns();
    const int count = int(synced.size());
    if (column == 0) {
        cell.integer(s.localId);
    } else if (column == 1) {
        cell.text(s.member.id);
    } else if (column < count + 2) {
        const MemberColumn& c = synced[size_t(column - 2)];
        if (c.text)
            cell.text(s.member.*c.text);
        else
            cell.integer(s.member.*c.flag ? 1 : 0);
    } else {
        switch (column - count - 2) {
        case 0:
            cell.text(s.idNumberReversed);
            return;
        case 1:
            cell.text(s.mobileReversed);
            return;
        case 2:
            cell.blob(s.nameKey);
            return;
        case 3:
            cell.integer(0); // version
            return;
        case 4:
            cell.text(s.member.updatedAt);
            return;
        case 5:
            cell.text(s.member.updatedBy);
            return;
        default:
            cell.integer(0); // deleted
            return;
        }
    }
}

} // namespace ud
