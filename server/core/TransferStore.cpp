#include "TransferStore.h"

#include "ChangeSequence.h"
#include "ServerAudit.h"
#include "ServerDatabase.h"
#include "SyncRecordStore.h"
#include "domain/IdNumber.h"
#include "store/Sql.h"
#include "sync/SyncEntities.h"
#include "util/Clock.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace ud::server {

namespace {

SyncRecordStore rows(const ServerDatabase& database)
{
    return SyncRecordStore(database, TransferRecord::spec(), TransferRecord::pathColumns());
}

// The audit log names whose transfer it is, not the person's full ID number.
QJsonObject forAudit(QJsonObject fields)
{
    const QString idNumber = QStringLiteral("idNumber");
    if (fields.contains(idNumber))
        fields.insert(idNumber, IdNumber::masked(fields.value(idNumber).toString()));
    return fields;
}

} // namespace

TransferStore::TransferStore(ServerDatabase& database)
    : m_database(database)
{
}

bool TransferStore::load(const QString& id, TransferRecord* record, QString* error) const
{
    SyncRecord row;
    if (!rows(m_database).load(id, &row, error))
        return false;
    *record = TransferRecord(row);
    return true;
}

bool TransferStore::select(const QString& condition, const QVariantList& values,
                           QList<TransferRecord>* records, QString* error) const
{
    const SyncRecordStore store = rows(m_database);
    QSqlQuery query(m_database.db());
    if (!sql::execBound(query,
                        QStringLiteral("SELECT %1 FROM transfer WHERE deleted = 0 AND %2 ORDER BY version")
                            .arg(store.selectList(), condition),
                        values, error))
        return false;
    records->clear();
    while (query.next())
        records->append(TransferRecord(store.fromQuery(query)));
    return true;
}

bool TransferStore::ofMember(const QString& memberId, const QString& state, QList<TransferRecord>* records,
                             QString* error) const
{
    return select(QStringLiteral("member_id = ? AND state = ?"), {memberId, state}, records, error);
}

bool TransferStore::requestsOpenSince(const QString& cutoff, QList<TransferRecord>* records,
                                      QString* error) const
{
    return select(QStringLiteral("state = 'requested' AND requested_at < ?"), {cutoff}, records, error);
}

bool TransferStore::save(const TransferRecord& before, TransferRecord* after, const QString& action,
                         const Author& author, QString* error)
{
    const qint64 version = ChangeSequence(m_database).next(error);
    if (version < 0)
        return false;
    const QJsonObject old = before.found() ? before.fields() : QJsonObject();
    const QJsonObject now = after->fields();
    QStringList columns = TransferRecord::pathColumns();
    QJsonObject beforeChanged;
    QJsonObject afterChanged;
    SyncRecord& row = after->row();
    for (const sync::FieldSpec& field : TransferRecord::spec().fields) {
        if (before.found() && old.value(field.field) == now.value(field.field))
            continue;
        columns.append(field.column);
        if (before.found()) {
            row.fieldVersions.set(field.field, version, author.clientId);
            beforeChanged.insert(field.field, old.value(field.field));
        }
        afterChanged.insert(field.field, now.value(field.field));
    }
    row.found = true;
    row.version = version;
    row.updatedAt = Clock::nowIso();
    row.updatedBy = author.login;
    QSqlError sqlError;
    const SyncRecordStore store = rows(m_database);
    if (!(before.found() ? store.update(row, columns, &sqlError) : store.insert(row, &sqlError))) {
        *error = sqlError.text();
        return false;
    }
    QJsonObject detail{{QStringLiteral("after"), forAudit(afterChanged)}};
    if (before.found())
        detail.insert(QStringLiteral("before"), forAudit(beforeChanged));
    ServerAuditEntry entry;
    entry.actor = author.login;
    entry.action = action;
    entry.entity = TransferRecord::spec().entity;
    entry.recordId = after->id();
    entry.detail = compactJson(detail);
    return ServerAudit(m_database).append(entry, error);
}

} // namespace ud::server
