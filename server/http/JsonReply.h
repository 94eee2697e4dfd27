#pragma once

#include <QHttpServerResponse>
#include <QJsonObject>
#include <QString>

namespace ud::server {

// The answers of the API: JSON bodies in UTF-8, errors always as {"error": "…"}.
class JsonReply
{
public:
    using Status = QHttpServerResponse::StatusCode;

    static QHttpServerResponse object(const QJsonObject& body, Status status = Status::Ok);
    static QHttpServerResponse error(Status status, const QString& message);
    static QHttpServerResponse noContent();
};

} // namespace ud::server
