#include "SyncPull.h"

#include "ServerAudit.h"
#include "ServerDatabase.h"
#include "ServerReadSnapshot.h"
#include "ServerTransaction.h"
#include "store/Scope.h"
#include "sync/SyncEntities.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVarLengthArray>

namespace ud::server {

namespace {

// The columns a change is read with: the sync columns the wire carries, then the catalogue's.
enum SyncColumn
{
    IdColumn,
    PathColumn,
    VersionColumn,
    DeletedColumn,
    UpdatedAtColumn,
    UpdatedByColumn,
    FirstFieldColumn,
};

QString selectList(const sync::EntitySpec& spec)
{
    QStringList columns{QStringLiteral("id"),         QStringLiteral("path"),
                        QStringLiteral("version"),    QStringLiteral("deleted"),
                        QStringLiteral("updated_at"), QStringLiteral("updated_by")};
    for (const sync::FieldSpec& field : spec.fields)
        columns.append(field.column);
    return columns.join(QStringLiteral(", "));
}

// A JSON object whose keys are known in advance, filled by position. QJsonObject keeps its keys
// sorted and grows its storage on every insert; a page builds tens of thousands of objects of the
// same few shapes, and copying a finished shape and overwriting its values costs about half.
class ObjectShape
{
public:
    explicit ObjectShape(const QStringList& keys)
    {
        for (const QString& key : keys)
            m_object.insert(key, QJsonValue());
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it)
            m_order.append(keys.indexOf(it.key()));
    }
    // `values` in the order of the keys given to the constructor.
    QJsonObject make(const QJsonValue* values) const
    {
        QJsonObject object = m_object;
        auto it = object.begin();
        for (const int index : m_order) {
            *it = values[index];
            ++it;
        }
        return object;
    }

private:
    QJsonObject m_object;
    QList<int> m_order;
};

enum ChangeKey
{
    EntityKey,
    IdKey,
    VersionKey,
    DeletedKey,
    UpdatedAtKey,
    UpdatedByKey,
    FieldsKey,
    ChangeKeyCount,
};

const ObjectShape& changeShape()
{
    static const ObjectShape shape({QStringLiteral("entity"), QStringLiteral("id"), QStringLiteral("version"),
                                    QStringLiteral("deleted"), QStringLiteral("updatedAt"),
                                    QStringLiteral("updatedBy"), QStringLiteral("fields")});
    return shape;
}

// The fields of each entity in catalogue order; an organisation's path last.
const ObjectShape& fieldShape(const sync::EntitySpec& spec)
{
    static const QList<ObjectShape> shapes = [] {
        QList<ObjectShape> list;
        for (const sync::EntitySpec& entity : sync::entities()) {
            QStringList keys;
            for (const sync::FieldSpec& field : entity.fields)
                keys.append(field.field);
            if (entity.scopeField.isEmpty())
                keys.append(QStringLiteral("path"));
            list.append(ObjectShape(keys));
        }
        return list;
    }();
    const QList<sync::EntitySpec>& all = sync::entities();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (&all.at(i) == &spec)
            return shapes.at(i);
    }
    Q_UNREACHABLE();
    return shapes.front();
}

} // namespace

// One table's rows after the cursor, in version order, or the departures (spec null). The page
// merges the streams by version and turns into JSON only the rows it keeps: each stream reads up
// to limit + 1 rows, and converting the ones a page leaves out cost as much as the ones it sends.
//
// On PostgreSQL the streams are not forward-only: the driver reads a forward-only result row by row
// from the connection, and the next query would discard what is left of it; otherwise it fetches
// the whole result at once (at most limit + 1 rows).
struct SyncPull::Stream
{
    Stream(const ServerDatabase& database, const sync::EntitySpec* entity)
        : query(database.db())
        , spec(entity)
    {
        query.setForwardOnly(database.dialect() != ServerDatabase::Dialect::Postgres);
    }
    void advance()
    {
        valid = query.next();
        if (valid)
            version = query.value(spec ? int(VersionColumn) : 0).toLongLong();
    }

    QSqlQuery query;
    const sync::EntitySpec* spec;
    bool valid = false;
    qint64 version = 0;
};

SyncPull::SyncPull(ServerDatabase& database, const SessionAccount& account)
    : m_database(database)
    , m_account(account)
    , m_lower(account.organisationPath)
    , m_upper(Scope::upperBound(account.organisationPath))
{
}

SyncPull::~SyncPull() = default;

bool SyncPull::openChanges(qint64 cursor, int limit, std::vector<std::unique_ptr<Stream>>* streams,
                           QString* error) const
{
    for (const sync::EntitySpec& spec : sync::entities()) {
        auto stream = std::make_unique<Stream>(m_database, &spec);
        QSqlQuery& query = stream->query;
        // A transfer lies under three organisations (the holding one's path, from_path, to_path):
        // one range per path, each on its own index. Written as OR, SQLite would walk the version
        // index through every transfer after the cursor; as a union of three ranges both
        // databases read only the account's rows, then sort those few by version.
        if (spec.entity == QLatin1String("transfer")) {
            QStringList ranges;
            for (const char* column : {"path", "from_path", "to_path"})
                ranges.append(QStringLiteral("SELECT id FROM %1 WHERE version > ? AND %2 >= ? AND %2 < ?")
                                  .arg(spec.table, QLatin1String(column)));
            query.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE id IN (%3) ORDER BY version LIMIT ?")
                              .arg(selectList(spec), spec.table, ranges.join(QStringLiteral(" UNION ALL "))));
            for (int range = 0; range < ranges.size(); ++range) {
                for (const QVariant& value : {QVariant(cursor), QVariant(m_lower), QVariant(m_upper)})
                    query.addBindValue(value);
            }
        } else {
            query.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE version > ? AND path >= ? AND path < ? "
                                         "ORDER BY version LIMIT ?")
                              .arg(selectList(spec), spec.table));
            for (const QVariant& value : {QVariant(cursor), QVariant(m_lower), QVariant(m_upper)})
                query.addBindValue(value);
        }
        query.addBindValue(limit + 1);
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
        stream->advance();
        streams->push_back(std::move(stream));
    }
    return true;
}

