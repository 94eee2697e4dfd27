#include "JsonReply.h"

#include <QJsonDocument>

namespace ud::server {

QHttpServerResponse JsonReply::object(const QJsonObject& body, Status status)
{
    // QHttpServerResponse(QJsonObject) says only "application/json"; clients should not have to guess.
    return QHttpServerResponse(QByteArrayLiteral("application/json; charset=utf-8"),
                               QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

QHttpServerResponse JsonReply::error(Status status, const QString& message)
{
    return object(QJsonObject{{QStringLiteral("error"), message}}, status);
}

QHttpServerResponse JsonReply::noContent()
{
    return QHttpServerResponse(Status::NoContent);
}

} // namespace ud::server
