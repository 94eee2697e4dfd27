// `uniondesk-cli orgs …` and `cadres …` run as a separate process, exactly as the acceptance checks
// of issue #4 run them: every test starts the real binary on a data file in a temporary folder and
// reads its output, its exit code and (through SQLite, beside the tool) what it wrote. A refused
// command exits non-zero with one line on stderr and leaves every table as it was.

#include "CliRun.h"
#include "OfficeEncryption.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = ud::test::CliRun;

// GB 11643-1999, computed here independently of the core.
QString idNumber(int sequence)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char characters[] = "10X98765432";
    const QString first17 = QStringLiteral("44010619900101%1").arg(sequence, 3, 10, QLatin1Char('0'));
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += first17.at(i).digitValue() * weights[i];
    return first17 + QLatin1Char(characters[sum % 11]);
}

} // namespace

class TestOrgsCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void addAndList();
    void addRefusesBadInput();
    void establishApproveAndReject();
    void changeRequest();
    void dissolveGuard();
    void cadresAddAndExpiring();
    void cadresRefuseBadInput();
    void importAndExportOrganisations();
    void importsAListWithAPassword();

private:
    Run run(const QStringList& arguments) const;
    Run cli(const QStringList& arguments) const
    {
        return run(QStringList{QStringLiteral("--db"), m_store} + arguments);
    }
    QMap<QString, qint64> tableCounts() const;
    QVariant scalar(const QString& statement, const QVariantList& values = {}) const;
    QString addOrg(const QString& name, const QString& parent, const QString& level);
    QString addMember(const QString& name, const QString& org);

    QTemporaryDir m_dir;
    QString m_cli;
    QProcessEnvironment m_environment;
    QString m_store;
    int m_sequence = 1;
    int m_storeNumber = 0;
};

Run TestOrgsCli::run(const QStringList& arguments) const
{
    return ud::test::runCli(arguments, m_environment, m_dir.path(), 120'000);
}

QVariant TestOrgsCli::scalar(const QString& statement, const QVariantList& values) const
{
    static int connections = 0;
    const QString name = QStringLiteral("tst_orgscli_%1").arg(++connections);
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_store);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(statement);
            for (const QVariant& v : values)
                q.addBindValue(v);
            if (q.exec() && q.next())
                result = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

QMap<QString, qint64> TestOrgsCli::tableCounts() const
{
    QMap<QString, qint64> counts;
    for (const char* table : {"organisation", "organisation_request", "cadre", "member", "outbox"})
        counts.insert(
            QString::fromLatin1(table),
            scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).toLongLong());
    // Changed rows show in the newest updated_at.
    counts.insert(QStringLiteral("updates"),
                  scalar(QStringLiteral("SELECT count(DISTINCT updated_at) FROM organisation")).toLongLong());
    return counts;
}

QString TestOrgsCli::addOrg(const QString& name, const QString& parent, const QString& level)
{
    const Run r = cli({QStringLiteral("orgs"), QStringLiteral("add"), QStringLiteral("--name"), name,
                       QStringLiteral("--parent"), parent, QStringLiteral("--level"), level});
    if (r.exitCode != 0)
        qWarning("%s", qPrintable(r.describe()));
    return r.out.trimmed();
}

QString TestOrgsCli::addMember(const QString& name, const QString& org)
{
    const QString id = idNumber(m_sequence++);
    const Run r = cli({QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("--name"), name,
                       QStringLiteral("--id-number"), id, QStringLiteral("--org"), org});
    if (r.exitCode != 0)
        qWarning("%s", qPrintable(r.describe()));
    return id;
}

void TestOrgsCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cli = QString::fromUtf8(UNIONDESK_CLI_PATH);
    QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli));
    m_environment = ud::test::isolatedCliEnvironment(m_dir.path());
}

