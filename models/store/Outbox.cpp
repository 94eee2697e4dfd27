#include "store/Outbox.h"

#include "store/Sql.h"
#include "util/Clock.h"
#include "util/Ids.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace ud {

Outbox::Outbox(const QSqlDatabase& db)
    : m_db(db)
{
}

bool Outbox::enqueue(const QString& entity, const QString& recordId, qint64 baseVersion,
                     const QJsonObject& fields, bool isDelete, QString* error)
{
    QSqlQuery* query = sql::cached(
        m_db,
        QStringLiteral("INSERT INTO outbox(op_id, entity, record_id, base_version, fields, is_delete, "
                       "created_at) VALUES(?, ?, ?, ?, ?, ?, ?)"),
        error);
    return query &&
           sql::execPrepared(*query,
                             {newTimeOrderedId(), entity, recordId, baseVersion,
                              QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)),
                              isDelete ? 1 : 0, Clock::nowIso()},
                             error);
}

qint64 Outbox::pendingCount() const
{
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("SELECT count(*) FROM outbox")) && query.next())
        return query.value(0).toLongLong();
    return 0;
}

QList<OutboxOperation> Outbox::pending(int limit) const
{
    QList<OutboxOperation> out;
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("SELECT seq, op_id, entity, record_id, base_version, fields, is_delete, created_at "
                       "FROM outbox ORDER BY seq LIMIT ?"));
    query.addBindValue(limit);
    if (!query.exec())
        return out;
    while (query.next()) {
        OutboxOperation op;
        op.seq = query.value(0).toLongLong();
        op.opId = query.value(1).toString();
        op.entity = query.value(2).toString();
        op.recordId = query.value(3).toString();
        op.baseVersion = query.value(4).toLongLong();
        const QString fields = query.value(5).toString();
        op.snapshot = fields.isEmpty();
        if (!op.snapshot)
            op.fields = QJsonDocument::fromJson(fields.toUtf8()).object();
        op.isDelete = query.value(6).toBool();
        op.createdAt = query.value(7).toString();
        out.append(op);
    }
    return out;
}

bool Outbox::discardRecord(const QString& entity, const QString& recordId, QString* error)
{
    QSqlQuery query(m_db);
    if (!sql::prepare(query, QStringLiteral("DELETE FROM outbox WHERE entity = ? AND record_id = ?"), error))
        return false;
    query.addBindValue(entity);
    query.addBindValue(recordId);
    return sql::exec(query, error);
}

} // namespace ud
