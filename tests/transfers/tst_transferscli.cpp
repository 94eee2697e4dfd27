// `uniondesk-cli transfers …` run as a separate process on a real data file, exactly as the acceptance
// checks of issue #6 run it: out (hung, direct, or keeping the membership), hung, request-in,
// approve / reject / cancel by whatever a clerk types (letter number, short code, id prefix), list,
// show and the letter as a PDF whose text is read back with pdftotext. A refused command exits
// non-zero with one line on stderr and leaves every table as it was. What a server does with the
// steps is tests/server/tst_transferloopback.

#include "CliRun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <tuple>

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

QString masked(const QString& id)
{
    return id.left(6) + QStringLiteral("********") + id.right(4);
}

#define RUN_OK(var, call)                                                                                    \
    const Run var = (call);                                                                                  \
    QVERIFY2(var.exitCode == 0, qPrintable(var.describe()))

} // namespace

class TestTransfersCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void outListShowAndHung();
    void refusalsChangeNothing();
    void keepAndDirect();
    void requestIn();
    void decisionsByWhatTheClerkTypes();
    void letterAsPdf();
    void usage();

private:
    Run cli(const QStringList& arguments) const
    {
        return ud::test::runCli(QStringList{QStringLiteral("--db"), m_store} + arguments, m_environment,
                                m_dir.path(), 120'000);
    }
    QVariant scalar(const QString& statement, const QVariantList& values = {}) const;
    bool exec(const QString& statement, const QVariantList& values) const;
    QMap<QString, qint64> tableCounts() const;
    QString addMember(const QString& name, const QString& org);
    QString orgId(const QString& name) const;
    // A transfer as the server sends it with a pull: version 3, no outbox operation.
    void pulledTransfer(const QString& id, const QString& kind, const QString& state, const QString& memberId,
                        const QString& idNumber, const QString& from, const QString& holding,
                        const QString& to);

    QTemporaryDir m_dir;
    QProcessEnvironment m_environment;
    QString m_store;
    int m_sequence = 1;
    int m_storeNumber = 0;
};

QVariant TestTransfersCli::scalar(const QString& statement, const QVariantList& values) const
{
    static int connections = 0;
    const QString name = QStringLiteral("tst_transferscli_%1").arg(++connections);
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

bool TestTransfersCli::exec(const QString& statement, const QVariantList& values) const
{
    static int connections = 0;
    const QString name = QStringLiteral("tst_transferscli_w%1").arg(++connections);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_store);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(statement);
            for (const QVariant& v : values)
                q.addBindValue(v);
            ok = q.exec();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QMap<QString, qint64> TestTransfersCli::tableCounts() const
{
    QMap<QString, qint64> counts;
    for (const char* table : {"transfer", "member", "member_event", "outbox", "audit_log"})
        counts.insert(
            QString::fromLatin1(table),
            scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).toLongLong());
    counts.insert(
        QStringLiteral("member updates"),
        scalar(QStringLiteral("SELECT count(DISTINCT updated_at || status) FROM member")).toLongLong());
    counts.insert(
        QStringLiteral("transfer updates"),
        scalar(QStringLiteral("SELECT count(DISTINCT updated_at || state) FROM transfer")).toLongLong());
    return counts;
}

QString TestTransfersCli::addMember(const QString& name, const QString& org)
{
    const QString id = idNumber(m_sequence++);
    const Run r = cli({QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("--name"), name,
                       QStringLiteral("--id-number"), id, QStringLiteral("--org"), org,
                       QStringLiteral("--employer"), QStringLiteral("甲一厂"), QStringLiteral("--json")});
    if (r.exitCode != 0)
        qWarning("%s", qPrintable(r.describe()));
    return id;
}

QString TestTransfersCli::orgId(const QString& name) const
{
    return scalar(QStringLiteral("SELECT id FROM organisation WHERE name = ?"), {name}).toString();
}