bool SyncPull::openDepartures(qint64 cursor, int limit, std::vector<std::unique_ptr<Stream>>* streams,
                              QString* error) const
{
    // A departure matters to this account only while the record lies outside its subtree now; a
    // move between two of its own organisations comes as the record's ordinary change.
    QStringList stillHere;
    QVariantList values{cursor, m_lower, m_upper};
    for (const sync::EntitySpec& spec : sync::entities()) {
        stillHere.append(
            QStringLiteral("NOT EXISTS (SELECT 1 FROM %1 r WHERE d.entity = ? AND r.id = d.record_id "
                           "AND r.path >= ? AND r.path < ?)")
                .arg(spec.table));
        values += {spec.entity, m_lower, m_upper};
    }
    values.append(limit + 1);
    auto stream = std::make_unique<Stream>(m_database, nullptr);
    QSqlQuery& query = stream->query;
    query.prepare(QStringLiteral("SELECT d.seq, d.entity, d.record_id FROM departure d WHERE d.seq > ? AND "
                                 "d.from_path >= ? AND d.from_path < ? AND %1 ORDER BY d.seq LIMIT ?")
                      .arg(stillHere.join(QStringLiteral(" AND "))));
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    stream->advance();
    streams->push_back(std::move(stream));
    return true;
}

bool SyncPull::page(qint64 cursor, int limit, QJsonObject* answer, QString* error)
{
    QJsonArray list;
    int members = 0;
    int events = 0;
    int cadres = 0;
    int transfers = 0;
    qint64 last = cursor;
    bool more = false;
    {
        const ServerReadSnapshot snapshot(m_database);
        if (!snapshot.isActive()) {
            *error = snapshot.error();
            return false;
        }
        std::vector<std::unique_ptr<Stream>> streams;
        if (!openChanges(cursor, limit, &streams, error) || !openDepartures(cursor, limit, &streams, error))
            return false;
        QJsonValue change[ChangeKeyCount];
        QVarLengthArray<QJsonValue, 32> fieldValues;
        for (int taken = 0;; ++taken) {
            Stream* next = nullptr;
            for (const auto& stream : streams) {
                if (stream->valid && (!next || stream->version < next->version))
                    next = stream.get();
            }
            if (!next)
                break;
            // Each stream gave at most limit + 1 rows, so a row left after `limit` means something
            // stays for the next page, and none left means each table is exhausted.
            if (taken == limit) {
                more = true;
                break;
            }
            const QSqlQuery& query = next->query;
            last = next->version;
            if (!next->spec) {
                list.append(QJsonObject{{QStringLiteral("entity"), query.value(1).toString()},
                                        {QStringLiteral("id"), query.value(2).toString()},
                                        {QStringLiteral("gone"), true},
                                        {QStringLiteral("version"), last}});
                next->advance();
                continue;
            }
            const sync::EntitySpec& spec = *next->spec;
            const bool deleted = query.value(DeletedColumn).toLongLong() != 0;
            // A tombstone says only that the record is gone: no personal data travels with it.
            QJsonObject fields;
            if (!deleted) {
                fieldValues.resize(spec.fields.size() + 1);
                for (qsizetype i = 0; i < spec.fields.size(); ++i)
                    fieldValues[i] = sync::toWire(spec.fields.at(i), query.value(FirstFieldColumn + int(i)));
                fieldValues[spec.fields.size()] = query.value(PathColumn).toString();
                fields = fieldShape(spec).make(fieldValues.constData());
                if (spec.entity == QLatin1String("member"))
                    ++members;
                else if (spec.entity == QLatin1String("member_event"))
                    ++events;
                else if (spec.entity == QLatin1String("cadre"))
                    ++cadres;
                else if (spec.entity == QLatin1String("transfer"))
                    ++transfers;
            }
            change[EntityKey] = spec.entity;
            change[IdKey] = query.value(IdColumn).toString();
            change[VersionKey] = last;
            change[DeletedKey] = deleted;
            change[UpdatedAtKey] = query.value(UpdatedAtColumn).toString();
            change[UpdatedByKey] = query.value(UpdatedByColumn).toString();
            change[FieldsKey] = fields;
            list.append(changeShape().make(change));
            next->advance();
        }
    }
    if (members + events + cadres + transfers > 0 && !auditRead({members, events, cadres, transfers}, error))
        return false;
    *answer = QJsonObject{
        {QStringLiteral("changes"), list}, {QStringLiteral("cursor"), last}, {QStringLiteral("more"), more}};
    return true;
}

bool SyncPull::auditRead(const PersonalReads& reads, QString* error)
{
    ServerTransaction transaction(m_database);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return false;
    }
    ServerAuditEntry entry;
    entry.actor = m_account.login;
    entry.action = QStringLiteral("read");
    entry.entity = QStringLiteral("member");
    entry.recordId = m_account.organisationId;
    entry.detail =
        QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("sync"), QStringLiteral("pull")},
                                                    {QStringLiteral("members"), reads.members},
                                                    {QStringLiteral("memberEvents"), reads.events},
                                                    {QStringLiteral("cadres"), reads.cadres},
                                                    {QStringLiteral("transfers"), reads.transfers}})
                              .toJson(QJsonDocument::Compact));
    return ServerAudit(m_database).append(entry, error) && transaction.commit(error);
}

} // namespace ud::server
