// uniondesk-sync-bench: the first sync of a district (issue #5) and a push of 10,000 operations,
// each against PostgreSQL's own bulk COPY of the same rows, measured in one run (bench/README.md).
//
// The server's PostgreSQL database is loaded with a reference district of N members, its
// organisations, a "joined" history event per member and a chair per base union, written as the
// server's push would have written them (path, version, field_versions, updated_*), by COPY. Then:
//   * the reference: psql's COPY (SELECT … ) TO STDOUT of the same rows, to /dev/null;
//   * ours: uniondesk-server on that database, and `uniondesk-cli sync` into a new store;
//   * a push: 5,000 members imported into that store (10,000 outbox operations: each member and its
//     "joined" event) sent by `uniondesk-cli sync`, against psql's COPY FROM STDIN of the same
//     10,000 rows into scratch copies of the server's member and member_event tables.
//
// Every measured run is its own process started through a small launcher (this program again with
// --launch), so each peak memory figure is that run's alone. The PostgreSQL side of each run is
// the CPU time of the database's backends, read from the postmaster's reaped-children counters.

#include "BenchReport.h"
#include "MeasuredRun.h"
#include "demo/DemoNames.h"
#include "members/Member.h"
#include "members/MemberValidator.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "sync/OutboxSnapshots.h"
#include "sync/SyncEntities.h"
#include "sync/SyncRunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <optional>
#include <random>
#include <spawn.h>
#include <string>
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

const QString kDatabaseName = QStringLiteral("uniondesk_sync_bench");
const QString kLogin = QStringLiteral("district-clerk");
const QString kPassword = QStringLiteral("bench-sync-password-2026");
const QString kLoader = QStringLiteral("district-clerk");

// ---- /proc ------------------------------------------------------------------------------------------

struct ProcCpu
{
    double ownMs = -1;      // utime + stime of the process
    double childrenMs = -1; // cutime + cstime: the children it has waited for
};

ProcCpu procCpu(qint64 pid)
{
    ProcCpu cpu;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return cpu;
    const QByteArray text = stat.readAll();
    // The command name is in parentheses and may hold spaces: count fields after the last ')'.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 15)
        return cpu;
    const double tick = 1000.0 / double(sysconf(_SC_CLK_TCK));
    // Fields 14–17 of stat(5), counted from the state (field 3) here.
    cpu.ownMs = (fields.at(11).toDouble() + fields.at(12).toDouble()) * tick;
    cpu.childrenMs = (fields.at(13).toDouble() + fields.at(14).toDouble()) * tick;
    return cpu;
}

// PostgreSQL backends of the bench database still alive (their title names the database).
int liveBackends(const QString& database)
{
    int count = 0;
    const QByteArray marker = ' ' + database.toUtf8() + ' ';
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool numeric = false;
        entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = cmdline.readAll();
        if (text.startsWith("postgres: ") && text.contains(marker))
            ++count;
    }
    return count;
}

// ---- Helper programs -------------------------------------------------------------------------------

// An unmeasured helper program, run to its end.
bool runTool(const QString& program, const QStringList& arguments, QString* output, QString* error,
             const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForStarted(-1) || !process.waitForFinished(-1)) {
        *error = QStringLiteral("%1: %2").arg(program, process.errorString());
        return false;
    }
    const QString text = QString::fromUtf8(process.readAllStandardOutput());
    if (output)
        *output = text;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error =
            QStringLiteral("%1 %2 failed: %3%4")
                .arg(program, arguments.value(0), QString::fromUtf8(process.readAllStandardError()), text)
                .trimmed();
        return false;
    }
    return true;
}

// ---- PostgreSQL ------------------------------------------------------------------------------------

class Psql
{
public:
    Psql(QString program, QString url)
        : m_program(std::move(program))
        , m_url(std::move(url))
    {
    }
    QString url() const { return m_url; }
    QStringList arguments(const QStringList& commands) const
    {
        QStringList args{QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                         QStringLiteral("ON_ERROR_STOP=1"), m_url};
        for (const QString& command : commands)
            args << QStringLiteral("-c") << command;
        return args;
    }
    // Unaligned, tuples only: one line per row, columns separated by tabs.
    bool query(const QString& sql, QString* result, QString* error) const
    {
        QString text;
        if (!runTool(m_program,
                     QStringList{QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-F"),
                                 QStringLiteral("\t")} +
                         arguments({sql}),
                     &text, error))
            return false;
        if (result)
            *result = text.trimmed();
        return true;
    }
    bool run(const QStringList& commands, QString* error) const
    {
        return runTool(m_program, arguments(commands), nullptr, error);
    }
    QString program() const { return m_program; }

private:
    QString m_program;
    QString m_url;
};

QString quoted(const QString& text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("''")) +
           QLatin1Char('\'');
}

// ---- COPY text ---------------------------------------------------------------------------------------

void appendCopyText(QByteArray& line, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            line += "\\\\";
            break;
        case '\t':
            line += "\\t";
            break;
        case '\n':
            line += "\\n";
            break;
        case '\r':
            line += "\\r";
            break;
        default:
            line += c;
        }
    }
}

void appendCopyValue(QByteArray& line, const QVariant& value)
{
    if (!value.isValid()) {
        line += "\\N";
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Bool:
        line += QByteArray::number(value.toLongLong());
        return;
    default:
        appendCopyText(line, value.toString());
    }
}

// The sync columns, then the catalogue's: what the server's SyncRecordStore writes.
QStringList copyColumns(const sync::EntitySpec& spec)
{
    QStringList columns{QStringLiteral("id"),
                        QStringLiteral("path"),
                        QStringLiteral("version"),
                        QStringLiteral("deleted"),
                        QStringLiteral("updated_at"),
                        QStringLiteral("updated_by"),
                        QStringLiteral("field_versions")};
    for (const sync::FieldSpec& field : spec.fields)
        columns.append(field.column);
    return columns;
}

// One COPY line of a record created by a push: its fields as the server stores them
// (sync::toColumn), field_versions "{}" as SyncPushOperation::create leaves it.
QByteArray copyLine(const sync::EntitySpec& spec, const QString& id, const QString& path, qint64 version,
                    const QString& updatedAt, const QJsonObject& fields)
{
    QByteArray line;
    line.reserve(512);
    appendCopyText(line, id);
    line += '\t';
    appendCopyText(line, path);
    line += '\t' + QByteArray::number(version) + "\t0\t";
    appendCopyText(line, updatedAt);
    line += '\t';
    appendCopyText(line, kLoader);
    line += "\t{}";
    for (const sync::FieldSpec& field : spec.fields) {
        line += '\t';
        appendCopyValue(line, sync::toColumn(field, fields.value(field.field)));
    }
    line += '\n';
    return line;
}

