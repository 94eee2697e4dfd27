#include "sync/LocalRecordStore.h"

#include "members/MemberSearchIndex.h"
#include "members/NameSortKey.h"
#include "store/Outbox.h"
#include "store/Sql.h"
#include "sync/SyncLog.h"
#include "util/Clock.h"

#include <QSqlQuery>

namespace ud::sync {

namespace {
const QString PathField = QStringLiteral("path");

bool isMember(const EntitySpec& spec)
{
    return spec.entity == entity::Member;
}

bool isOrganisation(const EntitySpec& spec)
{
    return spec.entity == entity::Organisation;
}
} // namespace

LocalRecordStore::LocalRecordStore(const QSqlDatabase& db)
    : m_db(db)
{
}

bool LocalRecordStore::find(const EntitySpec& spec, const QString& id, std::optional<LocalRecordState>* state,
                            QString* error)
{
    QSqlQuery* q =
        sql::cached(m_db,
                    QStringLiteral("SELECT version, deleted, %1 FROM %2 WHERE id = ?")
                        .arg(isMember(spec) ? QStringLiteral("local_id") : QStringLiteral("0"), spec.table),
                    error);
    if (!q || !sql::execPrepared(*q, {id}, error))
        return false;
    state->reset();
    if (q->next())
        *state = LocalRecordState{q->value(0).toLongLong(), q->value(1).toBool(), q->value(2).toLongLong()};
    q->finish();
    return true;
}

bool LocalRecordStore::columnsOf(const EntitySpec& spec, const QString& id, const QJsonObject& fields,
                                 QStringList* columns, QVariantList* values, QString* error) const
{
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (isOrganisation(spec) && it.key() == PathField) {
            columns->append(PathField);
            values->append(it.value().toString());
            continue;
        }
        const FieldSpec* field = spec.field(it.key());
        if (!field) {
            // A field a newer server knows and this client does not yet: nothing to store it in.
            qCDebug(lcSync) << "ignoring unknown field" << spec.entity << it.key();
            continue;
        }
        bool ok = false;
        const QVariant value = toColumn(*field, it.value(), &ok);
        if (!ok) {
            if (error)
                *error = tr("%1 %2: the field \"%3\" has a value of the wrong type.")
                             .arg(spec.entity, id, it.key());
            return false;
        }
        columns->append(field->column);
        values->append(value);
    }
    if (isMember(spec)) {
        if (fields.contains(QLatin1String("name"))) {
            columns->append(QStringLiteral("name_key"));
            values->append(NameSortKey::of(fields.value(QLatin1String("name")).toString()));
        }
        if (fields.contains(QLatin1String("idNumber"))) {
            columns->append(QStringLiteral("id_number_rev"));
            values->append(MemberSearchIndex::reversed(fields.value(QLatin1String("idNumber")).toString()));
        }
        if (fields.contains(QLatin1String("mobile"))) {
            columns->append(QStringLiteral("mobile_rev"));
            values->append(MemberSearchIndex::reversed(fields.value(QLatin1String("mobile")).toString()));
        }
    }
    return true;
}

QString LocalRecordStore::organisationPath(const QString& id, const QJsonObject& fields) const
{
    const QString given = fields.value(PathField).toString();
    if (!given.isEmpty())
        return given;
    // An older server sends no path: derive it from the parent when the store has it.
    const QString parent = fields.value(QLatin1String("parent")).toString();
    QSqlQuery q(m_db);
    if (!parent.isEmpty() &&
        sql::execBound(q, QStringLiteral("SELECT path FROM organisation WHERE id = ?"), {parent}, nullptr) &&
        q.next())
        return q.value(0).toString() + id + QLatin1Char('/');
    return id + QLatin1Char('/');
}

bool LocalRecordStore::insert(const EntitySpec& spec, const QString& id, const QJsonObject& fields,
                              const SyncStamp& stamp, bool deleted, QString* error)
{
    QJsonObject all = fields;
    if (isOrganisation(spec))
        all.insert(PathField, organisationPath(id, fields));
    QStringList columns{QStringLiteral("id")};
    QVariantList values{id};
    if (!columnsOf(spec, id, all, &columns, &values, error))
        return false;
    columns << QStringLiteral("version") << QStringLiteral("updated_at") << QStringLiteral("updated_by")
            << QStringLiteral("deleted");
    values << stamp.version << (stamp.updatedAt.isEmpty() ? Clock::nowIso() : stamp.updatedAt)
           << stamp.updatedBy << (deleted ? 1 : 0);
    const QString placeholders = QStringLiteral("?,").repeated(columns.size() - 1) + QStringLiteral("?");
    QSqlQuery* q = sql::cached(m_db,
                               QStringLiteral("INSERT INTO %1(%2) VALUES(%3)")
                                   .arg(spec.table, columns.join(QLatin1Char(',')), placeholders),
                               error);
    if (!q || !sql::execPrepared(*q, values, error)) {
        if (error)
            *error = tr("%1 %2 cannot be stored: %3").arg(spec.entity, id, *error);
        return false;
    }
    if (!isMember(spec) || deleted)
        return true;
    const QString name = fields.value(QLatin1String("name")).toString();
    return MemberSearchIndex::indexNew(m_db, q->lastInsertId().toLongLong(), name, NameSortKey::of(name),
                                       fields.value(QLatin1String("organisation")).toString(), error);
}

