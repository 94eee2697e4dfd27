// `uniondesk-cli import` and `export` run as separate processes, exactly as the acceptance checks run
// them: `--db FILE import PATH [--org ORG] [--sheet NAME] [--dry-run] [--json]` and
// `--db FILE export PATH [--org ORG] [--unmasked]`.

#include "CliRun.h"
#include "OfficeEncryption.h"
#include "TestStore.h"
#include "io/TextDecoder.h"
#include "io/XlsxWriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace ud;
using ud::test::TestStore;

#ifdef Q_OS_UNIX
namespace {

// The CLI as a clerk without privileges runs it. Run as root (as CI runs), which may read and write
// anything, it is started as nobody through setpriv, from a copy of the program in `dir`.
class ClerkCli
{
public:
    explicit ClerkCli(const QTemporaryDir& dir)
        : m_program(QStringLiteral(UNIONDESK_CLI_PATH))
    {
        m_environment.insert(QStringLiteral("HOME"), dir.path());
        m_environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("en_US.UTF-8"));
        m_environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        if (::geteuid() != 0)
            return;
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        const QString copy = dir.filePath(QStringLiteral("uniondesk-cli"));
        if (setpriv.isEmpty() || !QFile::copy(m_program, copy) ||
            !QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                             QFileDevice::ExeOther)) {
            m_setUpError = QStringLiteral("setpriv (util-linux) is missing, or the program cannot be copied");
            return;
        }
        m_prefix = {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                    QStringLiteral("--clear-groups"), QStringLiteral("--"), copy};
        m_program = setpriv;
    }

    QString setUpError() const { return m_setUpError; }

    // The exit code (-1 for a crash) and what it wrote to stderr.
    std::pair<int, QString> run(const QString& store, const QStringList& arguments) const
    {
        QProcess p;
        p.setProcessEnvironment(m_environment);
        p.start(m_program, m_prefix + QStringList{QStringLiteral("--db"), store} + arguments);
        p.waitForFinished(60000);
        return std::make_pair(p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                              QString::fromUtf8(p.readAllStandardError()));
    }

private:
    QString m_program;
    QStringList m_prefix;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    QString m_setUpError;
};

} // namespace
#endif

class TstImportCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void importsGb18030CsvAndReportsRows();
    void dryRunWritesNothing();
    void importsIntoAnOrganisationFromAChosenSheet();
    void failsWhenItCannotRun();
    void exportsAndReimports();
    void listsAndUndoesAnImport();
    void namesAFileTheClerkMayNotRead();
    void namesAStoreThatCannotBeWritten();
    void importsAWorkbookWithAPassword();