void TestTransfersCli::pulledTransfer(const QString& id, const QString& kind, const QString& state,
                                      const QString& memberId, const QString& number, const QString& from,
                                      const QString& holding, const QString& to)
{
    QVERIFY(
        exec(QStringLiteral("INSERT INTO transfer(id, kind, member_id, id_number, member_name, "
                            "from_organisation_id, from_name, holding_organisation_id, holding_name, "
                            "to_organisation_id, to_name, state, requested_at, requested_by, version, "
                            "updated_at, updated_by) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,3,?,'server')"),
             {id, kind, memberId, number, QStringLiteral("王*"), orgId(from), from, orgId(holding), holding,
              to.isEmpty()          ? QStringLiteral("")
              : orgId(to).isEmpty() ? QStringLiteral("far-away-union")
                                    : orgId(to),
              to.isEmpty() ? QStringLiteral("") : to, state, QStringLiteral("2026-04-01T01:00:00.000Z"),
              QStringLiteral("clerk-b"), QStringLiteral("2026-04-01T01:00:00.000Z")}));
}

void TestTransfersCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo(QString::fromUtf8(UNIONDESK_CLI_PATH)).isExecutable(), UNIONDESK_CLI_PATH);
    m_environment = ud::test::isolatedCliEnvironment(m_dir.path());
    // The messages are compared in English; the letter's page needs a runtime folder for its fonts.
    m_environment.insert(QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8"));
    const QString runtime = m_dir.filePath(QStringLiteral("runtime"));
    QVERIFY(QDir().mkpath(runtime));
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
}

void TestTransfersCli::init()
{
    // 测试区总工会 → 甲街道工会 → 甲一厂工会; 测试区总工会 → 乙厂工会.
    m_store = m_dir.filePath(QStringLiteral("transfers%1.sqlite").arg(++m_storeNumber));
    RUN_OK(created,
           cli({QStringLiteral("init"), QStringLiteral("--org-name"), QStringLiteral("测试区总工会")}));
    for (const auto& [name, parent, level] :
         {std::tuple{"甲街道工会", "测试区总工会", "township"},
          std::tuple{"甲一厂工会", "甲街道工会", "base"}, std::tuple{"乙厂工会", "测试区总工会", "base"}}) {
        RUN_OK(added, cli({QStringLiteral("orgs"), QStringLiteral("add"), QStringLiteral("--name"),
                           QString::fromUtf8(name), QStringLiteral("--parent"), QString::fromUtf8(parent),
                           QStringLiteral("--level"), QString::fromLatin1(level)}));
    }
}