const sync::EntitySpec& spec(const char* name)
{
    return *sync::entity(QString::fromLatin1(name));
}

// ---- The reference district --------------------------------------------------------------------

struct District
{
    QString rootId;
    QString id;
    QString path;
    QString upper; // the end of the subtree's path range
    QString baseId;
    QString basePath;
};

struct LoadCounts
{
    qint64 organisations = 0;
    qint64 members = 0;
    qint64 events = 0;
    qint64 cadres = 0;
    qint64 maxVersion = 0;
    qint64 records() const { return organisations + members + events + cadres; }
};

// The first 17 characters of an ID number as an integer: a compact key for "already used".
quint64 idKey(const QString& idNumber)
{
    return idNumber.left(17).toULongLong();
}

class DistrictWriter
{
public:
    DistrictWriter(const QDir& dir, const District& district, qint64 firstVersion, quint64 seed)
        : m_dir(dir)
        , m_district(district)
        , m_version(firstVersion)
        , m_random(seed)
        , m_names(m_random)
        , m_time(QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC))
    {
    }

    bool write(qint64 memberCount, LoadCounts* counts, District* district, QString* error);

private:
    QString nextStamp()
    {
        m_time = m_time.addMSecs(250);
        return m_time.toString(Qt::ISODateWithMs);
    }
    bool open(QFile& file, const char* name, QString* error)
    {
        file.setFileName(m_dir.filePath(QString::fromLatin1(name)));
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return true;
        *error = QStringLiteral("%1: %2").arg(file.fileName(), file.errorString());
        return false;
    }

    QDir m_dir;
    District m_district;
    qint64 m_version;
    std::mt19937_64 m_random;
    DemoNames m_names;
    QDateTime m_time;
};

