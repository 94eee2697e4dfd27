#pragma once

#include <QJsonObject>
#include <QString>

namespace ud::sync {
struct EntitySpec;
}

namespace ud::server {

// One pushed operation, parsed ({"opId", "entity", "id", "baseVersion", "fields", "delete"}).
struct PushedOperation
{
    QString opId;
    const sync::EntitySpec* spec = nullptr;
    QString id;
    qint64 baseVersion = 0;
    QJsonObject fields;
    bool isDelete = false;
};

// What an operation came to, before it is written down as a result.
struct PushAnswer
{
    QString status; // applied, conflict, rejected (duplicate is answered from applied_op)
    qint64 version = 0;
    QJsonObject conflicts;
    QString reason;

    static PushAnswer rejected(const QString& why)
    {
        PushAnswer answer;
        answer.status = QStringLiteral("rejected");
        answer.reason = why;
        return answer;
    }
    static PushAnswer applied(qint64 version)
    {
        PushAnswer answer;
        answer.status = QStringLiteral("applied");
        answer.version = version;
        return answer;
    }
    bool isRejected() const { return status == QLatin1String("rejected"); }
};

} // namespace ud::server