void TestTransfersCli::outListShowAndHung()
{
    const QString id = addMember(QStringLiteral("张小明"), QStringLiteral("甲一厂工会"));
    RUN_OK(out, cli({QStringLiteral("transfers"), QStringLiteral("out"), id, QStringLiteral("--reason"),
                     QStringLiteral("离职"), QStringLiteral("--note"), QStringLiteral("去深圳")}));
    static const QRegularExpression letter(QStringLiteral("^工转字〔(\\d{4})〕第([0-9A-F]{8})号: "));
    const QRegularExpressionMatch number = letter.match(out.out);
    QVERIFY2(number.hasMatch(), qPrintable(out.out));
    QVERIFY2(out.out.contains(QStringLiteral("张小明 leaves 甲一厂工会 and is hung at 甲街道工会")),
             qPrintable(out.out));
    QVERIFY2(out.out.contains(QStringLiteral("pending")), qPrintable(out.out));
    QVERIFY(out.err.isEmpty());

    RUN_OK(list, cli({QStringLiteral("transfers"), QStringLiteral("list"), QStringLiteral("--json")}));
    QCOMPARE(list.array().size(), 1);
    const QJsonObject t = list.array().first().toObject();
    QCOMPARE(t.value(QStringLiteral("member")).toString(), QStringLiteral("张小明"));
    QCOMPARE(t.value(QStringLiteral("from")).toString(), QStringLiteral("甲一厂工会"));
    QCOMPARE(t.value(QStringLiteral("holding")).toString(), QStringLiteral("甲街道工会"));
    QCOMPARE(t.value(QStringLiteral("to")).toString(), QString());
    QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("hung"));
    QCOMPARE(t.value(QStringLiteral("kind")).toString(), QStringLiteral("out"));
    QCOMPARE(t.value(QStringLiteral("reason")).toString(), QStringLiteral("left-job"));
    QCOMPARE(t.value(QStringLiteral("idNumber")).toString(), masked(id));
    QCOMPARE(t.value(QStringLiteral("letterNumber")).toString(), number.captured(0).chopped(2));
    QCOMPARE(t.value(QStringLiteral("id")).toString().left(8).toUpper(), number.captured(2));
    QCOMPARE(t.value(QStringLiteral("pending")).toBool(), true);
    QCOMPARE(t.value(QStringLiteral("decisionReason")).toString(), QString());
    QCOMPARE(t.value(QStringLiteral("decidedAt")).toString(), QString());
    QVERIFY(t.value(QStringLiteral("requestedAt")).toString().startsWith(number.captured(1)));
    QVERIFY2(!list.out.contains(id), "the full ID number is never listed");

    // The human list: one line per transfer.
    RUN_OK(lines, cli({QStringLiteral("transfers"), QStringLiteral("list")}));
    QCOMPARE(lines.out.count(QLatin1Char('\n')), 1);
    QVERIFY2(lines.out.startsWith(number.captured(2) + QLatin1Char('\t')), qPrintable(lines.out));

    // Found by its short code, its letter number or its id.
    for (const QString& typed : {number.captured(2), number.captured(2).toLower(),
                                 number.captured(0).chopped(2), t.value(QStringLiteral("id")).toString()}) {
        RUN_OK(show,
               cli({QStringLiteral("transfers"), QStringLiteral("show"), typed, QStringLiteral("--json")}));
        QCOMPARE(show.object().value(QStringLiteral("id")), t.value(QStringLiteral("id")));
        QCOMPARE(show.object().value(QStringLiteral("note")).toString(), QStringLiteral("去深圳"));
        QCOMPARE(show.object().value(QStringLiteral("fromOrganisation")).toString(),
                 orgId(QStringLiteral("甲一厂工会")));
    }
    RUN_OK(show, cli({QStringLiteral("transfers"), QStringLiteral("show"), number.captured(2)}));
    QVERIFY2(show.out.contains(number.captured(0).chopped(2)) && show.out.contains(QStringLiteral("去深圳")),
             qPrintable(show.out));

    RUN_OK(hung, cli({QStringLiteral("transfers"), QStringLiteral("hung"), QStringLiteral("--json")}));
    QCOMPARE(hung.array().size(), 1);
    QCOMPARE(hung.array().first().toObject().value(QStringLiteral("months")).toInt(), 0);
    QCOMPARE(hung.array().first().toObject().value(QStringLiteral("member")).toString(),
             QStringLiteral("张小明"));
    QVERIFY(!hung.array().first().toObject().value(QStringLiteral("since")).toString().isEmpty());
    RUN_OK(longer, cli({QStringLiteral("transfers"), QStringLiteral("hung"), QStringLiteral("--json"),
                        QStringLiteral("--months"), QStringLiteral("1")}));
    QCOMPARE(longer.array().size(), 0);
    RUN_OK(below, cli({QStringLiteral("transfers"), QStringLiteral("hung"), QStringLiteral("--json"),
                       QStringLiteral("--org"), QStringLiteral("甲一厂工会")}));
    QCOMPARE(below.array().size(), 0);
    RUN_OK(hungLines, cli({QStringLiteral("transfers"), QStringLiteral("hung")}));
    QVERIFY2(hungLines.out.contains(QStringLiteral("张小明")) &&
                 hungLines.out.contains(QStringLiteral("甲街道工会")),
             qPrintable(hungLines.out));

    RUN_OK(byState, cli({QStringLiteral("transfers"), QStringLiteral("list"), QStringLiteral("--state"),
                         QStringLiteral("上挂"), QStringLiteral("--json")}));
    QCOMPARE(byState.array().size(), 1);
    RUN_OK(none, cli({QStringLiteral("transfers"), QStringLiteral("list"), QStringLiteral("--state"),
                      QStringLiteral("requested"), QStringLiteral("--json")}));
    QCOMPARE(none.array().size(), 0);

    // The member stays here until the server moves her.
    RUN_OK(members, cli({QStringLiteral("members"), QStringLiteral("list"), QStringLiteral("--json")}));
    QCOMPARE(members.array().size(), 1);
    QCOMPARE(members.array().first().toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("active"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'transfer'")).toInt(), 1);
}

void TestTransfersCli::refusalsChangeNothing()
{
    const QString id = addMember(QStringLiteral("李娜"), QStringLiteral("甲一厂工会"));
    const QMap<QString, qint64> before = tableCounts();
    const struct
    {
        QStringList arguments;
        int exitCode;
        QString message; // a piece of the one line on stderr
    } cases[] = {
        {{QStringLiteral("out"), id}, 2, QStringLiteral("--reason")},
        {{QStringLiteral("out"), QStringLiteral("--reason"), QStringLiteral("离职")},
         2,
         QStringLiteral("ID_NUMBER")},
        {{QStringLiteral("out"), idNumber(99), QStringLiteral("--reason"), QStringLiteral("离职")},
         1,
         QStringLiteral("No member has the ID number")},
        {{QStringLiteral("out"), id, QStringLiteral("--reason"), QStringLiteral("退休"),
          QStringLiteral("--keep"), QStringLiteral("--to"), QStringLiteral("乙厂工会")},
         2,
         QStringLiteral("--keep")},
        {{QStringLiteral("out"), id, QStringLiteral("--reason"), QStringLiteral("离职"),
          QStringLiteral("--keep")},
         1,
         QStringLiteral("retired")},
        {{QStringLiteral("out"), id, QStringLiteral("--reason"), QStringLiteral("离职"),
          QStringLiteral("--to"), QStringLiteral("甲一厂工会")},
         1,
         QStringLiteral("Destination")},
        {{QStringLiteral("request-in"), id}, 1, QStringLiteral("already a member of 甲一厂工会")},
        {{QStringLiteral("request-in"), QStringLiteral("440106199001010011")},
         1,
         QStringLiteral("ID number")},
        {{QStringLiteral("request-in"), idNumber(98), QStringLiteral("--org"), QStringLiteral("不存在工会")},
         1,
         QStringLiteral("不存在工会")},
        {{QStringLiteral("approve"), QStringLiteral("1234abcd")}, 1, QStringLiteral("Transfer")},
        {{QStringLiteral("reject")}, 2, QStringLiteral("TRANSFER")},
        {{QStringLiteral("show"), QStringLiteral("工转字〔2026〕第0000000号")},
         1,
         QStringLiteral("Transfer")},
        {{QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("bogus")},
         2,
         QStringLiteral("--state")},
        {{QStringLiteral("hung"), QStringLiteral("--months"), QStringLiteral("two")},
         2,
         QStringLiteral("--months")},
        {{QStringLiteral("letter"), QStringLiteral("1234abcd")}, 2, QStringLiteral("--pdf")},
    };
    for (const auto& c : cases) {
        const Run r = cli(QStringList{QStringLiteral("transfers")} + c.arguments);
        QVERIFY2(r.exitCode == c.exitCode,
                 qPrintable(c.arguments.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.describe()));
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("error: ")) && r.err.contains(c.message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(tableCounts(), before);
    }

    RUN_OK(first, cli({QStringLiteral("transfers"), QStringLiteral("out"), id, QStringLiteral("--reason"),
                       QStringLiteral("失业")}));
    const QMap<QString, qint64> afterFirst = tableCounts();
    const Run again = cli({QStringLiteral("transfers"), QStringLiteral("out"), id, QStringLiteral("--reason"),
                           QStringLiteral("失业"), QStringLiteral("--to"), QStringLiteral("乙厂工会")});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(QStringLiteral("already has an open transfer")) &&
                 again.err.contains(first.out.section(QLatin1Char(':'), 0, 0)),
             qPrintable(again.err));
    QCOMPARE(tableCounts(), afterFirst);
}