bool DistrictWriter::write(qint64 memberCount, LoadCounts* counts, District* district, QString* error)
{
    QFile orgs, members, events, cadres;
    if (!open(orgs, "organisation.tsv", error) || !open(members, "member.tsv", error) ||
        !open(events, "member_event.tsv", error) || !open(cadres, "cadre.tsv", error))
        return false;
    const sync::EntitySpec& orgSpec = spec("organisation");
    const sync::EntitySpec& memberSpec = spec("member");
    const sync::EntitySpec& eventSpec = spec("member_event");
    const sync::EntitySpec& cadreSpec = spec("cadre");

    // The shape of DemoGenerator's districts: townships and an industry federation, base unions of
    // about 200 members under them, a few large employers among many small ones.
    struct Org
    {
        QString id;
        QString path;
        double weight = 0;
        QString chairId; // a member who chairs the base union
        QString chairName;
    };
    auto addOrg = [&](const QString& parentId, const QString& parentPath, const QString& level,
                      const QString& kind, const QString& name, const QString& industry) {
        Org org;
        org.id = QUuid::createUuidV5(QUuid(), QString::number(counts->organisations) + QLatin1Char('o'))
                     .toString(QUuid::WithoutBraces);
        org.path = parentPath + org.id + QLatin1Char('/');
        const QJsonObject fields{
            {QStringLiteral("parent"), parentId},
            {QStringLiteral("level"), level},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("name"), name},
            {QStringLiteral("creditCode"), m_names.creditCode(true)},
            {QStringLiteral("foundedOn"), QStringLiteral("2005-06-01")},
            {QStringLiteral("address"), QString()},
            {QStringLiteral("contact"), QString()},
            {QStringLiteral("industry"), industry},
            {QStringLiteral("headcount"), 0},
            {QStringLiteral("status"), QStringLiteral("active")},
            {QStringLiteral("legalPersonNumber"), QString()},
            {QStringLiteral("legalPersonRegisteredOn"), QString()},
        };
        orgs.write(copyLine(orgSpec, org.id, org.path, m_version++, nextStamp(), fields));
        ++counts->organisations;
        return org;
    };

    // The district itself (made by `admin add-org`) is a record of its own subtree.
    counts->organisations = 1;
    const qint64 baseCount = std::max<qint64>(3, memberCount / 200);
    const int townshipCount = static_cast<int>(std::clamp<qint64>(baseCount / 60 + 2, 2, 24));
    std::vector<Org> parents;
    for (int t = 0; t < townshipCount; ++t)
        parents.push_back(addOrg(m_district.id, m_district.path, QStringLiteral("township"),
                                 QStringLiteral("township-union"),
                                 m_names.townshipName(t) + QStringLiteral("工会"), QString()));
    parents.push_back(addOrg(m_district.id, m_district.path, QStringLiteral("township"),
                             QStringLiteral("industry-federation"), QStringLiteral("快递物流行业工会联合会"),
                             QStringLiteral("交通运输、仓储和邮政业")));
    static const std::vector<std::pair<const char*, int>> baseKinds = {
        {"enterprise", 75}, {"institution", 15}, {"joint", 10}};
    std::vector<Org> bases;
    double totalWeight = 0;
    for (qint64 b = 0; b < baseCount; ++b) {
        const Org& parent = parents[static_cast<size_t>(m_names.uniform(0, int(parents.size()) - 1))];
        const QString kind = QString::fromLatin1(m_names.weighted(baseKinds));
        const QString name = kind == QLatin1String("joint")
                                 ? m_names.townshipName(m_names.uniform(0, 50)) + QStringLiteral("联合工会")
                                 : m_names.companyName() + QStringLiteral("工会");
        Org base = addOrg(parent.id, parent.path, QStringLiteral("base"), kind, name, QString());
        base.weight = m_names.unit() < 0.05 ? 8.0 + m_names.unit() * 12.0 : 0.3 + m_names.unit() * 1.4;
        totalWeight += base.weight;
        bases.push_back(base);
    }
    std::vector<double> cumulative;
    double running = 0;
    for (const Org& b : bases) {
        running += b.weight / totalWeight;
        cumulative.push_back(running);
    }
    district->baseId = bases.front().id;
    district->basePath = bases.front().path;

    static const std::vector<std::pair<const char*, int>> statuses = {
        {"active", 860}, {"retained", 60}, {"hung", 25},    {"withdrawn", 30},
        {"stopped", 10}, {"expelled", 3},  {"deceased", 12}};
    static const std::vector<std::pair<const char*, int>> forms = {
        {"employee", 790},    {"courier", 45},    {"food-delivery", 45}, {"ride-hailing", 30},
        {"truck-driver", 20}, {"sanitation", 20}, {"construction", 40},  {"flexible", 10}};
    static const std::vector<std::pair<const char*, int>> educations = {
        {"master", 40},       {"bachelor", 260},    {"college", 250}, {"vocational", 140},
        {"high-school", 160}, {"junior-high", 130}, {"primary", 20}};
    static const std::vector<std::pair<const char*, int>> politics = {
        {"cpc", 120}, {"cpc-probationary", 5}, {"cyl", 150}, {"democratic-party", 5}, {"masses", 720}};
    const QStringList jobs = {QStringLiteral("操作工"), QStringLiteral("技术员"), QStringLiteral("会计"),
                              QStringLiteral("司机"),   QStringLiteral("销售"),   QStringLiteral("文员"),
                              QStringLiteral("工程师"), QStringLiteral("保安"),   QStringLiteral("厨师")};
    std::unordered_set<quint64> used;
    used.reserve(static_cast<size_t>(memberCount) * 2);
    const QDate today(2026, 10, 1);
    QByteArray memberBuffer;
    QByteArray eventBuffer;
    for (qint64 i = 0; i < memberCount; ++i) {
        const bool female = m_names.unit() < 0.45;
        Member m;
        m.id = QUuid::createUuidV5(QUuid(), QString::number(i) + QLatin1Char('m'))
                   .toString(QUuid::WithoutBraces);
        m.ethnicity = m_names.ethnicity();
        m.name = m_names.personName(female, m.ethnicity);
        m.gender = female ? QStringLiteral("female") : QStringLiteral("male");
        const QDate birth = QDate(1962, 1, 1).addDays(m_names.uniform(0, 42 * 365));
        do {
            m.idNumber = m_names.idNumber(birth, female);
        } while (!used.insert(idKey(m.idNumber)).second);
        m.birthDate = birth.toString(Qt::ISODate);
        const QDate earliest = std::max(birth.addYears(18), QDate(1992, 1, 1));
        const QDate joined = earliest.addDays(m_names.uniform(0, static_cast<int>(earliest.daysTo(today))));
        m.joinDate = joined.toString(Qt::ISODate);
        m.status = QString::fromLatin1(m_names.weighted(statuses));
        m.employmentForm = QString::fromLatin1(m_names.weighted(forms));
        m.education = QString::fromLatin1(m_names.weighted(educations));
        m.politicalStatus = QString::fromLatin1(m_names.weighted(politics));
        m.jobTitle = jobs.at(m_names.uniform(0, static_cast<int>(jobs.size()) - 1));
        m.household = m_names.unit() < 0.35 ? QStringLiteral("rural") : QStringLiteral("urban");
        m.verified = m_names.unit() < 0.65;
        if (m.verified) {
            m.verifiedMethod = QStringLiteral("platform");
            m.verifiedAt = joined.addDays(m_names.uniform(0, 30)).toString(Qt::ISODate);
        }
        m.mobile = m_names.unit() < 0.92 ? m_names.mobile() : QString();
        m.cardNumber = QStringLiteral("GH%1").arg(i + 1, 10, 10, QLatin1Char('0'));
        m.labourModelLevel = m_names.unit() < 0.002 ? QStringLiteral("市级") : QString();
        m.hardship = m_names.unit() < 0.02;
        const size_t baseIndex = static_cast<size_t>(
            std::lower_bound(cumulative.begin(), cumulative.end(), m_names.unit()) - cumulative.begin());
        Org& base = bases[std::min(baseIndex, bases.size() - 1)];
        m.organisationId = base.id;
        // What the server keeps is the validator's normalised record; a generated member that it
        // refuses would be a bug here, not data to load.
        const QList<FieldProblem> problems = MemberValidator::normaliseAndCheck(m);
        if (MemberValidator::hasErrors(problems)) {
            *error = QStringLiteral("generated member %1 is invalid: %2")
                         .arg(i)
                         .arg(MemberValidator::describeErrors(problems));
            return false;
        }
        if (base.chairId.isEmpty() && m.status == QLatin1String("active")) {
            base.chairId = m.id;
            base.chairName = m.name;
        }
        memberBuffer += copyLine(memberSpec, m.id, base.path, m_version++, nextStamp(), m.toFields());
        ++counts->members;
        const QJsonObject event{
            {QStringLiteral("member"), m.id},           {QStringLiteral("kind"), QStringLiteral("joined")},
            {QStringLiteral("occurredOn"), m.joinDate}, {QStringLiteral("fromStatus"), QString()},
            {QStringLiteral("toStatus"), m.status},     {QStringLiteral("reason"), QString()},
            {QStringLiteral("details"), QJsonObject()}};
        eventBuffer += copyLine(eventSpec,
                                QUuid::createUuidV5(QUuid(), QString::number(i) + QLatin1Char('e'))
                                    .toString(QUuid::WithoutBraces),
                                base.path, m_version++, nextStamp(), event);
        ++counts->events;
        if (memberBuffer.size() > (4 << 20)) {
            members.write(memberBuffer);
            events.write(eventBuffer);
            memberBuffer.clear();
            eventBuffer.clear();
        }
    }
    members.write(memberBuffer);
    events.write(eventBuffer);
    qint64 c = 0;
    for (const Org& base : bases) {
        if (base.chairId.isEmpty())
            continue;
        const QJsonObject fields{
            {QStringLiteral("member"), base.chairId},
            {QStringLiteral("organisation"), base.id},
            {QStringLiteral("name"), base.chairName},
            {QStringLiteral("position"), QStringLiteral("chair")},
            {QStringLiteral("fullTime"), false},
            {QStringLiteral("termStart"), QStringLiteral("2023-06-01")},
            {QStringLiteral("termEnd"), QStringLiteral("2028-05-31")},
            {QStringLiteral("endedOn"), QString()},
            {QStringLiteral("electedHow"), QStringLiteral("elected")},
        };
        cadres.write(copyLine(cadreSpec,
                              QUuid::createUuidV5(QUuid(), QString::number(c++) + QLatin1Char('c'))
                                  .toString(QUuid::WithoutBraces),
                              base.path, m_version++, nextStamp(), fields));
        ++counts->cadres;
    }
    counts->maxVersion = m_version - 1;
    return true;
}