void TestOrgsCli::init()
{
    // A fresh store per test: 测试区总工会 → 甲街道工会 → 甲一厂工会.
    m_store = m_dir.filePath(QStringLiteral("orgs%1.sqlite").arg(++m_storeNumber));
    const Run r = run({QStringLiteral("--db"), m_store, QStringLiteral("init"), QStringLiteral("--org-name"),
                       QStringLiteral("测试区总工会")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(!addOrg(QStringLiteral("甲街道工会"), QStringLiteral("测试区总工会"), QStringLiteral("township"))
                 .isEmpty());
    QVERIFY(!addOrg(QStringLiteral("甲一厂工会"), QStringLiteral("甲街道工会"), QStringLiteral("base"))
                 .isEmpty());
}

void TestOrgsCli::addAndList()
{
    const QString joint =
        addOrg(QStringLiteral("乙联合工会"), QStringLiteral("测试区总工会"), QStringLiteral("基层工会"));
    QVERIFY(!joint.isEmpty());
    Run r = cli({QStringLiteral("orgs"), QStringLiteral("add"), QStringLiteral("--name"),
                 QStringLiteral("丙厂工会"), QStringLiteral("--parent"), joint, QStringLiteral("--level"),
                 QStringLiteral("base"), QStringLiteral("--kind"), QStringLiteral("企业工会"),
                 QStringLiteral("--credit-code"), QStringLiteral("91350100M000100Y43"),
                 QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.object().value(QStringLiteral("kind")).toString(), QStringLiteral("enterprise"));
    QCOMPARE(r.object().value(QStringLiteral("parent")).toString(), joint);
    addMember(QStringLiteral("王伟"), QStringLiteral("甲一厂工会"));
    addMember(QStringLiteral("李娜"), QStringLiteral("甲一厂工会"));
    addMember(QStringLiteral("张敏"), QStringLiteral("丙厂工会"));
    const QString hung = addMember(QStringLiteral("刘洋"), QStringLiteral("丙厂工会"));
    r = cli({QStringLiteral("members"), QStringLiteral("edit"), hung, QStringLiteral("--status"),
             QStringLiteral("hung")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    r = cli({QStringLiteral("orgs"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonArray all = r.array();
    QCOMPARE(all.size(), 5);
    QMap<QString, QJsonObject> byName;
    for (const QJsonValue& v : all) {
        const QJsonObject o = v.toObject();
        for (const char* key : {"id", "name", "parent", "level", "kind", "status", "members"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        byName.insert(o.value(QStringLiteral("name")).toString(), o);
    }
    QCOMPARE(byName.value(QStringLiteral("测试区总工会")).value(QStringLiteral("members")).toInt(), 3);
    QVERIFY(byName.value(QStringLiteral("测试区总工会")).value(QStringLiteral("parent")).isNull());
    QCOMPARE(byName.value(QStringLiteral("甲街道工会")).value(QStringLiteral("members")).toInt(), 2);
    QCOMPARE(byName.value(QStringLiteral("乙联合工会")).value(QStringLiteral("members")).toInt(), 1);
    QCOMPARE(byName.value(QStringLiteral("乙联合工会")).value(QStringLiteral("level")).toString(),
             QStringLiteral("base"));
    QCOMPARE(byName.value(QStringLiteral("丙厂工会")).value(QStringLiteral("status")).toString(),
             QStringLiteral("active"));

    r = cli({QStringLiteral("orgs"), QStringLiteral("list"), QStringLiteral("--under"),
             QStringLiteral("甲街道工会"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.array().size(), 2);
    r = cli({QStringLiteral("orgs"), QStringLiteral("list"), QStringLiteral("--under"),
             QStringLiteral("不存在")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
}

void TestOrgsCli::addRefusesBadInput()
{
    const QMap<QString, qint64> before = tableCounts();
    const QList<QStringList> bad = {
        {QStringLiteral("--name"), QStringLiteral("丁厂工会"), QStringLiteral("--parent"),
         QStringLiteral("甲街道工会"), QStringLiteral("--level"), QStringLiteral("galaxy")},
        {QStringLiteral("--name"), QStringLiteral("丁厂工会"), QStringLiteral("--parent"),
         QStringLiteral("不存在"), QStringLiteral("--level"), QStringLiteral("base")},
        {QStringLiteral("--name"), QStringLiteral("丁厂工会"), QStringLiteral("--parent"),
         QStringLiteral("甲街道工会"), QStringLiteral("--level"), QStringLiteral("base"),
         QStringLiteral("--kind"), QStringLiteral("club")},
        {QStringLiteral("--name"), QStringLiteral("丁厂工会"), QStringLiteral("--parent"),
         QStringLiteral("甲街道工会"), QStringLiteral("--level"), QStringLiteral("base"),
         QStringLiteral("--credit-code"), QStringLiteral("91350100M000100Y44")},
        {QStringLiteral("--name"), QStringLiteral("丁厂工会"), QStringLiteral("--level"),
         QStringLiteral("base")},
    };
    for (const QStringList& arguments : bad) {
        const Run r = cli(QStringList{QStringLiteral("orgs"), QStringLiteral("add")} + arguments);
        QVERIFY2(r.exitCode != 0, qPrintable(arguments.join(QLatin1Char(' '))));
        QVERIFY2(r.errLines().size() == 1, qPrintable(r.describe()));
        QVERIFY(r.out.isEmpty());
    }
    QCOMPARE(tableCounts(), before);
}

void TestOrgsCli::establishApproveAndReject()
{
    Run r = cli({QStringLiteral("orgs"), QStringLiteral("request"), QStringLiteral("establish"),
                 QStringLiteral("--name"), QStringLiteral("甲二厂工会"), QStringLiteral("--parent"),
                 QStringLiteral("甲街道工会"), QStringLiteral("--level"), QStringLiteral("base"),
                 QStringLiteral("--kind"), QStringLiteral("enterprise"), QStringLiteral("--reason"),
                 QStringLiteral("新建企业"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject submitted = r.object();
    QCOMPARE(submitted.value(QStringLiteral("kind")).toString(), QStringLiteral("establish"));
    QCOMPARE(submitted.value(QStringLiteral("state")).toString(), QStringLiteral("submitted"));
    QVERIFY(!submitted.value(QStringLiteral("organisation")).toString().isEmpty());
    const QString id = submitted.value(QStringLiteral("id")).toString();
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM organisation WHERE name = '甲二厂工会'")).toInt(),
             0);

    r = cli({QStringLiteral("orgs"), QStringLiteral("approve"), id, QStringLiteral("--reason"),
             QStringLiteral("同意"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.object().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(r.object().value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
    QCOMPARE(scalar(QStringLiteral(
                        "SELECT count(*) FROM organisation WHERE name = '甲二厂工会' AND status = 'active'"))
                 .toInt(),
             1);
    // Decided once only.
    const QMap<QString, qint64> before = tableCounts();
    r = cli({QStringLiteral("orgs"), QStringLiteral("reject"), id});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
    QCOMPARE(tableCounts(), before);

    r = cli({QStringLiteral("orgs"), QStringLiteral("request"), QStringLiteral("establish"),
             QStringLiteral("--name"), QStringLiteral("甲三厂工会"), QStringLiteral("--parent"),
             QStringLiteral("测试区总工会"), QStringLiteral("--level"), QStringLiteral("基层工会"),
             QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QString second = r.object().value(QStringLiteral("id")).toString();
    r = cli({QStringLiteral("orgs"), QStringLiteral("reject"), second, QStringLiteral("--reason"),
             QStringLiteral("不足二十五人"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.object().value(QStringLiteral("state")).toString(), QStringLiteral("rejected"));
    QCOMPARE(r.object().value(QStringLiteral("decisionReason")).toString(), QStringLiteral("不足二十五人"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM organisation WHERE name = '甲三厂工会'")).toInt(),
             0);

    // The history lists both.
    r = cli({QStringLiteral("orgs"), QStringLiteral("requests"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.array().size(), 2);
    r = cli({QStringLiteral("orgs"), QStringLiteral("approve"), QStringLiteral("no-such-request")});
    QCOMPARE(r.exitCode, 1);
}

void TestOrgsCli::changeRequest()
{
    Run r = cli({QStringLiteral("orgs"), QStringLiteral("request"), QStringLiteral("change"),
                 QStringLiteral("甲一厂工会"), QStringLiteral("--name"), QStringLiteral("甲一集团工会"),
                 QStringLiteral("--credit-code"), QStringLiteral("91350100M000100Y43"),
                 QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.object().value(QStringLiteral("kind")).toString(), QStringLiteral("change"));
    const QString id = r.object().value(QStringLiteral("id")).toString();
    r = cli({QStringLiteral("orgs"), QStringLiteral("approve"), id});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(
        scalar(QStringLiteral("SELECT credit_code FROM organisation WHERE name = '甲一集团工会'")).toString(),
        QStringLiteral("91350100M000100Y43"));
    // A change with a bad value is refused when submitted.
    const QMap<QString, qint64> before = tableCounts();
    r = cli({QStringLiteral("orgs"), QStringLiteral("request"), QStringLiteral("change"),
             QStringLiteral("甲一集团工会"), QStringLiteral("--founded-on"), QStringLiteral("2024-02-30")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
    QCOMPARE(tableCounts(), before);
}

void TestOrgsCli::dissolveGuard()
{
    const QString wang = addMember(QStringLiteral("王伟"), QStringLiteral("甲一厂工会"));
    Run r = cli({QStringLiteral("orgs"), QStringLiteral("request"), QStringLiteral("dissolve"),
                 QStringLiteral("甲一厂工会"), QStringLiteral("--reason"), QStringLiteral("企业关闭"),
                 QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QString id = r.object().value(QStringLiteral("id")).toString();
    QCOMPARE(r.object().value(QStringLiteral("kind")).toString(), QStringLiteral("dissolve"));
    QVERIFY2(r.err.contains(QStringLiteral("王伟")), qPrintable(r.err)); // the warning names who is left

    const QMap<QString, qint64> before = tableCounts();
    r = cli({QStringLiteral("orgs"), QStringLiteral("approve"), id});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.err.contains(QStringLiteral("王伟")), qPrintable(r.err));
    QVERIFY2(r.err.contains(wang.left(6) + QStringLiteral("********") + wang.right(4)), qPrintable(r.err));
    QVERIFY2(!r.err.contains(wang), qPrintable(r.err));
    QCOMPARE(tableCounts(), before);
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM organisation WHERE name = '甲一厂工会'")).toString(),
             QStringLiteral("active"));

    r = cli({QStringLiteral("members"), QStringLiteral("edit"), wang, QStringLiteral("--status"),
             QStringLiteral("hung")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = cli({QStringLiteral("orgs"), QStringLiteral("approve"), id, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.object().value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM organisation WHERE name = '甲一厂工会'")).toString(),
             QStringLiteral("dissolved"));
    r = cli({QStringLiteral("orgs"), QStringLiteral("list"), QStringLiteral("--json")});
    for (const QJsonValue& v : r.array()) {
        if (v.toObject().value(QStringLiteral("name")).toString() == QStringLiteral("甲一厂工会"))
            QCOMPARE(v.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("dissolved"));
    }
}

void TestOrgsCli::cadresAddAndExpiring()
{
    const QString chair = addMember(QStringLiteral("王伟"), QStringLiteral("甲一厂工会"));
    const QString vice = addMember(QStringLiteral("李娜"), QStringLiteral("甲一厂工会"));
    const QDate today = QDate::currentDate();
    Run r = cli({QStringLiteral("cadres"), QStringLiteral("add"), QStringLiteral("--member"), chair,
                 QStringLiteral("--org"), QStringLiteral("甲一厂工会"), QStringLiteral("--position"),
                 QStringLiteral("主席"), QStringLiteral("--term-start"),
                 today.addYears(-5).toString(Qt::ISODate), QStringLiteral("--term-end"),
                 today.addDays(20).toString(Qt::ISODate), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.object().value(QStringLiteral("position")).toString(), QStringLiteral("chair"));
    // A second chair of the same union while the first is in post: refused, naming the first.
    const QString rival = addMember(QStringLiteral("赵敏"), QStringLiteral("甲一厂工会"));
    r = cli({QStringLiteral("cadres"), QStringLiteral("add"), QStringLiteral("--member"), rival,
             QStringLiteral("--org"), QStringLiteral("甲一厂工会"), QStringLiteral("--position"),
             QStringLiteral("chair"), QStringLiteral("--term-start"),
             today.addYears(-1).toString(Qt::ISODate), QStringLiteral("--term-end"),
             today.addYears(4).toString(Qt::ISODate)});
    QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QStringLiteral("王伟")), qPrintable(r.describe()));
    r = cli({QStringLiteral("cadres"), QStringLiteral("add"), QStringLiteral("--member"), vice,
             QStringLiteral("--org"), QStringLiteral("甲街道工会"), QStringLiteral("--position"),
             QStringLiteral("standing-vice-chair"), QStringLiteral("--term-start"),
             today.addYears(-1).toString(Qt::ISODate), QStringLiteral("--term-end"),
             today.addDays(200).toString(Qt::ISODate)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    r = cli({QStringLiteral("cadres"), QStringLiteral("expiring"), QStringLiteral("--days"),
             QStringLiteral("30"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.array().size(), 1);
    QCOMPARE(r.array().first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("王伟"));
    r = cli({QStringLiteral("cadres"), QStringLiteral("expiring"), QStringLiteral("--days"),
             QStringLiteral("365"), QStringLiteral("--json")});
    QCOMPARE(r.array().size(), 2);
    r = cli({QStringLiteral("cadres"), QStringLiteral("expiring"), QStringLiteral("--days"),
             QStringLiteral("10")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(r.out.isEmpty());
    // The cadre count shows in the organisation list.
    r = cli({QStringLiteral("orgs"), QStringLiteral("list"), QStringLiteral("--json")});
    for (const QJsonValue& v : r.array()) {
        if (v.toObject().value(QStringLiteral("name")).toString() == QStringLiteral("测试区总工会"))
            QCOMPARE(v.toObject().value(QStringLiteral("cadres")).toInt(), 2);
    }
    // A cadre whose member is hung is flagged.
    r = cli({QStringLiteral("members"), QStringLiteral("edit"), chair, QStringLiteral("--status"),
             QStringLiteral("hung")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = cli({QStringLiteral("cadres"), QStringLiteral("flagged"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.array().size(), 1);
}

void TestOrgsCli::cadresRefuseBadInput()
{
    const QString member = addMember(QStringLiteral("王伟"), QStringLiteral("甲一厂工会"));
    const QMap<QString, qint64> before = tableCounts();
    const QStringList good = {QStringLiteral("--member"),     member,
                              QStringLiteral("--org"),        QStringLiteral("甲一厂工会"),
                              QStringLiteral("--position"),   QStringLiteral("chair"),
                              QStringLiteral("--term-start"), QStringLiteral("2024-01-01"),
                              QStringLiteral("--term-end"),   QStringLiteral("2028-12-31")};
    auto with = [&good](const QString& option, const QString& value) {
        QStringList arguments = good;
        arguments[arguments.indexOf(option) + 1] = value;
        return arguments;
    };
    const QList<QStringList> bad = {
        with(QStringLiteral("--position"), QStringLiteral("总经理")),
        with(QStringLiteral("--term-start"), QStringLiteral("2024-13-01")),
        with(QStringLiteral("--term-end"), QStringLiteral("2023-12-31")),
        with(QStringLiteral("--member"), idNumber(900)),
        with(QStringLiteral("--org"), QStringLiteral("不存在")),
        good.mid(2),
    };
    for (const QStringList& arguments : bad) {
        const Run r = cli(QStringList{QStringLiteral("cadres"), QStringLiteral("add")} + arguments);
        QVERIFY2(r.exitCode != 0, qPrintable(arguments.join(QLatin1Char(' '))));
        QVERIFY2(r.errLines().size() == 1, qPrintable(r.describe()));
    }
    Run r = cli({QStringLiteral("cadres"), QStringLiteral("expiring"), QStringLiteral("--days"),
                 QStringLiteral("x")});
    QCOMPARE(r.exitCode, 2);
    r = cli({QStringLiteral("cadres"), QStringLiteral("expiring")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(tableCounts(), before);
}

void TestOrgsCli::importAndExportOrganisations()
{
    // The tree exported, one union added to the file, imported again: only the new one is added.
    const QString exported = m_dir.filePath(QStringLiteral("tree%1.csv").arg(m_storeNumber));
    Run r = cli({QStringLiteral("orgs"), QStringLiteral("export"), exported});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QFile file(exported);
    QVERIFY(file.open(QIODevice::Append));
    file.write(QStringLiteral("甲二厂工会,甲街道工会,基层工会,企业工会\r\n坏工会,不存在的街道\r\n").toUtf8());
    file.close();
    const qint64 before = scalar(QStringLiteral("SELECT count(*) FROM organisation")).toLongLong();

    r = cli({QStringLiteral("orgs"), QStringLiteral("import"), exported, QStringLiteral("--dry-run"),
             QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.object().value(QStringLiteral("imported")).toInt(), 0);
    QCOMPARE(r.object().value(QStringLiteral("valid")).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM organisation")).toLongLong(), before);

    r = cli({QStringLiteral("orgs"), QStringLiteral("import"), exported, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.object().value(QStringLiteral("imported")).toInt(), 1);
    const QJsonArray rejected = r.object().value(QStringLiteral("rejected")).toArray();
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.at(0).toObject().value(QStringLiteral("row")).toInt(), 7); // title, header, 4 unions
    QCOMPARE(rejected.at(0).toObject().value(QStringLiteral("value")).toString(),
             QStringLiteral("不存在的街道"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM organisation")).toLongLong(), before + 1);
    QCOMPARE(
        scalar(QStringLiteral("SELECT p.name FROM organisation o JOIN organisation p ON p.id = o.parent_id "
                              "WHERE o.name = '甲二厂工会'"))
            .toString(),
        QStringLiteral("甲街道工会"));

    r = cli(
        {QStringLiteral("orgs"), QStringLiteral("import"), m_dir.filePath(QStringLiteral("missing.csv"))});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
}

// A list of unions sent with a password to open: `orgs import --password-file FILE`.
void TestOrgsCli::importsAListWithAPassword()
{
    const QString plain = m_dir.filePath(QStringLiteral("tree-plain%1.xlsx").arg(m_storeNumber));
    Run r = cli({QStringLiteral("orgs"), QStringLiteral("export"), plain});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QFile file(plain);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString locked = m_dir.filePath(QStringLiteral("工会名单%1.xlsx").arg(m_storeNumber));
    QVERIFY(ud::test::OfficeEncryption::writeAgile(locked, file.readAll(), QStringLiteral("名单2026")));

    r = cli({QStringLiteral("orgs"), QStringLiteral("import"), locked, QStringLiteral("--dry-run")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("--password-file")), qPrintable(r.describe()));
    QCOMPARE(r.errLines().size(), 1);

    const QString passwordFile = m_dir.filePath(QStringLiteral("list-password.txt"));
    QFile password(passwordFile);
    QVERIFY(password.open(QIODevice::WriteOnly));
    password.write(QStringLiteral("名单2026\n").toUtf8());
    password.close();
    r = cli({QStringLiteral("orgs"), QStringLiteral("import"), locked, QStringLiteral("--dry-run"),
             QStringLiteral("--json"), QStringLiteral("--password-file"), passwordFile});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    // Every union of the list is there already.
    QVERIFY(r.object().value(QStringLiteral("existing")).toInt() > 0);
    QCOMPARE(r.object().value(QStringLiteral("valid")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestOrgsCli)
#include "tst_orgscli.moc"
