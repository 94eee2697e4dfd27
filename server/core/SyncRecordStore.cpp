#include "SyncRecordStore.h"

#include "ReusedQuery.h"
#include "ServerDatabase.h"
#include "WriteSavepoint.h"
#include "sync/SyncEntities.h"

#include <QSqlQuery>

namespace ud::server {

namespace {

constexpr int SyncColumnCount = 7;

// A null QVariant of the text type binds as SQL NULL on both drivers (a Reference with no target).
QVariant bindable(const QVariant& value)
{
    return value.isValid() ? value : QVariant(QMetaType::fromType<QString>());
}

} // namespace

SyncRecordStore::SyncRecordStore(const ServerDatabase& database, const sync::EntitySpec& spec,
                                 QStringList extraColumns)
    : m_database(database)
    , m_spec(spec)
    , m_extraColumns(std::move(extraColumns))
{
}

QStringList SyncRecordStore::columnNames() const
{
    QStringList names;
    for (const sync::FieldSpec& field : m_spec.fields)
        names.append(field.column);
    return names + m_extraColumns;
}

QString SyncRecordStore::selectList(const QString& alias) const
{
    const QString prefix = alias.isEmpty() ? QString() : alias + QLatin1Char('.');
    QStringList columns;
    for (const char* column :
         {"id", "path", "version", "deleted", "updated_at", "updated_by", "field_versions"})
        columns.append(prefix + QLatin1String(column));
    for (const QString& column : columnNames())
        columns.append(prefix + column);
    return columns.join(QStringLiteral(", "));
}

SyncRecord SyncRecordStore::fromQuery(const QSqlQuery& query) const
{
    SyncRecord record;
    record.found = true;
    record.id = query.value(0).toString();
    record.path = query.value(1).toString();
    record.version = query.value(2).toLongLong();
    record.deleted = query.value(3).toLongLong() != 0;
    record.updatedAt = query.value(4).toString();
    record.updatedBy = query.value(5).toString();
    record.fieldVersions = FieldVersions::fromJson(query.value(6).toString());
    const QStringList names = columnNames();
    for (int i = 0; i < names.size(); ++i)
        record.columns.insert(names.at(i), query.value(SyncColumnCount + i));
    return record;
}

bool SyncRecordStore::load(const QString& id, SyncRecord* record, QString* error) const
{
    ReusedQuery reused(m_database,
                       QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(selectList(), m_spec.table));
    QSqlQuery& query = reused.query();
    query.bindValue(0, id);
    if (!reused.isPrepared() || !query.exec()) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    *record = query.next() ? fromQuery(query) : SyncRecord();
    return true;
}

bool SyncRecordStore::insert(const SyncRecord& record, QSqlError* error) const
{
    QStringList columns{QStringLiteral("id"),
                        QStringLiteral("path"),
                        QStringLiteral("version"),
                        QStringLiteral("deleted"),
                        QStringLiteral("updated_at"),
                        QStringLiteral("updated_by"),
                        QStringLiteral("field_versions")};
    QVariantList values{record.id,
                        record.path,
                        record.version,
                        record.deleted ? 1 : 0,
                        record.updatedAt,
                        record.updatedBy,
                        record.fieldVersions.toJson()};
    for (const QString& column : columnNames()) {
        const auto it = record.columns.constFind(column);
        if (it == record.columns.constEnd())
            continue;
        columns.append(column);
        values.append(bindable(*it));
    }
    WriteSavepoint savepoint(m_database);
    ReusedQuery reused(m_database,
                       QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                           .arg(m_spec.table, columns.join(QStringLiteral(", ")),
                                QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", "))));
    QSqlQuery& query = reused.query();
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (reused.isPrepared() && query.exec()) {
        savepoint.release();
        return true;
    }
    *error = query.lastError();
    savepoint.rollback();
    return false;
}

bool SyncRecordStore::update(const SyncRecord& record, const QStringList& changedColumns,
                             QSqlError* error) const
{
    QStringList assignments;
    QVariantList values;
    for (const QString& column : changedColumns) {
        assignments.append(column + QStringLiteral(" = ?"));
        values.append(bindable(record.columns.value(column)));
    }
    assignments += {QStringLiteral("path = ?"),       QStringLiteral("version = ?"),
                    QStringLiteral("deleted = ?"),    QStringLiteral("updated_at = ?"),
                    QStringLiteral("updated_by = ?"), QStringLiteral("field_versions = ?")};
    values += {record.path,      record.version,   record.deleted ? 1 : 0,
               record.updatedAt, record.updatedBy, record.fieldVersions.toJson()};
    values.append(record.id);
    WriteSavepoint savepoint(m_database);
    ReusedQuery reused(m_database, QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                                       .arg(m_spec.table, assignments.join(QStringLiteral(", "))));
    QSqlQuery& query = reused.query();
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (reused.isPrepared() && query.exec()) {
        savepoint.release();
        return true;
    }
    *error = query.lastError();
    savepoint.rollback();
    return false;
}

} // namespace ud::server
