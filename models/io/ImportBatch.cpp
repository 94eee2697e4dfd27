#include "io/ImportBatch.h"

#include <QVariant>

namespace ud {

QJsonObject ImportBatch::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("organisation"), organisationName.isEmpty() ? organisationId : organisationName},
        {QStringLiteral("file"), fileName},
        {QStringLiteral("sheet"), sheetName},
        {QStringLiteral("importedAt"), importedAt},
        {QStringLiteral("importedBy"), importedBy},
        {QStringLiteral("members"), memberCount},
        {QStringLiteral("rejected"), rejectedCount},
        {QStringLiteral("undoneAt"), undoneAt},
    };
}

ImportBatch ImportBatch::fromRecord(const QSqlRecord& r)
{
    auto text = [&r](const char* column) {
        return r.value(QLatin1String(column)).toString();
    };
    ImportBatch b;
    b.id = text("id");
    b.organisationId = text("organisation_id");
    b.fileName = text("file_name");
    b.sheetName = text("sheet_name");
    b.importedAt = text("imported_at");
    b.importedBy = text("imported_by");
    b.memberCount = r.value(QStringLiteral("member_count")).toInt();
    b.rejectedCount = r.value(QStringLiteral("rejected_count")).toInt();
    b.undoneAt = text("undone_at");
    b.undoneBy = text("undone_by");
    if (r.contains(QStringLiteral("organisation_name")))
        b.organisationName = text("organisation_name");
    return b;
}

} // namespace ud