// The server's database: migrated by uniondesk-server itself, the district and the clerk added by
// its admin commands, then the generated records by COPY with the secondary indexes dropped and
// rebuilt (their definitions read back from pg_indexes, so they come back exactly as migrated).
bool loadDistrict(const Psql& psql, const QString& server, const QDir& dir, qint64 memberCount, quint64 seed,
                  District* district, LoadCounts* counts, QString* error)
{
    const QString passwordFile = dir.filePath(QStringLiteral("password"));
    {
        QFile file(passwordFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(kPassword.toUtf8() + '\n') < 0) {
            *error = file.errorString();
            return false;
        }
    }
    const QStringList database{QStringLiteral("--database"), psql.url(), QStringLiteral("admin")};
    QString text;
    if (!runTool(server,
                 database + QStringList{QStringLiteral("init"), QStringLiteral("--org-name"),
                                        QStringLiteral("示例市总工会"), QStringLiteral("--level"),
                                        QStringLiteral("city")},
                 nullptr, error) ||
        !psql.query(QStringLiteral("SELECT id FROM organisation WHERE parent_id IS NULL"), &district->rootId,
                    error) ||
        !runTool(server,
                 database + QStringList{QStringLiteral("add-org"), QStringLiteral("--name"),
                                        QStringLiteral("示例区总工会"), QStringLiteral("--parent"),
                                        district->rootId, QStringLiteral("--level"),
                                        QStringLiteral("district")},
                 nullptr, error) ||
        !psql.query(QStringLiteral("SELECT id || E'\\t' || path FROM organisation WHERE level = 'district'"),
                    &text, error))
        return false;
    district->id = text.section(QLatin1Char('\t'), 0, 0);
    district->path = text.section(QLatin1Char('\t'), 1, 1);
    if (!runTool(server,
                 database + QStringList{QStringLiteral("add-user"), QStringLiteral("--login"), kLogin,
                                        QStringLiteral("--password-file"), passwordFile,
                                        QStringLiteral("--org"), district->id, QStringLiteral("--role"),
                                        QStringLiteral("clerk")},
                 nullptr, error) ||
        !psql.query(QStringLiteral("SELECT value FROM change_seq WHERE id = 1"), &text, error))
        return false;

    QElapsedTimer timer;
    timer.start();
    DistrictWriter writer(dir, *district, text.toLongLong() + 1, seed);
    if (!writer.write(memberCount, counts, district, error))
        return false;
    out() << "  generated " << counts->records() << " records in "
          << QString::number(msSince(timer) / 1000, 'f', 1) << " s" << Qt::endl;

    timer.restart();
    QString indexes;
    if (!psql.query(
            QStringLiteral("SELECT indexname || E'\\t' || indexdef FROM pg_indexes WHERE schemaname = "
                           "'public' AND tablename IN ('member', 'member_event', 'cadre') AND indexname "
                           "NOT LIKE '%\\_pkey'"),
            &indexes, error))
        return false;
    QStringList commands{QStringLiteral("BEGIN")};
    QStringList rebuild;
    for (const QString& line : indexes.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        commands.append(QStringLiteral("DROP INDEX \"%1\"").arg(line.section(QLatin1Char('\t'), 0, 0)));
        rebuild.append(line.section(QLatin1Char('\t'), 1));
    }
    for (const char* table : {"organisation", "member", "member_event", "cadre"})
        commands.append(QStringLiteral("\\copy %1(%2) FROM '%3'")
                            .arg(QLatin1String(table), copyColumns(spec(table)).join(QStringLiteral(", ")),
                                 dir.filePath(QLatin1String(table) + QStringLiteral(".tsv"))));
    commands += rebuild;
    commands += {
        QStringLiteral("UPDATE change_seq SET value = %1 WHERE id = 1").arg(counts->maxVersion),
        QStringLiteral("CREATE TABLE bench_load(members BIGINT, seed BIGINT, max_version BIGINT, "
                       "organisations BIGINT, events BIGINT, cadres BIGINT)"),
        QStringLiteral("INSERT INTO bench_load VALUES (%1, %2, %3, %4, %5, %6)")
            .arg(memberCount)
            .arg(seed)
            .arg(counts->maxVersion)
            .arg(counts->organisations)
            .arg(counts->events)
            .arg(counts->cadres),
        QStringLiteral("COMMIT"),
        QStringLiteral("VACUUM ANALYZE"),
    };
    if (!psql.run(commands, error))
        return false;
    for (const char* table : {"organisation", "member", "member_event", "cadre"})
        QFile::remove(dir.filePath(QLatin1String(table) + QStringLiteral(".tsv")));
    out() << "  loaded by COPY in " << QString::number(msSince(timer) / 1000, 'f', 1) << " s" << Qt::endl;
    return true;
}

// A database loaded by an earlier run with the same members and seed: the push of that run is
// taken back (records above the loaded versions, operations, departures, sessions), so every run
// starts from the same district.
bool reuseDistrict(const Psql& psql, qint64 memberCount, quint64 seed, District* district, LoadCounts* counts,
                   QString* error)
{
    QString text;
    QString ignored;
    if (!psql.query(QStringLiteral("SELECT max_version, organisations, events, cadres FROM bench_load WHERE "
                                   "members = %1 AND seed = %2")
                        .arg(memberCount)
                        .arg(seed),
                    &text, &ignored) ||
        text.isEmpty())
        return false;
    const QStringList values = text.split(QLatin1Char('\t'));
    counts->maxVersion = values.value(0).toLongLong();
    counts->organisations = values.value(1).toLongLong();
    counts->members = memberCount;
    counts->events = values.value(2).toLongLong();
    counts->cadres = values.value(3).toLongLong();
    const QString max = QString::number(counts->maxVersion);
    if (!psql.run({QStringLiteral("BEGIN"), QStringLiteral("DELETE FROM member WHERE version > ") + max,
                   QStringLiteral("DELETE FROM member_event WHERE version > ") + max,
                   QStringLiteral("DELETE FROM cadre WHERE version > ") + max,
                   QStringLiteral("DELETE FROM applied_op"), QStringLiteral("DELETE FROM departure"),
                   QStringLiteral("DELETE FROM session"),
                   QStringLiteral("UPDATE change_seq SET value = %1 WHERE id = 1").arg(max),
                   QStringLiteral("COMMIT"), QStringLiteral("VACUUM ANALYZE member"),
                   QStringLiteral("VACUUM ANALYZE member_event")},
                  error) ||
        !psql.query(QStringLiteral("SELECT r.id, d.id, d.path FROM organisation r, organisation d WHERE "
                                   "r.parent_id IS NULL AND d.level = 'district'"),
                    &text, error))
        return false;
    district->rootId = text.section(QLatin1Char('\t'), 0, 0);
    district->id = text.section(QLatin1Char('\t'), 1, 1);
    district->path = text.section(QLatin1Char('\t'), 2, 2);
    if (!psql.query(
            QStringLiteral("SELECT id, path FROM organisation WHERE level = 'base' ORDER BY version LIMIT 1"),
            &text, error))
        return false;
    district->baseId = text.section(QLatin1Char('\t'), 0, 0);
    district->basePath = text.section(QLatin1Char('\t'), 1, 1);
    return true;
}

// ---- The server ----------------------------------------------------------------------------------

