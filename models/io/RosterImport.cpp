#include "io/RosterImport.h"

#include "domain/TextNormaliser.h"
#include "io/ImportBatchRepository.h"
#include "io/TableFileWriter.h"
#include "io/XlsxWriter.h"
#include "members/MemberBulkWriter.h"
#include "store/Database.h"
#include "store/SqliteStatement.h"
#include "store/Transaction.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace ud {

namespace {

QString sheetKey(const QString& name)
{
    return TextNormaliser::withoutSpaces(name).toLower();
}

// 填表说明, 示例, 样表 …: a sheet of instructions or an example, whose header row and sample member
// (张三) are not the roster.
bool isInstructionSheet(const QString& name)
{
    static const QRegularExpression words(
        QStringLiteral("说明|示例|样例|范例|样表|例子|填表要求|填写要求|instruction|example|readme|sample"),
        QRegularExpression::CaseInsensitiveOption);
    return words.match(name).hasMatch();
}

// The problem list an import writes (writeProblems), in this language, Chinese or English: it names
// the members' rows, and is no roster to import.
bool isProblemList(const Sheet& sheet)
{
    if (sheet.rows.isEmpty())
        return false;
    QSet<QString> header;
    for (const SheetCell& cell : sheet.rows.first())
        header.insert(cell.text.trimmed());
    const auto has = [&header](const char* english, const QString& chinese) {
        return header.contains(QCoreApplication::translate("ud::RosterImport", english)) ||
               header.contains(QLatin1String(english)) || header.contains(chinese);
    };
    return has("Row", QStringLiteral("行号")) && has("Problem", QStringLiteral("问题")) &&
           has("Kind", QStringLiteral("类别"));
}

} // namespace

std::optional<RosterImport::SheetChoice> RosterImport::chooseSheet(const Workbook& workbook,
                                                                   const QString& sheetName, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!sheetName.isEmpty()) {
        // The name as typed, else the same name but for spaces, case and full-width forms.
        int found = -1;
        for (int i = 0; i < workbook.sheets.size() && found < 0; ++i) {
            if (workbook.sheets.at(i).name == sheetName)
                found = i;
        }
        for (int i = 0; i < workbook.sheets.size() && found < 0; ++i) {
            if (sheetKey(workbook.sheets.at(i).name) == sheetKey(sheetName))
                found = i;
        }
        if (found < 0) {
            QStringList names;
            for (const Sheet& sheet : workbook.sheets)
                names.append(QStringLiteral("\u201C") + sheet.name + QStringLiteral("\u201D"));
            return fail(tr("The file has no sheet named \"%1\"; its sheets are: %2.")
                            .arg(sheetName, names.join(QStringLiteral(", "))));
        }
        if (const std::optional<HeaderMap> map = HeaderMap::detect(workbook.sheets.at(found)))
            return SheetChoice{found, *map, {}};
        return fail(tr("Sheet \"%1\" has no header row naming at least the name or the ID number column and "
                       "one more (such as 姓名, 身份证号码, 手机号码).")
                        .arg(workbook.sheets.at(found).name));
    }
    // Without a name: the first visible sheet with a header row that is not instructions or an
    // example; a hidden sheet (an old roster, a lookup list) or an instructions sheet only when no
    // other sheet has one.
    // A hidden roster is not imported unasked, but named with the others: its members are not
    // imported either.
    std::optional<SheetChoice> chosen;
    std::optional<SheetChoice> fallback;
    QStringList others;
    QStringList hiddenRosters;
    bool problemList = false;
    for (int i = 0; i < workbook.sheets.size(); ++i) {
        const Sheet& sheet = workbook.sheets.at(i);
        if (isProblemList(sheet)) {
            problemList = true;
            continue;
        }
        const bool instructions = isInstructionSheet(sheet.name);
        const bool secondary = sheet.hidden || instructions;
        if (instructions && (chosen || fallback))
            continue;
        const std::optional<HeaderMap> map = HeaderMap::detect(sheet);
        if (!map)
            continue;
        if (secondary && !instructions)
            hiddenRosters.append(sheet.name);
        if (secondary) {
            if (!fallback)
                fallback = SheetChoice{i, *map, {}};
        } else if (!chosen) {
            chosen = SheetChoice{i, *map, {}};
        } else {
            others.append(sheet.name);
        }
    }
    if (chosen) {
        chosen->otherRosters = others + hiddenRosters;
        return chosen;
    }
    if (fallback)
        return fallback;
    if (problemList)
        return fail(
            tr("This is a list of import problems written by UnionDesk, not a roster. Correct the rows "
               "it names in the original roster (the row numbers are that file's), then import the "
               "original again: members already imported are skipped."));
    return fail(
        tr("No sheet of the file has a header row naming at least the name or the ID number column and "
           "one more (such as 姓名, 身份证号码, 手机号码)."));
}

bool RosterImport::commit(const ImportPlan& plan, Database& store, const Scope& scope, const QString& actor,
                          int* imported, QString* error, const std::function<bool(int, int)>& progress)
{
    CommitResult result;
    const bool ok = commit(plan, store, scope, actor, Source{}, &result, error, progress);
    if (imported)
        *imported = result.imported;
    return ok;
}

