#include "io/RosterExport.h"

#include "audit/AuditLog.h"
#include "domain/CodeList.h"
#include "domain/Ethnicity.h"
#include "domain/IdNumber.h"
#include "domain/MobileNumber.h"
#include "io/OrganisationColumn.h"
#include "io/TableFileWriter.h"
#include "io/XlsxWriter.h"
#include "members/MemberValidator.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "util/Clock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlQuery>
#include <QTemporaryFile>

#include <algorithm>
#include <climits>
#include <optional>

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

// The SQL for a column (one of RosterExport::columns()): the member's column of the same name
// (idNumber → m.id_number), or the name of the member's organisation.
QString columnExpression(const QString& field)
{
    if (field == QLatin1String("organisation"))
        return QStringLiteral("m.organisation_id"); // named by OrganisationColumn::label()
    QString column = QStringLiteral("m.");
    for (const QChar c : field) {
        if (c.isUpper())
            column += QLatin1Char('_') + c.toLower();
        else
            column += c;
    }
    return column;
}

// One member's value for a column, as the clerk reads it.
QString valueOf(const QString& field, const QString& value, bool unmasked)
{
    if (const CodeList* list = codeListOf(field))
        return value.isEmpty() ? QString() : list->label(value);
    if (field == QLatin1String("hardship"))
        return value == QLatin1String("1") ? RosterExport::tr("Yes") : RosterExport::tr("No");
    if (!unmasked && field == QLatin1String("idNumber"))
        return IdNumber::masked(value);
    if (!unmasked && field == QLatin1String("mobile"))
        return MobileNumber::masked(value);
    // A masked ID number hides the birth date it holds; the full date beside it would give it back.
    if (!unmasked && field == QLatin1String("birthDate"))
        return value.left(4);
    return value;
}

// Rows between two progress reports.
constexpr int ProgressStep = 250;

// What the audit log says about an export: the file (its whole path: where an unmasked roster went),
// masked or not, how many members and the filter.
QString auditDetail(const QString& path, bool unmasked, int rows, const RosterFilter& filter)
{
    QStringList parts{unmasked ? QStringLiteral("unmasked") : QStringLiteral("masked"),
                      QStringLiteral("%1 members").arg(rows)};
    if (!filter.organisationPath.isEmpty())
        parts.append(filter.organisationPath);
    if (!filter.status.isEmpty())
        parts.append(QStringLiteral("status ") + filter.status);
    if (!filter.employmentForm.isEmpty())
        parts.append(QStringLiteral("employment form ") + filter.employmentForm);
    if (filter.verified.has_value())
        parts.append(*filter.verified ? QStringLiteral("verified") : QStringLiteral("not verified"));
    if (!filter.search.trimmed().isEmpty())
        parts.append(QStringLiteral("search \"%1\"").arg(filter.search.trimmed()));
    return QStringLiteral("roster export to %1 (%2)").arg(path, parts.join(QStringLiteral(", ")));
}

} // namespace

QString RosterExport::columnLabel(const QString& field)
{
    return headerOf(field);
}

QStringList RosterExport::columns()
{
    return {QStringLiteral("name"),           QStringLiteral("gender"),    QStringLiteral("ethnicity"),
            QStringLiteral("idType"),         QStringLiteral("idNumber"),  QStringLiteral("birthDate"),
            QStringLiteral("mobile"),         QStringLiteral("education"), QStringLiteral("politicalStatus"),
            QStringLiteral("employer"),       QStringLiteral("jobTitle"),  QStringLiteral("industry"),
            QStringLiteral("employmentForm"), QStringLiteral("household"), QStringLiteral("joinDate"),
            QStringLiteral("cardNumber"),     QStringLiteral("status"),    QStringLiteral("labourModelLevel"),
            QStringLiteral("hardship"),       QStringLiteral("notes"),     QStringLiteral("organisation")};
}

RosterFilter RosterExport::effectiveFilter(const Options& options)
{
    RosterFilter filter = options.filter;
    if (filter.organisationPath.isEmpty())
        filter.organisationPath = options.organisationPath;
    return filter;
}

