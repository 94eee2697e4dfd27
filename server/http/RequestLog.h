#pragma once

#include <QByteArray>
#include <QString>

namespace ud::server {

// One JSON line per request on stderr, for log collectors: when, what, how it ended and who asked.
// It never holds personal data: no query string, no body, no token, no name or ID number; the
// account appears only as its id, and a path no route knows only as "(unknown)".
class RequestLog
{
public:
    struct Entry
    {
        QString method;
        QString path;
        int status = 0;
        qint64 durationMs = 0;
        QString accountId; // empty when the request had no valid session
    };

    static QByteArray line(const Entry& entry);
    static void write(const Entry& entry);
};

} // namespace ud::server
