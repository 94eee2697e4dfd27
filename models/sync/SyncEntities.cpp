#include "sync/SyncEntities.h"

#include "members/MemberValidator.h"
#include "organisations/OrganisationValidator.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace ud::sync {

namespace {

FieldSpec text(const char* field, const char* column)
{
    return {QString::fromLatin1(field), QString::fromLatin1(column), FieldKind::Text};
}

FieldSpec typed(const char* field, const char* column, FieldKind kind)
{
    return {QString::fromLatin1(field), QString::fromLatin1(column), kind};
}

QList<EntitySpec> buildEntities()
{
    EntitySpec organisation{
        QStringLiteral("organisation"),
        QStringLiteral("organisation"),
        {typed("parent", "parent_id", FieldKind::Reference), text("level", "level"), text("kind", "kind"),
         text("name", "name"), text("creditCode", "credit_code"), text("foundedOn", "founded_on"),
         text("address", "address"), text("contact", "contact"), text("industry", "industry"),
         typed("headcount", "headcount", FieldKind::Integer), text("status", "status"),
         text("legalPersonNumber", "legal_person_number"),
         text("legalPersonRegisteredOn", "legal_person_registered_on")},
        QString(),
        {QStringLiteral("parent")},
    };
    EntitySpec member{
        QStringLiteral("member"),
        QStringLiteral("member"),
        {text("organisation", "organisation_id"),
         text("name", "name"),
         text("gender", "gender"),
         text("ethnicity", "ethnicity"),
         text("idType", "id_type"),
         text("idNumber", "id_number"),
         text("birthDate", "birth_date"),
         text("mobile", "mobile"),
         text("education", "education"),
         text("politicalStatus", "political_status"),
         text("employer", "employer"),
         text("jobTitle", "job_title"),
         text("industry", "industry"),
         text("employmentForm", "employment_form"),
         text("household", "household"),
         text("joinDate", "join_date"),
         text("cardNumber", "card_number"),
         text("status", "status"),
         typed("verified", "verified", FieldKind::Boolean),
         text("verifiedMethod", "verified_method"),
         text("verifiedAt", "verified_at"),
         text("labourModelLevel", "labour_model_level"),
         typed("hardship", "hardship", FieldKind::Boolean),
         text("notes", "notes")},
        QStringLiteral("organisation"),
        {},
    };
    EntitySpec memberEvent{
        QStringLiteral("member_event"),
        QStringLiteral("member_event"),
        {text("member", "member_id"), text("kind", "kind"), text("occurredOn", "occurred_on"),
         text("fromStatus", "from_status"), text("toStatus", "to_status"), text("reason", "reason"),
         typed("details", "details", FieldKind::Json)},
        QStringLiteral("member"),
        {QStringLiteral("member")},
    };
    EntitySpec cadre{
        QStringLiteral("cadre"),
        QStringLiteral("cadre"),
        {typed("member", "member_id", FieldKind::Reference), text("organisation", "organisation_id"),
         text("name", "name"), text("position", "position"),
         typed("fullTime", "full_time", FieldKind::Boolean), text("termStart", "term_start"),
         text("termEnd", "term_end"), text("endedOn", "ended_on"), text("electedHow", "elected_how")},
        QStringLiteral("organisation"),
        {},
    };
    EntitySpec request{
        QStringLiteral("organisation_request"),
        QStringLiteral("organisation_request"),
        {text("kind", "kind"), text("organisation", "organisation_id"),
         text("submittedFrom", "submitted_from"), typed("proposed", "proposed", FieldKind::Json),
         text("state", "state"), text("reason", "reason"), text("decisionReason", "decision_reason"),
         text("createdOrganisation", "created_organisation_id"), text("submittedBy", "submitted_by"),
         text("submittedAt", "submitted_at"), text("decidedBy", "decided_by"),
         text("decidedAt", "decided_at")},
        QStringLiteral("submittedFrom"),
        {QStringLiteral("kind"), QStringLiteral("organisation"), QStringLiteral("submittedFrom")},
    };
    // A transfer lies under three organisations at once (the one a member leaves, the one holding
    // her meanwhile, the one taking her in); the server keeps all three paths and shows the record
    // to each. Who she is and where she is come from the server (server/API.md "Transfers").
    EntitySpec transfer{
        QStringLiteral("transfer"),
        QStringLiteral("transfer"),
        {text("kind", "kind"), text("member", "member_id"), text("idNumber", "id_number"),
         text("memberName", "member_name"), text("fromOrganisation", "from_organisation_id"),
         text("fromName", "from_name"), text("holdingOrganisation", "holding_organisation_id"),
         text("holdingName", "holding_name"), text("toOrganisation", "to_organisation_id"),
         text("toName", "to_name"), text("reason", "reason"), text("note", "note"), text("state", "state"),
         text("decisionReason", "decision_reason"), text("requestedAt", "requested_at"),
         text("requestedBy", "requested_by"), text("decidedAt", "decided_at"),
         text("decidedBy", "decided_by")},
        QStringLiteral("holdingOrganisation"),
        {QStringLiteral("kind"), QStringLiteral("member"), QStringLiteral("idNumber"),
         QStringLiteral("memberName"), QStringLiteral("fromOrganisation"), QStringLiteral("fromName"),
         QStringLiteral("holdingOrganisation"), QStringLiteral("holdingName"),
         QStringLiteral("toOrganisation"), QStringLiteral("toName"), QStringLiteral("reason"),
         QStringLiteral("requestedAt"), QStringLiteral("requestedBy")},
    };
    return {organisation, member, memberEvent, cadre, request, transfer};
}

} // namespace

