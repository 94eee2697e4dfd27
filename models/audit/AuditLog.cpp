#include "audit/AuditLog.h"

#include "store/Sql.h"
#include "store/Transaction.h"
#include "util/ChainHash.h"
#include "util/Clock.h"
#include "util/Ids.h"

#include <QSqlQuery>
#include <QVariant>

#include <optional>

namespace ud {

AuditLog::AuditLog(const QSqlDatabase& db)
    : m_db(db)
{
}

QString AuditLog::hashOf(const AuditEntry& entry)
{
    return chainHash({QString::number(entry.seq), entry.id, entry.at, entry.actor, entry.action, entry.entity,
                      entry.recordId, entry.detail, entry.previousHash});
}

bool AuditLog::append(AuditEntry entry, QString* error, bool inTransaction)
{
    std::optional<Transaction> transaction;
    if (!inTransaction) {
        transaction.emplace(m_db);
        if (!transaction->isActive()) {
            if (error)
                *error = transaction->error();
            return false;
        }
    }
    QSqlQuery last(m_db);
    if (!sql::execBound(last, QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"), {},
                        error))
        return false;
    entry.seq = last.next() ? last.value(0).toLongLong() + 1 : 1;
    entry.previousHash = entry.seq > 1 ? last.value(1).toString() : QString();
    if (entry.id.isEmpty())
        entry.id = newRecordId();
    if (entry.at.isEmpty())
        entry.at = Clock::nowIso();
    entry.hash = hashOf(entry);
    QSqlQuery insert(m_db);
    if (!sql::execBound(
            insert,
            QStringLiteral("INSERT INTO audit_log(seq, id, at, actor, action, entity, record_id, detail, "
                           "previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {entry.seq, entry.id, entry.at, entry.actor, entry.action, entry.entity, entry.recordId,
             entry.detail, entry.previousHash, entry.hash},
            error))
        return false;
    return transaction ? transaction->commit(error) : true;
}

namespace {

AuditEntry entryFrom(const QSqlQuery& query)
{
    AuditEntry e;
    e.seq = query.value(0).toLongLong();
    e.id = query.value(1).toString();
    e.at = query.value(2).toString();
    e.actor = query.value(3).toString();
    e.action = query.value(4).toString();
    e.entity = query.value(5).toString();
    e.recordId = query.value(6).toString();
    e.detail = query.value(7).toString();
    e.previousHash = query.value(8).toString();
    e.hash = query.value(9).toString();
    return e;
}

const QString kColumns =
    QStringLiteral("seq, id, at, actor, action, entity, record_id, detail, previous_hash, hash");

} // namespace

QList<AuditEntry> AuditLog::entries(int limit) const
{
    QList<AuditEntry> result;
    QSqlQuery query(m_db);
    if (!sql::execBound(query,
                        QStringLiteral("SELECT %1 FROM audit_log ORDER BY seq DESC LIMIT ?").arg(kColumns),
                        {limit}, nullptr))
        return result;
    while (query.next())
        result.append(entryFrom(query));
    return result;
}

qint64 AuditLog::count() const
{
    QSqlQuery query(m_db);
    if (!sql::execBound(query, QStringLiteral("SELECT count(*) FROM audit_log"), {}, nullptr) ||
        !query.next())
        return 0;
    return query.value(0).toLongLong();
}

qint64 AuditLog::firstBrokenEntry() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!sql::execBound(query, QStringLiteral("SELECT %1 FROM audit_log ORDER BY seq").arg(kColumns), {},
                        nullptr))
        return -1;
    QString previous;
    qint64 expectedSeq = 1;
    while (query.next()) {
        const AuditEntry e = entryFrom(query);
        if (e.seq != expectedSeq || e.previousHash != previous || hashOf(e) != e.hash)
            return e.seq;
        previous = e.hash;
        ++expectedSeq;
    }
    return 0;
}

} // namespace ud
