#include "sync/SyncMessages.h"

#include <QJsonArray>

namespace ud::sync {

namespace {
QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

// Versions and cursors are numbers in the API; a server may also send a cursor as a string.
QString cursorText(const QJsonValue& v)
{
    if (v.isDouble())
        return QString::number(qint64(v.toDouble()));
    return v.toString();
}
} // namespace

Session Session::fromJson(const QJsonObject& answer)
{
    Session s;
    s.token = str(answer, "token");
    s.expiresAt = str(answer, "expiresAt");
    const QJsonObject account = answer.value(QLatin1String("account")).toObject();
    s.account.login = str(account, "login");
    // "organisation" is the id in DESIGN.md; a server that puts the name there sends the id as
    // "organisationId", which then wins.
    const QJsonValue organisation = account.value(QLatin1String("organisation"));
    s.account.organisation = str(account, "organisationId");
    if (s.account.organisation.isEmpty())
        s.account.organisation =
            organisation.isObject() ? str(organisation.toObject(), "id") : organisation.toString();
    if (!str(account, "organisationId").isEmpty() && organisation.isString())
        s.account.organisationName = organisation.toString();
    s.account.organisationPath = str(account, "organisationPath");
    s.account.role = str(account, "role");
    return s;
}

PushResult PushResult::fromJson(const QJsonObject& result)
{
    PushResult r;
    r.opId = str(result, "opId");
    r.status = str(result, "status");
    r.version = qint64(result.value(QLatin1String("version")).toDouble());
    r.conflicts = result.value(QLatin1String("conflicts")).toObject();
    r.reason = str(result, "reason");
    return r;
}

bool PullPage::fromJson(const QJsonObject& answer, PullPage* page, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (!answer.value(QLatin1String("changes")).isArray())
        return fail(QStringLiteral("no \"changes\" array"));
    const QJsonValue cursor = answer.value(QLatin1String("cursor"));
    if (!cursor.isDouble() && !cursor.isString())
        return fail(QStringLiteral("no \"cursor\""));
    page->cursor = cursorText(cursor);
    page->more = answer.value(QLatin1String("more")).toBool();
    page->changes.clear();
    const QJsonArray changes = answer.value(QLatin1String("changes")).toArray();
    page->changes.reserve(changes.size());
    for (const QJsonValue& v : changes) {
        const QJsonObject o = v.toObject();
        RemoteChange c;
        c.entity = str(o, "entity");
        c.id = str(o, "id");
        if (c.entity.isEmpty() || c.id.isEmpty())
            return fail(QStringLiteral("a change without \"entity\" or \"id\""));
        c.version = qint64(o.value(QLatin1String("version")).toDouble());
        c.deleted = o.value(QLatin1String("deleted")).toBool();
        c.gone = o.value(QLatin1String("gone")).toBool();
        c.updatedAt = str(o, "updatedAt");
        c.updatedBy = str(o, "updatedBy");
        c.fields = o.value(QLatin1String("fields")).toObject();
        page->changes.append(c);
    }
    return true;
}

QJsonObject operationToJson(const OutboxOperation& op)
{
    return QJsonObject{{QStringLiteral("opId"), op.opId},     {QStringLiteral("entity"), op.entity},
                       {QStringLiteral("id"), op.recordId},   {QStringLiteral("baseVersion"), op.baseVersion},
                       {QStringLiteral("fields"), op.fields}, {QStringLiteral("delete"), op.isDelete}};
}

QJsonObject pushRequest(const QString& clientId, const QList<OutboxOperation>& operations)
{
    QJsonArray ops;
    for (const OutboxOperation& op : operations)
        ops.append(operationToJson(op));
    return QJsonObject{{QStringLiteral("clientId"), clientId}, {QStringLiteral("operations"), ops}};
}

} // namespace ud::sync
