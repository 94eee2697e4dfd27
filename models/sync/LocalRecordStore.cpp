#include "sync/LocalRecordStore.h"

#include "members/MemberSearchIndex.h"
#include "members/NameGramWriter.h"
#include "members/NameSortKey.h"
#include "store/Outbox.h"
#include "store/Sql.h"
#include "sync/SyncLog.h"
#include "util/Clock.h"

#include <QSqlQuery>

namespace ud::sync {

namespace {
const QString PathField = QStringLiteral("path");
const QString NameField = QStringLiteral("name");
const QString IdNumberField = QStringLiteral("idNumber");
const QString MobileField = QStringLiteral("mobile");
const QString OrganisationField = QStringLiteral("organisation");

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

LocalRecordStore::~LocalRecordStore() = default;

QSqlQuery* LocalRecordStore::statement(const QString& text, QString* error)
{
    const auto it = m_statements.constFind(text);
    if (it != m_statements.constEnd())
        return it->get();
    auto query = std::make_shared<QSqlQuery>(m_db);
    if (!sql::prepare(*query, text, error))
        return nullptr;
    m_statements.insert(text, query);
    return query.get();
}

bool LocalRecordStore::flushNameGrams(QString* error)
{
    return !m_grams || m_grams->isEmpty() || m_grams->write(m_db, error);
}

bool LocalRecordStore::find(const EntitySpec& spec, const QString& id, std::optional<LocalRecordState>* state,
                            QString* error)
{
    QSqlQuery* q = statement(QStringLiteral("SELECT version, deleted, ") +
                                 (isMember(spec) ? QStringLiteral("local_id") : QStringLiteral("0")) +
                                 QStringLiteral(" FROM ") + spec.table + QStringLiteral(" WHERE id = ?"),
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
                                 QStringList* columns, QVariantList* values, quint64* present,
                                 QByteArray* nameKey, QString* error) const
{
    // The catalogue's order, so that records with the same fields share one statement.
    qsizetype matched = 0;
    if (isOrganisation(spec)) {
        const auto path = fields.constFind(PathField);
        if (path != fields.constEnd()) {
            columns->append(PathField);
            values->append(path->toString());
            ++matched;
        }
    }
    for (qsizetype i = 0; i < spec.fields.size(); ++i) {
        const FieldSpec& field = spec.fields.at(i);
        const auto it = fields.constFind(field.field);
        if (it == fields.constEnd())
            continue;
        ++matched;
        bool ok = false;
        const QVariant value = toColumn(field, *it, &ok);
        if (!ok) {
            if (error)
                *error = tr("%1 %2: the field \"%3\" has a value of the wrong type.")
                             .arg(spec.entity, id, field.field);
            return false;
        }
        *present |= quint64(1) << i;
        columns->append(field.column);
        values->append(value);
    }
    if (matched < fields.size()) {
        // Fields a newer server knows and this client does not yet: nothing to store them in.
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
            if (!spec.field(it.key()) && !(isOrganisation(spec) && it.key() == PathField))
                qCDebug(lcSync) << "ignoring unknown field" << spec.entity << it.key();
        }
    }
    if (isMember(spec)) {
        if (fields.contains(NameField)) {
            *nameKey = NameSortKey::of(fields.value(NameField).toString());
            columns->append(QStringLiteral("name_key"));
            values->append(*nameKey);
        }
        if (fields.contains(IdNumberField)) {
            columns->append(QStringLiteral("id_number_rev"));
            values->append(MemberSearchIndex::reversed(fields.value(IdNumberField).toString()));
        }
        if (fields.contains(MobileField)) {
            columns->append(QStringLiteral("mobile_rev"));
            values->append(MemberSearchIndex::reversed(fields.value(MobileField).toString()));
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
                              const SyncStamp& stamp, bool deleted, QString* error, bool* inserted)
{
    QJsonObject all = fields;
    if (isOrganisation(spec))
        all.insert(PathField, organisationPath(id, fields));
    QStringList columns{QStringLiteral("id")};
    QVariantList values{id};
    quint64 present = 0;
    QByteArray nameKey;
    if (!columnsOf(spec, id, all, &columns, &values, &present, &nameKey, error))
        return false;
    values << stamp.version << (stamp.updatedAt.isEmpty() ? Clock::nowIso() : stamp.updatedAt)
           << stamp.updatedBy << (deleted ? 1 : 0);
    // The top bit of the shape (the catalogue has far fewer than 63 fields) marks the variant that
    // leaves an existing record alone.
    const QPair<QString, quint64> shape{spec.table, present | (inserted ? quint64(1) << 63 : 0)};
    auto text = m_insertText.constFind(shape);
    if (text == m_insertText.constEnd()) {
        columns << QStringLiteral("version") << QStringLiteral("updated_at") << QStringLiteral("updated_by")
                << QStringLiteral("deleted");
        text = m_insertText.insert(
            shape, QStringLiteral("INSERT INTO %1(%2) VALUES(%3)%4")
                       .arg(spec.table, columns.join(QLatin1Char(',')),
                            QStringLiteral("?,").repeated(columns.size() - 1) + QStringLiteral("?"),
                            inserted ? QStringLiteral(" ON CONFLICT(id) DO NOTHING") : QString()));
    }
    QSqlQuery* q = statement(*text, error);
    if (!q || !sql::execPrepared(*q, values, error)) {
        if (error)
            *error = tr("%1 %2 cannot be stored: %3").arg(spec.entity, id, *error);
        return false;
    }
    if (inserted) {
        *inserted = q->numRowsAffected() > 0;
        if (!*inserted)
            return true;
    }
    if (!isMember(spec) || deleted || m_deferGrams)
        return true;
    const QString name = fields.value(NameField).toString();
    if (!fields.contains(NameField))
        nameKey = NameSortKey::of(name);
    const qint64 localId = q->lastInsertId().toLongLong();
    const QString organisation = fields.value(OrganisationField).toString();
    if (m_grams) {
        m_grams->add(localId, name, nameKey, organisation);
        return true;
    }
    return MemberSearchIndex::indexNew(m_db, localId, name, nameKey, organisation, error);
}

bool LocalRecordStore::update(const EntitySpec& spec, const QString& id, const LocalRecordState& state,
                              const QJsonObject& fields, const SyncStamp* stamp, std::optional<bool> deleted,
                              QString* error)
{
    QStringList columns;
    QVariantList values;
    quint64 present = 0;
    QByteArray nameKey;
    if (!columnsOf(spec, id, fields, &columns, &values, &present, &nameKey, error))
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
    const bool piecesChange = fields.contains(NameField) || fields.contains(OrganisationField);
    const bool unindex = wasIndexed && (piecesChange || !willBeIndexed);
    const bool reindex = willBeIndexed && (piecesChange || !wasIndexed);
    if ((unindex || reindex) && !flushNameGrams(error))
        return false;
    if (unindex && !MemberSearchIndex::unindex(m_db, state.localId, error))
        return false;

    for (QString& column : columns)
        column += QStringLiteral(" = ?");
    values.append(id);
    QSqlQuery* q = statement(
        QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(spec.table, columns.join(QLatin1Char(','))),
        error);
    if (!q || !sql::execPrepared(*q, values, error)) {
        if (error)
            *error = tr("%1 %2 cannot be stored: %3").arg(spec.entity, id, *error);
        return false;
    }
    if (!reindex)
        return true;
    QJsonValue name = fields.value(NameField);
    bool found = true;
    if (!fields.contains(NameField) && !readField(spec, id, NameField, &name, &found, error))
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
        if (!flushNameGrams(error) || !MemberSearchIndex::unindex(m_db, state->localId, error) ||
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
    // Kept prepared: a push reads every record an import created (OutboxSnapshots).
    QSqlQuery* q = sql::cached(
        m_db,
        QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(columns.join(QLatin1Char(',')), spec.table),
        error);
    if (!q || !sql::execPrepared(*q, {id}, error))
        return false;
    if (q->next()) {
        *found = true;
        for (int i = 0; i < spec.fields.size(); ++i)
            fields->insert(spec.fields.at(i).field, toWire(spec.fields.at(i), q->value(i)));
    }
    q->finish();
    return true;
}

const EntitySpec* LocalRecordStore::ownerEntity(const EntitySpec& spec, QString* ownerField)
{
    if (spec.scopeField.isEmpty() || !spec.createOnly.contains(spec.scopeField))
        return nullptr;
    const EntitySpec* owner = entity(spec.scopeField);
    if (!owner || owner == &spec)
        return nullptr;
    if (ownerField)
        *ownerField = spec.scopeField;
    return owner;
}

bool LocalRecordStore::ownerOf(const EntitySpec& spec, const QString& id, QString* owner, QString* error)
{
    owner->clear();
    QString field;
    if (!ownerEntity(spec, &field))
        return true;
    QJsonValue value;
    bool found = false;
    if (!readField(spec, id, field, &value, &found, error))
        return false;
    *owner = value.toString();
    return true;
}

bool LocalRecordStore::dependants(const EntitySpec& spec, const QString& id, QList<RecordRef>* out,
                                  QString* error)
{
    for (const EntitySpec& other : entities()) {
        QString field;
        if (ownerEntity(other, &field) != &spec)
            continue;
        QSqlQuery q(m_db);
        if (!sql::execBound(
                q,
                QStringLiteral("SELECT id FROM %1 WHERE %2 = ?").arg(other.table, other.field(field)->column),
                {id}, error))
            return false;
        while (q.next())
            out->append({&other, q.value(0).toString()});
    }
    return true;
}

bool LocalRecordStore::referrers(const EntitySpec& spec, const QString& id, QStringList* described,
                                 QString* error)
{
    // The store's own foreign keys say who refers to what, for the synced tables and the others
    // (an import batch names its organisation) alike.
    QSqlQuery tables(m_db);
    if (!sql::execBound(
            tables,
            QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                           "'sqlite_%' ORDER BY name"),
            {}, error))
        return false;
    QStringList names;
    while (tables.next())
        names.append(tables.value(0).toString());
    for (const QString& table : std::as_const(names)) {
        const EntitySpec* referring = nullptr;
        for (const EntitySpec& e : entities()) {
            if (e.table == table)
                referring = &e;
        }
        // The records it owns go with it: their reference to it is no obstacle.
        QString ownerColumn;
        QString ownerField;
        if (referring && ownerEntity(*referring, &ownerField) == &spec)
            ownerColumn = referring->field(ownerField)->column;
        QSqlQuery keys(m_db);
        if (!sql::execBound(keys, QStringLiteral("PRAGMA foreign_key_list(\"%1\")").arg(table), {}, error))
            return false;
        QStringList columns;
        while (keys.next()) {
            const QString column = keys.value(QStringLiteral("from")).toString();
            if (keys.value(QStringLiteral("table")).toString() == spec.table && column != ownerColumn)
                columns.append(column);
        }
        for (const QString& column : std::as_const(columns)) {
            QSqlQuery count(m_db);
            if (!sql::execBound(
                    count, QStringLiteral("SELECT count(*) FROM \"%1\" WHERE \"%2\" = ?").arg(table, column),
                    {id}, error) ||
                !count.next())
                return false;
            const qint64 n = count.value(0).toLongLong();
            if (n > 0)
                described->append(
                    tr("%1: %2").arg(referring ? entityLabel(referring->entity) : table).arg(n));
        }
    }
    return true;
}

} // namespace ud::sync