bool LocalRecordStore::update(const EntitySpec& spec, const QString& id, const LocalRecordState& state,
                              const QJsonObject& fields, const SyncStamp* stamp, std::optional<bool> deleted,
                              QString* error)
{
    QStringList columns;
    QVariantList values;
    if (!columnsOf(spec, id, fields, &columns, &values, error))
        return false;
    if (stamp) {
        columns << QStringLiteral("version") << QStringLiteral("updated_at") << QStringLiteral("updated_by");
        values << stamp->version << (stamp->updatedAt.isEmpty() ? Clock::nowIso() : stamp->updatedAt)
               << stamp->updatedBy;
    }
    if (deleted) {
        columns << QStringLiteral("deleted");
        values << (*deleted ? 1 : 0);
    }
    if (columns.isEmpty())
        return true;

    // Name pieces are found by the old name and carry the organisation: take them away before the
    // row changes and put them back after, whenever either changes or the member comes or goes.
    const bool wasIndexed = isMember(spec) && !state.deleted;
    const bool willBeIndexed = isMember(spec) && !deleted.value_or(state.deleted);
    const bool piecesChange =
        fields.contains(QLatin1String("name")) || fields.contains(QLatin1String("organisation"));
    const bool unindex = wasIndexed && (piecesChange || !willBeIndexed);
    const bool reindex = willBeIndexed && (piecesChange || !wasIndexed);
    if (unindex && !MemberSearchIndex::unindex(m_db, state.localId, error))
        return false;

    for (QString& column : columns)
        column += QStringLiteral(" = ?");
    values.append(id);
    QSqlQuery q(m_db);
    if (!sql::execBound(
            q,
            QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(spec.table, columns.join(QLatin1Char(','))),
            values, error)) {
        if (error)
            *error = tr("%1 %2 cannot be stored: %3").arg(spec.entity, id, *error);
        return false;
    }
    if (!reindex)
        return true;
    QJsonValue name = fields.value(QLatin1String("name"));
    bool found = true;
    if (!fields.contains(QLatin1String("name")) &&
        !readField(spec, id, QStringLiteral("name"), &name, &found, error))
        return false;
    return MemberSearchIndex::index(m_db, state.localId, name.toString(), error);
}

bool LocalRecordStore::erase(const EntitySpec& spec, const QString& id, QString* error)
{
    QSqlQuery q(m_db);
    if (isMember(spec)) {
        std::optional<LocalRecordState> state;
        if (!find(spec, id, &state, error))
            return false;
        if (!state)
            return true;
        if (!MemberSearchIndex::unindex(m_db, state->localId, error) ||
            !sql::execBound(q, QStringLiteral("DELETE FROM member_event WHERE member_id = ?"), {id}, error) ||
            !sql::execBound(q, QStringLiteral("DELETE FROM import_batch_member WHERE member_id = ?"), {id},
                            error))
            return false;
    }
    return sql::execBound(q, QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(spec.table), {id}, error);
}

bool LocalRecordStore::readField(const EntitySpec& spec, const QString& id, const QString& field,
                                 QJsonValue* value, bool* found, QString* error)
{
    *found = false;
    const FieldSpec* f = spec.field(field);
    if (!f)
        return true;
    QSqlQuery q(m_db);
    if (!sql::execBound(q, QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(f->column, spec.table), {id},
                        error))
        return false;
    if (q.next()) {
        *value = toWire(*f, q.value(0));
        *found = true;
    }
    return true;
}

bool LocalRecordStore::readFields(const EntitySpec& spec, const QString& id, QJsonObject* fields, bool* found,
                                  QString* error)
{
    *found = false;
    QStringList columns;
    for (const FieldSpec& f : spec.fields)
        columns.append(f.column);
    QSqlQuery q(m_db);
    if (!sql::execBound(
            q,
            QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(columns.join(QLatin1Char(',')), spec.table),
            {id}, error))
        return false;
    if (!q.next())
        return true;
    *found = true;
    for (int i = 0; i < spec.fields.size(); ++i)
        fields->insert(spec.fields.at(i).field, toWire(spec.fields.at(i), q.value(i)));
    return true;
}

} // namespace ud::sync
