#include "SyncService.h"

#include "ServerDatabase.h"
#include "SyncPull.h"
#include "SyncPushOperation.h"

namespace ud::server {

SyncService::SyncService(ServerDatabase& database, SessionAccount account)
    : m_database(database)
    , m_account(std::move(account))
{
}

bool SyncService::push(const QJsonObject& request, QJsonObject* answer, QString* error)
{
    const QString clientId = request.value(QLatin1String("clientId")).toString();
    if (clientId.isEmpty()) {
        *error = tr("The push names no clientId.");
        return false;
    }
    const QJsonValue operations = request.value(QLatin1String("operations"));
    if (!operations.isArray()) {
        *error = tr("The push has no operations array.");
        return false;
    }
    const QJsonArray list = operations.toArray();
    if (list.size() > MaxPushOperations) {
        *error = tr("The push has %1 operations; at most %2 are taken at once.")
                     .arg(list.size())
                     .arg(MaxPushOperations);
        return false;
    }
    SyncPushOperation applier(m_database, m_account, clientId);
    QJsonArray results;
    for (const QJsonValue& operation : list) {
        QJsonObject result;
        // Operations applied so far stay applied: the client sends the batch again and they answer
        // "duplicate".
        if (!applier.apply(operation, &result, error))
            return false;
        results.append(result);
    }
    *answer = QJsonObject{{QStringLiteral("results"), results}};
    return true;
}

bool SyncService::pull(qint64 cursor, int limit, QJsonObject* answer, QString* error)
{
    if (cursor < 0) {
        *error = tr("The cursor %1 is negative.").arg(cursor);
        return false;
    }
    return SyncPull(m_database, m_account).page(cursor, qBound(1, limit, MaxPullLimit), answer, error);
}

} // namespace ud::server
