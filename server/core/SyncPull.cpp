#include "SyncPull.h"

#include "ServerAudit.h"
#include "ServerDatabase.h"
#include "ServerReadSnapshot.h"
#include "ServerTransaction.h"
#include "SyncRecordStore.h"
#include "store/Scope.h"
#include "sync/SyncEntities.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace ud::server {

SyncPull::SyncPull(ServerDatabase& database, const SessionAccount& account)
    : m_database(database)
    , m_account(account)
    , m_lower(account.organisationPath)
    , m_upper(Scope::upperBound(account.organisationPath))
{
}

bool SyncPull::readChanges(qint64 cursor, int limit, QList<Change>* changes, QString* error) const
{
    for (const sync::EntitySpec& spec : sync::entities()) {
        const SyncRecordStore store(m_database, spec);
        QSqlQuery query(m_database.db());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE version > ? AND path >= ? AND path < ? "
                                     "ORDER BY version LIMIT ?")
                          .arg(store.selectList(), spec.table));
        for (const QVariant& value :
             {QVariant(cursor), QVariant(m_lower), QVariant(m_upper), QVariant(limit + 1)})
            query.addBindValue(value);
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
        const bool organisation = spec.scopeField.isEmpty();
        while (query.next()) {
            const SyncRecord record = store.fromQuery(query);
            // A tombstone says only that the record is gone: no personal data travels with it.
            QJsonObject fields;
            if (!record.deleted) {
                fields = record.wireFields(spec);
                if (organisation)
                    fields.insert(QStringLiteral("path"), record.path);
            }
            Change change;
            change.version = record.version;
            change.personal =
                !record.deleted && !organisation && spec.entity != QLatin1String("organisation_request");
            change.json = QJsonObject{{QStringLiteral("entity"), spec.entity},
                                      {QStringLiteral("id"), record.id},
                                      {QStringLiteral("version"), record.version},
                                      {QStringLiteral("deleted"), record.deleted},
                                      {QStringLiteral("updatedAt"), record.updatedAt},
                                      {QStringLiteral("updatedBy"), record.updatedBy},
                                      {QStringLiteral("fields"), fields}};
            changes->append(change);
        }
    }
    return true;
}

bool SyncPull::readDepartures(qint64 cursor, int limit, QList<Change>* changes, QString* error) const
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
    QSqlQuery query(m_database.db());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT d.seq, d.entity, d.record_id FROM departure d WHERE d.seq > ? AND "
                                 "d.from_path >= ? AND d.from_path < ? AND %1 ORDER BY d.seq LIMIT ?")
                      .arg(stillHere.join(QStringLiteral(" AND "))));
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        Change change;
        change.version = query.value(0).toLongLong();
        change.json = QJsonObject{{QStringLiteral("entity"), query.value(1).toString()},
                                  {QStringLiteral("id"), query.value(2).toString()},
                                  {QStringLiteral("gone"), true},
                                  {QStringLiteral("version"), change.version}};
        changes->append(change);
    }
    return true;
}

bool SyncPull::page(qint64 cursor, int limit, QJsonObject* answer, QString* error)
{
    QList<Change> changes;
    {
        const ServerReadSnapshot snapshot(m_database);
        if (!snapshot.isActive()) {
            *error = snapshot.error();
            return false;
        }
        if (!readChanges(cursor, limit, &changes, error) || !readDepartures(cursor, limit, &changes, error))
            return false;
    }
    // Each table gave at most limit + 1 rows in version order, so more than `limit` in all means
    // something stays for the next page, and no more than `limit` means each table is exhausted.
    std::sort(changes.begin(), changes.end(),
              [](const Change& a, const Change& b) { return a.version < b.version; });
    const bool more = changes.size() > limit;
    if (more)
        changes.resize(limit);

    QJsonArray list;
    int members = 0;
    int events = 0;
    int cadres = 0;
    qint64 last = cursor;
    for (const Change& change : changes) {
        list.append(change.json);
        last = change.version;
        if (!change.personal)
            continue;
        const QString entity = change.json.value(QLatin1String("entity")).toString();
        if (entity == QLatin1String("member"))
            ++members;
        else if (entity == QLatin1String("member_event"))
            ++events;
        else
            ++cadres;
    }
    if (members + events + cadres > 0 && !auditRead(members, events, cadres, error))
        return false;
    *answer = QJsonObject{
        {QStringLiteral("changes"), list}, {QStringLiteral("cursor"), last}, {QStringLiteral("more"), more}};
    return true;
}

bool SyncPull::auditRead(int members, int events, int cadres, QString* error)
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
                                                    {QStringLiteral("members"), members},
                                                    {QStringLiteral("memberEvents"), events},
                                                    {QStringLiteral("cadres"), cadres}})
                              .toJson(QJsonDocument::Compact));
    return ServerAudit(m_database).append(entry, error) && transaction.commit(error);
}

} // namespace ud::server