private:
    using Run = ud::test::CliRun;
    Run run(const QStringList& arguments) const;
    int count(const QString& sql) const;
    QString db() const { return m_dir.filePath(QStringLiteral("data.sqlite")); }
    QString file(const QString& name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

TstImportCli::Run TstImportCli::run(const QStringList& arguments) const
{
    return ud::test::runCli(QStringList{QStringLiteral("--db"), db()} + arguments,
                            ud::test::isolatedCliEnvironment(m_dir.path()), m_dir.path(), 60'000);
}

int TstImportCli::count(const QString& sql) const
{
    int n = -1;
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        c.setDatabaseName(db());
        if (c.open()) {
            QSqlQuery q(c);
            if (q.exec(sql) && q.next())
                n = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return n;
}

void TstImportCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const Run r = run({QStringLiteral("init"), QStringLiteral("--org-name"), QStringLiteral("测试区总工会")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(run({QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("--name"),
                  QStringLiteral("老会员"), QStringLiteral("--id-number"), TestStore::sampleIdNumber(500),
                  QStringLiteral("--mobile"), QStringLiteral("13700000500")})
                 .exitCode,
             0);
}

void TstImportCli::importsGb18030CsvAndReportsRows()
{
    const QString text = QStringLiteral("XX公司工会会员花名册,,,,\r\n"
                                        "序号,姓名,身份证号码,手机号码,入会时间\r\n"
                                        "1,刘\u4DAE,%1,13812345601,2020年1月5日\r\n"
                                        "2,李四,4.40106E+17,13812345602,2020-01-05\r\n"
                                        "3,王五,%2,13812345603,2020/1/5\r\n"
                                        "4,赵六,%1,13812345604,2020.1.5\r\n"
                                        "5,老会员,%3,13700000500,20200105\r\n"
                                        "合计,共5人,,,\r\n"
                                        "制表人：王会计,,,,\r\n")
                             .arg(TestStore::sampleIdNumber(501), TestStore::sampleIdNumber(503),
                                  TestStore::sampleIdNumber(500));
    QFile f(file(QStringLiteral("gb.csv")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(TextDecoder::toGb18030(text));
    f.close();
    const int before = count(QStringLiteral("SELECT COUNT(*) FROM member"));
    const Run r = run({QStringLiteral("import"), file(QStringLiteral("gb.csv")), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QJsonParseError parseError;
    const QJsonObject result = QJsonDocument::fromJson(r.out.toUtf8(), &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(r.out));
    QCOMPARE(result.value(QStringLiteral("imported")).toInt(), 2);
    const QJsonArray rejected = result.value(QStringLiteral("rejected")).toArray();
    QList<int> rows;
    for (const QJsonValue& v : rejected) {
        const QJsonObject o = v.toObject();
        rows.append(o.value(QStringLiteral("row")).toInt());
        QVERIFY(!o.value(QStringLiteral("reason")).toString().isEmpty());
        QCOMPARE(o.value(QStringLiteral("column")).toString(), QStringLiteral("身份证号码"));
        QVERIFY(o.contains(QStringLiteral("value")));
    }
    QCOMPARE(rows, (QList<int>{4, 6, 7}));
    QCOMPARE(rejected.at(0).toObject().value(QStringLiteral("value")).toString(),
             QStringLiteral("4.40106E+17"));
    QVERIFY(result.value(QStringLiteral("warnings")).isArray());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM member")), before + 2);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM member WHERE name = '刘\u4DAE'")), 1);
}

void TstImportCli::dryRunWritesNothing()
{
    QFile f(file(QStringLiteral("dry.csv")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("姓名,身份证号\n甲,%1\n乙,%2\n")
                .arg(TestStore::sampleIdNumber(510), TestStore::sampleIdNumber(511))
                .toUtf8());
    f.close();
    const int members = count(QStringLiteral("SELECT COUNT(*) FROM member"));
    const int outbox = count(QStringLiteral("SELECT COUNT(*) FROM outbox"));
    const Run r = run({QStringLiteral("import"), file(QStringLiteral("dry.csv")), QStringLiteral("--dry-run"),
                       QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject result = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(result.value(QStringLiteral("imported")).toInt(), 0);
    QCOMPARE(result.value(QStringLiteral("valid")).toInt(), 2);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM member")), members);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM outbox")), outbox);
    // Without --json: a readable summary.
    const Run text =
        run({QStringLiteral("import"), file(QStringLiteral("dry.csv")), QStringLiteral("--dry-run")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(!text.out.isEmpty());
    // A note about a whole column names the column, not the header row.
    QFile months(file(QStringLiteral("months.csv")));
    QVERIFY(months.open(QIODevice::WriteOnly));
    months.write(QStringLiteral("姓名,身份证号,入会时间,工号\n甲,%1,2003年6月,A1\n")
                     .arg(TestStore::sampleIdNumber(512))
                     .toUtf8());
    months.close();
    const Run notes =
        run({QStringLiteral("import"), file(QStringLiteral("months.csv")), QStringLiteral("--dry-run")});
    QCOMPARE(notes.exitCode, 0);
    QVERIFY2(notes.out.contains(QStringLiteral("提醒：“入会时间”列：")) &&
                 notes.out.contains(QStringLiteral("提醒：“工号（D列）”：")) &&
                 !notes.out.contains(QStringLiteral("第 1 行")),
             qPrintable(notes.out));
}

void TstImportCli::importsIntoAnOrganisationFromAChosenSheet()
{
    QVERIFY(run({QStringLiteral("members"), QStringLiteral("list")}).exitCode == 0);
    // An organisation to import into is made through the store directly (the organisation commands are
    // another issue's).
    const QString path = file(QStringLiteral("sheets.xlsx"));
    {
        XlsxWriter book(path);
        QVERIFY(book.addSheet(QStringLiteral("一车间")));
        book.writeText(0, 0, QStringLiteral("姓名"));
        book.writeText(0, 1, QStringLiteral("身份证号码"));
        book.writeText(1, 0, QStringLiteral("一车间甲"));
        book.writeText(1, 1, TestStore::sampleIdNumber(520));
        QVERIFY(book.addSheet(QStringLiteral("二车间")));
        book.writeText(0, 0, QStringLiteral("姓名"));
        book.writeText(0, 1, QStringLiteral("身份证号码"));
        book.writeText(1, 0, QStringLiteral("二车间甲"));
        book.writeText(1, 1, TestStore::sampleIdNumber(522));
        book.writeText(2, 0, QStringLiteral("二车间乙"));
        book.writeText(2, 1, TestStore::sampleIdNumber(524));
        QString error;
        QVERIFY2(book.close(&error), qPrintable(error));
    }
    Run r = run({QStringLiteral("import"), path, QStringLiteral("--sheet"), QStringLiteral("二车间"),
                 QStringLiteral("--org"), QStringLiteral("测试区总工会"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("imported")).toInt(), 2);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM member WHERE name LIKE '一车间%'")), 0);
    r = run({QStringLiteral("import"), path, QStringLiteral("--sheet"), QStringLiteral("三车间")});
    QCOMPARE(r.exitCode, 1);
    r = run({QStringLiteral("import"), path, QStringLiteral("--org"), QStringLiteral("没有这个工会")});
    QVERIFY(r.exitCode != 0);
}

void TstImportCli::failsWhenItCannotRun()
{
    Run r = run({QStringLiteral("import"), file(QStringLiteral("missing.xlsx"))});
    QVERIFY(r.exitCode != 0);
    QVERIFY(r.err.startsWith(QStringLiteral("error: ")) || r.err.startsWith(QStringLiteral("错误：")));
    r = run({QStringLiteral("import")});
    QCOMPARE(r.exitCode, 2);
    QFile f(file(QStringLiteral("noheader.csv")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("a,b,c\n1,2,3\n");
    f.close();
    r = run({QStringLiteral("import"), file(QStringLiteral("noheader.csv")), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    // With --json, stdout still holds one object: the reason, and nothing imported.
    const QJsonObject failed = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY2(!failed.value(QStringLiteral("error")).toString().isEmpty(), qPrintable(r.out));
    QCOMPARE(failed.value(QStringLiteral("imported")).toInt(-1), 0);
    QVERIFY(failed.value(QStringLiteral("rejected")).isArray());
    // A header without a name column: one error naming the sheet and the header row, not a refusal
    // for every row.
    QFile noName(file(QStringLiteral("noname.csv")));
    QVERIFY(noName.open(QIODevice::WriteOnly));
    noName.write("花名册\n身份证号码,手机号码\n110105196001010011,13812345678\n");
    noName.close();
    const int before = count(QStringLiteral("SELECT count(*) FROM member"));
    r = run({QStringLiteral("import"), file(QStringLiteral("noname.csv")), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("row 2")) || r.err.contains(QStringLiteral("第 2 行")),
             qPrintable(r.err));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM member")), before);
}

void TstImportCli::exportsAndReimports()
{
    const int members = count(QStringLiteral("SELECT COUNT(*) FROM member WHERE deleted = 0"));
    QVERIFY(members > 0);
    const int audit = count(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    Run r = run({QStringLiteral("export"), file(QStringLiteral("out.xlsx")), QStringLiteral("--unmasked")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(file(QStringLiteral("out.xlsx"))));
    r = run({QStringLiteral("export"), file(QStringLiteral("out.csv"))});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit_log")), audit + 2);
    r = run({QStringLiteral("export"), file(QStringLiteral("out.csv")), QStringLiteral("--org"),
             QStringLiteral("测试区总工会")});
    QCOMPARE(r.exitCode, 0);

    // Into a second data file: every member comes back.
    QTemporaryDir other;
    const QString otherDb = other.filePath(QStringLiteral("b.sqlite"));
    auto runOther = [&](const QStringList& arguments) {
        QProcess p;
        p.start(QStringLiteral(UNIONDESK_CLI_PATH), QStringList{QStringLiteral("--db"), otherDb} + arguments);
        p.waitForFinished(60000);
        return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()));
    };
    QCOMPARE(runOther({QStringLiteral("init"), QStringLiteral("--org-name"), QStringLiteral("另一区总工会")})
                 .first,
             0);
    const auto [code, out] =
        runOther({QStringLiteral("import"), file(QStringLiteral("out.xlsx")), QStringLiteral("--json")});
    QCOMPARE(code, 0);
    const QJsonObject result = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(result.value(QStringLiteral("imported")).toInt(), members);
    QCOMPARE(result.value(QStringLiteral("rejected")).toArray().size(), 0);
    QCOMPARE(result.value(QStringLiteral("alreadyInRoster")).toInt(-1), 0);
    // The same file again: every row is refused, and said to be the roster's own members.
    const auto [againCode, again] = runOther({QStringLiteral("import"), file(QStringLiteral("out.xlsx"))});
    QCOMPARE(againCode, 0);
    QVERIFY2(again.contains(QStringLiteral("%1 行是花名册中已有的会员").arg(members)) &&
                 again.contains(QStringLiteral("拒绝 0 行")),
             qPrintable(again));
}

void TstImportCli::listsAndUndoesAnImport()
{
    QFile f(file(QStringLiteral("undo.csv")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("姓名,身份证号\n丙,%1\n丁,%2\n")
                .arg(TestStore::sampleIdNumber(520), TestStore::sampleIdNumber(521))
                .toUtf8());
    f.close();
    const int members = count(QStringLiteral("SELECT COUNT(*) FROM member"));
    const int outbox = count(QStringLiteral("SELECT COUNT(*) FROM outbox"));
    const Run imported =
        run({QStringLiteral("import"), file(QStringLiteral("undo.csv")), QStringLiteral("--json")});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.describe()));
    const QString batch = imported.object().value(QStringLiteral("batch")).toString();
    QVERIFY(!batch.isEmpty());

    const Run list = run({QStringLiteral("imports"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
    const QJsonObject newest = list.array().first().toObject();
    QCOMPARE(newest.value(QStringLiteral("id")).toString(), batch);
    QCOMPARE(newest.value(QStringLiteral("file")).toString(), QStringLiteral("undo.csv"));
    QCOMPARE(newest.value(QStringLiteral("members")).toInt(), 2);
    QCOMPARE(newest.value(QStringLiteral("undoneAt")).toString(), QString());

    // A member changed since: the desktop asks; here the undo is refused until --include-changed.
    const Run edit = run({QStringLiteral("members"), QStringLiteral("edit"), TestStore::sampleIdNumber(521),
                          QStringLiteral("--mobile"), QStringLiteral("13700000521")});
    QVERIFY2(edit.exitCode == 0, qPrintable(edit.describe()));
    const Run refused =
        run({QStringLiteral("imports"), QStringLiteral("undo"), batch, QStringLiteral("--json")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.object().value(QStringLiteral("error")).toString().contains(QStringLiteral("丁")),
             qPrintable(refused.describe()));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM member")), members + 2);
    const Run undo = run({QStringLiteral("imports"), QStringLiteral("undo"), batch, QStringLiteral("--json"),
                          QStringLiteral("--include-changed")});
    QVERIFY2(undo.exitCode == 0, qPrintable(undo.describe()));
    QCOMPARE(undo.object().value(QStringLiteral("removed")).toInt(), 2);
    // Never synced: the members and their pending operations are gone, as if never imported.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM member")), members);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM outbox")), outbox);

    // Again: refused with one line and a non-zero exit; an unknown id likewise.
    const Run again = run({QStringLiteral("imports"), QStringLiteral("undo"), batch});
    QCOMPARE(again.exitCode, 1);
    QCOMPARE(again.errLines().size(), 1);
    const Run unknown = run({QStringLiteral("imports"), QStringLiteral("undo"), QStringLiteral("nope")});
    QCOMPARE(unknown.exitCode, 1);
    QCOMPARE(run({QStringLiteral("imports")}).exitCode, 2);
}

// `import PATH --password-file FILE`: the password is the file's first line, as Notepad saves it
// (UTF-8 with a byte order mark, CRLF); without it the error says how to give it.
void TstImportCli::importsAWorkbookWithAPassword()
{
    const QString plainPath = file(QStringLiteral("plain-for-password.xlsx"));
    {
        XlsxWriter book(plainPath);
        QVERIFY(book.addSheet(QStringLiteral("会员")));
        book.writeText(0, 0, QStringLiteral("姓名"));
        book.writeText(0, 1, QStringLiteral("身份证号码"));
        for (int r = 1; r <= 3; ++r) {
            book.writeText(r, 0, TestStore::sampleName(700 + r));
            book.writeText(r, 1, TestStore::sampleIdNumber(700 + r));
        }
        QString error;
        QVERIFY2(book.close(&error), qPrintable(error));
    }
    QFile plain(plainPath);
    QVERIFY(plain.open(QIODevice::ReadOnly));
    const QString password = QStringLiteral("工会2026");
    const QString roster = file(QStringLiteral("加密花名册.xlsx"));
    QVERIFY(ud::test::OfficeEncryption::writeAgile(roster, plain.readAll(), password));
    const int before = count(QStringLiteral("SELECT count(*) FROM member"));

    Run r = run({QStringLiteral("import"), roster, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QString error = r.object().value(QStringLiteral("error")).toString();
    QVERIFY2(error.contains(QStringLiteral("加密花名册.xlsx")) &&
                 error.contains(QStringLiteral("--password-file")),
             qPrintable(r.describe()));

    QFile wrong(file(QStringLiteral("wrong.txt")));
    QVERIFY(wrong.open(QIODevice::WriteOnly));
    wrong.write("\xEF\xBB\xBF工会2025\r\n");
    wrong.close();
    r = run({QStringLiteral("import"), roster, QStringLiteral("--json"), QStringLiteral("--password-file"),
             wrong.fileName()});
    QCOMPARE(r.exitCode, 1);
    error = r.object().value(QStringLiteral("error")).toString();
    QVERIFY2(!error.contains(QStringLiteral("--password-file")) &&
                 error.contains(QStringLiteral("加密花名册.xlsx")),
             qPrintable(r.describe()));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM member")), before);

    QFile right(file(QStringLiteral("right.txt")));
    QVERIFY(right.open(QIODevice::WriteOnly));
    right.write("\xEF\xBB\xBF" + password.toUtf8() + "\r\n");
    right.close();
    r = run({QStringLiteral("import"), roster, QStringLiteral("--json"), QStringLiteral("--password-file"),
             right.fileName()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.object().value(QStringLiteral("imported")).toInt(), 3);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM member")), before + 3);

    // Saved by Notepad as "ANSI" on a Chinese Windows (GBK), and as "Unicode" (UTF-16): the same
    // password. A dry run, as the members are in the roster now.
    QStringEncoder gbk("GB18030");
    QVERIFY(gbk.isValid());
    const QByteArray ansi = gbk.encode(password);
    const QList<QByteArray> encodings{
        ansi + QByteArray("\r\n"),
        QByteArray("\xFF\xFE") +
            QByteArray(reinterpret_cast<const char*>(password.utf16()), password.size() * 2)};
    for (const QByteArray& bytes : encodings) {
        QFile notepad(file(QStringLiteral("notepad.txt")));
        QVERIFY(notepad.open(QIODevice::WriteOnly | QIODevice::Truncate));
        notepad.write(bytes);
        notepad.close();
        r = run({QStringLiteral("import"), roster, QStringLiteral("--json"), QStringLiteral("--dry-run"),
                 QStringLiteral("--password-file"), notepad.fileName()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    }

    r = run({QStringLiteral("import"), roster, QStringLiteral("--password-file"),
             file(QStringLiteral("none.txt"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("none.txt")), qPrintable(r.describe()));
}

// A roster on a share the clerk may not read was reported as a damaged workbook. The file is made
// unreadable to the program; run as root (as CI runs), which may read anything, the program is
// started as nobody through setpriv, from a copy nobody may run.
void TstImportCli::namesAFileTheClerkMayNotRead()
{
#ifndef Q_OS_UNIX
    QSKIP("POSIX file permissions");
#else
    QTemporaryDir dir;
    QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                  QFileDevice::WriteOther | QFileDevice::ExeOther));
    const QString roster = dir.filePath(QStringLiteral("花名册.xlsx"));
    {
        XlsxWriter book(roster);
        QVERIFY(book.addSheet(QStringLiteral("会员")));
        book.writeText(0, 0, QStringLiteral("姓名"));
        book.writeText(0, 1, QStringLiteral("身份证号码"));
        book.writeText(1, 0, TestStore::sampleName(1));
        book.writeText(1, 1, TestStore::sampleIdNumber(1));
        QString error;
        QVERIFY2(book.close(&error), qPrintable(error));
    }
    // Written, not read: not by the owner, not by anyone else.
    QVERIFY(QFile::setPermissions(roster, QFileDevice::WriteOwner));

    const ClerkCli clerk(dir);
    QVERIFY2(clerk.setUpError().isEmpty(), qPrintable(clerk.setUpError()));
    const QString store = dir.filePath(QStringLiteral("clerk.sqlite"));
    auto cli = [&](const QStringList& arguments) {
        return clerk.run(store, arguments);
    };
    const auto [initCode, initError] =
        cli({QStringLiteral("init"), QStringLiteral("--org-name"), QStringLiteral("某区总工会")});
    QVERIFY2(initCode == 0, qPrintable(initError));
    const auto [code, message] = cli({QStringLiteral("import"), roster, QStringLiteral("--json")});
    QVERIFY(code != 0);
    QVERIFY2(
        message.contains(QStringLiteral("花名册.xlsx")) &&
            (message.contains(QStringLiteral("permission")) || message.contains(QStringLiteral("权限"))) &&
            !message.contains(QStringLiteral("damaged")) && !message.contains(QStringLiteral("损坏")),
        qPrintable(message));
#endif
}

// A data file with the read-only attribute, or in a folder on a read-only share: SQLite's English
// and the statement were shown ("attempt to write a readonly database … [INSERT INTO …]"), and the
// folder case was called a damaged file, which a clerk may well delete.
void TstImportCli::namesAStoreThatCannotBeWritten()
{
#ifndef Q_OS_UNIX
    QSKIP("POSIX file permissions");
#else
    QTemporaryDir dir;
    const auto everyone = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                          QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QVERIFY(QFile::setPermissions(dir.path(), everyone));
    const QString roster = dir.filePath(QStringLiteral("花名册.csv"));
    {
        QFile file(roster);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("姓名,身份证号码\n%1,%2\n")
                       .arg(TestStore::sampleName(1), TestStore::sampleIdNumber(1))
                       .toUtf8());
    }
    QVERIFY(QFile::setPermissions(roster, QFileDevice::ReadOwner | QFileDevice::ReadOther));
    const ClerkCli clerk(dir);
    QVERIFY2(clerk.setUpError().isEmpty(), qPrintable(clerk.setUpError()));
    const QString store = dir.filePath(QStringLiteral("clerk.sqlite"));
    const auto [initCode, initError] = clerk.run(
        store, {QStringLiteral("init"), QStringLiteral("--org-name"), QStringLiteral("某区总工会")});
    QVERIFY2(initCode == 0, qPrintable(initError));

    // The file read-only.
    QVERIFY(QFile::setPermissions(store, QFileDevice::ReadOwner | QFileDevice::ReadOther));
    const auto [code, message] = clerk.run(store, {QStringLiteral("import"), roster});
    QVERIFY(code != 0);
    QVERIFY2(message.contains(QStringLiteral("read-only")) && !message.contains(QStringLiteral("INSERT")) &&
                 !message.contains(QStringLiteral("attempt to write")),
             qPrintable(message));

    // The folder read-only, the file writable (and no working files left beside it): intact, and
    // said to be.
    QFile::remove(store + QStringLiteral("-wal"));
    QFile::remove(store + QStringLiteral("-shm"));
    QVERIFY(QFile::setPermissions(store, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ReadOther | QFileDevice::WriteOther));
    QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                  QFileDevice::ExeOther));
    const auto [listCode, listMessage] =
        clerk.run(store, {QStringLiteral("members"), QStringLiteral("list")});
    QVERIFY(QFile::setPermissions(dir.path(), everyone));
    QVERIFY(listCode != 0);
    QVERIFY2(listMessage.contains(QStringLiteral("read-only")) &&
                 listMessage.contains(QStringLiteral("not damaged")),
             qPrintable(listMessage));
#endif
}

QTEST_GUILESS_MAIN(TstImportCli)
#include "tst_importcli.moc"