class Server
{
public:
    bool start(const QString& program, const QString& databaseUrl, const QString& logPath, QString* error)
    {
        m_logPath = logPath;
        m_process.setStandardErrorFile(logPath);
        m_process.start(program, {QStringLiteral("--database"), databaseUrl, QStringLiteral("--listen"),
                                  QStringLiteral("127.0.0.1:0")});
        if (!m_process.waitForStarted(-1)) {
            *error = m_process.errorString();
            return false;
        }
        const QRegularExpression listening(QStringLiteral("listening on (\\S+)"));
        QByteArray seen;
        while (m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(1000);
            seen += m_process.readAllStandardOutput();
            const QRegularExpressionMatch match = listening.match(QString::fromUtf8(seen));
            if (match.hasMatch()) {
                m_url = match.captured(1);
                return true;
            }
        }
        *error = QStringLiteral("uniondesk-server did not start: %1").arg(QString::fromUtf8(seen));
        return false;
    }
    QString url() const { return m_url; }
    qint64 pid() const { return m_process.processId(); }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(30000)) {
            m_process.kill();
            m_process.waitForFinished(-1);
        }
    }
    ~Server() { stop(); }

    // The request log's lines (JSON, one per request): the count and summed time per kind.
    struct Requests
    {
        int pushes = 0;
        int pulls = 0;
        double pushMs = 0;
        double pullMs = 0;
    };
    Requests requests() const
    {
        Requests r;
        QFile log(m_logPath);
        if (!log.open(QIODevice::ReadOnly))
            return r;
        for (const QByteArray& line : log.readAll().split('\n')) {
            const QJsonObject entry = QJsonDocument::fromJson(line).object();
            const QString path = entry.value(QLatin1String("path")).toString();
            const double ms = entry.value(QLatin1String("ms")).toDouble();
            if (path.endsWith(QLatin1String("/sync/push"))) {
                ++r.pushes;
                r.pushMs += ms;
            } else if (path.endsWith(QLatin1String("/sync/pull"))) {
                ++r.pulls;
                r.pullMs += ms;
            }
        }
        return r;
    }

private:
    QProcess m_process;
    QString m_url;
    QString m_logPath;
};

// The CPU of PostgreSQL's backends over one step: the postmaster's reaped-children counters, read
// once every backend of the bench database has ended.
class DatabaseCpu
{
public:
    explicit DatabaseCpu(qint64 postmaster)
        : m_postmaster(postmaster)
    {
    }
    bool known() const { return m_postmaster > 0; }
    void start() { m_start = procCpu(m_postmaster).childrenMs; }
    double stop() const
    {
        if (!known())
            return -1;
        for (int i = 0; i < 100 && liveBackends(kDatabaseName) > 0; ++i)
            QThread::msleep(50);
        QThread::msleep(50);
        return procCpu(m_postmaster).childrenMs - m_start;
    }

private:
    qint64 m_postmaster = -1;
    double m_start = 0;
};

// ---- Report --------------------------------------------------------------------------------------

void row(const QString& label, double wallMs, double cpuMs, qint64 peakKb, const QString& rate,
         const QString& detail)
{
    out() << padded(label, 40) << padded(seconds(wallMs), 8, true) << padded(seconds(cpuMs), 8, true)
          << padded(mb(peakKb), 9, true) << padded(rate, 12, true) << "   " << detail << '\n';
}

void header()
{
    out() << padded(QString(), 40) << padded(QStringLiteral("wall s"), 8, true)
          << padded(QStringLiteral("CPU s"), 8, true) << padded(QStringLiteral("peak MB"), 9, true)
          << padded(QStringLiteral("records/s"), 12, true) << '\n';
}

QString ratio(double ours, double reference)
{
    if (ours < 0 || reference <= 0)
        return QStringLiteral("–");
    return QString::number(ours / reference, 'f', ours / reference < 10 ? 2 : 1) + QStringLiteral("×");
}

QString perSecond(qint64 records, double ms)
{
    return ms > 0 ? QString::number(qint64(double(records) * 1000.0 / ms)) : QStringLiteral("–");
}

// ---- The push's roster -----------------------------------------------------------------------------

