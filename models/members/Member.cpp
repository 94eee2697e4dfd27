#include "members/Member.h"

#include "util/JsonObjectWriter.h"

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
    return QJsonObject{
        {QStringLiteral("organisation"), organisationId},
        {QStringLiteral("name"), name},
        {QStringLiteral("gender"), gender},
        {QStringLiteral("ethnicity"), ethnicity},
        {QStringLiteral("idType"), idType},
        {QStringLiteral("idNumber"), idNumber},
        {QStringLiteral("birthDate"), birthDate},
        {QStringLiteral("mobile"), mobile},
        {QStringLiteral("education"), education},
        {QStringLiteral("politicalStatus"), politicalStatus},
        {QStringLiteral("employer"), employer},
        {QStringLiteral("jobTitle"), jobTitle},
        {QStringLiteral("industry"), industry},
        {QStringLiteral("employmentForm"), employmentForm},
        {QStringLiteral("household"), household},
        {QStringLiteral("joinDate"), joinDate},
        {QStringLiteral("cardNumber"), cardNumber},
        {QStringLiteral("status"), status},
        {QStringLiteral("verified"), verified},
        {QStringLiteral("verifiedMethod"), verifiedMethod},
        {QStringLiteral("verifiedAt"), verifiedAt},
        {QStringLiteral("labourModelLevel"), labourModelLevel},
        {QStringLiteral("hardship"), hardship},
        {QStringLiteral("notes"), notes},
    };
}

QByteArray Member::fieldsJson() const
{
    JsonObjectWriter json;
    for (const MemberColumn& c : memberColumns()) {
        if (c.text)
            json.add(QLatin1StringView(c.field), QStringView(this->*c.text));
        else
            json.add(QLatin1StringView(c.field), this->*c.flag);
    }
    return json.take();
}

Member Member::fromFields(const QString& id, const QJsonObject& f)
{
    Member m;
    m.id = id;
    auto text = [&f](const char* key, const QString& fallback = QString()) {
        const QJsonValue v = f.value(QLatin1String(key));
        return v.isString() ? v.toString() : fallback;
    };
    m.organisationId = text("organisation");
    m.name = text("name");
    m.gender = text("gender");
    m.ethnicity = text("ethnicity");
    m.idType = text("idType", m.idType);
    m.idNumber = text("idNumber");
    m.birthDate = text("birthDate");
    m.mobile = text("mobile");
    m.education = text("education");
    m.politicalStatus = text("politicalStatus");
    m.employer = text("employer");
    m.jobTitle = text("jobTitle");
    m.industry = text("industry");
    m.employmentForm = text("employmentForm");
    m.household = text("household");
    m.joinDate = text("joinDate");
    m.cardNumber = text("cardNumber");
    m.status = text("status", m.status);
    m.verified = f.value(QLatin1String("verified")).toBool();
    m.verifiedMethod = text("verifiedMethod");
    m.verifiedAt = text("verifiedAt");
    m.labourModelLevel = text("labourModelLevel");
    m.hardship = f.value(QLatin1String("hardship")).toBool();
    m.notes = text("notes");
    return m;
}

Member Member::fromRecord(const QSqlRecord& r)
{
    auto text = [&r](const char* column) {
        return r.value(QLatin1String(column)).toString();
    };
    Member m;
    m.id = text("id");
    m.organisationId = text("organisation_id");
    m.name = text("name");
    m.gender = text("gender");
    m.ethnicity = text("ethnicity");
    m.idType = text("id_type");
    m.idNumber = text("id_number");
    m.birthDate = text("birth_date");
    m.mobile = text("mobile");
    m.education = text("education");
    m.politicalStatus = text("political_status");
    m.employer = text("employer");
    m.jobTitle = text("job_title");
    m.industry = text("industry");
    m.employmentForm = text("employment_form");
    m.household = text("household");
    m.joinDate = text("join_date");
    m.cardNumber = text("card_number");
    m.status = text("status");
    m.verified = r.value(QStringLiteral("verified")).toBool();
    m.verifiedMethod = text("verified_method");
    m.verifiedAt = text("verified_at");
    m.labourModelLevel = text("labour_model_level");
    m.hardship = r.value(QStringLiteral("hardship")).toBool();
    m.notes = text("notes");
    m.version = r.value(QStringLiteral("version")).toLongLong();
    m.updatedAt = text("updated_at");
    m.updatedBy = text("updated_by");
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
