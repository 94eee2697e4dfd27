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
        {QStringLiteral("legalPersonNumber"), legalPersonNumber},
        {QStringLiteral("legalPersonRegisteredOn"), legalPersonRegisteredOn},
    };
}

QStringList Organisation::editableFields()
{
    return {QStringLiteral("name"),
            QStringLiteral("level"),
            QStringLiteral("kind"),
            QStringLiteral("creditCode"),
            QStringLiteral("foundedOn"),
            QStringLiteral("address"),
            QStringLiteral("contact"),
            QStringLiteral("industry"),
            QStringLiteral("headcount"),
            QStringLiteral("legalPersonNumber"),
            QStringLiteral("legalPersonRegisteredOn")};
}

void Organisation::applyFields(const QJsonObject& fields)
{
    auto text = [&fields](const char* field, QString& target) {
        const QString key = QLatin1String(field);
        if (fields.contains(key))
            target = fields.value(key).toString();
    };
    text("name", name);
    text("level", level);
    text("kind", kind);
    text("creditCode", creditCode);
    text("foundedOn", foundedOn);
    text("address", address);
    text("contact", contact);
    text("industry", industry);
    text("legalPersonNumber", legalPersonNumber);
    text("legalPersonRegisteredOn", legalPersonRegisteredOn);
    if (fields.contains(QLatin1String("headcount")))
        headcount = fields.value(QLatin1String("headcount")).toInt();
}

QStringList Organisation::changedFields(const Organisation& before, const Organisation& after)
{
    const QJsonObject a = before.toFields();
    const QJsonObject b = after.toFields();
    QStringList out;
    for (auto it = a.constBegin(); it != a.constEnd(); ++it) {
        if (b.value(it.key()) != it.value())
            out.append(it.key());
    }
    return out;
}

Organisation Organisation::fromRecord(const QSqlRecord& r)
{
    auto text = [&r](const char* column) {
        return r.value(QLatin1String(column)).toString();
    };
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
    o.legalPersonNumber = text("legal_person_number");
    o.legalPersonRegisteredOn = text("legal_person_registered_on");
    o.version = r.value(QStringLiteral("version")).toLongLong();
    o.updatedAt = text("updated_at");
    o.updatedBy = text("updated_by");
    o.deleted = r.value(QStringLiteral("deleted")).toBool();
    return o;
}

} // namespace ud