bool RosterExport::write(const QString& path, Database& store, const Scope& scope, const Options& options,
                         int* count, QString* error, const Progress& progress)
{
    if (count)
        *count = 0;
    if (error)
        error->clear();
    const QString fileName = QFileInfo(path).fileName();
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool xlsx = suffix == QLatin1String("xlsx");
    // A folder (out/) has no suffix either: named as a folder, not as a file without a name.
    if (const QString problem = TableFileWriter::folderProblem(path);
        !problem.isEmpty() && (fileName.isEmpty() || QFileInfo(path).isDir()))
        return fail(problem);
    if (!xlsx && suffix != QLatin1String("csv"))
        return fail(tr("%1: give the file the suffix .xlsx or .csv.").arg(fileName));
    const QStringList fields = options.fields.isEmpty() ? columns() : options.fields;
    for (const QString& field : fields) {
        if (!columns().contains(field))
            return fail(tr("There is no column \"%1\" to export.").arg(field));
    }

    const RosterFilter filter = effectiveFilter(options);
    if (!filter.organisationPath.isEmpty() && !scope.contains(filter.organisationPath))
        return fail(tr("The organisation is outside your organisation."));
    // The roster's own query: the same members in the same order as the table shows them.
    const RosterQuery roster(store.connection(), scope, filter, options.sort, options.order);
    const int total = progress ? static_cast<int>(std::min<qint64>(roster.count(), INT_MAX)) : 0;
    // Only the chosen columns, read by position: a 100,000-member roster streams in seconds.
    QStringList expressions;
    for (const QString& field : fields)
        expressions.append(columnExpression(field));
    QSqlQuery q(store.connection());
    if (!roster.selectAll(q, expressions.join(QStringLiteral(", ")), error))
        return false;
    // Before the first row: the total, and the first chance to cancel.
    if (progress && !progress(0, total))
        return false;

    int written = 0;
    bool cancelled = false;
    // After each row: reports progress every few hundred rows and learns whether to go on.
    auto rowDone = [&]() {
        ++written;
        if (progress && written % ProgressStep == 0 && !progress(written, std::max(total, written)))
            cancelled = true;
        return !cancelled;
    };
    const int columnCount = static_cast<int>(fields.size());
    const int organisationColumn = static_cast<int>(fields.indexOf(QStringLiteral("organisation")));
    // Two 机关工会 in the store are written with their parents, so that an import finds each again.
    std::optional<OrganisationColumn> organisations;
    if (organisationColumn >= 0)
        organisations.emplace(store.connection(), scope.organisationId());
    QHash<QString, QString> labels; // organisation id → label
    QStringList values(columnCount);
    auto nextMember = [&]() {
        if (!q.next())
            return false;
        for (int c = 0; c < columnCount; ++c)
            values[c] = q.value(c).toString();
        if (organisations) {
            QString& value = values[organisationColumn];
            auto label = labels.constFind(value);
            if (label == labels.constEnd())
                label = labels.insert(value, organisations->label(value));
            value = *label;
        }
        return true;
    };

    const QString title =
        options.title.isEmpty() ? tr("Member roster") : tr("%1 member roster").arg(options.title);
    if (const QString problem = TableFileWriter::folderProblem(path); !problem.isEmpty())
        return fail(problem);
    // The file is written aside; only a complete, logged export replaces `path`.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("%1: the file cannot be created (%2).").arg(fileName, file.errorString()));
    if (xlsx) {
        // libxlsxwriter writes the workbook to a file of its own at the end; it is copied into place.
        QTemporaryFile temp(QDir::tempPath() + QStringLiteral("/uniondesk-export-XXXXXX.xlsx"));
        if (!temp.open()) {
            file.cancelWriting();
            return fail(tr("%1: the file cannot be created (%2).").arg(fileName, temp.errorString()));
        }
        temp.close();
        {
            XlsxWriter book(temp.fileName());
            if (!book.isValid() || !book.addSheet(tr("Roster"))) {
                file.cancelWriting();
                return fail(book.openError().isEmpty() ? tr("%1: the file cannot be created.").arg(fileName)
                                                       : book.openError());
            }
            const QString subtitle =
                tr("Exported %1%2")
                    .arg(Clock::today().toString(Qt::ISODate),
                         options.unmasked ? QString()
                                          : tr("; ID numbers and mobiles are masked, birth dates show the "
                                               "year only"));
            const int lastColumn = static_cast<int>(fields.size()) - 1;
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
            while (nextMember()) {
                for (int c = 0; c < fields.size(); ++c) {
                    const QString& field = fields.at(c);
                    if (isDate(field) && (options.unmasked || field != QLatin1String("birthDate"))) {
                        book.writeDate(row, c, QDate::fromString(values.at(c), Qt::ISODate));
                        continue;
                    }
                    const QString text = valueOf(field, values.at(c), options.unmasked);
                    if (!text.isEmpty())
                        book.writeText(row, c, text, XlsxWriter::Style::Text);
                }
                ++row;
                if (!rowDone())
                    break;
            }
            if (cancelled) {
                file.cancelWriting();
                return false; // the temporary workbook goes with `temp`
            }
            QString writeError;
            if (!book.close(&writeError)) {
                file.cancelWriting();
                return fail(tr("%1: the workbook cannot be written (%2).").arg(fileName, writeError));
            }
        }
        QFile workbook(temp.fileName());
        if (!workbook.open(QIODevice::ReadOnly)) {
            file.cancelWriting();
            return fail(tr("%1: the workbook cannot be written (%2).").arg(fileName, workbook.errorString()));
        }
        while (!workbook.atEnd() && file.error() == QFileDevice::NoError)
            file.write(workbook.read(1 << 20));
    } else {
        // UTF-8 with a byte-order mark: without it Excel on Chinese Windows reads the file as GBK.
        file.write("\xEF\xBB\xBF");
        file.write((TableFileWriter::csvField(title) + QStringLiteral("\r\n")).toUtf8());
        QStringList headers;
        for (const QString& field : fields)
            headers.append(TableFileWriter::csvField(headerOf(field)));
        file.write((headers.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8());
        while (nextMember()) {
            QStringList line;
            for (int c = 0; c < columnCount; ++c) {
                const QString& field = fields.at(c);
                QString text = valueOf(field, values.at(c), options.unmasked);
                // A tab in front keeps Excel from reading an ID number as a number (and losing digits),
                // or a passport, card or telephone number's leading zeros.
                if ((field == QLatin1String("idNumber") || field == QLatin1String("cardNumber") ||
                     field == QLatin1String("mobile")) &&
                    TableFileWriter::looksLikeANumber(text))
                    text.prepend(QLatin1Char('\t'));
                line.append(TableFileWriter::csvField(text));
            }
            file.write((line.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8());
            if (!rowDone())
                break;
        }
        if (cancelled) {
            file.cancelWriting();
            return false;
        }
    }
    q.finish();
    // The last chance to cancel, before anything is logged or put in place.
    if (progress && !progress(written, std::max(total, written))) {
        file.cancelWriting();
        return false;
    }
    if (const QString problem = TableFileWriter::writeProblem(file); !problem.isEmpty()) {
        file.cancelWriting();
        return fail(problem);
    }

    // The audit log before the file is put in place: an export that cannot be logged does not happen.
    AuditEntry entry;
    entry.actor = options.actor;
    entry.action = AuditLog::Export;
    entry.entity = entity::Member;
    entry.detail = auditDetail(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()), options.unmasked,
                               written, filter);
    QString logError;
    if (!AuditLog(store.connection()).append(entry, &logError)) {
        file.cancelWriting();
        return fail(tr("The export cannot be written to the audit log: %1").arg(logError));
    }
    if (!file.commit())
        return fail(tr("%1: the file cannot be written (%2).").arg(fileName, file.errorString()));
    if (count)
        *count = written;
    return true;
}

bool RosterExport::writeTemplate(const QString& path, QString* error)
{
    // Its text-formatted ID column and drop-down lists exist only in a workbook.
    if (QFileInfo(path).suffix().toLower() != QLatin1String("xlsx")) {
        if (error)
            *error = tr("%1: the import template is a workbook; give the file the suffix .xlsx.")
                         .arg(QFileInfo(path).fileName());
        return false;
    }
    if (const QString problem = TableFileWriter::folderProblem(path); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    QStringList fields = columns();
    fields.removeAll(QStringLiteral("organisation"));
    XlsxWriter book(path);
    if (!book.isValid() || !book.addSheet(tr("Roster"))) {
        if (error)
            *error = book.openError().isEmpty()
                         ? tr("%1: the file cannot be created.").arg(QFileInfo(path).fileName())
                         : book.openError();
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
        } else if (field == QLatin1String("hardship")) {
            book.addList(2, lastRow, c, {tr("Yes"), tr("No")});
        } else if (field == QLatin1String("ethnicity")) {
            book.addList(2, lastRow, c, Ethnicity::names());
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
    QString reason;
    if (book.close(&reason))
        return true;
    if (error)
        *error = tr("%1: the workbook cannot be written (%2).").arg(QFileInfo(path).fileName(), reason);
    return false;
}

} // namespace ud
