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
    m_requestFault = false;
    if (clientId.isEmpty())
        return requestFault(error, tr("The push names no clientId."));
    const QJsonValue operations = request.value(QLatin1String("operations"));
    if (!operations.isArray())
        return requestFault(error, tr("The push has no operations array."));
    const QJsonArray list = operations.toArray();
    if (list.size() > MaxPushOperations)
        return requestFault(error, tr("The push has %1 operations; at most %2 are taken at once.")
                                       .arg(list.size())
                                       .arg(MaxPushOperations));
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
    m_requestFault = false;
    if (cursor < 0)
        return requestFault(error, tr("The cursor %1 is negative.").arg(cursor));
    return SyncPull(m_database, m_account).page(cursor, qBound(1, limit, MaxPullLimit), answer, error);
}

bool SyncService::requestFault(QString* error, const QString& reason)
{
    m_requestFault = true;
    *error = reason;
    return false;
}

} // namespace ud::server
