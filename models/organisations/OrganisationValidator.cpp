#include "organisations/OrganisationValidator.h"

#include "domain/CodeList.h"
#include "domain/CreditCode.h"

#include <QDate>

namespace ud {

namespace {

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

// '' (unknown) or a real YYYY-MM-DD date.
bool isDateOrEmpty(const QString& text)
{
    return text.isEmpty() || QDate::fromString(text, Qt::ISODate).isValid();
}

} // namespace

bool OrganisationValidator::normaliseAndCheck(Organisation& org, QString* error)
{
    org.name = org.name.trimmed();
    if (org.name.isEmpty())
        return fail(error, tr("Organisation name: it must not be empty."));
    const QString level = codes::organisationLevel().keyFor(org.level);
    if (level.isEmpty())
        return fail(error, tr("Organisation level: \"%1\" is not a known level (%2).")
                               .arg(org.level, codes::organisationLevel().labels().join(tr(", "))));
    org.level = level;
    if (!org.kind.trimmed().isEmpty()) {
        const QString kind = codes::organisationKind().keyFor(org.kind);
        if (kind.isEmpty())
            return fail(error, tr("Organisation kind: \"%1\" is not a known kind (%2).")
                                   .arg(org.kind, codes::organisationKind().labels().join(tr(", "))));
        org.kind = kind;
    } else {
        org.kind.clear();
    }
    if (!org.creditCode.trimmed().isEmpty()) {
        const CreditCode code = CreditCode::parse(org.creditCode);
        if (!code.isValid())
            return fail(error, code.errorMessage());
        org.creditCode = code.value();
    } else {
        org.creditCode.clear();
    }
    org.foundedOn = org.foundedOn.trimmed();
    if (!isDateOrEmpty(org.foundedOn))
        return fail(error, tr("Date founded: \"%1\" is not a date (YYYY-MM-DD).").arg(org.foundedOn));
    org.legalPersonNumber = org.legalPersonNumber.trimmed();
    org.legalPersonRegisteredOn = org.legalPersonRegisteredOn.trimmed();
    if (!isDateOrEmpty(org.legalPersonRegisteredOn))
        return fail(error, tr("Legal-person registration date: \"%1\" is not a date (YYYY-MM-DD).")
                               .arg(org.legalPersonRegisteredOn));
    if (org.headcount < 0)
        return fail(error, tr("Headcount: it must not be negative."));
    if (!codes::organisationStatus().contains(org.status))
        return fail(error, tr("Organisation status: \"%1\" is not a known status.").arg(org.status));
    org.address = org.address.trimmed();
    org.contact = org.contact.trimmed();
    org.industry = org.industry.trimmed();
    return true;
}

QString OrganisationValidator::fieldLabel(const QString& field)
{
    static const struct
    {
        const char* field;
        const char* label;
    } labels[] = {
        {"name", QT_TR_NOOP("Organisation name")},
        {"level", QT_TR_NOOP("Organisation level")},
        {"kind", QT_TR_NOOP("Organisation kind")},
        {"creditCode", QT_TR_NOOP("Unified social credit code")},
        {"foundedOn", QT_TR_NOOP("Date founded")},
        {"address", QT_TR_NOOP("Address")},
        {"contact", QT_TR_NOOP("Contact")},
        {"industry", QT_TR_NOOP("Industry")},
        {"headcount", QT_TR_NOOP("Headcount")},
        {"status", QT_TR_NOOP("Organisation status")},
        {"legalPersonNumber", QT_TR_NOOP("Legal-person certificate number")},
        {"legalPersonRegisteredOn", QT_TR_NOOP("Legal-person registration date")},
    };
    for (const auto& l : labels) {
        if (field == QLatin1String(l.field))
            return tr(l.label);
    }
    return field;
}

QString OrganisationValidator::displayValue(const QString& field, const QJsonValue& value)
{
    if (field == QLatin1String("headcount"))
        return QString::number(value.toInt());
    const QString text = value.toString();
    if (field == QLatin1String("level"))
        return codes::organisationLevel().label(text);
    if (field == QLatin1String("kind"))
        return codes::organisationKind().label(text);
    if (field == QLatin1String("status"))
        return codes::organisationStatus().label(text);
    return text;
}

} // namespace ud