void TestTransfersCli::keepAndDirect()
{
    const QString kept = addMember(QStringLiteral("王伟"), QStringLiteral("甲一厂工会"));
    const QString moved = addMember(QStringLiteral("赵敏"), QStringLiteral("甲一厂工会"));
    RUN_OK(keep, cli({QStringLiteral("transfers"), QStringLiteral("out"), kept, QStringLiteral("--reason"),
                      QStringLiteral("退休"), QStringLiteral("--keep")}));
    QVERIFY2(keep.out.contains(QStringLiteral("保留会籍")), qPrintable(keep.out));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM transfer")).toInt(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM member WHERE id_number = ?"), {kept}).toString(),
             QStringLiteral("retained"));
    QCOMPARE(
        scalar(QStringLiteral("SELECT reason FROM member_event WHERE kind = 'status-changed'")).toString(),
        QStringLiteral("退休"));

    RUN_OK(direct, cli({QStringLiteral("transfers"), QStringLiteral("out"), moved, QStringLiteral("--reason"),
                        QStringLiteral("调动"), QStringLiteral("--to"), QStringLiteral("乙厂工会"),
                        QStringLiteral("--json")}));
    const QJsonObject t = direct.object();
    QCOMPARE(t.value(QStringLiteral("kind")).toString(), QStringLiteral("direct"));
    QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
    QCOMPARE(t.value(QStringLiteral("from")).toString(), QStringLiteral("甲一厂工会"));
    QCOMPARE(t.value(QStringLiteral("holding")).toString(), QStringLiteral("甲一厂工会"));
    QCOMPARE(t.value(QStringLiteral("to")).toString(), QStringLiteral("乙厂工会"));
    QCOMPARE(t.value(QStringLiteral("pending")).toBool(), true);
    // Somewhere this file does not know: the name travels for the server to find.
    const QString third = addMember(QStringLiteral("孙丽"), QStringLiteral("甲一厂工会"));
    RUN_OK(far, cli({QStringLiteral("transfers"), QStringLiteral("out"), third, QStringLiteral("--reason"),
                     QStringLiteral("离职"), QStringLiteral("--to"), QStringLiteral("外市某某公司工会"),
                     QStringLiteral("--json")}));
    QCOMPARE(far.object().value(QStringLiteral("to")).toString(), QStringLiteral("外市某某公司工会"));
    QCOMPARE(scalar(QStringLiteral("SELECT to_organisation_id FROM transfer WHERE id = ?"),
                    {far.object().value(QStringLiteral("id")).toString()})
                 .toString(),
             QString());
}

