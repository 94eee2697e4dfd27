#include "members/MemberEvent.h"

#include <QJsonDocument>
#include <QVariant>

namespace ud {

QJsonObject MemberEvent::toFields() const
{
    return QJsonObject{
        {QStringLiteral("member"), memberId},       {QStringLiteral("kind"), kind},
        {QStringLiteral("occurredOn"), occurredOn}, {QStringLiteral("fromStatus"), fromStatus},
        {QStringLiteral("toStatus"), toStatus},     {QStringLiteral("reason"), reason},
        {QStringLiteral("details"), details},
    };
}

MemberEvent MemberEvent::fromRecord(const QSqlRecord& r)
{
    auto text = [&r](const char* column) {
        return r.value(QLatin1String(column)).toString();
    };
    MemberEvent e;
    e.id = text("id");
    e.memberId = text("member_id");
    e.kind = text("kind");
    e.occurredOn = text("occurred_on");
    e.fromStatus = text("from_status");
    e.toStatus = text("to_status");
    e.reason = text("reason");
    e.details = QJsonDocument::fromJson(text("details").toUtf8()).object();
    e.version = r.value(QStringLiteral("version")).toLongLong();
    e.updatedAt = text("updated_at");
    e.updatedBy = text("updated_by");
    e.deleted = r.value(QStringLiteral("deleted")).toBool();
    return e;
}

} // namespace ud