bool RosterImport::commit(const ImportPlan& plan, Database& store, const Scope& scope, const QString& actor,
                          const Source& source, CommitResult* result, QString* error,
                          const std::function<bool(int, int)>& progress)
{
    if (result)
        *result = {};
    const int total = plan.validCount();
    if (total == 0)
        return true;
    // One transaction and no savepoint per member: the plan validated every row, so a failure here
    // (the disk, an ID number stored since the plan was made) abandons the whole import anyway.
    Transaction tx(store.connection());
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return false;
    }
    ImportBatchRepository batches(store, scope);
    ImportBatch batch;
    batch.organisationId = plan.organisationId();
    batch.fileName = source.fileName;
    batch.sheetName = source.sheetName;
    batch.importedBy = actor;
    qint64 membersBefore = 0;
    {
        SqliteStatement tally(store.connection(), "SELECT coalesce(sum(n), 0) FROM member_tally");
        if (tally.nextRow())
            membersBefore = tally.integer(0);
    }
    MemberBulkWriter members(store, scope, actor);
    if (!members.isReady(error) || !batches.begin(batch, error))
        return false;
    members.reserve(total);
    QStringList memberIds;
    memberIds.reserve(total);
    QList<int> sheetRows; // the sheet row of each member taken, to name one the store refuses
    sheetRows.reserve(total);
    // A refusal names the sheet row of the member the store refused (the current one, or one staged
    // before it); anything else stops the import with its own reason.
    auto refused = [&](const QString& reason, int currentRow) {
        const int member = members.refusedMember();
        if (!error)
            return false;
        if (member < 0)
            *error = reason;
        else if (!members.refusedIdNumber().isEmpty())
            // Stored since the preview, which found the number free: not a person to transfer, but
            // a roster that moved on. The same file again skips who is in the roster now.
            *error = tr("Row %1: the member with ID number %2 was added to the roster (by another import, "
                        "the member form or a sync) after this file was checked. Nothing was imported: "
                        "import the file again, and members already in the roster will be skipped.")
                         .arg(sheetRows.value(member, currentRow))
                         .arg(members.refusedIdNumber());
        else
            *error =
                tr("Row %1: %2 Nothing was imported.").arg(sheetRows.value(member, currentRow)).arg(reason);
        return false;
    };
    // The last step (the rest of the staged rows, the name pieces, the commit) takes about a fifth
    // of the time the rows take.
    const int steps = total + total / 5;
    int written = 0;
    for (const ImportRow& row : plan.rows()) {
        if (row.status == ImportRow::Status::Error)
            continue;
        Member m = row.member;
        QString reason;
        if (!members.add(m, &reason))
            return refused(reason, row.row);
        memberIds.append(m.id);
        sheetRows.append(row.row);
        ++written;
        if (progress && written % 256 == 0 && !progress(written, steps)) {
            if (error)
                *error = tr("The import was cancelled; nothing was imported.");
            return false;
        }
    }
    QString reason;
    if (!members.finish(&reason))
        return refused(reason, 0);
    if (!batches.addMembers(batch.id, memberIds, error) ||
        !batches.finish(batch.id, written, plan.rejectedCount(), error))
        return false;
    // The last look at Cancel: nothing is stored until the commit below.
    if (progress && !progress(steps, steps)) {
        if (error)
            *error = tr("The import was cancelled; nothing was imported.");
        return false;
    }
    if (!tx.commit(error))
        return false;
    if (result)
        *result = {written, batch.id};
    // Fresh statistics when the import changed the roster's size by a tenth or more; a smaller import
    // into a large store would wait seconds for a full ANALYZE (2 s at a million members) that the
    // query plans do not need (PRAGMA optimize runs when the store closes).
    if (written > 1000 && qint64(written) * 10 >= membersBefore)
        store.optimise();
    return true;
}

bool RosterImport::writeProblems(const ImportPlan& plan, const QString& path, QString* error)
{
    if (const QString problem = TableFileWriter::folderProblem(path); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    const QStringList headers{tr("Row"), tr("Name"), tr("Column"), tr("Value"), tr("Problem"), tr("Kind")};
    const auto kindOf = [](const ImportProblem& p) {
        return p.error ? tr("Not imported")
                       : (p.concernsColumn() ? tr("Column not imported") : tr("Warning"));
    };
    if (QFileInfo(path).suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) != 0) {
        // A .csv (or a suffix TableFileWriter refuses, with its reason).
        TableFileWriter table(path);
        if (!table.begin(tr("Problems"), tr("Import problems"), headers,
                         {false, false, false, true, false, false}, error))
            return false;
        for (const ImportProblem& p : plan.problems())
            table.writeRow(
                {QString::number(p.row), p.name, p.column, p.value, p.reasonBesideColumn(), kindOf(p)});
        return table.finish(error);
    }
    XlsxWriter book(path);
    if (!book.isValid() || !book.addSheet(tr("Problems"))) {
        if (error)
            *error = book.openError().isEmpty() ? tr("%1: the file cannot be created.").arg(path)
                                                : book.openError();
        return false;
    }
    const double widths[] = {8, 12, 16, 24, 80, 10};
    for (int c = 0; c < headers.size(); ++c) {
        book.setColumn(c, c, widths[c], c == 3 ? XlsxWriter::Style::Text : XlsxWriter::Style::Plain);
        book.writeText(0, c, headers.at(c), XlsxWriter::Style::Header);
    }
    book.freezeRows(1);
    int r = 1;
    for (const ImportProblem& p : plan.problems()) {
        book.writeNumber(r, 0, p.row);
        book.writeText(r, 1, p.name);
        book.writeText(r, 2, p.column);
        book.writeText(r, 3, p.value, XlsxWriter::Style::Text);
        book.writeText(r, 4, p.reasonBesideColumn());
        book.writeText(r, 5, kindOf(p));
        ++r;
    }
    QString reason;
    if (book.close(&reason))
        return true;
    if (error)
        *error = tr("%1: the workbook cannot be written (%2).").arg(QFileInfo(path).fileName(), reason);
    return false;
}

} // namespace ud