void TestTransfersCli::requestIn()
{
    const QString person = idNumber(50);
    RUN_OK(asked, cli({QStringLiteral("transfers"), QStringLiteral("request-in"), person,
                       QStringLiteral("--json")}));
    QCOMPARE(asked.object().value(QStringLiteral("kind")).toString(), QStringLiteral("request"));
    QCOMPARE(asked.object().value(QStringLiteral("state")).toString(), QStringLiteral("requested"));
    // The data file's own organisation by default.
    QCOMPARE(asked.object().value(QStringLiteral("to")).toString(), QStringLiteral("测试区总工会"));
    QCOMPARE(asked.object().value(QStringLiteral("member")).toString(), QString());
    QCOMPARE(asked.object().value(QStringLiteral("idNumber")).toString(), masked(person));
    const Run twice = cli({QStringLiteral("transfers"), QStringLiteral("request-in"), person,
                           QStringLiteral("--org"), QStringLiteral("乙厂工会")});
    QCOMPARE(twice.exitCode, 1);
    QVERIFY2(twice.err.contains(QStringLiteral("already open")), qPrintable(twice.err));

    const QString other = idNumber(51);
    RUN_OK(byName, cli({QStringLiteral("transfers"), QStringLiteral("request-in"), other,
                        QStringLiteral("--org"), QStringLiteral("乙厂工会")}));
    QVERIFY2(byName.out.contains(QStringLiteral("乙厂工会 asks to take in the member with ID number ") +
                                 masked(other)),
             qPrintable(byName.out));
    RUN_OK(list, cli({QStringLiteral("transfers"), QStringLiteral("list"), QStringLiteral("--state"),
                      QStringLiteral("requested"), QStringLiteral("--json")}));
    QCOMPARE(list.array().size(), 2);
    // Nobody here holds her, so nobody here decides: the server names the holder at the next sync.
    const Run approve = cli({QStringLiteral("transfers"), QStringLiteral("approve"),
                             asked.object().value(QStringLiteral("shortCode")).toString()});
    QCOMPARE(approve.exitCode, 1);
    QVERIFY2(approve.err.contains(QStringLiteral("next sync")), qPrintable(approve.err));
    // The union asking may withdraw it.
    RUN_OK(cancel,
           cli({QStringLiteral("transfers"), QStringLiteral("cancel"),
                asked.object().value(QStringLiteral("shortCode")).toString(), QStringLiteral("--json")}));
    QCOMPARE(cancel.object().value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
}

void TestTransfersCli::decisionsByWhatTheClerkTypes()
{
    // Three members hung at the township, as the server put them there; requests of other unions for
    // two of them and a hung transfer for the third, as the pull brought them.
    const QString a = addMember(QStringLiteral("周杰"), QStringLiteral("甲街道工会"));
    const QString b = addMember(QStringLiteral("吴娟"), QStringLiteral("甲街道工会"));
    const QString c = addMember(QStringLiteral("郑涛"), QStringLiteral("甲街道工会"));
    auto memberId = [this](const QString& number) {
        return scalar(QStringLiteral("SELECT id FROM member WHERE id_number = ?"), {number}).toString();
    };
    const QString first = QStringLiteral("a1b2c3d4-0000-4000-8000-000000000001");
    const QString second = QStringLiteral("b1b2c3d4-0000-4000-8000-000000000002");
    const QString third = QStringLiteral("c1b2c3d4-0000-4000-8000-000000000003");
    pulledTransfer(first, QStringLiteral("request"), QStringLiteral("requested"), memberId(a), a,
                   QStringLiteral("甲街道工会"), QStringLiteral("甲街道工会"),
                   QStringLiteral("外区某厂工会"));
    pulledTransfer(second, QStringLiteral("request"), QStringLiteral("requested"), memberId(b), b,
                   QStringLiteral("甲街道工会"), QStringLiteral("甲街道工会"), QStringLiteral("乙厂工会"));
    pulledTransfer(third, QStringLiteral("out"), QStringLiteral("hung"), memberId(c), c,
                   QStringLiteral("甲一厂工会"), QStringLiteral("甲街道工会"), QString());
    RUN_OK(pulled, cli({QStringLiteral("transfers"), QStringLiteral("list"), QStringLiteral("--json")}));
    for (const QJsonValue& v : pulled.array())
        QCOMPARE(v.toObject().value(QStringLiteral("pending")).toBool(), false);

    RUN_OK(approved, cli({QStringLiteral("transfers"), QStringLiteral("approve"),
                          QStringLiteral("工转字〔2026〕第A1B2C3D4号"), QStringLiteral("--reason"),
                          QStringLiteral("同意接转")}));
    QVERIFY2(approved.out.startsWith(
                 QStringLiteral("工转字〔2026〕第A1B2C3D4号: approved: 周杰 moves to 外区某厂工会.")),
             qPrintable(approved.out));
    QCOMPARE(scalar(QStringLiteral("SELECT state FROM transfer WHERE id = ?"), {first}).toString(),
             QStringLiteral("completed"));
    QCOMPARE(scalar(QStringLiteral("SELECT decision_reason FROM transfer WHERE id = ?"), {first}).toString(),
             QStringLiteral("同意接转"));
    QVERIFY(scalar(QStringLiteral("SELECT member_snapshot FROM transfer WHERE id = ?"), {first})
                .toString()
                .contains(QStringLiteral("周杰")));
    QCOMPARE(scalar(QStringLiteral("SELECT base_version FROM outbox WHERE record_id = ?"), {first}).toInt(),
             3);
    const QString sent =
        scalar(QStringLiteral("SELECT fields FROM outbox WHERE record_id = ?"), {first}).toString();
    QVERIFY2(sent.contains(QStringLiteral("\"state\":\"completed\"")) &&
                 !sent.contains(QStringLiteral("周杰")),
             qPrintable(sent));

    RUN_OK(rejected,
           cli({QStringLiteral("transfers"), QStringLiteral("reject"), QStringLiteral("b1b2"),
                QStringLiteral("--reason"), QStringLiteral("本人不同意"), QStringLiteral("--json")}));
    QCOMPARE(rejected.object().value(QStringLiteral("state")).toString(), QStringLiteral("rejected"));
    QCOMPARE(rejected.object().value(QStringLiteral("decisionReason")).toString(),
             QStringLiteral("本人不同意"));
    QCOMPARE(rejected.object().value(QStringLiteral("member")).toString(), QStringLiteral("吴娟"));
    QCOMPARE(rejected.object().value(QStringLiteral("pending")).toBool(), true);

    // A hung member cannot be approved, only cancelled (she goes back).
    const Run notARequest =
        cli({QStringLiteral("transfers"), QStringLiteral("approve"), QStringLiteral("C1B2C3D4")});
    QCOMPARE(notARequest.exitCode, 1);
    RUN_OK(cancelled, cli({QStringLiteral("transfers"), QStringLiteral("cancel"), QStringLiteral("c1b2c3d4"),
                           QStringLiteral("--reason"), QStringLiteral("原单位复工")}));
    QVERIFY2(cancelled.out.contains(QStringLiteral("cancelled: 郑涛 goes back to 甲一厂工会")),
             qPrintable(cancelled.out));
    const Run twice =
        cli({QStringLiteral("transfers"), QStringLiteral("cancel"), QStringLiteral("c1b2c3d4")});
    QCOMPARE(twice.exitCode, 1);
    QVERIFY2(twice.err.contains(QStringLiteral("final")), qPrintable(twice.err));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'transfer'")).toInt(), 3);
    // The members themselves are the server's to move.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE entity <> 'transfer' AND created_at > "
                                   "(SELECT min(created_at) FROM outbox WHERE entity = 'transfer')"))
                 .toInt(),
             0);
}

