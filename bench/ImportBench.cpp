// uniondesk-import-bench: importing a 100,000-row roster from .xlsx and from .csv with full validation,
// through the same core classes the CLI's import command uses (SheetReader, RosterImport::chooseSheet,
// ImportPlan::build, RosterImport::commit into a fresh store), against two references measured in
// the same run: the sqlite3 shell's `.import --csv` of the same CSV into a plain table, the sqlite3
// shell copying the rows our import wrote into a new store of the same schema (INSERT … SELECT per
// table: what the schema alone costs), and LibreOffice (headless) converting the same workbook to
// CSV. See bench/README.md.
//
// Every measured run is its own process (this program again with --measure, sqlite3, soffice), so
// each peak memory figure is that run's alone.

#include "BenchReport.h"
#include "MeasuredRun.h"
#include "demo/DemoNames.h"
#include "io/ImportPlan.h"
#include "io/RosterImport.h"
#include "io/SheetReader.h"
#include "io/XlsxWriter.h"
#include "organisations/OrganisationRepository.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QUrl>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <random>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unordered_set>
#include <vector>

extern char** environ;

using namespace ud;
using namespace ud::bench;
using Run = ud::bench::MeasuredRun;

namespace {

// ---- The roster ----------------------------------------------------------------------------------

const QStringList kHeaders = {
    QStringLiteral("序号"),     QStringLiteral("姓名"),       QStringLiteral("性别"),
    QStringLiteral("民族"),     QStringLiteral("身份证号码"), QStringLiteral("出生日期"),
    QStringLiteral("手机号码"), QStringLiteral("学历"),       QStringLiteral("政治面貌"),
    QStringLiteral("工作单位"), QStringLiteral("职务"),       QStringLiteral("就业形态"),
    QStringLiteral("户籍类型"), QStringLiteral("入会时间"),   QStringLiteral("会员证号"),
    QStringLiteral("备注"),
};
constexpr int kJoinColumn = 13;
const QString kTitle = QStringLiteral("XX区总工会会员花名册");

// Rows as a clerk's roster holds them: Chinese words for every coded field, valid and distinct ID
// numbers, a mobile for most, a few notes.
std::vector<QStringList> makeRows(int count, quint64 seed)
{
    std::mt19937_64 random(seed);
    DemoNames names(random);
    auto pick = [&](const QStringList& list) {
        return list.at(names.uniform(0, static_cast<int>(list.size()) - 1));
    };
    const QStringList educations = {QStringLiteral("本科"), QStringLiteral("大专"),
                                    QStringLiteral("高中"), QStringLiteral("中专"),
                                    QStringLiteral("初中"), QStringLiteral("硕士研究生")};
    const QStringList politics = {QStringLiteral("群众"), QStringLiteral("群众"), QStringLiteral("群众"),
                                  QStringLiteral("中共党员"), QStringLiteral("共青团员")};
    const QStringList jobs = {QStringLiteral("操作工"), QStringLiteral("技术员"), QStringLiteral("会计"),
                              QStringLiteral("司机"),   QStringLiteral("销售"),   QStringLiteral("文员"),
                              QStringLiteral("工程师"), QStringLiteral("保安"),   QStringLiteral("厨师")};
    const QStringList forms = {QStringLiteral("职工"),       QStringLiteral("职工"),
                               QStringLiteral("职工"),       QStringLiteral("职工"),
                               QStringLiteral("快递员"),     QStringLiteral("外卖骑手"),
                               QStringLiteral("网约车司机"), QStringLiteral("建筑工人")};
    QStringList employers;
    for (int i = 0; i < 200; ++i)
        employers.append(names.companyName());
    std::unordered_set<QString> ids;
    std::vector<QStringList> rows;
    rows.reserve(static_cast<size_t>(count));
    const QDate today = QDate::currentDate();
    for (int i = 0; i < count; ++i) {
        const bool female = names.unit() < 0.45;
        const QString ethnicity = names.ethnicity();
        const QDate birth = QDate(1962, 1, 1).addDays(names.uniform(0, 42 * 365));
        QString id;
        do {
            id = names.idNumber(birth, female);
        } while (!ids.insert(id).second);
        const QDate earliest = std::max(birth.addYears(18), QDate(1992, 1, 1));
        const QDate joined = earliest.addDays(names.uniform(0, static_cast<int>(earliest.daysTo(today))));
        rows.push_back({
            QString::number(i + 1),
            names.personName(female, ethnicity),
            female ? QStringLiteral("女") : QStringLiteral("男"),
            ethnicity,
            id,
            birth.toString(Qt::ISODate),
            names.unit() < 0.92 ? names.mobile() : QString(),
            pick(educations),
            pick(politics),
            pick(employers),
            pick(jobs),
            pick(forms),
            names.unit() < 0.35 ? QStringLiteral("农村") : QStringLiteral("城镇"),
            joined.toString(Qt::ISODate),
            QStringLiteral("GH%1").arg(i + 1, 10, 10, QLatin1Char('0')),
            names.unit() < 0.05 ? QStringLiteral("困难职工") : QString(),
        });
    }
    return rows;
}

bool writeXlsx(const QString& path, const std::vector<QStringList>& rows, QString* error)
{
    XlsxWriter book(path);
    if (!book.isValid() || !book.addSheet(QStringLiteral("花名册"))) {
        *error = QStringLiteral("cannot create %1").arg(path);
        return false;
    }
    book.mergeText(0, 0, static_cast<int>(kHeaders.size()) - 1, kTitle);
    for (int c = 0; c < kHeaders.size(); ++c)
        book.writeText(1, c, kHeaders.at(c), XlsxWriter::Style::Header);
    book.setColumn(4, 4, 20, XlsxWriter::Style::Text);
    int r = 2;
    for (const QStringList& row : rows) {
        book.writeNumber(r, 0, r - 1);
        for (int c = 1; c < row.size(); ++c) {
            if (row.at(c).isEmpty())
                continue;
            if (c == kJoinColumn) // a real date cell, as Excel keeps a typed date
                book.writeDate(r, c, QDate::fromString(row.at(c), Qt::ISODate));
            else
                book.writeText(r, c, row.at(c), c == 4 ? XlsxWriter::Style::Text : XlsxWriter::Style::Plain);
        }
        ++r;
    }
    return book.close(error);
}

// UTF-8 with a BOM, as the export writes and Excel reads; the title row first.
bool writeCsv(const QString& path, const std::vector<QStringList>& rows, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    QByteArray text = "\xEF\xBB\xBF";
    text += kTitle.toUtf8() + QByteArray(kHeaders.size() - 1, ',') + "\r\n";
    text += kHeaders.join(QLatin1Char(',')).toUtf8() + "\r\n";
    for (const QStringList& row : rows)
        text += row.join(QLatin1Char(',')).toUtf8() + "\r\n";
    if (file.write(text) != text.size()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

// ---- Running a measured process --------------------------------------------------------------------

// ---- Our import, in its own process (--measure) ---------------------------------------------------

// What `uniondesk-cli import FILE` does, phase by phase, into a new store; prints "key value" lines.
int measureImport(const QString& path, const QString& storePath)
{
    QTextStream& o = out();
    QString error;
    QElapsedTimer timer;
    timer.start();
    const std::unique_ptr<Database> store =
        Database::open(storePath, Database::OpenMode::CreateIfMissing, &error);
    if (!store ||
        !OrganisationRepository::createRoot(*store, QStringLiteral("XX区总工会"), QStringLiteral("district"),
                                            QStringLiteral("bench"), &error)) {
        o << "error " << error << Qt::endl;
        return 1;
    }
    const Scope scope = OrganisationRepository::rootScope(*store);
    o << "store " << msSince(timer) << '\n';

    QElapsedTimer total;
    total.start();
    timer.restart();
    Workbook workbook;
    if (!SheetReader::readFile(path, &workbook, &error)) {
        o << "error " << error << Qt::endl;
        return 1;
    }
    o << "read " << msSince(timer) << '\n';
    timer.restart();
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    if (!choice) {
        o << "error " << error << Qt::endl;
        return 1;
    }
    o << "header " << msSince(timer) << '\n';
    timer.restart();
    const ImportPlan plan =
        ImportPlan::build(workbook.sheets.at(choice->sheet), choice->map, *store, scope.organisationId());
    o << "plan " << msSince(timer) << '\n';
    timer.restart();
    int imported = 0;
    if (!RosterImport::commit(plan, *store, scope, QStringLiteral("bench"), &imported, &error)) {
        o << "error " << error << Qt::endl;
        return 1;
    }
    o << "commit " << msSince(timer) << '\n';
    o << "total " << msSince(total) << '\n';
    o << "imported " << imported << '\n';
    o << "rejected " << plan.rejectedCount() << '\n';
    o << "warnings " << plan.warnings().size() << '\n';
    if (!plan.errors().isEmpty())
        o << "firstError " << plan.errors().first().row << ": " << plan.errors().first().reason << '\n';
    o << "peakKb " << statusKb(QCoreApplication::applicationPid(), "VmHWM") << Qt::endl;
    return 0;
}

QHash<QString, QString> keyValues(const QByteArray& output)
{
    QHash<QString, QString> values;
    for (const QByteArray& line : output.split('\n')) {
        const QString text = QString::fromUtf8(line);
        const qsizetype space = text.indexOf(QLatin1Char(' '));
        if (space > 0)
            values.insert(text.left(space), text.mid(space + 1));
    }
    return values;
}

// ---- Report -----------------------------------------------------------------------------------------

} // namespace

int main(int argc, char** argv)
{
    if (bench::isLaunch(argc, argv))
        return bench::launch(argc, argv);
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Roster import from .xlsx and .csv against sqlite3's "
                                                    ".import and LibreOffice, measured in one run."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("rows"), QStringLiteral("Roster rows (default 100000)."),
                      QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Data seed (default 20240601)."),
                      QStringLiteral("S"), QStringLiteral("20240601")});
    parser.addOption({QStringLiteral("dir"),
                      QStringLiteral("Keep the files in DIR instead of a temporary folder."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("sqlite3"), QStringLiteral("The sqlite3 shell (default: from PATH)."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("soffice"),
                      QStringLiteral("LibreOffice's soffice (default: from PATH)."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("measure"),
                      QStringLiteral("Internal: import FILE into --store and report."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("store"), QStringLiteral("Internal: the store for --measure."),
                      QStringLiteral("FILE")});
    parser.process(app);

    if (parser.isSet(QStringLiteral("measure")))
        return measureImport(parser.value(QStringLiteral("measure")), parser.value(QStringLiteral("store")));

    QTextStream& o = out();
    const int count = parser.value(QStringLiteral("rows")).toInt();
    QTemporaryDir tempDir;
    const QString dirPath =
        parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : tempDir.path();
    QDir().mkpath(dirPath);
    const QDir dir(dirPath);
    MeasuredOptions inDir;
    inDir.workDir = dirPath;
    const QString xlsx = dir.filePath(QStringLiteral("roster.xlsx"));
    const QString csv = dir.filePath(QStringLiteral("roster.csv"));

    QElapsedTimer timer;
    timer.start();
    const std::vector<QStringList> rows = makeRows(count, parser.value(QStringLiteral("seed")).toULongLong());
    QString error;
    if (!writeXlsx(xlsx, rows, &error) || !writeCsv(csv, rows, &error)) {
        o << "cannot write the roster: " << error << Qt::endl;
        return 1;
    }
    o << "UnionDesk import bench: " << count << " roster rows (" << kHeaders.size()
      << " columns, a title row above the header), written in " << seconds(msSince(timer)) << " s:\n"
      << "  " << xlsx << "  " << QFileInfo(xlsx).size() / 1024 << " KB\n"
      << "  " << csv << "  " << QFileInfo(csv).size() / 1024 << " KB (UTF-8 with BOM)\n"
      << cpuModel() << ", " << QThread::idealThreadCount() << " cores, Qt " << qVersion() << "\n\n";
    o.flush();

    struct Line
    {
        QString label;
        Run run;
        QString detail;
    };
    QList<Line> lines;
    const QString self = QCoreApplication::applicationFilePath();
    QHash<QString, QHash<QString, QString>> ours;
    for (const QString& file : QStringList{xlsx, csv}) {
        const QString suffix = QFileInfo(file).suffix();
        const QString store = dir.filePath(QStringLiteral("store-%1.sqlite").arg(suffix));
        for (const QString& f :
             QStringList{store, store + QStringLiteral("-wal"), store + QStringLiteral("-shm")})
            QFile::remove(f);
        const Run run =
            runMeasured(self, {QStringLiteral("--measure"), file, QStringLiteral("--store"), store}, inDir);
        const QHash<QString, QString> values = keyValues(run.output);
        if (!run.ok || values.contains(QStringLiteral("error"))) {
            o << "our import of " << file << " failed: " << values.value(QStringLiteral("error"))
              << QString::fromLocal8Bit(run.errors) << Qt::endl;
            return 1;
        }
        ours.insert(suffix, values);
        auto phase = [&](const char* key) {
            return seconds(values.value(QString::fromLatin1(key)).toDouble());
        };
        lines.append(
            {QStringLiteral("UnionDesk import, .%1").arg(suffix), run,
             QStringLiteral("read %1 + header %2 + plan %3 + commit %4 s; %5 imported, %6 rejected, %7 "
                            "warnings")
                 .arg(phase("read"), phase("header"), phase("plan"), phase("commit"),
                      values.value(QStringLiteral("imported")), values.value(QStringLiteral("rejected")),
                      values.value(QStringLiteral("warnings")))});
        if (values.contains(QStringLiteral("firstError")))
            lines.last().detail += QStringLiteral("; first: ") + values.value(QStringLiteral("firstError"));
    }

    // sqlite3: the same CSV into a plain table (the title row skipped, the header naming the columns).
    const QString sqlite3 = parser.isSet(QStringLiteral("sqlite3"))
                                ? parser.value(QStringLiteral("sqlite3"))
                                : QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    std::optional<Run> sqliteRun;
    if (sqlite3.isEmpty()) {
        o << "sqlite3 is missing: install it with `apt-get install sqlite3` (or scripts/setup --bench)\n";
    } else {
        const QString db = dir.filePath(QStringLiteral("sqlite3-import.sqlite"));
        QFile::remove(db);
        const Run run = runMeasured(sqlite3,
                                    {QStringLiteral("-batch"), db,
                                     QStringLiteral(".import --csv --skip 1 %1 roster").arg(csv),
                                     QStringLiteral("SELECT count(*) FROM roster;")},
                                    inDir);
        lines.append(
            {QStringLiteral("sqlite3 .import --csv"), run,
             run.ok
                 ? QStringLiteral("%1 rows into a plain table").arg(QString::fromUtf8(run.output).trimmed())
                 : QString::fromLocal8Bit(run.errors).trimmed()});
        if (run.ok)
            sqliteRun = run;
    }

    // sqlite3 again: the rows our CSV import wrote, copied into a new store of the same schema with one
    // INSERT … SELECT per table (what SQLite needs to write them, with nothing else: no parsing, no
    // checks, no statement per row). Only those statements are timed, by the shell's own .timer.
    std::optional<Run> floorRun;
    if (!sqlite3.isEmpty()) {
        const QString floorDb = dir.filePath(QStringLiteral("same-rows.sqlite"));
        for (const QString& f :
             QStringList{floorDb, floorDb + QStringLiteral("-wal"), floorDb + QStringLiteral("-shm")})
            QFile::remove(f);
        QString floorError;
        const bool schema = [&] {
            const std::unique_ptr<Database> empty =
                Database::open(floorDb, Database::OpenMode::CreateIfMissing, &floorError);
            return empty != nullptr;
        }();
        const QString script = dir.filePath(QStringLiteral("same-rows.sql"));
        QFile file(script);
        if (schema && file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            const QString source = dir.filePath(QStringLiteral("store-csv.sqlite"));
            QTextStream(&file)
                << "PRAGMA journal_mode = WAL;\nPRAGMA foreign_keys = ON;\nPRAGMA synchronous = NORMAL;\n"
                   "PRAGMA temp_store = MEMORY;\nPRAGMA cache_size = -65536;\n"
                << "ATTACH '" << source << "' AS src;\n"
                << "DELETE FROM main.outbox; DELETE FROM main.organisation;\n"
                   "INSERT INTO main.organisation SELECT * FROM src.organisation;\n"
                   "INSERT INTO main.import_batch SELECT * FROM src.import_batch;\n"
                   "CREATE TEMP TABLE m AS SELECT * FROM src.member ORDER BY local_id;\n"
                   "CREATE TEMP TABLE e AS SELECT * FROM src.member_event ORDER BY rowid;\n"
                   "CREATE TEMP TABLE o AS SELECT * FROM src.outbox WHERE entity IN ('member', "
                   "'member_event') "
                   "ORDER BY seq;\n"
                   "CREATE TEMP TABLE g AS SELECT * FROM src.member_name_gram;\n"
                   "CREATE TEMP TABLE b AS SELECT * FROM src.import_batch_member;\n"
                   ".timer on\nBEGIN;\n"
                   "INSERT INTO main.member SELECT * FROM m;\n"
                   "INSERT INTO main.member_event SELECT * FROM e;\n"
                   "INSERT INTO main.outbox(op_id, entity, record_id, base_version, fields, is_delete, "
                   "created_at) "
                   "SELECT op_id, entity, record_id, base_version, fields, is_delete, created_at FROM o;\n"
                   "INSERT INTO main.member_name_gram SELECT * FROM g;\n"
                   "INSERT INTO main.import_batch_member SELECT * FROM b;\n"
                   "COMMIT;\n.timer off\nSELECT count(*) FROM main.member;\n";
            file.close();
            Run run = runMeasured(
                sqlite3, {QStringLiteral("-batch"), floorDb, QStringLiteral(".read ") + script}, inDir);
            // The statements' own times, from the shell's .timer lines.
            double real = 0;
            double cpu = 0;
            QString members;
            static const QRegularExpression timerLine(
                QStringLiteral("^Run Time: real ([0-9.]+) user ([0-9.]+) sys ([0-9.]+)$"));
            for (const QString& line : QString::fromUtf8(run.output).split(QLatin1Char('\n'))) {
                if (const QRegularExpressionMatch m = timerLine.match(line.trimmed()); m.hasMatch()) {
                    real += m.captured(1).toDouble();
                    cpu += m.captured(2).toDouble() + m.captured(3).toDouble();
                } else if (!line.trimmed().isEmpty() && line.trimmed() != QLatin1String("wal")) {
                    members = line.trimmed();
                }
            }
            run.ms = real * 1000;
            run.cpuMs = cpu * 1000;
            run.ok = run.ok && real > 0 &&
                     members == ours.value(QStringLiteral("csv")).value(QStringLiteral("imported"));
            lines.append({QStringLiteral("sqlite3, same rows, schema"), run,
                          run.ok
                              ? QStringLiteral("%1 members with their events, outbox, name pieces: "
                                               "INSERT … SELECT per table, statements only")
                                    .arg(members)
                              : QStringLiteral("failed: ") + QString::fromLocal8Bit(run.errors).trimmed()});
            if (run.ok)
                floorRun = run;
        } else {
            o << "cannot prepare the same-rows reference: " << floorError << Qt::endl;
        }
    }

    // LibreOffice: the same workbook to CSV, after one conversion that sets up its profile.
    const QString soffice = parser.isSet(QStringLiteral("soffice"))
                                ? parser.value(QStringLiteral("soffice"))
                                : QStandardPaths::findExecutable(QStringLiteral("soffice"));
    std::optional<Run> officeRun;
    if (soffice.isEmpty()) {
        o << "LibreOffice is missing: install it with `apt-get install --no-install-recommends "
             "libreoffice-calc-nogui` (or scripts/setup --bench)\n";
    } else {
        const QString profile = QUrl::fromLocalFile(dir.filePath(QStringLiteral("lo-profile"))).toString();
        const QString outDir = dir.filePath(QStringLiteral("lo-out"));
        QDir().mkpath(outDir);
        const QStringList common = {QStringLiteral("-env:UserInstallation=") + profile,
                                    QStringLiteral("--headless"),
                                    QStringLiteral("--convert-to"),
                                    QStringLiteral("csv"),
                                    QStringLiteral("--outdir"),
                                    outDir};
        const QString warmUp = dir.filePath(QStringLiteral("warm-up.xlsx"));
        writeXlsx(warmUp, {rows.front()}, &error);
        runMeasured(soffice, common + QStringList{warmUp}, inDir);
        const Run run = runMeasured(soffice, common + QStringList{xlsx}, inDir);
        const QString converted = QDir(outDir).filePath(QStringLiteral("roster.csv"));
        const bool made = QFileInfo::exists(converted);
        lines.append(
            {QStringLiteral("LibreOffice .xlsx → .csv"), run,
             made ? QStringLiteral("headless convert, %1 KB of CSV").arg(QFileInfo(converted).size() / 1024)
                  : QStringLiteral("no CSV written: ") + QString::fromLocal8Bit(run.errors).trimmed()});
        if (run.ok && made)
            officeRun = run;
    }

    o << padded(QString(), 30) << padded(QStringLiteral("wall s"), 8, true)
      << padded(QStringLiteral("CPU s"), 8, true) << padded(QStringLiteral("peak MB"), 9, true) << "\n";
    for (const Line& line : std::as_const(lines))
        o << padded(line.label, 30) << padded(seconds(line.run.ms), 8, true)
          << padded(seconds(line.run.cpuMs), 8, true) << padded(mb(line.run.peakKb), 9, true) << "   "
          << line.detail << '\n';
    o << '\n';
    auto ratios = [&](const char* label, const Run& reference) {
        const Run& x = lines.at(0).run;
        const Run& c = lines.at(1).run;
        o << label << "  wall: .xlsx " << QString::number(x.ms / reference.ms, 'f', 2) << "×  .csv "
          << QString::number(c.ms / reference.ms, 'f', 2) << "×   CPU: .xlsx "
          << QString::number(x.cpuMs / std::max(reference.cpuMs, 1.0), 'f', 2) << "×  .csv "
          << QString::number(c.cpuMs / std::max(reference.cpuMs, 1.0), 'f', 2) << "×\n";
    };
    if (sqliteRun)
        ratios("ours / sqlite3 .import    ", *sqliteRun);
    if (floorRun)
        ratios("ours / same rows, schema  ", *floorRun);
    if (officeRun)
        ratios("ours / LibreOffice convert", *officeRun);
    // What the clerk waits for before the preview — the file read and every row checked — is the part
    // comparable with a tool that only reads: the write after it is the store's (see README).
    auto toPreview = [&](const char* suffix) {
        const QHash<QString, QString> v = ours.value(QString::fromLatin1(suffix));
        return v.value(QStringLiteral("read")).toDouble() + v.value(QStringLiteral("header")).toDouble() +
               v.value(QStringLiteral("plan")).toDouble();
    };
    auto previewRatios = [&](const char* label, const Run& reference) {
        o << label << "  wall: .xlsx " << QString::number(toPreview("xlsx") / reference.ms, 'f', 2)
          << "×  .csv " << QString::number(toPreview("csv") / reference.ms, 'f', 2) << "×\n";
    };
    o << "up to the preview: .xlsx " << seconds(toPreview("xlsx")) << " s, .csv " << seconds(toPreview("csv"))
      << " s (read + header + plan, in the process, without its start-up)\n";
    if (sqliteRun)
        previewRatios("preview / sqlite3 .import   ", *sqliteRun);
    if (officeRun)
        previewRatios("preview / LibreOffice convert", *officeRun);
    o << "(each run is its own process, start-up included; CPU = user + system time; peak = largest resident "
         "set of the process tree)"
      << Qt::endl;
    return 0;
}