// Members born after everyone in the district (whose births end in 2004), so no ID number of the
// district can come up again.
bool writePushCsv(const QString& path, int count, quint64 seed, QString* error)
{
    std::mt19937_64 random(seed ^ 0x5eedULL);
    DemoNames names(random);
    std::unordered_set<quint64> used;
    QByteArray text = "\xEF\xBB\xBF";
    text += QStringLiteral("姓名,性别,民族,身份证号码,出生日期,手机号码,入会时间\r\n").toUtf8();
    for (int i = 0; i < count; ++i) {
        const bool female = names.unit() < 0.45;
        const QString ethnicity = names.ethnicity();
        const QDate birth = QDate(2005, 1, 1).addDays(names.uniform(0, 3 * 365));
        QString id;
        do {
            id = names.idNumber(birth, female);
        } while (!used.insert(idKey(id)).second);
        text += QStringList{names.personName(female, ethnicity),
                            female ? QStringLiteral("女") : QStringLiteral("男"),
                            ethnicity,
                            id,
                            birth.toString(Qt::ISODate),
                            names.mobile(),
                            QDate(2026, 9, 1).addDays(names.uniform(0, 60)).toString(Qt::ISODate)}
                    .join(QLatin1Char(','))
                    .toUtf8() +
                "\r\n";
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

// The rows the push will create on the server, as the server would store them: the reference's
// input. Read from the store's outbox after the import.
bool writePushRows(const QString& storePath, const QDir& dir, const District& district, qint64* operations,
                   QString* error)
{
    const QString connection = QStringLiteral("push-rows");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(storePath);
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QFile members(dir.filePath(QStringLiteral("push-member.tsv")));
            QFile events(dir.filePath(QStringLiteral("push-member_event.tsv")));
            members.open(QIODevice::WriteOnly | QIODevice::Truncate);
            events.open(QIODevice::WriteOnly | QIODevice::Truncate);
            // As the push reads them: an import's creations are snapshots of their records.
            QList<OutboxOperation> ops = Outbox(db).pending(std::numeric_limits<int>::max());
            qint64 version = 1;
            const QString stamp = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
            *operations = 0;
            if (sync::OutboxSnapshots(db).fill(&ops, error)) {
                for (const OutboxOperation& op : std::as_const(ops)) {
                    const bool member = op.entity == entity::Member;
                    QFile& file = member ? members : events;
                    file.write(copyLine(spec(member ? "member" : "member_event"), op.recordId,
                                        district.basePath, version++, stamp, op.fields));
                    ++*operations;
                }
                ok = *operations > 0;
                if (!ok)
                    *error = QStringLiteral("the import left no operations in the outbox");
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

// The records of each synced table in a client store, to check the pull against the district.
QString storeCounts(const QString& storePath, qint64* total)
{
    const QString connection = QStringLiteral("store-counts");
    QStringList parts;
    *total = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(storePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            for (const char* table : {"organisation", "member", "member_event", "cadre"}) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) && q.next()) {
                    parts.append(
                        QStringLiteral("%1 %2").arg(q.value(0).toLongLong()).arg(QLatin1String(table)));
                    *total += q.value(0).toLongLong();
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return parts.join(QStringLiteral(", "));
}

// What `uniondesk-cli sync --json` does, with another page size (--pull-limit): SyncRunner on the
// store, in a process of its own.
int measureSync(const QString& storePath, const QString& server, const QString& passwordFile, int pullLimit)
{
    QString error;
    const std::unique_ptr<Database> store =
        Database::open(storePath, Database::OpenMode::CreateIfMissing, &error);
    QFile password(passwordFile);
    if (!store || !password.open(QIODevice::ReadOnly)) {
        out() << "error " << error << Qt::endl;
        return 1;
    }
    sync::SyncOptions options;
    options.serverUrl = server;
    options.login = kLogin;
    options.password = QString::fromUtf8(password.readLine().trimmed());
    options.pullLimit = pullLimit;
    const sync::SyncReport report = sync::SyncRunner(*store, options).run();
    if (!report.ok) {
        QTextStream(stderr) << report.error << Qt::endl;
        return 1;
    }
    out() << QStringLiteral("{\"pushed\": %1, \"pulled\": %2, \"conflicts\": %3}")
                 .arg(report.pushed)
                 .arg(report.pulled)
                 .arg(report.conflicts)
          << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (bench::isLaunch(argc, argv))
        return bench::launch(argc, argv);
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The first sync of a district and a push of 10,000 operations, against PostgreSQL's COPY "
        "of the same rows, measured in one run."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("members"), QStringLiteral("Members of the district (default 1000000)."),
                      QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("push"),
                      QStringLiteral("Operations to push (default 10000; two per member)."),
                      QStringLiteral("N"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Data seed (default 20240601)."),
                      QStringLiteral("S"), QStringLiteral("20240601")});
    parser.addOption(
        {QStringLiteral("postgres"),
         QStringLiteral("A PostgreSQL server (postgresql://USER@HOST:PORT/DB); the bench uses its own "
                        "database %1 there. Default: a private cluster from scripts/test-postgres, "
                        "stopped at the end.")
             .arg(kDatabaseName),
         QStringLiteral("URL")});
    parser.addOption({QStringLiteral("reuse"),
                      QStringLiteral("With --postgres: keep the district an earlier run loaded with the same "
                                     "--members and --seed.")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Keep the files (stores, logs) in DIR."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("no-push"), QStringLiteral("Measure the first pull only.")});
    parser.addOption(
        {QStringLiteral("pull-limit"),
         QStringLiteral("Sync through SyncRunner in this program with N changes per page instead of "
                        "uniondesk-cli's default (an experiment)."),
         QStringLiteral("N")});
    parser.addOption({QStringLiteral("measure-sync"),
                      QStringLiteral("Internal: sync STORE (see --pull-limit)."), QStringLiteral("STORE")});
    parser.addOption({QStringLiteral("server"), QStringLiteral("Internal: the server for --measure-sync."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("password-file"), QStringLiteral("Internal: for --measure-sync."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("bin"),
         QStringLiteral("Where uniondesk-server and uniondesk-cli are (default: beside this program)."),
         QStringLiteral("DIR")});
    parser.process(app);
    if (parser.isSet(QStringLiteral("measure-sync")))
        return measureSync(parser.value(QStringLiteral("measure-sync")),
                           parser.value(QStringLiteral("server")),
                           parser.value(QStringLiteral("password-file")),
                           parser.value(QStringLiteral("pull-limit")).toInt());

    QTextStream& o = out();
    const qint64 memberCount = parser.value(QStringLiteral("members")).toLongLong();
    const int pushOperations = parser.value(QStringLiteral("push")).toInt();
    const int pullLimit = parser.value(QStringLiteral("pull-limit")).toInt();
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong();
    QTemporaryDir tempDir;
    const QString dirPath =
        parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : tempDir.path();
    QDir().mkpath(dirPath);
    const QDir dir(QFileInfo(dirPath).absoluteFilePath());
    const QString bin = parser.isSet(QStringLiteral("bin")) ? parser.value(QStringLiteral("bin"))
                                                            : QCoreApplication::applicationDirPath();
    const QString serverProgram = QDir(bin).filePath(QStringLiteral("uniondesk-server"));
    const QString cliProgram = QDir(bin).filePath(QStringLiteral("uniondesk-cli"));
    for (const QString& program : {serverProgram, cliProgram}) {
        if (!QFileInfo(program).isExecutable()) {
            o << program << " is missing: build the uniondesk-server and uniondesk-cli targets" << Qt::endl;
            return 1;
        }
    }
    const QString psqlProgram = QStandardPaths::findExecutable(QStringLiteral("psql"));
    if (psqlProgram.isEmpty()) {
        o << "psql is missing: install PostgreSQL's client (scripts/setup installs postgresql)" << Qt::endl;
        return 1;
    }

    // The cluster: the one given, or a private one of scripts/test-postgres (stopped at the end, and by
    // its watcher should this program crash).
    QString error;
    QString clusterUrl = parser.value(QStringLiteral("postgres"));
    const QString script = QStringLiteral(UNIONDESK_SOURCE_DIR "/scripts/test-postgres");
    QProcessEnvironment clusterEnvironment = QProcessEnvironment::systemEnvironment();
    clusterEnvironment.insert(QStringLiteral("UNIONDESK_PG_STATE"), dir.filePath(QStringLiteral("pg.state")));
    clusterEnvironment.insert(QStringLiteral("UNIONDESK_PG_WATCH_PID"),
                              QString::number(QCoreApplication::applicationPid()));
    struct ClusterStop
    {
        QString script;
        QProcessEnvironment environment;
        bool active = false;
        ~ClusterStop()
        {
            QString ignored;
            if (active)
                runTool(script, {QStringLiteral("stop")}, nullptr, &ignored, environment);
        }
    } clusterStop{script, clusterEnvironment};
    if (clusterUrl.isEmpty()) {
        clusterStop.active = true;
        if (!runTool(script, {QStringLiteral("start")}, nullptr, &error, clusterEnvironment) ||
            !runTool(script, {QStringLiteral("url")}, &clusterUrl, &error, clusterEnvironment)) {
            o << "cannot start PostgreSQL: " << error << Qt::endl;
            return 1;
        }
        clusterUrl = clusterUrl.trimmed();
    }
    QUrl adminUrl(clusterUrl);
    adminUrl.setPath(QStringLiteral("/postgres"));
    QUrl benchUrl(clusterUrl);
    benchUrl.setPath(QLatin1Char('/') + kDatabaseName);
    const Psql admin(psqlProgram, adminUrl.toString());
    const Psql psql(psqlProgram, benchUrl.toString());

    QString version;
    QString dataDirectory;
    if (!admin.query(QStringLiteral("SHOW server_version"), &version, &error) ||
        !admin.query(QStringLiteral("SHOW data_directory"), &dataDirectory, &error)) {
        o << "PostgreSQL does not answer at " << clusterUrl << ": " << error << Qt::endl;
        return 1;
    }
    qint64 postmaster = -1;
    {
        QFile pidFile(QDir(dataDirectory).filePath(QStringLiteral("postmaster.pid")));
        if (pidFile.open(QIODevice::ReadOnly))
            postmaster = pidFile.readLine().trimmed().toLongLong();
    }
    DatabaseCpu databaseCpu(postmaster);

    o << "UnionDesk sync bench: the first sync of a district of " << memberCount << " members\n"
      << cpuModel() << ", " << QThread::idealThreadCount() << " cores, Qt " << qVersion() << ", PostgreSQL "
      << version << " (" << clusterUrl << ")\n";
    {
        QFile loadavg(QStringLiteral("/proc/loadavg"));
        if (loadavg.open(QIODevice::ReadOnly))
            o << "load average at the start: "
              << QString::fromLatin1(loadavg.readAll()).section(QLatin1Char(' '), 0, 2) << "\n";
    }
    o.flush();

    District district;
    LoadCounts counts;
    QElapsedTimer timer;
    timer.start();
    const bool reused = parser.isSet(QStringLiteral("reuse")) && parser.isSet(QStringLiteral("postgres")) &&
                        reuseDistrict(psql, memberCount, seed, &district, &counts, &error);
    if (!reused) {
        if (!error.isEmpty()) {
            o << "cannot reuse the district: " << error << Qt::endl;
            return 1;
        }
        o << "loading the district into " << kDatabaseName << " …" << Qt::endl;
        if (!admin.run({QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(kDatabaseName),
                        QStringLiteral("CREATE DATABASE %1").arg(kDatabaseName)},
                       &error) ||
            !loadDistrict(psql, serverProgram, dir, memberCount, seed, &district, &counts, &error)) {
            o << "cannot load the district: " << error << Qt::endl;
            return 1;
        }
    }
    district.upper = district.path.left(district.path.size() - 1) + QLatin1Char('0');
    QString sizeText;
    psql.query(QStringLiteral("SELECT pg_size_pretty(pg_database_size(current_database()))"), &sizeText,
               &error);
    o << "district: " << counts.organisations << " organisations, " << counts.members << " members, "
      << counts.events << " member events, " << counts.cadres << " cadres = " << counts.records()
      << " records ("
      << (reused ? QStringLiteral("reused") : QStringLiteral("loaded in %1 s").arg(seconds(msSince(timer))))
      << "; database " << sizeText << ")\n\n";
    o.flush();

    // ---- The first pull ----
    // Reference: the same rows of the same tables, through PostgreSQL's own COPY TO STDOUT.
    QStringList copies;
    for (const char* table : {"organisation", "member", "member_event", "cadre"})
        copies.append(QStringLiteral("COPY (SELECT %1 FROM %2 WHERE path >= %3 AND path < %4) TO STDOUT")
                          .arg(copyColumns(spec(table)).join(QStringLiteral(", ")), QLatin1String(table),
                               quoted(district.path), quoted(district.upper)));
    o << "measuring: the reference COPY TO STDOUT …" << Qt::endl;
    databaseCpu.start();
    const Run copyOut =
        runMeasured(psqlProgram, psql.arguments(copies), {QString(), QStringLiteral("/dev/null")});
    const double copyOutDbMs = databaseCpu.stop();
    if (!copyOut.ok) {
        o << "the reference COPY failed: " << QString::fromLocal8Bit(copyOut.errors) << Qt::endl;
        return 1;
    }

    const QString passwordFile = dir.filePath(QStringLiteral("password"));
    {
        QFile file(passwordFile);
        file.open(QIODevice::WriteOnly);
        file.write(kPassword.toUtf8() + '\n');
    }
    const QString store = dir.filePath(QStringLiteral("client.sqlite"));
    for (const QString& f :
         QStringList{store, store + QStringLiteral("-wal"), store + QStringLiteral("-shm")})
        QFile::remove(f);

    struct SyncRun
    {
        Run client;
        double serverCpuMs = -1;
        qint64 serverPeakKb = -1;
        double databaseMs = -1;
        Server::Requests requests;
        qint64 pushed = 0;
        qint64 pulled = 0;
    };
    auto measureSync = [&](const QString& logName, SyncRun* result) {
        Server server;
        if (!server.start(serverProgram, psql.url(), dir.filePath(logName), &error))
            return false;
        databaseCpu.start();
        if (pullLimit > 0)
            result->client = runMeasured(QCoreApplication::applicationFilePath(),
                                         {QStringLiteral("--measure-sync"), store, QStringLiteral("--server"),
                                          server.url(), QStringLiteral("--password-file"), passwordFile,
                                          QStringLiteral("--pull-limit"), QString::number(pullLimit)});
        else
            result->client = runMeasured(
                cliProgram, {QStringLiteral("--db"), store, QStringLiteral("sync"),
                             QStringLiteral("--server"), server.url(), QStringLiteral("--user"), kLogin,
                             QStringLiteral("--password-file"), passwordFile, QStringLiteral("--json")});
        result->serverCpuMs = procCpu(server.pid()).ownMs;
        result->serverPeakKb = statusKb(server.pid(), "VmHWM");
        server.stop();
        result->databaseMs = databaseCpu.stop();
        result->requests = server.requests();
        if (!result->client.ok) {
            error =
                QString::fromLocal8Bit(result->client.errors) + QString::fromLocal8Bit(result->client.output);
            return false;
        }
        const QJsonObject answer = QJsonDocument::fromJson(result->client.output).object();
        result->pushed = answer.value(QLatin1String("pushed")).toInteger();
        result->pulled = answer.value(QLatin1String("pulled")).toInteger();
        return true;
    };

    o << "measuring: the first sync into a new store …" << Qt::endl;
    SyncRun pull;
    if (!measureSync(QStringLiteral("server-pull.log"), &pull)) {
        o << "the first sync failed: " << error << Qt::endl;
        return 1;
    }

    o << "First pull: " << counts.records() << " records of the district, into a new store\n";
    header();
    const double copyTotal = copyOut.cpuMs + std::max(0.0, copyOutDbMs);
    const double pullTotal = pull.client.cpuMs + pull.serverCpuMs + std::max(0.0, pull.databaseMs);
    const QString ours = pullLimit > 0 ? QStringLiteral("ours: SyncRunner, %1 per page").arg(pullLimit)
                                       : QStringLiteral("ours: uniondesk-cli sync");
    row(ours, pull.client.ms, pull.client.cpuMs, pull.client.peakKb, perSecond(pull.pulled, pull.client.ms),
        QStringLiteral("%1 changes written, store %2 MB, %3 MB written to it and its log")
            .arg(pull.pulled)
            .arg(QFileInfo(store).size() >> 20)
            .arg(pull.client.writtenBytes >> 20));
    row(QStringLiteral("  uniondesk-server"), -1, pull.serverCpuMs, pull.serverPeakKb, QString(),
        QStringLiteral("%1 pull requests, %2 s answering them")
            .arg(pull.requests.pulls)
            .arg(seconds(pull.requests.pullMs)));
    row(QStringLiteral("  PostgreSQL backends"), -1, pull.databaseMs, -1, QString(), QString());
    row(QStringLiteral("reference: psql COPY … TO STDOUT"), copyOut.ms, copyOut.cpuMs, copyOut.peakKb,
        perSecond(counts.records(), copyOut.ms), QStringLiteral("the same rows and columns, to /dev/null"));
    row(QStringLiteral("  PostgreSQL backends"), -1, copyOutDbMs, -1, QString(), QString());
    o << "ours / reference: wall " << ratio(pull.client.ms, copyOut.ms) << "   CPU of all processes "
      << ratio(pullTotal, copyTotal) << " (" << seconds(pullTotal) << " s against " << seconds(copyTotal)
      << " s)\n";
    qint64 stored = 0;
    const QString inStore = storeCounts(store, &stored);
    if (pull.pulled == counts.records() && stored == counts.records())
        o << "the new store holds every record of the district: " << inStore << '\n';
    else
        o << "NOTE: the client wrote " << pull.pulled << " changes and its store holds " << inStore
          << "; the district has " << counts.records() << " records\n";
    o << '\n';
    o.flush();

    if (parser.isSet(QStringLiteral("no-push")))
        return 0;

    // ---- The push ----
    o << "measuring: the push (" << pushOperations / 2 << " members imported into the store first) …"
      << Qt::endl;
    const QString csv = dir.filePath(QStringLiteral("push.csv"));
    QString importOutput;
    if (!writePushCsv(csv, pushOperations / 2, seed, &error) ||
        !runTool(cliProgram,
                 {QStringLiteral("--db"), store, QStringLiteral("import"), csv, QStringLiteral("--org"),
                  district.baseId},
                 &importOutput, &error)) {
        o << "cannot import the members to push: " << error << Qt::endl;
        return 1;
    }
    qint64 operations = 0;
    if (!writePushRows(store, dir, district, &operations, &error)) {
        o << "cannot read the operations to push: " << error << Qt::endl;
        return 1;
    }

    // Reference: the same member and event rows into scratch copies of the server's tables (with their
    // indexes), by psql's \copy — COPY … FROM STDIN fed by psql.
    QStringList copyIn{
        QStringLiteral("CREATE TABLE bench_push_member (LIKE member INCLUDING ALL)"),
        QStringLiteral("CREATE TABLE bench_push_member_event (LIKE member_event INCLUDING ALL)")};
    for (const char* table : {"member", "member_event"})
        copyIn.append(QStringLiteral("\\copy bench_push_%1(%2) FROM '%3'")
                          .arg(QLatin1String(table), copyColumns(spec(table)).join(QStringLiteral(", ")),
                               dir.filePath(QStringLiteral("push-%1.tsv").arg(QLatin1String(table)))));
    psql.run({QStringLiteral("DROP TABLE IF EXISTS bench_push_member, bench_push_member_event")}, &error);
    databaseCpu.start();
    const Run copyInRun = runMeasured(psqlProgram, psql.arguments(copyIn));
    const double copyInDbMs = databaseCpu.stop();
    psql.run({QStringLiteral("DROP TABLE IF EXISTS bench_push_member, bench_push_member_event")}, &error);
    if (!copyInRun.ok) {
        o << "the reference COPY FROM STDIN failed: " << QString::fromLocal8Bit(copyInRun.errors) << Qt::endl;
        return 1;
    }

    SyncRun push;
    if (!measureSync(QStringLiteral("server-push.log"), &push)) {
        o << "the push failed: " << error << Qt::endl;
        return 1;
    }
    o << "Push: " << operations << " operations (" << operations / 2
      << " imported members and their \"joined\" events), then the pull of them back\n";
    header();
    const double pushTotal = push.client.cpuMs + push.serverCpuMs + std::max(0.0, push.databaseMs);
    const double copyInTotal = copyInRun.cpuMs + std::max(0.0, copyInDbMs);
    row(ours, push.client.ms, push.client.cpuMs, push.client.peakKb,
        perSecond(push.pushed, push.requests.pushMs),
        QStringLiteral("%1 pushed, %2 pulled back").arg(push.pushed).arg(push.pulled));
    row(QStringLiteral("  uniondesk-server"), -1, push.serverCpuMs, push.serverPeakKb, QString(),
        QStringLiteral("%1 push requests %2 s, %3 pull requests %4 s")
            .arg(push.requests.pushes)
            .arg(seconds(push.requests.pushMs))
            .arg(push.requests.pulls)
            .arg(seconds(push.requests.pullMs)));
    row(QStringLiteral("  PostgreSQL backends"), -1, push.databaseMs, -1, QString(), QString());
    row(QStringLiteral("reference: psql COPY … FROM STDIN"), copyInRun.ms, copyInRun.cpuMs, copyInRun.peakKb,
        perSecond(operations, copyInRun.ms),
        QStringLiteral("the same rows into scratch tables with the same indexes"));
    row(QStringLiteral("  PostgreSQL backends"), -1, copyInDbMs, -1, QString(), QString());
    o << "ours / reference: wall " << ratio(push.client.ms, copyInRun.ms) << " (the push requests alone "
      << ratio(push.requests.pushMs, copyInRun.ms) << ")   CPU of all processes "
      << ratio(pushTotal, copyInTotal) << '\n';
    o << "(each run is its own process, start-up and sign-in included; CPU = user + system time; peak = "
         "largest "
         "resident set; records/s of the push = operations per second of the server's push requests)"
      << Qt::endl;
    if (push.pushed != operations)
        o << "NOTE: " << push.pushed << " operations pushed, " << operations << " were queued\n";
    return 0;
}
