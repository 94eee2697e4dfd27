// uniondesk-bench: how fast a million-member roster opens and answers the search box, measured
// through the same core classes the desktop client uses (Database, RosterModel, RosterQuery), with
// the sqlite3 shell running the naive SQL on the same file in the same run as the reference.
// See bench/README.md for what is measured and the latest figures.

#include "SubtreeCountBench.h"
#include "demo/DemoGenerator.h"
#include "members/RosterFilter.h"
#include "members/RosterModel.h"
#include "organisations/OrganisationRepository.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryFile>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <random>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace ud;

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

double msSince(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    // Nearest rank: the smallest value with at least p of the values at or below it.
    const auto rank = static_cast<size_t>(std::ceil(p * double(values.size())));
    return values[std::clamp<size_t>(rank, 1, values.size()) - 1];
}

QString ms(double value)
{
    if (std::isnan(value))
        return QStringLiteral("–");
    return QString::number(value, 'f', value < 10 ? 2 : (value < 100 ? 1 : 0));
}

// /proc/self/status fields such as VmHWM and VmRSS, in kB.
qint64 procStatusKb(const char* field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// The largest peak resident set of the finished child processes, in kB.
qint64 childrenMaxRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss;
}

QString mb(qint64 kb)
{
    return QStringLiteral("%1 MB").arg(double(kb) / 1024.0, 0, 'f', 1);
}

QString cpuModel()
{
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (cpuinfo.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : cpuinfo.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

QStringList codePoints(const QString& text)
{
    QStringList out;
    for (char32_t c : text.toUcs4())
        out.append(QString::fromUcs4(&c, 1));
    return out;
}

QString sqlLiteral(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

struct Sample
{
    QString name;
    QString idNumber;
    QString mobile;
    QString organisationPath; // of the member's own organisation (a base union)
};

enum class Kind
{
    Name,   // Chinese text: a name fragment
    Digits, // digits (and a final X): an ID number, a mobile or their last digits
};

struct Category
{
    QString label;
    Kind kind;
    bool needsMobile;
    QString (*query)(const Sample&);
    // The best plain SQL for an exact value (an index lookup), besides the naive LIKE; empty if none.
    QString exactColumn;
    // Searching inside an organisation as well (the roster's organisation filter): 0 = the whole
    // store, n = the member's ancestor n levels down from the root (2 = its district), -1 = the
    // member's own base union.
    int organisationDepth;
};

QString organisationFilter(const Sample& s, int depth)
{
    if (depth == 0)
        return {};
    if (depth < 0)
        return s.organisationPath;
    return s.organisationPath.section(QLatin1Char('/'), 0, depth - 1) + QLatin1Char('/');
}

QString surname(const Sample& s)
{
    return codePoints(s.name).value(0);
}

const std::vector<Category>& categories()
{
    static const std::vector<Category> list = {
        {QStringLiteral("surname, 1 character"), Kind::Name, false, surname, QString(), 0},
        {QStringLiteral("name fragment, 2 characters"), Kind::Name, false,
         [](const Sample& s) {
             const QStringList cps = codePoints(s.name);
             // The given name of a three-character name; a two-character name whole.
             return cps.size() >= 3 ? cps.at(1) + cps.at(2) : cps.join(QString());
         },
         QString(), 0},
        {QStringLiteral("full ID number"), Kind::Digits, false, [](const Sample& s) { return s.idNumber; },
         QStringLiteral("id_number"), 0},
        {QStringLiteral("ID number, last 6"), Kind::Digits, false,
         [](const Sample& s) { return s.idNumber.right(6); }, QString(), 0},
        {QStringLiteral("full mobile"), Kind::Digits, true, [](const Sample& s) { return s.mobile; },
         QStringLiteral("mobile"), 0},
        {QStringLiteral("mobile, last 4"), Kind::Digits, true,
         [](const Sample& s) { return s.mobile.right(4); }, QString(), 0},
        // Beyond the search box alone: the organisation tree's filter and a surname together.
        {QStringLiteral("surname in a district"), Kind::Name, false, surname, QString(), 2},
        {QStringLiteral("surname in a base union"), Kind::Name, false, surname, QString(), -1},
    };
    return list;
}

// Real members, drawn with a fixed seed so every run asks the same questions of the same store.
std::vector<Sample> sampleMembers(const QSqlDatabase& db, int count, bool needsMobile, quint64 seed)
{
    std::vector<Sample> samples;
    QSqlQuery bounds(db);
    if (!bounds.exec(QStringLiteral("SELECT min(local_id), max(local_id) FROM member")) || !bounds.next())
        return samples;
    const qint64 low = bounds.value(0).toLongLong();
    const qint64 high = bounds.value(1).toLongLong();
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<qint64> pick(low, high);
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "SELECT m.name, m.id_number, m.mobile, o.path FROM member m JOIN organisation o ON o.id = "
        "m.organisation_id WHERE m.local_id = ? AND m.deleted = 0"));
    for (int attempts = 0; int(samples.size()) < count && attempts < count * 100; ++attempts) {
        q.bindValue(0, pick(random));
        if (!q.exec() || !q.next())
            continue;
        Sample s{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()};
        if (needsMobile && s.mobile.isEmpty())
            continue;
        samples.push_back(s);
    }
    return samples;
}

struct Timing
{
    std::vector<double> total; // count + first screen, what the clerk waits for
    std::vector<double> count;
    std::vector<double> page;
    std::vector<qint64> hits;
};

// One search as the roster view runs it: the filter set on the model (which counts), then the
// first screenful of cells read as the table paints them.
void timeSearch(RosterModel& model, const QString& text, const QString& organisationPath, int screenRows,
                Timing& timing)
{
    RosterFilter filter;
    filter.search = text;
    filter.organisationPath = organisationPath;
    QElapsedTimer timer;
    timer.start();
    model.setFilter(filter);
    const double counted = msSince(timer);
    const int rows = std::min(model.rowCount(), screenRows);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < model.columnCount(); ++c)
            model.data(model.index(r, c));
    }
    const double total = msSince(timer);
    timing.total.push_back(total);
    timing.count.push_back(counted);
    timing.page.push_back(total - counted);
    timing.hits.push_back(model.rowCount());
}

