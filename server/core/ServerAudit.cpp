#include "ServerAudit.h"

#include "ChangeSequence.h"
#include "ReusedQuery.h"
#include "ServerDatabase.h"
#include "util/ChainHash.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace ud::server {

QString compactJson(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

namespace {

// A null QString binds as NULL; the audit columns are NOT NULL text, empty when there is nothing.
QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

} // namespace

ServerAudit::ServerAudit(ServerDatabase& database)
    : m_database(database)
{
}

QString ServerAudit::hashOf(const ServerAuditEntry& entry)
{
    return chainHash({QString::number(entry.seq), entry.at, entry.actor, entry.action, entry.entity,
                      entry.recordId, entry.detail, entry.prevHash});
}

bool ServerAudit::append(ServerAuditEntry entry, QString* error)
{
    const QSqlDatabase db = m_database.db();
    // Inside the caller's transaction. Appends queue on the change sequence's lock (held until
    // commit), so with several server instances each reads the entry the one before it committed
    // and the chain stays one line; should anything append without it, the seq primary key still
    // refuses a fork.
    if (!ChangeSequence(m_database).lock(error))
        return false;
    QSqlQuery last(db);
    if (!last.exec(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"))) {
        if (error)
            *error = last.lastError().text();
        return false;
    }
    if (last.next()) {
        entry.seq = last.value(0).toLongLong() + 1;
        entry.prevHash = last.value(1).toString();
    } else {
        entry.seq = 1;
        entry.prevHash.clear();
    }
    entry.at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    entry.hash = hashOf(entry);

    ReusedQuery reused(
        m_database, QStringLiteral("INSERT INTO audit_log(seq, at, actor, action, entity, record_id, detail, "
                                   "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery& insert = reused.query();
    int position = 0;
    for (const QVariant& value :
         {QVariant(entry.seq), text(entry.at), text(entry.actor), text(entry.action), text(entry.entity),
          text(entry.recordId), text(entry.detail), text(entry.prevHash), text(entry.hash)})
        insert.bindValue(position++, value);
    if (!reused.isPrepared() || !insert.exec()) {
        if (error)
            *error = insert.lastError().text();
        return false;
    }
    return true;
}

AuditVerification ServerAudit::verify() const
{
    AuditVerification result;
    QSqlQuery query(m_database.db());
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT seq, at, actor, action, entity, record_id, detail, prev_hash, hash "
                           "FROM audit_log ORDER BY seq"))) {
        result.error = query.lastError().text();
        return result;
    }
    qint64 expectedSeq = 1;
    QString previousHash;
    while (query.next()) {
        ServerAuditEntry entry;
        entry.seq = query.value(0).toLongLong();
        entry.at = query.value(1).toString();
        entry.actor = query.value(2).toString();
        entry.action = query.value(3).toString();
        entry.entity = query.value(4).toString();
        entry.recordId = query.value(5).toString();
        entry.detail = query.value(6).toString();
        entry.prevHash = query.value(7).toString();
        entry.hash = query.value(8).toString();
        ++result.entries;

        QString reason;
        if (entry.seq != expectedSeq)
            reason = tr("entry %1 is missing").arg(expectedSeq);
        else if (entry.prevHash != previousHash)
            reason = tr("it does not carry the hash of the entry before it");
        else if (hashOf(entry) != entry.hash)
            reason = tr("its content does not match its hash");
        if (!reason.isEmpty()) {
            result.brokenSeq = entry.seq != expectedSeq ? expectedSeq : entry.seq;
            result.reason = reason;
            return result;
        }
        previousHash = entry.hash;
        ++expectedSeq;
    }
    result.ok = true;
    return result;
}

} // namespace ud::server
