#include "organisations/Organisation.h"

#include <QVariant>

namespace ud {

QJsonObject Organisation::toFields() const
{
    return QJsonObject{
        {QStringLiteral("parent"), parentId.isEmpty() ? QJsonValue() : QJsonValue(parentId)},
        {QStringLiteral("level"), level},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("name"), name},
        {QStringLiteral("creditCode"), creditCode},
        {QStringLiteral("foundedOn"), foundedOn},
        {QStringLiteral("address"), address},
        {QStringLiteral("contact"), contact},
        {QStringLiteral("industry"), industry},
        {QStringLiteral("headcount"), headcount},
        {QStringLiteral("status"), status},
    };
}

Organisation Organisation::fromRecord(const QSqlRecord& r)
{
    auto text = [&r](const char* column) { return r.value(QLatin1String(column)).toString(); };
    Organisation o;
    o.id = text("id");
    o.parentId = text("parent_id");
    o.path = text("path");
    o.level = text("level");
    o.kind = text("kind");
    o.name = text("name");
    o.creditCode = text("credit_code");
    o.foundedOn = text("founded_on");
    o.address = text("address");
    o.contact = text("contact");
    o.industry = text("industry");
    o.headcount = r.value(QStringLiteral("headcount")).toInt();
    o.status = text("status");
    o.version = r.value(QStringLiteral("version")).toLongLong();
    o.updatedAt = text("updated_at");
    o.updatedBy = text("updated_by");
    o.deleted = r.value(QStringLiteral("deleted")).toBool();
    return o;
}

} // namespace ud