// The same columns as the roster's query (RosterQuery), so both sides read the same data.
const QString kReferenceColumns =
    QStringLiteral("m.local_id, m.id, m.name, m.gender, m.id_number, m.mobile, "
                   "(SELECT o.name FROM organisation o WHERE o.id = m.organisation_id), "
                   "m.employment_form, m.join_date, m.card_number, m.status, m.verified");

// The search a developer would write without the search index: the same matches as the roster
// (a name containing the text; an ID number or mobile ending in the digits, or a card number
// starting with them), as LIKE over the member table.
QString naiveCondition(Kind kind, const QString& text, const QString& organisationPath)
{
    QString condition;
    if (kind == Kind::Name) {
        condition = QStringLiteral("m.name LIKE ") + sqlLiteral(QLatin1Char('%') + text + QLatin1Char('%'));
    } else {
        const QString suffix = sqlLiteral(QLatin1Char('%') + text.toUpper());
        condition = QStringLiteral("(m.id_number LIKE ") + suffix + QStringLiteral(" OR m.mobile LIKE ") +
                    suffix + QStringLiteral(" OR m.card_number LIKE ") +
                    sqlLiteral(text.toUpper() + QLatin1Char('%')) + QLatin1Char(')');
    }
    // The subtree as the roster's query states it (Scope::upperBound: the final '/' becomes '0').
    if (!organisationPath.isEmpty())
        condition += QStringLiteral(" AND m.organisation_id IN (SELECT id FROM organisation WHERE path >= ") +
                     sqlLiteral(organisationPath) + QStringLiteral(" AND path < ") +
                     sqlLiteral(organisationPath.chopped(1) + QLatin1Char('0')) + QLatin1Char(')');
    return condition;
}

struct Reference
{
    std::vector<double> total; // count + first page
    std::vector<qint64> hits;
    QString error;
};

