#include "members/Member.h"

#include <QJsonValue>
#include <QVariant>

namespace ud {

const std::vector<MemberColumn>& memberColumns()
{
    static const std::vector<MemberColumn> columns = {
        {"organisation", "organisation_id", &Member::organisationId},
        {"name", "name", &Member::name},
        {"gender", "gender", &Member::gender},
        {"ethnicity", "ethnicity", &Member::ethnicity},
        {"idType", "id_type", &Member::idType},
        {"idNumber", "id_number", &Member::idNumber},
        {"birthDate", "birth_date", &Member::birthDate},
        {"mobile", "mobile", &Member::mobile},
        {"education", "education", &Member::education},
        {"politicalStatus", "political_status", &Member::politicalStatus},
        {"employer", "employer", &Member::employer},
        {"jobTitle", "job_title", &Member::jobTitle},
        {"industry", "industry", &Member::industry},
        {"employmentForm", "employment_form", &Member::employmentForm},
        {"household", "household", &Member::household},
        {"joinDate", "join_date", &Member::joinDate},
        {"cardNumber", "card_number", &Member::cardNumber},
        {"status", "status", &Member::status},
        {"verified", "verified", nullptr, &Member::verified},
        {"verifiedMethod", "verified_method", &Member::verifiedMethod},
        {"verifiedAt", "verified_at", &Member::verifiedAt},
        {"labourModelLevel", "labour_model_level", &Member::labourModelLevel},
        {"hardship", "hardship", nullptr, &Member::hardship},
        {"notes", "notes", &Member::notes},
    };
    return columns;
}

QJsonObject Member::toFields() const
{
    QJsonObject fields;
    for (const MemberColumn& c : memberColumns()) {
        const QString key = QLatin1String(c.field);
        if (c.text)
            fields.insert(key, this->*c.text);
        else
            fields.insert(key, this->*c.flag);
    }
    return fields;
}

Member Member::fromFields(const QString& id, const QJsonObject& f)
{
    Member m;
    m.id = id;
    for (const MemberColumn& c : memberColumns()) {
        const QJsonValue v = f.value(QLatin1String(c.field));
        if (c.flag)
            m.*c.flag = v.toBool();
        else if (v.isString()) // a missing field keeps its default (idType resident, status active)
            m.*c.text = v.toString();
    }
    return m;
}

Member Member::fromRecord(const QSqlRecord& r)
{
    Member m;
    m.id = r.value(QStringLiteral("id")).toString();
    for (const MemberColumn& c : memberColumns()) {
        const QVariant v = r.value(QLatin1String(c.column));
        if (c.flag)
            m.*c.flag = v.toBool();
        else
            m.*c.text = v.toString();
    }
    m.version = r.value(QStringLiteral("version")).toLongLong();
    m.updatedAt = r.value(QStringLiteral("updated_at")).toString();
    m.updatedBy = r.value(QStringLiteral("updated_by")).toString();
    m.deleted = r.value(QStringLiteral("deleted")).toBool();
    return m;
}

QStringList Member::changedFields(const Member& before, const Member& after)
{
    const QJsonObject a = before.toFields();
    const QJsonObject b = after.toFields();
    QStringList changed;
    for (auto it = b.constBegin(); it != b.constEnd(); ++it) {
        if (a.value(it.key()) != it.value())
            changed.append(it.key());
    }
    return changed;
}

} // namespace ud
