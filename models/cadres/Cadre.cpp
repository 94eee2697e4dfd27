#include "cadres/Cadre.h"

#include <QVariant>

namespace ud {

QJsonObject Cadre::toFields() const
{
    return QJsonObject{
        {QStringLiteral("member"), memberId.isEmpty() ? QJsonValue() : QJsonValue(memberId)},
        {QStringLiteral("organisation"), organisationId},
        {QStringLiteral("name"), name},
        {QStringLiteral("position"), position},
        {QStringLiteral("fullTime"), fullTime},
        {QStringLiteral("termStart"), termStart},
        {QStringLiteral("termEnd"), termEnd},
        {QStringLiteral("endedOn"), endedOn},
        {QStringLiteral("electedHow"), electedHow},
    };
}

QJsonObject Cadre::toJson() const
{
    QJsonObject json = toFields();
    json.insert(QStringLiteral("id"), id);
    json.insert(QStringLiteral("organisationName"), organisationName);
    return json;
}

Cadre Cadre::fromRecord(const QSqlRecord& r)
{
    auto text = [&r](const char* column) {
        return r.value(QLatin1String(column)).toString();
    };
    Cadre c;
    c.id = text("id");
    c.memberId = text("member_id");
    c.organisationId = text("organisation_id");
    c.name = text("name");
    c.position = text("position");
    c.fullTime = r.value(QStringLiteral("full_time")).toBool();
    c.termStart = text("term_start");
    c.termEnd = text("term_end");
    c.endedOn = text("ended_on");
    c.electedHow = text("elected_how");
    c.version = r.value(QStringLiteral("version")).toLongLong();
    c.updatedAt = text("updated_at");
    c.updatedBy = text("updated_by");
    c.deleted = r.value(QStringLiteral("deleted")).toBool();
    if (r.contains(QStringLiteral("organisation_name")))
        c.organisationName = text("organisation_name");
    return c;
}

} // namespace ud
