#include "RequestLog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace ud::server {

QByteArray RequestLog::line(const Entry& entry)
{
    QJsonObject object{
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("method"), entry.method},
        {QStringLiteral("path"), entry.path},
        {QStringLiteral("status"), entry.status},
        {QStringLiteral("ms"), entry.durationMs},
    };
    if (!entry.accountId.isEmpty())
        object.insert(QStringLiteral("account"), entry.accountId);
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

void RequestLog::write(const Entry& entry)
{
    const QByteArray text = line(entry);
    // One fwrite per line and a flush, so lines of a busy server never interleave or lag.
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stderr);
    std::fflush(stderr);
}

} // namespace ud::server
