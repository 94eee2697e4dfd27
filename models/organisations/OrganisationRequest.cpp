#include "organisations/OrganisationRequest.h"

#include <QJsonDocument>
#include <QVariant>

namespace ud {

QJsonObject OrganisationRequest::toFields() const
{
    return QJsonObject{
        {QStringLiteral("kind"), kind},
        {QStringLiteral("organisation"), organisationId},
        {QStringLiteral("submittedFrom"), submittedFrom},
        {QStringLiteral("proposed"), proposed},
        {QStringLiteral("state"), state},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("decisionReason"), decisionReason},
        {QStringLiteral("createdOrganisation"), createdOrganisationId},
        {QStringLiteral("submittedBy"), submittedBy},
        {QStringLiteral("submittedAt"), submittedAt},
        {QStringLiteral("decidedBy"), decidedBy},
        {QStringLiteral("decidedAt"), decidedAt},
    };
}

QJsonObject OrganisationRequest::toJson() const
{
    QJsonObject json = toFields();
    json.insert(QStringLiteral("id"), id);
    return json;
}

OrganisationRequest OrganisationRequest::fromRecord(const QSqlRecord& r)
{
    auto text = [&r](const char* column) {
        return r.value(QLatin1String(column)).toString();
    };
    OrganisationRequest o;
    o.id = text("id");
    o.kind = text("kind");
    o.organisationId = text("organisation_id");
    o.submittedFrom = text("submitted_from");
    o.proposed = QJsonDocument::fromJson(text("proposed").toUtf8()).object();
    o.state = text("state");
    o.reason = text("reason");
    o.decisionReason = text("decision_reason");
    o.createdOrganisationId = text("created_organisation_id");
    o.submittedBy = text("submitted_by");
    o.submittedAt = text("submitted_at");
    o.decidedBy = text("decided_by");
    o.decidedAt = text("decided_at");
    o.version = r.value(QStringLiteral("version")).toLongLong();
    o.updatedAt = text("updated_at");
    o.updatedBy = text("updated_by");
    o.deleted = r.value(QStringLiteral("deleted")).toBool();
    return o;
}

} // namespace ud
