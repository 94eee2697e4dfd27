#include "transfers/Transfer.h"

#include "members/Member.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QVariant>

#include <algorithm>

namespace ud {

bool Transfer::isOpen() const
{
    return state == Hung || state == Requested;
}

QString Transfer::shortCode() const
{
    return id.left(8).toUpper();
}

QDate Transfer::requestedOn() const
{
    const QDateTime at = QDateTime::fromString(requestedAt, Qt::ISODate);
    if (at.isValid())
        return at.toLocalTime().date();
    return QDate::fromString(requestedAt.left(10), Qt::ISODate);
}

int Transfer::monthsSinceRequested(const QDate& today) const
{
    const QDate on = requestedOn();
    if (!on.isValid() || !today.isValid() || today <= on)
        return 0;
    int months = (today.year() - on.year()) * 12 + today.month() - on.month();
    // A month is complete on the same day of the month (or the month's last day, for the 31st).
    if (on.addMonths(months) > today)
        --months;
    return std::max(months, 0);
}

QString Transfer::letterNumber() const
{
    const QDate on = requestedOn();
    const QString year = on.isValid() ? QString::number(on.year()) : requestedAt.left(4);
    return QStringLiteral("工转字〔%1〕第%2号").arg(year, shortCode());
}

QJsonObject Transfer::toFields() const
{
    return QJsonObject{
        {QStringLiteral("kind"), kind},
        {QStringLiteral("member"), memberId},
        {QStringLiteral("idNumber"), idNumber},
        {QStringLiteral("memberName"), memberName},
        {QStringLiteral("fromOrganisation"), fromOrganisationId},
        {QStringLiteral("fromName"), fromName},
        {QStringLiteral("holdingOrganisation"), holdingOrganisationId},
        {QStringLiteral("holdingName"), holdingName},
        {QStringLiteral("toOrganisation"), toOrganisationId},
        {QStringLiteral("toName"), toName},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("note"), note},
        {QStringLiteral("state"), state},
        {QStringLiteral("decisionReason"), decisionReason},
        {QStringLiteral("requestedAt"), requestedAt},
        {QStringLiteral("requestedBy"), requestedBy},
        {QStringLiteral("decidedAt"), decidedAt},
        {QStringLiteral("decidedBy"), decidedBy},
    };
}

QJsonObject Transfer::creationFields() const
{
    // The holding organisation, the masked name and (for a request) the member and where she is
    // are the server's to fill: a client may not even hold them, and they lie outside its scope.
    QJsonObject fields{
        {QStringLiteral("kind"), kind},
        {QStringLiteral("idNumber"), idNumber},
        {QStringLiteral("toOrganisation"), toOrganisationId},
        {QStringLiteral("toName"), toName},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("note"), note},
        {QStringLiteral("state"), state},
        {QStringLiteral("requestedAt"), requestedAt},
        {QStringLiteral("requestedBy"), requestedBy},
    };
    if (kind != KindRequest) {
        fields.insert(QStringLiteral("member"), memberId);
        fields.insert(QStringLiteral("fromOrganisation"), fromOrganisationId);
        fields.insert(QStringLiteral("fromName"), fromName);
    }
    return fields;
}

QStringList Transfer::changedFields(const Transfer& before, const Transfer& after)
{
    const QJsonObject was = before.toFields();
    const QJsonObject now = after.toFields();
    QStringList changed;
    for (auto it = now.constBegin(); it != now.constEnd(); ++it) {
        if (was.value(it.key()) != it.value())
            changed.append(it.key());
    }
    return changed;
}

Transfer Transfer::fromRecord(const QSqlRecord& r)
{
    auto text = [&r](const char* column) {
        return r.value(QLatin1String(column)).toString();
    };
    Transfer t;
    t.id = text("id");
    t.kind = text("kind");
    t.memberId = text("member_id");
    t.idNumber = text("id_number");
    t.memberName = text("member_name");
    t.fromOrganisationId = text("from_organisation_id");
    t.fromName = text("from_name");
    t.holdingOrganisationId = text("holding_organisation_id");
    t.holdingName = text("holding_name");
    t.toOrganisationId = text("to_organisation_id");
    t.toName = text("to_name");
    t.reason = text("reason");
    t.note = text("note");
    t.state = text("state");
    t.decisionReason = text("decision_reason");
    t.requestedAt = text("requested_at");
    t.requestedBy = text("requested_by");
    t.decidedAt = text("decided_at");
    t.decidedBy = text("decided_by");
    t.memberSnapshot = QJsonDocument::fromJson(text("member_snapshot").toUtf8()).object();
    t.version = r.value(QStringLiteral("version")).toLongLong();
    t.updatedAt = text("updated_at");
    t.updatedBy = text("updated_by");
    t.deleted = r.value(QStringLiteral("deleted")).toBool();
    return t;
}

QJsonObject Transfer::snapshotOf(const Member& m, const QString& organisationName)
{
    return QJsonObject{
        {QStringLiteral("name"), m.name},
        {QStringLiteral("gender"), m.gender},
        {QStringLiteral("birthDate"), m.birthDate},
        {QStringLiteral("idNumber"), m.idNumber},
        {QStringLiteral("ethnicity"), m.ethnicity},
        {QStringLiteral("politicalStatus"), m.politicalStatus},
        {QStringLiteral("joinDate"), m.joinDate},
        {QStringLiteral("employer"), m.employer},
        {QStringLiteral("jobTitle"), m.jobTitle},
        {QStringLiteral("cardNumber"), m.cardNumber},
        {QStringLiteral("organisation"), organisationName},
        {QStringLiteral("status"), m.status},
    };
}

} // namespace ud