// Runs count + first page for every query in one sqlite3 shell on the store, timed by the
// shell's own .timer (statement time only, no process start), with the same page cache size as
// the application's connection.
Reference runSqlite3(const QString& sqlite3, const QString& store, const QStringList& conditions,
                     int pageSize)
{
    Reference ref;
    QTemporaryFile results;
    if (!results.open()) {
        ref.error = QStringLiteral("cannot create a temporary file");
        return ref;
    }
    QString script =
        QStringLiteral(".timer on\n.output %1\nPRAGMA cache_size = -65536;\n").arg(results.fileName());
    // Concatenated, not QString::arg(): a LIKE pattern such as '%01777X' holds "%0".
    for (const QString& condition : conditions) {
        script += QStringLiteral("SELECT 'COUNT:' || count(*) FROM member m WHERE m.deleted = 0 AND ") +
                  condition + QStringLiteral(";\n");
        script += QStringLiteral("SELECT ") + kReferenceColumns +
                  QStringLiteral(" FROM member m WHERE m.deleted = 0 AND ") + condition +
                  QStringLiteral(" ORDER BY m.name, m.local_id LIMIT ") + QString::number(pageSize) +
                  QStringLiteral(";\n");
    }
    QProcess shell;
    shell.start(sqlite3, {QStringLiteral("-batch"), store});
    if (!shell.waitForStarted(10'000)) {
        ref.error = QStringLiteral("cannot start %1").arg(sqlite3);
        return ref;
    }
    shell.write(script.toUtf8());
    shell.closeWriteChannel();
    shell.waitForFinished(-1);
    const QString errors = QString::fromUtf8(shell.readAllStandardError()).trimmed();
    if (shell.exitCode() != 0 || !errors.isEmpty()) {
        ref.error =
            errors.isEmpty() ? QStringLiteral("sqlite3 exited with %1").arg(shell.exitCode()) : errors;
        return ref;
    }
    static const QRegularExpression runTime(QStringLiteral("^Run Time: real ([0-9.]+)"),
                                            QRegularExpression::MultilineOption);
    std::vector<double> statements;
    for (auto it = runTime.globalMatch(QString::fromUtf8(shell.readAllStandardOutput())); it.hasNext();)
        statements.push_back(it.next().captured(1).toDouble() * 1000.0);
    // The first timed statement is the PRAGMA; then a count and a page per query.
    if (statements.size() != size_t(1 + 2 * conditions.size())) {
        ref.error = QStringLiteral("expected %1 timings from sqlite3, got %2")
                        .arg(1 + 2 * conditions.size())
                        .arg(statements.size());
        return ref;
    }
    for (qsizetype i = 0; i < conditions.size(); ++i)
        ref.total.push_back(statements[size_t(1 + 2 * i)] + statements[size_t(2 + 2 * i)]);
    results.seek(0);
    for (const QByteArray& line : results.readAll().split('\n')) {
        if (line.startsWith("COUNT:"))
            ref.hits.push_back(line.mid(6).toLongLong());
    }
    return ref;
}

QString sqlite3Version(const QString& sqlite3)
{
    QProcess shell;
    shell.start(sqlite3, {QStringLiteral("-version")});
    if (!shell.waitForFinished(10'000))
        return QStringLiteral("not found");
    return QString::fromUtf8(shell.readAllStandardOutput()).section(QLatin1Char(' '), 0, 0);
}

qint64 memberCount(const QString& path)
{
    QString error;
    const auto db = Database::open(path, Database::OpenMode::MustExist, &error);
    if (!db)
        return -1;
    QSqlQuery q(db->connection());
    if (q.exec(QStringLiteral("SELECT count(*) FROM member")) && q.next())
        return q.value(0).toLongLong();
    return -1;
}

bool buildStore(const QString& path, qint64 members, quint64 seed, double* seconds)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    QString error;
    const auto db = Database::open(path, Database::OpenMode::CreateIfMissing, &error);
    if (!db) {
        err() << "error: " << error << Qt::endl;
        return false;
    }
    const bool interactive = isatty(fileno(stderr));
    QElapsedTimer timer;
    timer.start();
    DemoGenerator::Options options;
    options.members = members;
    options.seed = seed;
    const bool done = DemoGenerator::generate(
        *db, options,
        [&](qint64 written, qint64 total) {
            if (interactive && total > 0)
                err() << QStringLiteral("\rgenerating %1%").arg(written * 100 / total) << Qt::flush;
            return true;
        },
        &error);
    if (interactive)
        err() << QStringLiteral("\r                 \r") << Qt::flush;
    *seconds = double(timer.elapsed()) / 1000.0;
    if (!done)
        err() << "error: " << error << Qt::endl;
    return done;
}

QString pad(const QString& text, int width, bool right = false)
{
    return right ? text.rightJustified(width) : text.leftJustified(width);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("uniondesk-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Times opening and searching a large UnionDesk roster through the core's RosterModel, with the "
        "sqlite3 shell running the naive LIKE search on the same file as the reference."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("db"), QStringLiteral("Data file to build or reuse."),
                      QStringLiteral("FILE"), QStringLiteral("/tmp/uniondesk-bench.sqlite")});
    parser.addOption({QStringLiteral("members"), QStringLiteral("Members to generate."), QStringLiteral("N"),
                      QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("seed"),
                      QStringLiteral("Seed of the generated data and of the query sample."),
                      QStringLiteral("S"), QStringLiteral("20240601")});
    parser.addOption(
        {QStringLiteral("reuse"),
         QStringLiteral("Use FILE as it is if it already holds N members (else it is rebuilt).")});
    parser.addOption({QStringLiteral("queries"), QStringLiteral("Queries per kind of search."),
                      QStringLiteral("K"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("sqlite3"), QStringLiteral("The sqlite3 shell for the reference."),
                      QStringLiteral("PATH"), QStringLiteral("sqlite3")});
    parser.addOption({QStringLiteral("reference-queries"),
                      QStringLiteral("Queries per kind for the sqlite3 reference (the first of the same "
                                     "queries; default: all). Each naive query takes about a second on a "
                                     "million members."),
                      QStringLiteral("K")});
    parser.addOption({QStringLiteral("no-reference"), QStringLiteral("Skip the sqlite3 reference.")});
    parser.addOption(
        {QStringLiteral("counts-only"),
         QStringLiteral("Only the subtree counts of the organisation tree (no roster, no search).")});
    parser.addOption({QStringLiteral("count-runs"),
                      QStringLiteral("Runs of each subtree count (default 20)."), QStringLiteral("K"),
                      QStringLiteral("20")});
    parser.addOption({QStringLiteral("build-only"),
                      QStringLiteral("Only generate the store and exit (the benchmark builds in a child "
                                     "process of its own, so the generator's memory is not counted).")});
    parser.process(app);

    bool ok = false;
    const qint64 members = parser.value(QStringLiteral("members")).toLongLong(&ok);
    if (!ok || members < 1) {
        err() << "error: --members: give a whole number above 0." << Qt::endl;
        return 2;
    }
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    const int queries = parser.value(QStringLiteral("queries")).toInt(&ok);
    if (!ok || queries < 1) {
        err() << "error: --queries: give a whole number above 0." << Qt::endl;
        return 2;
    }
    const int referenceQueries = parser.isSet(QStringLiteral("reference-queries"))
                                     ? parser.value(QStringLiteral("reference-queries")).toInt(&ok)
                                     : queries;
    if (!ok || referenceQueries < 1) {
        err() << "error: --reference-queries: give a whole number above 0." << Qt::endl;
        return 2;
    }
    const QString path = parser.value(QStringLiteral("db"));
    const QString sqlite3 = parser.value(QStringLiteral("sqlite3"));
    constexpr int screenRows = 40;

    if (parser.isSet(QStringLiteral("build-only"))) {
        double seconds = 0;
        return buildStore(path, members, seed, &seconds) ? 0 : 1;
    }

    // 1. The store.
    double buildSeconds = -1;
    const bool reuse =
        parser.isSet(QStringLiteral("reuse")) && QFileInfo::exists(path) && memberCount(path) == members;
    qint64 buildPeakKb = -1;
    if (!reuse) {
        // In a child process: this one then holds only what opening and searching the roster needs.
        err() << "Generating " << members << " members into " << path << " …" << Qt::endl;
        QProcess builder;
        builder.setProcessChannelMode(QProcess::ForwardedChannels);
        QElapsedTimer buildTimer;
        buildTimer.start();
        builder.start(QCoreApplication::applicationFilePath(),
                      {QStringLiteral("--db"), path, QStringLiteral("--members"), QString::number(members),
                       QStringLiteral("--seed"), QString::number(seed), QStringLiteral("--build-only")});
        if (!builder.waitForFinished(-1) || builder.exitStatus() != QProcess::NormalExit ||
            builder.exitCode() != 0) {
            err() << "error: generating the store failed." << Qt::endl;
            return 1;
        }
        buildSeconds = double(buildTimer.elapsed()) / 1000.0;
        buildPeakKb = childrenMaxRssKb();
    }

    // 2. Opening the roster: the store, the model and its count, the first screen, a jump deep down.
    QElapsedTimer timer;
    timer.start();
    QString error;
    const std::unique_ptr<Database> db = Database::open(path, Database::OpenMode::MustExist, &error);
    if (!db) {
        err() << "error: " << error << Qt::endl;
        return 1;
    }
    const double openMs = msSince(timer);
    const int countRuns = std::max(1, parser.value(QStringLiteral("count-runs")).toInt());
    const QString countReference = parser.isSet(QStringLiteral("no-reference")) ? QString() : sqlite3;
    if (parser.isSet(QStringLiteral("counts-only"))) {
        out() << "UnionDesk subtree counts — " << QDateTime::currentDateTime().toString(Qt::ISODate) << "; "
              << path << "\n"
              << benchSubtreeCounts(*db, path, countReference, countRuns);
        return 0;
    }
    timer.restart();
    const Scope scope = OrganisationRepository::rootScope(*db);
    RosterModel model;
    model.setSource(db->connection(), scope);
    const int rowCount = model.rowCount();
    const double modelMs = msSince(timer);
    timer.restart();
    for (int r = 0; r < std::min(rowCount, screenRows); ++r) {
        for (int c = 0; c < model.columnCount(); ++c)
            model.data(model.index(r, c));
    }
    const double screenMs = msSince(timer);
    auto jump = [&](int row) {
        QElapsedTimer t;
        t.start();
        for (int r = row; r < std::min(rowCount, row + screenRows); ++r) {
            for (int c = 0; c < model.columnCount(); ++c)
                model.data(model.index(r, c));
        }
        return msSince(t);
    };
    const int middleRow = rowCount / 2;
    const double middleMs = jump(middleRow);
    const int lastScreen = std::max(0, rowCount - screenRows);
    const double endMs = jump(lastScreen);
    const double firstOpenMs = openMs + modelMs + screenMs;

    QString sqliteVersion;
    {
        QSqlQuery q(db->connection());
        if (q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next())
            sqliteVersion = q.value(0).toString();
    }

    // 3. The search box.
    std::vector<QStringList> texts;
    std::vector<QStringList> organisations;
    std::vector<Timing> ours;
    for (size_t k = 0; k < categories().size(); ++k) {
        const Category& category = categories()[k];
        const std::vector<Sample> samples =
            sampleMembers(db->connection(), queries, category.needsMobile, seed + 1000 * (k + 1));
        QStringList list;
        QStringList paths;
        for (const Sample& s : samples) {
            list.append(category.query(s));
            paths.append(organisationFilter(s, category.organisationDepth));
        }
        texts.push_back(list);
        organisations.push_back(paths);
        Timing timing;
        for (qsizetype i = 0; i < list.size(); ++i)
            timeSearch(model, list.at(i), paths.at(i), screenRows, timing);
        ours.push_back(timing);
    }
    model.setFilter({});
    const qint64 searchPeakKb = procStatusKb("VmHWM");
    // 3b. The subtree counts of the organisation tree.
    const QString countsReport = benchSubtreeCounts(*db, path, countReference, countRuns);
    const qint64 rssKb = procStatusKb("VmRSS");

    // 4. The reference: the sqlite3 shell on the same file, the naive SQL, the same queries.
    const bool reference = !parser.isSet(QStringLiteral("no-reference"));
    std::vector<Reference> naive(categories().size());
    std::vector<Reference> exact(categories().size());
    if (reference) {
        for (size_t k = 0; k < categories().size(); ++k) {
            const Category& category = categories()[k];
            err() << "sqlite3 reference: " << category.label << " …" << Qt::endl;
            QStringList conditions;
            const QStringList asked = texts[k].mid(0, referenceQueries);
            for (qsizetype i = 0; i < asked.size(); ++i)
                conditions.append(naiveCondition(category.kind, asked.at(i), organisations[k].at(i)));
            naive[k] = runSqlite3(sqlite3, path, conditions, RosterModel::PageSize);
            if (!category.exactColumn.isEmpty()) {
                QStringList exactConditions;
                for (const QString& text : asked)
                    exactConditions.append(
                        QStringLiteral("m.%1 = %2").arg(category.exactColumn, sqlLiteral(text)));
                exact[k] = runSqlite3(sqlite3, path, exactConditions, RosterModel::PageSize);
            }
        }
    }

    // 5. The report.
    QTextStream& o = out();
    const qint64 fileKb = (QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size()) / 1024;
    o << "UnionDesk roster benchmark — " << QDateTime::currentDateTime().toString(Qt::ISODate) << "\n";
    o << "Machine: " << cpuModel() << ", " << QThread::idealThreadCount() << " cores; "
      << QSysInfo::prettyProductName() << "; Qt " << qVersion() << "; SQLite " << sqliteVersion
      << " (application), " << sqlite3Version(sqlite3) << " (sqlite3 shell)\n";
    o << "Store: " << path << ", " << rowCount << " members, " << mb(fileKb) << " on disk; "
      << (reuse ? QStringLiteral("reused") : QStringLiteral("generated in %1 s").arg(buildSeconds, 0, 'f', 1))
      << "\n\n";

    o << "Roster open (OS file cache warm)\n";
    o << "  Database::open (pragmas, migration check)      " << pad(ms(openMs), 8, true) << " ms\n";
    o << "  RosterModel::setSource + rowCount (" << rowCount << ")"
      << QString(qMax(0, 11 - QString::number(rowCount).size()), QLatin1Char(' '))
      << pad(ms(modelMs), 8, true) << " ms\n";
    o << "  first screen, " << screenRows << " rows × " << model.columnCount() << " columns              "
      << pad(ms(screenMs), 8, true) << " ms\n";
    o << "  = roster open, first screen shown              " << pad(ms(firstOpenMs), 8, true) << " ms\n";
    o << "  jump to row " << pad(QString::number(middleRow), 8) << " (scrollbar to the middle)  "
      << pad(ms(middleMs), 8, true) << " ms\n";
    o << "  jump to row " << pad(QString::number(lastScreen), 8) << " (end of the roster)       "
      << pad(ms(endMs), 8, true) << " ms\n\n";

    o << "Search, " << queries << " queries of each kind from sampled members (seed " << seed
      << "): RosterModel::setFilter (count) + first screen of " << screenRows << " rows (one page of "
      << RosterModel::PageSize << ")\n";
    o << "Reference: sqlite3 shell, the first " << std::min(queries, referenceQueries)
      << " of the same queries, count(*) + first " << RosterModel::PageSize
      << " rows with the naive LIKE (name LIKE '%x%'; id_number/mobile LIKE '%digits' OR card_number LIKE "
         "'digits%'), ORDER BY name\n\n";
    o << pad(QStringLiteral("kind"), 30) << pad(QStringLiteral("hits p50"), 10, true)
      << pad(QStringLiteral("p50 ms"), 9, true) << pad(QStringLiteral("p95 ms"), 9, true)
      << pad(QStringLiteral("max ms"), 9, true) << pad(QStringLiteral("count p95"), 11, true)
      << pad(QStringLiteral("page p95"), 10, true) << " │" << pad(QStringLiteral("sqlite3 p50"), 12, true)
      << pad(QStringLiteral("p95"), 9, true) << pad(QStringLiteral("×p50"), 8, true)
      << pad(QStringLiteral("×p95"), 8, true) << "\n";
    QStringList overBudget;
    QStringList notes;
    for (size_t k = 0; k < categories().size(); ++k) {
        const Timing& t = ours[k];
        std::vector<double> hits(t.hits.begin(), t.hits.end());
        const double p50 = percentile(t.total, 0.50);
        const double p95 = percentile(t.total, 0.95);
        if (p95 >= 100.0)
            overBudget << categories()[k].label;
        o << pad(categories()[k].label, 30) << pad(QString::number(qint64(percentile(hits, 0.5))), 10, true)
          << pad(ms(p50), 9, true) << pad(ms(p95), 9, true)
          << pad(ms(*std::max_element(t.total.begin(), t.total.end())), 9, true)
          << pad(ms(percentile(t.count, 0.95)), 11, true) << pad(ms(percentile(t.page, 0.95)), 10, true)
          << " │";
        auto referenceColumns = [&](const Reference& r) {
            if (!r.error.isEmpty() || r.total.empty()) {
                o << pad(QStringLiteral("–"), 12, true) << pad(QStringLiteral("–"), 9, true)
                  << pad(QStringLiteral("–"), 8, true) << pad(QStringLiteral("–"), 8, true);
                return;
            }
            const double r50 = percentile(r.total, 0.50);
            const double r95 = percentile(r.total, 0.95);
            // The shell times to the millisecond: 0 means under half a millisecond, and no ratio.
            auto ratio = [](double theirs, double own) {
                if (theirs <= 0)
                    return QStringLiteral("–");
                const double x = theirs / own;
                // Two significant digits below 1 (sqlite3 faster), else whole or one decimal.
                return x < 1 ? QString::number(x, 'g', 2) : QString::number(x, 'f', x < 10 ? 1 : 0);
            };
            auto shellMs = [](double value) {
                return value <= 0 ? QStringLiteral("<0.5") : ms(value);
            };
            // Against our times for the same queries (the reference may run only the first few).
            const std::vector<double> same(t.total.begin(),
                                           t.total.begin() +
                                               qMin(qsizetype(t.total.size()), qsizetype(r.total.size())));
            o << pad(shellMs(r50), 12, true) << pad(shellMs(r95), 9, true)
              << pad(ratio(r50, percentile(same, 0.50)), 8, true)
              << pad(ratio(r95, percentile(same, 0.95)), 8, true);
        };
        if (reference)
            referenceColumns(naive[k]);
        o << "\n";
        if (reference && !exact[k].total.empty()) {
            o << pad(QStringLiteral("  exact: ") + categories()[k].exactColumn + QStringLiteral(" = ?"), 30)
              << QString(58, QLatin1Char(' ')) << " │";
            referenceColumns(exact[k]);
            o << "\n";
        }
        if (reference && !naive[k].error.isEmpty())
            notes << QStringLiteral("%1: sqlite3 failed: %2").arg(categories()[k].label, naive[k].error);
        // Both sides must find the same members, or the comparison means nothing.
        if (reference && naive[k].error.isEmpty()) {
            const size_t compared = std::min(naive[k].hits.size(), t.hits.size());
            qsizetype differ = 0;
            for (size_t i = 0; i < compared; ++i)
                differ += naive[k].hits[i] != t.hits[i] ? 1 : 0;
            if (differ || compared != std::min(size_t(referenceQueries), t.hits.size()))
                notes << QStringLiteral("%1: %2 of %3 queries counted differently by the naive SQL")
                             .arg(categories()[k].label)
                             .arg(differ)
                             .arg(compared);
        }
    }
    o << "\n×: sqlite3 time / our time (above 1: the roster is that many times faster than the naive SQL).\n"
         "exact: the reference with the plain index lookup (m.column = ?) instead of LIKE, for full "
         "numbers.\n"
         "sqlite3 times come from its .timer, to the millisecond (<0.5: rounds to 0, no ratio).\n";
    o << "Memory: peak RSS (VmHWM) " << mb(searchPeakKb) << " for opening and all the searches, RSS "
      << mb(rssKb) << " after them";
    if (buildPeakKb > 0)
        o << "; the generator's peak (its own process) " << mb(buildPeakKb);
    o << "\n";
    if (reference && notes.isEmpty())
        o << "Hit counts: the roster and the naive SQL found the same number of members for every query.\n";
    for (const QString& note : std::as_const(notes))
        o << "Note: " << note << "\n";
    if (overBudget.isEmpty())
        o << "Budget: every search kind has p95 under 100 ms.\n";
    else
        o << "BUDGET EXCEEDED (p95 ≥ 100 ms): " << overBudget.join(QStringLiteral("; ")) << "\n";
    o << "\n" << countsReport;
    return overBudget.isEmpty() ? 0 : 3;
}
