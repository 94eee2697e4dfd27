#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace ud::server {

// What the handlers read of a request, copied on the event loop's thread before the work moves to
// a worker thread: QHttpServerRequest belongs to its connection, which reads the next request into
// it (or is deleted, when the client goes) once the route handler has returned.
struct ApiRequest
{
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress remoteAddress;

    static ApiRequest copyOf(const QHttpServerRequest& request);

    // The first header called `name` (any case), or an empty one.
    QByteArray header(const QByteArray& name) const;
    // The token of "Authorization: Bearer TOKEN" (the scheme in any case), or an empty one.
    QString bearerToken() const;
};

} // namespace ud::server
