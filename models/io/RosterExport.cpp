#include "io/RosterExport.h"

#include "audit/AuditLog.h"
#include "domain/CodeList.h"
#include "domain/IdNumber.h"
#include "domain/MobileNumber.h"
#include "io/XlsxWriter.h"
#include "members/Member.h"
#include "members/MemberValidator.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "store/Sql.h"
#include "util/Clock.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlQuery>
#include <QSqlRecord>

namespace ud {

namespace {

const CodeList* codeListOf(const QString& field)
{
    if (field == QLatin1String("gender"))
        return &codes::gender();
    if (field == QLatin1String("idType"))
        return &codes::idType();
    if (field == QLatin1String("education"))
        return &codes::education();
    if (field == QLatin1String("politicalStatus"))
        return &codes::politicalStatus();
    if (field == QLatin1String("employmentForm"))
        return &codes::employmentForm();
    if (field == QLatin1String("household"))
        return &codes::household();
    if (field == QLatin1String("status"))
        return &codes::memberStatus();
    return nullptr;
}

bool isDate(const QString& field)
{
    return field == QLatin1String("birthDate") || field == QLatin1String("joinDate");
}

QString headerOf(const QString& field)
{
    return field == QLatin1String("organisation") ? RosterExport::tr("Organisation")
                                                  : MemberValidator::fieldLabel(field);
}

// One member's value for a column, as the clerk reads it.
QString valueOf(const QJsonObject& fields, const QString& organisationName, const QString& field,
                bool unmasked)
{
    if (field == QLatin1String("organisation"))
        return organisationName;
    const QString value = fields.value(field).toString();
    if (const CodeList* list = codeListOf(field))
        return value.isEmpty() ? QString() : list->label(value);
    if (!unmasked && field == QLatin1String("idNumber"))
        return IdNumber::masked(value);
    if (!unmasked && field == QLatin1String("mobile"))
        return MobileNumber::masked(value);
    return value;
}

QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// A long run of digits that Excel would turn into a number when it opens a CSV.
bool needsTextGuard(const QString& text)
{
    if (text.size() < 12)
        return false;
    int digits = 0;
    for (const QChar c : text)
        digits += c.isDigit() ? 1 : 0;
    return digits >= 12;
}

} // namespace

QStringList RosterExport::columns()
{
    return {
        QStringLiteral("name"),           QStringLiteral("gender"),      QStringLiteral("ethnicity"),
        QStringLiteral("idType"),         QStringLiteral("idNumber"),    QStringLiteral("birthDate"),
        QStringLiteral("mobile"),         QStringLiteral("education"),   QStringLiteral("politicalStatus"),
        QStringLiteral("employer"),       QStringLiteral("jobTitle"),    QStringLiteral("industry"),
        QStringLiteral("employmentForm"), QStringLiteral("household"),   QStringLiteral("joinDate"),
        QStringLiteral("cardNumber"),     QStringLiteral("status"),      QStringLiteral("labourModelLevel"),
        QStringLiteral("notes"),          QStringLiteral("organisation")};
}

bool RosterExport::write(const QString& path, Database& store, const Scope& scope, const Options& options,
                         int* count, QString* error)
{
    if (count)
        *count = 0;
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool xlsx = suffix == QLatin1String("xlsx");
    if (!xlsx && suffix != QLatin1String("csv"))
        return fail(tr("%1: give the file the suffix .xlsx or .csv.").arg(QFileInfo(path).fileName()));
    const QStringList fields = options.fields.isEmpty() ? columns() : options.fields;

    WhereClause where;
    scope.restrictByOrganisationColumn(where, QStringLiteral("m.organisation_id"));
    if (!options.organisationPath.isEmpty() && options.organisationPath != scope.path()) {
        if (!scope.contains(options.organisationPath))
            return fail(tr("The organisation is outside your organisation."));
        where.add(QStringLiteral("o.path >= ? AND o.path < ?"),
                  {options.organisationPath, Scope::upperBound(options.organisationPath)});
    }
    where.add(QStringLiteral("m.deleted = 0"));

    // The audit log first: an export that cannot be logged does not happen.
    AuditEntry entry;
    entry.actor = options.actor;
    entry.action = AuditLog::Export;
    entry.entity = entity::Member;
    entry.detail =
        QStringLiteral("roster export to %1 (%2%3)")
            .arg(QFileInfo(path).fileName(),
                 options.unmasked ? QStringLiteral("unmasked") : QStringLiteral("masked"),
                 options.organisationPath.isEmpty() ? QString()
                                                    : QStringLiteral(", ") + options.organisationPath);
    QString logError;
    if (!AuditLog(store.connection()).append(entry, &logError))
        return fail(tr("The export cannot be written to the audit log: %1").arg(logError));

    QSqlQuery q(store.connection());
    q.setForwardOnly(true);
    if (!sql::execBound(
            q,
            QStringLiteral("SELECT m.*, o.name AS organisation_name FROM member m JOIN organisation o "
                           "ON o.id = m.organisation_id") +
                where.sql() + QStringLiteral(" ORDER BY o.path, m.name_key, m.local_id"),
            where.values(), error))
        return false;

    const QString title =
        options.title.isEmpty() ? tr("Member roster") : tr("%1 member roster").arg(options.title);
    const QString subtitle =
        tr("Exported %1%2")
            .arg(Clock::today().toString(Qt::ISODate),
                 options.unmasked ? QString() : tr("; ID numbers and mobiles are masked"));
    const int lastColumn = static_cast<int>(fields.size()) - 1;
    int written = 0;
    if (xlsx) {
        XlsxWriter book(path);
        if (!book.isValid() || !book.addSheet(tr("Roster")))
            return fail(tr("%1: the file cannot be created.").arg(QFileInfo(path).fileName()));
        book.mergeText(0, 0, lastColumn, title);
        book.mergeText(1, 0, lastColumn, subtitle, XlsxWriter::Style::Plain);
        for (int c = 0; c < fields.size(); ++c) {
            const QString& field = fields.at(c);
            const bool wide = field == QLatin1String("idNumber") || field == QLatin1String("employer") ||
                              field == QLatin1String("organisation") || field == QLatin1String("notes");
            book.setColumn(c, c, wide ? 22 : 12,
                           isDate(field) ? XlsxWriter::Style::Date : XlsxWriter::Style::Text);
            book.writeText(2, c, headerOf(field), XlsxWriter::Style::Header);
        }
        book.freezeRows(3);
        int row = 3;
        while (q.next()) {
            const QSqlRecord record = q.record();
            const QJsonObject values = Member::fromRecord(record).toFields();
            const QString organisationName = record.value(QStringLiteral("organisation_name")).toString();
            for (int c = 0; c < fields.size(); ++c) {
                const QString& field = fields.at(c);
                if (isDate(field)) {
                    book.writeDate(row, c, QDate::fromString(values.value(field).toString(), Qt::ISODate));
                    continue;
                }
                const QString text = valueOf(values, organisationName, field, options.unmasked);
                if (!text.isEmpty())
                    book.writeText(row, c, text, XlsxWriter::Style::Text);
            }
            ++row;
            ++written;
        }
        QString writeError;
        if (!book.close(&writeError))
            return fail(
                tr("%1: the workbook cannot be written (%2).").arg(QFileInfo(path).fileName(), writeError));
    } else {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return fail(tr("%1: the file cannot be created (%2).")
                            .arg(QFileInfo(path).fileName(), file.errorString()));
        // UTF-8 with a byte-order mark: without it Excel on Chinese Windows reads the file as GBK.
        file.write("\xEF\xBB\xBF");
        file.write((csvField(title) + QStringLiteral("\r\n")).toUtf8());
        QStringList headers;
        for (const QString& field : fields)
            headers.append(csvField(headerOf(field)));
        file.write((headers.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8());
        while (q.next()) {
            const QSqlRecord record = q.record();
            const QJsonObject values = Member::fromRecord(record).toFields();
            const QString organisationName = record.value(QStringLiteral("organisation_name")).toString();
            QStringList line;
            for (const QString& field : fields) {
                QString text = valueOf(values, organisationName, field, options.unmasked);
                // A tab in front keeps Excel from reading an ID number as a number (and losing digits).
                if ((field == QLatin1String("idNumber") || field == QLatin1String("cardNumber")) &&
                    needsTextGuard(text))
                    text.prepend(QLatin1Char('\t'));
                line.append(csvField(text));
            }
            file.write((line.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8());
            ++written;
        }
        if (!file.commit())
            return fail(tr("%1: the file cannot be written (%2).")
                            .arg(QFileInfo(path).fileName(), file.errorString()));
    }
    if (count)
        *count = written;
    return true;
}

bool RosterExport::writeTemplate(const QString& path, QString* error)
{
    QStringList fields = columns();
    fields.removeAll(QStringLiteral("organisation"));
    XlsxWriter book(path);
    if (!book.isValid() || !book.addSheet(tr("Roster"))) {
        if (error)
            *error = tr("%1: the file cannot be created.").arg(QFileInfo(path).fileName());
        return false;
    }
    constexpr int lastRow = 5000;
    book.mergeText(0, 0, static_cast<int>(fields.size()) - 1, tr("Member roster"));
    for (int c = 0; c < fields.size(); ++c) {
        const QString& field = fields.at(c);
        book.setColumn(c, c, field == QLatin1String("idNumber") ? 22 : 12,
                       isDate(field) ? XlsxWriter::Style::Date : XlsxWriter::Style::Text);
        book.writeText(1, c, headerOf(field), XlsxWriter::Style::Header);
        if (const CodeList* list = codeListOf(field)) {
            QStringList labels;
            for (int i = 0; i < list->size(); ++i)
                labels.append(list->label(QString::fromLatin1(list->at(i).key)));
            book.addList(2, lastRow, c, labels);
        }
    }
    book.freezeRows(2);
    book.addSheet(tr("Instructions"));
    const QStringList lines{
        tr("How to fill in this roster"),
        tr("1. One member per row, from row 3 on; do not change the header row."),
        tr("2. Name and ID number are required; the ID number column is formatted as text: type the 18 "
           "characters as they are on the card."),
        tr("3. Never paste ID numbers from a column formatted as a number: Excel keeps only 15 digits and "
           "such "
           "rows are refused."),
        tr("4. Dates as 2020-01-05 or 2020年1月5日."),
        tr("5. Gender, education, political status, employment form, household registration and status: "
           "choose "
           "from the drop-down list."),
        tr("6. Rows with problems are listed before anything is imported; fix them and import the file "
           "again."),
    };
    book.setColumn(0, 0, 100);
    for (int i = 0; i < lines.size(); ++i)
        book.writeText(i, 0, lines.at(i), i == 0 ? XlsxWriter::Style::Header : XlsxWriter::Style::Plain);
    return book.close(error);
}

} // namespace ud