void TestTransfersCli::letterAsPdf()
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    QVERIFY2(!pdftotext.isEmpty(), "pdftotext (poppler-utils) is needed to read the letter back");
    const QString id = addMember(QStringLiteral("欧阳小芳"), QStringLiteral("甲一厂工会"));
    RUN_OK(out, cli({QStringLiteral("transfers"), QStringLiteral("out"), id, QStringLiteral("--reason"),
                     QStringLiteral("离职"), QStringLiteral("--json")}));
    const QString letterNumber = out.object().value(QStringLiteral("letterNumber")).toString();
    const QString shortCode = out.object().value(QStringLiteral("shortCode")).toString();
    auto text = [&pdftotext](const QString& pdf) {
        QProcess p;
        p.start(pdftotext, {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
        p.waitForFinished(60'000);
        return QString::fromUtf8(p.readAllStandardOutput());
    };

    const QString pdf = m_dir.filePath(QStringLiteral("letter.pdf"));
    const qint64 auditBefore = scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
    RUN_OK(letter, cli({QStringLiteral("transfers"), QStringLiteral("letter"), letterNumber,
                        QStringLiteral("--pdf"), pdf}));
    QVERIFY2(letter.out.contains(letterNumber), qPrintable(letter.out));
    const QString page = text(pdf);
    QVERIFY2(page.contains(letterNumber), qPrintable(page));
    QVERIFY2(page.contains(QStringLiteral("欧阳小芳")), qPrintable(page));
    QVERIFY2(page.contains(masked(id)), qPrintable(page));
    QVERIFY2(!page.contains(id), qPrintable(page));
    QVERIFY2(page.contains(QStringLiteral("甲一厂工会")) && page.contains(QStringLiteral("甲街道工会")),
             qPrintable(page));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong(), auditBefore);

    const QString full = m_dir.filePath(QStringLiteral("letter-unmasked.pdf"));
    RUN_OK(unmasked, cli({QStringLiteral("transfers"), QStringLiteral("letter"), shortCode,
                          QStringLiteral("--pdf"), full, QStringLiteral("--unmasked")}));
    QVERIFY2(text(full).contains(id), qPrintable(text(full)));
    QCOMPARE(scalar(QStringLiteral(
                        "SELECT count(*) FROM audit_log WHERE action = 'unmask' AND entity = 'transfer' "
                        "AND record_id = ?"),
                    {out.object().value(QStringLiteral("id")).toString()})
                 .toInt(),
             1);

    // A folder that does not exist: a clear error, no file, no audit entry.
    const QString nowhere = m_dir.filePath(QStringLiteral("no/such/folder/letter.pdf"));
    const Run refused = cli({QStringLiteral("transfers"), QStringLiteral("letter"), shortCode,
                             QStringLiteral("--pdf"), nowhere, QStringLiteral("--unmasked")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.err.startsWith(QStringLiteral("error: ")));
    QVERIFY(!QFileInfo::exists(nowhere));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'unmask'")).toInt(), 1);
}

void TestTransfersCli::usage()
{
    const Run none = cli({QStringLiteral("transfers")});
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains(QStringLiteral("subcommand")), qPrintable(none.err));
    const Run unknown = cli({QStringLiteral("transfers"), QStringLiteral("bogus")});
    QCOMPARE(unknown.exitCode, 2);
    RUN_OK(help, ud::test::runCli({QStringLiteral("--help")}, m_environment, m_dir.path()));
    for (const char* line :
         {"transfers out ID_NUMBER --reason REASON [--to ORG]", "transfers hung",
          "transfers request-in ID_NUMBER [--org ORG]", "transfers approve|reject TRANSFER", "transfers list",
          "transfers letter TRANSFER --pdf PATH"})
        QVERIFY2(help.out.contains(QString::fromUtf8(line)), line);
}

QTEST_GUILESS_MAIN(TestTransfersCli)
#include "tst_transferscli.moc"