const FieldSpec* EntitySpec::field(const QString& name) const
{
    for (const FieldSpec& f : fields) {
        if (f.field == name)
            return &f;
    }
    return nullptr;
}

const QList<EntitySpec>& entities()
{
    static const QList<EntitySpec> all = buildEntities();
    return all;
}

const EntitySpec* entity(const QString& name)
{
    for (const EntitySpec& e : entities()) {
        if (e.entity == name)
            return &e;
    }
    return nullptr;
}

QString entityLabel(const QString& entity)
{
    if (entity == QLatin1String("member"))
        return QCoreApplication::translate("ud::sync::SyncEntities", "Member");
    if (entity == QLatin1String("organisation"))
        return QCoreApplication::translate("ud::sync::SyncEntities", "Organisation");
    if (entity == QLatin1String("member_event"))
        return QCoreApplication::translate("ud::sync::SyncEntities", "Member history");
    if (entity == QLatin1String("cadre"))
        return QCoreApplication::translate("ud::sync::SyncEntities", "Cadre");
    if (entity == QLatin1String("organisation_request"))
        return QCoreApplication::translate("ud::sync::SyncEntities", "Organisation request");
    if (entity == QLatin1String("transfer"))
        return QCoreApplication::translate("ud::sync::SyncEntities", "Membership transfer");
    return entity;
}

QString fieldLabel(const QString& entity, const QString& field)
{
    QString label;
    if (entity == QLatin1String("member"))
        label = MemberValidator::fieldLabel(field);
    else if (entity == QLatin1String("organisation"))
        label = OrganisationValidator::fieldLabel(field);
    return label.isEmpty() ? field : label;
}

QVariant toColumn(const FieldSpec& spec, const QJsonValue& value, bool* ok)
{
    if (ok)
        *ok = true;
    const auto wrong = [ok]() {
        if (ok)
            *ok = false;
        return QVariant();
    };
    switch (spec.kind) {
    case FieldKind::Text:
        if (value.isNull() || value.isUndefined())
            return QString(QLatin1String(""));
        return value.isString() ? QVariant(value.toString()) : wrong();
    case FieldKind::Reference:
        if (value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty()))
            return QVariant();
        return value.isString() ? QVariant(value.toString()) : wrong();
    case FieldKind::Integer:
        if (value.isNull() || value.isUndefined())
            return qint64(0);
        return value.isDouble() ? QVariant(qint64(value.toDouble())) : wrong();
    case FieldKind::Boolean:
        if (value.isNull() || value.isUndefined())
            return 0;
        if (value.isBool())
            return value.toBool() ? 1 : 0;
        return value.isDouble() ? QVariant(value.toDouble() != 0 ? 1 : 0) : wrong();
    case FieldKind::Json:
        if (value.isNull() || value.isUndefined())
            return QStringLiteral("{}");
        return value.isObject() ? QVariant(QString::fromUtf8(
                                      QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)))
                                : wrong();
    }
    return wrong();
}

QJsonValue toWire(const FieldSpec& spec, const QVariant& value)
{
    switch (spec.kind) {
    case FieldKind::Text:
        return value.isNull() ? QString() : value.toString();
    case FieldKind::Reference:
        return value.isNull() || value.toString().isEmpty() ? QJsonValue() : QJsonValue(value.toString());
    case FieldKind::Integer:
        return value.toLongLong();
    case FieldKind::Boolean:
        return value.toLongLong() != 0;
    case FieldKind::Json:
        return QJsonDocument::fromJson(value.toString().toUtf8()).object();
    }
    return QJsonValue();
}

} // namespace ud::sync
