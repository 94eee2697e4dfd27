// uniondesk-cli run as a separate process, exactly as a user or a script runs it: every test starts
// the real binary on a data file in a temporary folder and reads what it prints, its exit code and
// (through SQLite, beside the tool) what it wrote.

#include "CliRun.h"

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kStatuses[] = {QStringLiteral("active"),  QStringLiteral("retained"),
                             QStringLiteral("hung"),    QStringLiteral("withdrawn"),
                             QStringLiteral("stopped"), QStringLiteral("expelled"),
                             QStringLiteral("deceased")};

using Run = ud::test::CliRun;

// GB 11643-1999 (ISO 7064 MOD 11-2), written here independently of the core.
QChar checkCharacter(const QString& first17)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char characters[] = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += first17.at(i).digitValue() * weights[i];
    return QLatin1Char(characters[sum % 11]);
}

// A valid resident ID number. The regions 110105 and 650102 are not among those the demo generator
// uses, so these never collide with a generated member.
QString idNumber(const QString& region, const QDate& birth, int sequence)
{
    const QString first17 = region + birth.toString(QStringLiteral("yyyyMMdd")) +
                            QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + checkCharacter(first17);
}

// The same number with a wrong check character.
QString withWrongCheck(const QString& id)
{
    const QChar right = id.back();
    const QChar wrong = right == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
    return id.left(17) + wrong;
}

QJsonArray parseArray(const QString& text, bool* ok)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    *ok = error.error == QJsonParseError::NoError && doc.isArray();
    return doc.array();
}

QJsonObject byId(const QJsonArray& rows, const QString& id)
{
    for (const QJsonValue& v : rows) {
        if (v.toObject().value(QStringLiteral("id")).toString() == id)
            return v.toObject();
    }
    return {};
}

} // namespace

class TstCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void helpAndVersion();
    void initCreatesStore();
    void initRefusesExistingStore();
    void demoIsDeterministic();
    void demoWithoutInit();
    void demoBuildsOrganisationTree();
    void listOrgReturnsOnlyThatSubtree();
    void listJsonIsUnmasked();
    void addPrintsTheNewMember();
    void orgByItsParentsWhereTheNameIsShared();
    void find_data();
    void find();
    void findJsonFieldsAreExact();
    void badInput_data();
    void badInput();
    void editWithBadStatusWritesNothing();
    void rareNamesRoundTrip_data();
    void rareNamesRoundTrip();
    void messagesFollowTheLocale();

private:
    Run run(const QStringList& arguments, const QMap<QString, QString>& environment = {}) const;
    Run runOn(const QString& store, const QStringList& arguments) const
    {
        return run(QStringList{QStringLiteral("--db"), store} + arguments);
    }
    QString newStorePath(const QString& name) const
    {
        return m_dir.filePath(name + QStringLiteral(".sqlite"));
    }
    QString nextIdNumber(const QString& region = QStringLiteral("110105"));
    // Every row of `statement`, each as a list of column values; one connection per call, so the
    // tool never finds the file held open between runs.
    static QList<QVariantList> select(const QString& store, const QString& statement,
                                      const QVariantList& values = {});
    static QVariant scalar(const QString& store, const QString& statement, const QVariantList& values = {})
    {
        const QList<QVariantList> rows = select(store, statement, values);
        return rows.isEmpty() || rows.first().isEmpty() ? QVariant() : rows.first().first();
    }
    static qint64 memberCount(const QString& store)
    {
        return scalar(store, QStringLiteral("SELECT count(*) FROM member")).toLongLong();
    }
    // Row counts of every table: equal before and after means the run wrote nothing.
    static QMap<QString, qint64> tableCounts(const QString& store);

    QTemporaryDir m_dir;
    QString m_cli;
    QProcessEnvironment m_environment;
    QString m_store; // init "测试市总工会" + demo --members 2000 --seed 7, then the members added below
    QString m_rootName = QStringLiteral("测试市总工会");
    QString m_existingName = QStringLiteral("林晓彤");
    QString m_existingIdNumber; // ends in X
    QString m_existingMobile = QStringLiteral("17305218846");
    QString m_existingId;
    int m_sequence = 100;
};

QList<QVariantList> TstCli::select(const QString& store, const QString& statement, const QVariantList& values)
{
    static int connections = 0;
    const QString name = QStringLiteral("tst_cli_%1").arg(++connections);
    QList<QVariantList> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(store);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(statement);
            for (const QVariant& v : values)
                q.addBindValue(v);
            if (q.exec()) {
                while (q.next()) {
                    QVariantList row;
                    for (int c = 0; c < q.record().count(); ++c)
                        row.append(q.value(c));
                    rows.append(row);
                }
            } else {
                qWarning() << "query failed:" << statement;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

QMap<QString, qint64> TstCli::tableCounts(const QString& store)
{
    QMap<QString, qint64> counts;
    const QList<QVariantList> tables =
        select(store, QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"));
    for (const QVariantList& t : tables) {
        const QString table = t.first().toString();
        counts.insert(table,
                      scalar(store, QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table)).toLongLong());
    }
    return counts;
}

Run TstCli::run(const QStringList& arguments, const QMap<QString, QString>& environment) const
{
    QProcessEnvironment env = m_environment;
    for (auto it = environment.cbegin(); it != environment.cend(); ++it) {
        if (it.value().isNull())
            env.remove(it.key());
        else
            env.insert(it.key(), it.value());
    }
    return ud::test::runCli(arguments, env, m_dir.path());
}

QString TstCli::nextIdNumber(const QString& region)
{
    return idNumber(region, QDate(1986, 4, 12), m_sequence++);
}

void TstCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cli = QString::fromUtf8(UNIONDESK_CLI_PATH); // the program runCli starts
    QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli));

    // The tool's own settings and default data file live in the temporary folder, not the user's.
    m_environment = ud::test::isolatedCliEnvironment(m_dir.path());

    m_store = newStorePath(QStringLiteral("demo"));
    Run r = runOn(m_store, {QStringLiteral("init"), QStringLiteral("--org-name"), m_rootName});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QElapsedTimer timer;
    timer.start();
    r = runOn(m_store, {QStringLiteral("demo"), QStringLiteral("--members"), QStringLiteral("2000"),
                        QStringLiteral("--seed"), QStringLiteral("7")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(timer.elapsed() < 30'000, "2000 generated members should take well under a second");
    QCOMPARE(memberCount(m_store), 2000);

    // A member every duplicate test can collide with; her ID number ends in X.
    do {
        m_existingIdNumber = nextIdNumber();
    } while (!m_existingIdNumber.endsWith(QLatin1Char('X')));
    r = runOn(m_store, {QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("--name"),
                        m_existingName, QStringLiteral("--id-number"), m_existingIdNumber,
                        QStringLiteral("--mobile"), m_existingMobile});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    m_existingId = r.out.trimmed();
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9A-Za-z-]{16,}$")).match(m_existingId).hasMatch());
    QCOMPARE(memberCount(m_store), 2001);
}

void TstCli::helpAndVersion()
{
    Run r = run({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("members find")));
    r = run({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith(QStringLiteral("uniondesk-cli ")));
    // A command's own help: its options, exit 0, nothing opened or created.
    const QString store = newStorePath(QStringLiteral("help"));
    for (const QStringList& command :
         {QStringList{QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("--help")},
          QStringList{QStringLiteral("transfers"), QStringLiteral("out"), QStringLiteral("-h")}}) {
        r = runOn(store, command);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(command.at(1) == QLatin1String("add") ? QStringLiteral("--id-number")
                                                                      : QStringLiteral("--reason")),
                 qPrintable(r.out));
        QVERIFY(!QFileInfo::exists(store));
    }
    // An unknown option is still a usage error.
    r = runOn(store, {QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("--shoe-size")});
    QCOMPARE(r.exitCode, 2);
}

void TstCli::initCreatesStore()
{
    const QString store = newStorePath(QStringLiteral("init"));
    QVERIFY(!QFileInfo::exists(store));
    const QString name = QStringLiteral("某某市总工会");
    const Run r = runOn(store, {QStringLiteral("init"), QStringLiteral("--org-name"), name});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
    QVERIFY(r.out.contains(name));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QVERIFY(QFileInfo::exists(store));

    const QList<QVariantList> orgs =
        select(store, QStringLiteral("SELECT name, level, parent_id IS NULL FROM organisation"));
    QCOMPARE(orgs.size(), 1);
    QCOMPARE(orgs.first().at(0).toString(), name);
    QCOMPARE(orgs.first().at(1).toString(), QStringLiteral("city")); // read from "市总工会"
    QVERIFY(orgs.first().at(2).toBool());
    QCOMPARE(memberCount(store), 0);

    const Run list =
        runOn(store, {QStringLiteral("members"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
    bool ok = false;
    QCOMPARE(parseArray(list.out, &ok).size(), 0);
    QVERIFY(ok);
}

void TstCli::initRefusesExistingStore()
{
    const QString store = newStorePath(QStringLiteral("init-twice"));
    Run r =
        runOn(store, {QStringLiteral("init"), QStringLiteral("--org-name"), QStringLiteral("甲市总工会")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QMap<QString, qint64> before = tableCounts(store);

    r = runOn(store, {QStringLiteral("init"), QStringLiteral("--org-name"), QStringLiteral("乙市总工会")});
    QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(tableCounts(store), before);
    QCOMPARE(scalar(store, QStringLiteral("SELECT group_concat(name) FROM organisation")).toString(),
             QStringLiteral("甲市总工会"));

    // A store full of members is refused just the same, and keeps every member.
    const QMap<QString, qint64> demoBefore = tableCounts(m_store);
    r = runOn(m_store, {QStringLiteral("init"), QStringLiteral("--org-name"), QStringLiteral("乙市总工会")});
    QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
    QCOMPARE(r.errLines().size(), 1);
    QCOMPARE(tableCounts(m_store), demoBefore);
}

void TstCli::demoIsDeterministic()
{
    auto build = [this](const QString& name, const QString& seed) {
        const QString store = newStorePath(name);
        Run r = runOn(store, {QStringLiteral("init"), QStringLiteral("--org-name"), m_rootName});
        if (r.exitCode != 0)
            return QString();
        r = runOn(store, {QStringLiteral("demo"), QStringLiteral("--members"), QStringLiteral("2000"),
                          QStringLiteral("--seed"), seed});
        return r.exitCode == 0 ? store : QString();
    };
    const QString first = build(QStringLiteral("seed7-a"), QStringLiteral("7"));
    const QString second = build(QStringLiteral("seed7-b"), QStringLiteral("7"));
    const QString other = build(QStringLiteral("seed8"), QStringLiteral("8"));
    QVERIFY(!first.isEmpty() && !second.isEmpty() && !other.isEmpty());

    const QString members = QStringLiteral("SELECT name, id_number, mobile, gender, birth_date, status, "
                                           "employment_form FROM member ORDER BY local_id");
    const QString organisations = QStringLiteral("SELECT level, kind, name FROM organisation ORDER BY rowid");
    const QList<QVariantList> a = select(first, members);
    QCOMPARE(a.size(), 2000);
    QCOMPARE(select(second, members), a);
    QCOMPARE(select(second, organisations), select(first, organisations));
    // Not a constant data set: another seed gives other people.
    const QList<QVariantList> c = select(other, members);
    QCOMPARE(c.size(), 2000);
    QVERIFY(c != a);
    QVERIFY(select(other, QStringLiteral("SELECT id_number FROM member ORDER BY local_id LIMIT 20")) !=
            select(first, QStringLiteral("SELECT id_number FROM member ORDER BY local_id LIMIT 20")));

    // And the tool lists the same roster for both (record ids are UUIDs, so they differ).
    auto roster = [this](const QString& store) {
        const Run r =
            runOn(store, {QStringLiteral("members"), QStringLiteral("list"), QStringLiteral("--json")});
        bool ok = false;
        QJsonArray rows = parseArray(r.out, &ok);
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QJsonObject o = rows.at(i).toObject();
            o.remove(QStringLiteral("id"));
            rows[i] = o;
        }
        return ok && r.exitCode == 0 ? rows : QJsonArray();
    };
    const QJsonArray listed = roster(first);
    QCOMPARE(listed.size(), 2000);
    QCOMPARE(roster(second), listed);
}

void TstCli::demoWithoutInit()
{
    // demo on a new file makes its own root organisation.
    const QString store = newStorePath(QStringLiteral("demo-only"));
    const Run r = runOn(store, {QStringLiteral("demo"), QStringLiteral("--members"), QStringLiteral("50")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(memberCount(store), 50);
    QCOMPARE(
        scalar(store, QStringLiteral("SELECT count(*) FROM organisation WHERE parent_id IS NULL")).toInt(),
        1);
}

void TstCli::demoBuildsOrganisationTree()
{
    const qint64 organisations =
        scalar(m_store, QStringLiteral("SELECT count(*) FROM organisation")).toLongLong();
    QVERIFY2(organisations >= 10, qPrintable(QString::number(organisations)));
    const QList<QVariantList> levels =
        select(m_store, QStringLiteral("SELECT DISTINCT level FROM organisation ORDER BY level"));
    QSet<QString> levelSet;
    for (const QVariantList& l : levels)
        levelSet.insert(l.first().toString());
    QCOMPARE(levelSet, (QSet<QString>{QStringLiteral("city"), QStringLiteral("district"),
                                      QStringLiteral("township"), QStringLiteral("base")}));
    // Every organisation but the root hangs under another, inside the root's path.
    const QString rootPath =
        scalar(m_store, QStringLiteral("SELECT path FROM organisation WHERE parent_id IS NULL")).toString();
    QCOMPARE(
        scalar(m_store,
               QStringLiteral("SELECT count(*) FROM organisation o JOIN organisation p ON p.id = o.parent_id "
                              "WHERE substr(o.path, 1, length(p.path)) = p.path AND "
                              "substr(o.path, 1, length(?)) = ?"),
               {rootPath, rootPath})
            .toLongLong(),
        organisations - 1);
    // The generated members are spread over many base unions.
    QVERIFY(scalar(m_store, QStringLiteral("SELECT count(DISTINCT organisation_id) FROM member")).toInt() >=
            5);
    QCOMPARE(scalar(m_store, QStringLiteral("SELECT count(*) FROM member m JOIN organisation o ON "
                                            "o.id = m.organisation_id WHERE o.level = 'base'"))
                 .toLongLong(),
             2000);
}

void TstCli::listOrgReturnsOnlyThatSubtree()
{
    const qint64 total = memberCount(m_store);
    // A district (names are unique there) and a base union whose name is unique.
    const QList<QVariantList> picks =
        select(m_store, QStringLiteral(
                            "SELECT o.name, o.path, o.id, o.level FROM organisation o WHERE o.level IN "
                            "('district', 'base') AND (SELECT count(*) FROM organisation x WHERE x.name = "
                            "o.name) = 1 AND EXISTS (SELECT 1 FROM member m JOIN organisation mo ON mo.id = "
                            "m.organisation_id WHERE substr(mo.path, 1, length(o.path)) = o.path) "
                            "ORDER BY o.level DESC, o.path LIMIT 1 OFFSET 0"));
    const QList<QVariantList> bases =
        select(m_store, QStringLiteral(
                            "SELECT o.name, o.path, o.id, o.level FROM organisation o WHERE o.level = 'base' "
                            "AND (SELECT count(*) FROM organisation x WHERE x.name = o.name) = 1 AND "
                            "(SELECT count(*) FROM member m WHERE m.organisation_id = o.id) >= 3 "
                            "ORDER BY o.path LIMIT 1"));
    QCOMPARE(picks.size(), 1);
    QCOMPARE(bases.size(), 1);
    QCOMPARE(picks.first().at(3).toString(), QStringLiteral("district"));

    for (const QVariantList& pick : {picks.first(), bases.first()}) {
        const QString name = pick.at(0).toString();
        const QString path = pick.at(1).toString();
        QSet<QString> subtreeNames;
        for (const QVariantList& n :
             select(m_store,
                    QStringLiteral("SELECT name FROM organisation WHERE substr(path, 1, length(?)) = ?"),
                    {path, path}))
            subtreeNames.insert(n.first().toString());
        const qint64 expected =
            scalar(m_store,
                   QStringLiteral(
                       "SELECT count(*) FROM member m JOIN organisation o ON o.id = m.organisation_id "
                       "WHERE m.deleted = 0 AND substr(o.path, 1, length(?)) = ?"),
                   {path, path})
                .toLongLong();
        QVERIFY(expected > 0 && expected < total);

        // By name and by id: the same members, all of them inside the subtree.
        for (const QString& org : {name, pick.at(2).toString()}) {
            const Run r = runOn(m_store, {QStringLiteral("members"), QStringLiteral("list"),
                                          QStringLiteral("--org"), org, QStringLiteral("--json")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
            bool ok = false;
            const QJsonArray rows = parseArray(r.out, &ok);
            QVERIFY(ok);
            QCOMPARE(rows.size(), expected);
            for (const QJsonValue& v : rows) {
                const QString organisation = v.toObject().value(QStringLiteral("organisation")).toString();
                QVERIFY2(subtreeNames.contains(organisation), qPrintable(organisation));
                if (pick.at(3).toString() == QLatin1String("base"))
                    QCOMPARE(organisation, name);
            }
        }
    }
    // The root's subtree is everyone.
    const Run all = runOn(m_store, {QStringLiteral("members"), QStringLiteral("list"),
                                    QStringLiteral("--org"), m_rootName, QStringLiteral("--json")});
    bool ok = false;
    QCOMPARE(parseArray(all.out, &ok).size(), total);
    QVERIFY(ok);
}

void TstCli::listJsonIsUnmasked()
{
    const Run r =
        runOn(m_store, {QStringLiteral("members"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    bool ok = false;
    const QJsonArray rows = parseArray(r.out, &ok);
    QVERIFY(ok);
    QCOMPARE(rows.size(), memberCount(m_store));
    const QSet<QString> allowed(std::begin(kStatuses), std::end(kStatuses));
    QSet<QString> seen;
    static const QRegularExpression id(QStringLiteral("^[0-9]{17}[0-9X]$"));
    static const QRegularExpression mobile(QStringLiteral("^(1[3-9][0-9]{9})?$"));
    QSet<QString> organisationNames;
    for (const QVariantList& n : select(m_store, QStringLiteral("SELECT name FROM organisation")))
        organisationNames.insert(n.first().toString());
    for (const QJsonValue& v : rows) {
        const QJsonObject o = v.toObject();
        for (const char* key : {"id", "name", "idNumber", "mobile", "status", "organisation"})
            QVERIFY2(o.value(QLatin1String(key)).isString(), key);
        QVERIFY2(id.match(o.value(QStringLiteral("idNumber")).toString()).hasMatch(),
                 qPrintable(o.value(QStringLiteral("idNumber")).toString()));
        QVERIFY2(mobile.match(o.value(QStringLiteral("mobile")).toString()).hasMatch(),
                 qPrintable(o.value(QStringLiteral("mobile")).toString()));
        const QString status = o.value(QStringLiteral("status")).toString();
        QVERIFY2(allowed.contains(status), qPrintable(status));
        seen.insert(status);
        QVERIFY(organisationNames.contains(o.value(QStringLiteral("organisation")).toString()));
    }
    QVERIFY(seen.contains(QStringLiteral("active")));
    QVERIFY(seen.size() >= 4);
    // The plain listing prints the numbers unmasked too.
    const Run plain = runOn(m_store, {QStringLiteral("members"), QStringLiteral("find"), m_existingIdNumber});
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.describe()));
    QVERIFY(plain.out.contains(m_existingIdNumber));
    QVERIFY(plain.out.contains(m_existingMobile));
}

// --org as the roster's 所在工会 column writes a name several organisations bear: with its parent.
void TstCli::orgByItsParentsWhereTheNameIsShared()
{
    const QString store = newStorePath(QStringLiteral("shared-names"));
    QCOMPARE(
        runOn(store, {QStringLiteral("init"), QStringLiteral("--org-name"), QStringLiteral("某区总工会")})
            .exitCode,
        0);
    for (const QString& street : {QStringLiteral("东街道工会"), QStringLiteral("西街道工会")}) {
        Run add = runOn(store, {QStringLiteral("orgs"), QStringLiteral("add"), QStringLiteral("--name"),
                                street, QStringLiteral("--parent"), QStringLiteral("某区总工会"),
                                QStringLiteral("--level"), QStringLiteral("township")});
        QVERIFY2(add.exitCode == 0, qPrintable(add.describe()));
        add = runOn(store, {QStringLiteral("orgs"), QStringLiteral("add"), QStringLiteral("--name"),
                            QStringLiteral("机关工会"), QStringLiteral("--parent"), street,
                            QStringLiteral("--level"), QStringLiteral("base")});
        QVERIFY2(add.exitCode == 0, qPrintable(add.describe()));
    }
    const QString name = QStringLiteral("机关工会");
    const QString shared = QStringLiteral("东街道工会/机关工会");
    const QString file = m_dir.filePath(QStringLiteral("shared.csv"));
    Run r = runOn(store, {QStringLiteral("export"), file, QStringLiteral("--org"), name});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(QStringLiteral("/")), qPrintable(r.describe()));
    r = runOn(store, {QStringLiteral("export"), file, QStringLiteral("--org"), shared});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(QFile::exists(file));
}

void TstCli::addPrintsTheNewMember()
{
    const QString base =
        scalar(m_store, QStringLiteral("SELECT name FROM organisation o WHERE level = 'base' AND "
                                       "(SELECT count(*) FROM organisation x WHERE x.name = "
                                       "o.name) = 1 ORDER BY path LIMIT 1"))
            .toString();
    QVERIFY(!base.isEmpty());
    const QString number = nextIdNumber();
    const Run r = runOn(m_store, {QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("--name"),
                                  QStringLiteral("周慧敏"), QStringLiteral("--id-number"), number,
                                  QStringLiteral("--mobile"), QStringLiteral("173 0521 7731"),
                                  QStringLiteral("--org"), base, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("周慧敏"));
    QCOMPARE(o.value(QStringLiteral("idNumber")).toString(), number);
    QCOMPARE(o.value(QStringLiteral("mobile")).toString(), QStringLiteral("17305217731"));
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    // The same shape as find and list: the organisation's name, its id alongside.
    QCOMPARE(o.value(QStringLiteral("organisation")).toString(), base);
    QCOMPARE(
        o.value(QStringLiteral("organisationId")).toString(),
        scalar(m_store, QStringLiteral("SELECT id FROM organisation WHERE name = ?"), {base}).toString());
    QCOMPARE(scalar(m_store, QStringLiteral("SELECT name FROM member WHERE id = ?"),
                    {o.value(QStringLiteral("id")).toString()})
                 .toString(),
             QStringLiteral("周慧敏"));
}

void TstCli::find_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("unique");

    // m_existingName is 林晓彤, m_existingIdNumber ends in X, m_existingMobile is 17305218846.
    QTest::newRow("surname, 1 character") << QStringLiteral("林") << false;
    QTest::newRow("given name, 1 character") << QStringLiteral("彤") << false;
    QTest::newRow("2 characters") << QStringLiteral("晓彤") << false;
    QTest::newRow("surname + 1") << QStringLiteral("林晓") << false;
    QTest::newRow("full name") << QStringLiteral("林晓彤") << false;
    QTest::newRow("full ID number") << m_existingIdNumber << true;
    QTest::newRow("full ID number, lower-case x") << m_existingIdNumber.toLower() << true;
    QTest::newRow("ID number with spaces")
        << m_existingIdNumber.left(6) + QStringLiteral(" ") + m_existingIdNumber.mid(6, 8) +
               QStringLiteral(" ") + m_existingIdNumber.mid(14)
        << true;
    QTest::newRow("last 6 of ID number") << m_existingIdNumber.right(6) << false;
    QTest::newRow("last 4 of ID number, lower-case x") << m_existingIdNumber.right(4).toLower() << false;
    QTest::newRow("full mobile") << m_existingMobile << true;
    QTest::newRow("last 4 of mobile") << m_existingMobile.right(4) << false;
}

void TstCli::find()
{
    QFETCH(QString, query);
    QFETCH(bool, unique);
    const Run r =
        runOn(m_store, {QStringLiteral("members"), QStringLiteral("find"), query, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    bool ok = false;
    const QJsonArray rows = parseArray(r.out, &ok);
    QVERIFY2(ok, qPrintable(r.out.left(300)));
    QVERIFY2(!byId(rows, m_existingId).isEmpty(), qPrintable(r.out.left(300)));
    if (unique)
        QCOMPARE(rows.size(), 1);

    // Everything found matches the query: a name fragment is in the name; digits end the ID number
    // or the mobile.
    QString compact = query;
    compact.remove(QLatin1Char(' '));
    compact = compact.toUpper();
    const bool isName =
        std::any_of(compact.cbegin(), compact.cend(), [](QChar c) { return c.unicode() > 0x7F; });
    for (const QJsonValue& v : rows) {
        const QJsonObject o = v.toObject();
        const QString name = o.value(QStringLiteral("name")).toString();
        if (isName) {
            QVERIFY2(name.contains(compact), qPrintable(name));
        } else {
            const bool matches = o.value(QStringLiteral("idNumber")).toString().endsWith(compact) ||
                                 o.value(QStringLiteral("mobile")).toString().endsWith(compact) ||
                                 o.value(QStringLiteral("cardNumber")).toString().startsWith(compact);
            QVERIFY2(matches, QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
        }
    }
}

void TstCli::findJsonFieldsAreExact()
{
    const Run r = runOn(m_store, {QStringLiteral("members"), QStringLiteral("find"), m_existingIdNumber,
                                  QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    bool ok = false;
    const QJsonArray rows = parseArray(r.out, &ok);
    QVERIFY(ok);
    QCOMPARE(rows.size(), 1);
    const QJsonObject o = rows.first().toObject();
    QCOMPARE(o.value(QStringLiteral("id")).toString(), m_existingId);
    QCOMPARE(o.value(QStringLiteral("name")).toString(), m_existingName);
    QCOMPARE(o.value(QStringLiteral("idNumber")).toString(), m_existingIdNumber);
    QCOMPARE(o.value(QStringLiteral("mobile")).toString(), m_existingMobile);
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QCOMPARE(o.value(QStringLiteral("organisation")).toString(), m_rootName);
    // Taken from the ID number: the 17th digit is the sequence's last, odd for a man.
    const bool male = m_existingIdNumber.at(16).digitValue() % 2 == 1;
    QCOMPARE(o.value(QStringLiteral("gender")).toString(),
             male ? QStringLiteral("male") : QStringLiteral("female"));

    // A query that matches nobody is an empty array, not an error.
    const Run none = runOn(m_store, {QStringLiteral("members"), QStringLiteral("find"),
                                     QStringLiteral("龘龘龘"), QStringLiteral("--json")});
    QVERIFY2(none.exitCode == 0, qPrintable(none.describe()));
    QCOMPARE(parseArray(none.out, &ok).size(), 0);
    QVERIFY(ok);
}

void TstCli::badInput_data()
{
    QTest::addColumn<QStringList>("arguments"); // "@store" and "@missing" stand for the data files
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");

    const QString store = QStringLiteral("@store");
    const QString missing = QStringLiteral("@missing");
    const QStringList add{QStringLiteral("--db"), store, QStringLiteral("members"), QStringLiteral("add")};
    const QStringList addToMissing{QStringLiteral("--db"), missing, QStringLiteral("members"),
                                   QStringLiteral("add")};
    const QString name = QStringLiteral("--name");
    const QString id = QStringLiteral("--id-number");
    const QString mobile = QStringLiteral("--mobile");
    const QString fresh = idNumber(QStringLiteral("650102"), QDate(1979, 11, 3), 517);
    const QString demoName =
        scalar(m_store, QStringLiteral("SELECT name FROM member WHERE local_id = 1234")).toString();
    const QString demoId =
        scalar(m_store, QStringLiteral("SELECT id_number FROM member WHERE local_id = 1234")).toString();
    QVERIFY(!demoName.isEmpty());

    QTest::newRow("wrong check character")
        << add + QStringList{name, QStringLiteral("李四"), id, withWrongCheck(fresh)} << 1 << QString();
    QTest::newRow("ID number too short")
        << add + QStringList{name, QStringLiteral("李四"), id, fresh.left(15) + QStringLiteral("0")} << 1
        << QString();
    QTest::newRow("ID number: impossible date")
        << add + QStringList{name, QStringLiteral("李四"), id,
                             idNumber(QStringLiteral("650102"), QDate(1979, 2, 28), 517)
                                 .replace(10, 4, QStringLiteral("0230"))}
        << 1 << QString();
    QTest::newRow("mobile with 10 digits")
        << add + QStringList{name, QStringLiteral("李四"), id, fresh, mobile, QStringLiteral("1730521884")}
        << 1 << QString();
    QTest::newRow("mobile with a wrong prefix")
        << add + QStringList{name, QStringLiteral("李四"), id, fresh, mobile, QStringLiteral("23905218846")}
        << 1 << QString();
    QTest::newRow("mobile with a letter")
        << add + QStringList{name, QStringLiteral("李四"), id, fresh, mobile, QStringLiteral("1730521884a")}
        << 1 << QString();
    QTest::newRow("name with a digit")
        << add + QStringList{name, QStringLiteral("李4"), id, fresh} << 1 << QString();
    QTest::newRow("duplicate ID number")
        << add + QStringList{name, QStringLiteral("王五"), id, m_existingIdNumber} << 1 << m_existingName;
    QTest::newRow("duplicate ID number, lower-case x")
        << add + QStringList{name, QStringLiteral("王五"), id, m_existingIdNumber.toLower()} << 1
        << m_existingName;
    QTest::newRow("duplicate ID number of a generated member")
        << add + QStringList{name, QStringLiteral("王五"), id, demoId} << 1 << demoName;
    QTest::newRow("add: unknown --org")
        << add + QStringList{name,  QStringLiteral("李四"),  id,
                             fresh, QStringLiteral("--org"), QStringLiteral("不存在的工会")}
        << 1 << QStringLiteral("不存在的工会");
    QTest::newRow("list: unknown --org")
        << QStringList{QStringLiteral("--db"),    store,
                       QStringLiteral("members"), QStringLiteral("list"),
                       QStringLiteral("--org"),   QStringLiteral("不存在的工会")}
        << 1 << QStringLiteral("不存在的工会");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("--db"), store,
                                                    QStringLiteral("frobnicate")}
                                     << 2 << QStringLiteral("frobnicate");
    QTest::newRow("unknown members subcommand")
        << QStringList{QStringLiteral("--db"), store, QStringLiteral("members"), QStringLiteral("frobnicate")}
        << 2 << QStringLiteral("frobnicate");
    QTest::newRow("members without subcommand")
        << QStringList{QStringLiteral("--db"), store, QStringLiteral("members")} << 2 << QString();
    QTest::newRow("unknown option") << add + QStringList{name, QStringLiteral("李四"), id, fresh,
                                                         QStringLiteral("--frobnicate")}
                                    << 2 << QStringLiteral("frobnicate");
    QTest::newRow("option without its value") << add + QStringList{id, fresh, name} << 2 << QString();
    QTest::newRow("--db without a file") << QStringList{QStringLiteral("--db")} << 2 << QString();
    QTest::newRow("add without --id-number")
        << add + QStringList{name, QStringLiteral("李四")} << 2 << QString();
    QTest::newRow("add without --name") << add + QStringList{id, fresh} << 2 << QString();
    QTest::newRow("init without --org-name")
        << QStringList{QStringLiteral("--db"), store, QStringLiteral("init")} << 2 << QString();
    QTest::newRow("init on an existing store")
        << QStringList{QStringLiteral("--db"), store, QStringLiteral("init"), QStringLiteral("--org-name"),
                       QStringLiteral("另一个市总工会")}
        << 1 << QString();
    QTest::newRow("demo without --members")
        << QStringList{QStringLiteral("--db"), store, QStringLiteral("demo")} << 2 << QString();
    QTest::newRow("demo with a negative count")
        << QStringList{QStringLiteral("--db"), store, QStringLiteral("demo"), QStringLiteral("--members"),
                       QStringLiteral("-5")}
        << 2 << QString();
    QTest::newRow("demo with a bad seed") << QStringList{QStringLiteral("--db"), store,
                                                         QStringLiteral("demo"), QStringLiteral("--members"),
                                                         QStringLiteral("5"),    QStringLiteral("--seed"),
                                                         QStringLiteral("abc")}
                                          << 2 << QString();
    QTest::newRow("find without a query")
        << QStringList{QStringLiteral("--db"), store, QStringLiteral("members"), QStringLiteral("find")} << 2
        << QString();
    QTest::newRow("find with two queries") << QStringList{QStringLiteral("--db"),    store,
                                                          QStringLiteral("members"), QStringLiteral("find"),
                                                          QStringLiteral("张"),      QStringLiteral("王")}
                                           << 2 << QString();
    QTest::newRow("list with a bad status")
        << QStringList{QStringLiteral("--db"),     store,
                       QStringLiteral("members"),  QStringLiteral("list"),
                       QStringLiteral("--status"), QStringLiteral("bogus")}
        << 2 << QStringLiteral("bogus");
    QTest::newRow("list with a bad limit") << QStringList{QStringLiteral("--db"),    store,
                                                          QStringLiteral("members"), QStringLiteral("list"),
                                                          QStringLiteral("--limit"), QStringLiteral("0")}
                                           << 2 << QString();
    QTest::newRow("add to a missing file")
        << addToMissing + QStringList{name, QStringLiteral("李四"), id, fresh} << 1 << QString();
    QTest::newRow("find in a missing file")
        << QStringList{QStringLiteral("--db"), missing, QStringLiteral("members"), QStringLiteral("find"),
                       QStringLiteral("张")}
        << 1 << QString();
    QTest::newRow("list a missing file")
        << QStringList{QStringLiteral("--db"), missing, QStringLiteral("members"), QStringLiteral("list"),
                       QStringLiteral("--json")}
        << 1 << QString();
}

void TstCli::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    const QString missing = newStorePath(QStringLiteral("missing"));
    for (QString& a : arguments) {
        if (a == QLatin1String("@store"))
            a = m_store;
        else if (a == QLatin1String("@missing"))
            a = missing;
    }
    const QMap<QString, qint64> before = tableCounts(m_store);

    const Run r = run(arguments);
    QVERIFY2(r.exitCode == exitCode, qPrintable(r.describe()));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
    const QStringList lines = r.errLines();
    QVERIFY2(lines.size() == 1 && !lines.first().trimmed().isEmpty(), qPrintable(r.describe()));
    if (!mentions.isEmpty())
        QVERIFY2(lines.first().contains(mentions), qPrintable(lines.first()));

    QCOMPARE(tableCounts(m_store), before);
    QVERIFY2(!QFileInfo::exists(missing), "a members command must not create a missing data file");
}

void TstCli::editWithBadStatusWritesNothing()
{
    const QMap<QString, qint64> before = tableCounts(m_store);
    const Run r = runOn(m_store, {QStringLiteral("members"), QStringLiteral("edit"), m_existingIdNumber,
                                  QStringLiteral("--name"), QStringLiteral("林晓红"),
                                  QStringLiteral("--status"), QStringLiteral("bogus")});
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QCOMPARE(r.errLines().size(), 1);
    QCOMPARE(tableCounts(m_store), before);
    QCOMPARE(
        scalar(m_store, QStringLiteral("SELECT name FROM member WHERE id = ?"), {m_existingId}).toString(),
        m_existingName);
}

void TstCli::rareNamesRoundTrip_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QStringList>("fragments");

    // U+20000 𠀀 and U+2A6A5 𪚥 lie outside the BMP: two UTF-16 code units, one character.
    const QString ext1 = QString::fromUcs4(U"\U00020000", 1);
    const QString ext2 = QString::fromUcs4(U"\U0002A6A5", 1);
    QCOMPARE(ext1, QStringLiteral("𠀀"));
    QCOMPARE(ext2, QStringLiteral("𪚥"));
    QTest::newRow("extension B given name") << QStringLiteral("𠀀明") << QStringLiteral("𠀀明")
                                            << QStringList{QStringLiteral("𠀀"), QStringLiteral("𠀀明")};
    QTest::newRow("extension B at the end") << QStringLiteral("王𪚥") << QStringLiteral("王𪚥")
                                            << QStringList{QStringLiteral("𪚥"), QStringLiteral("王𪚥")};
    QTest::newRow("extension B in the middle")
        << QStringLiteral("张𪚥𠀀林") << QStringLiteral("张𪚥𠀀林")
        << QStringList{QStringLiteral("𪚥𠀀"), QStringLiteral("𠀀林"), QStringLiteral("张𪚥𠀀")};
    QTest::newRow("middle dot") << QStringLiteral("买买提·艾力") << QStringLiteral("买买提·艾力")
                                << QStringList{QStringLiteral("买买提·艾力"), QStringLiteral("提·艾"),
                                               QStringLiteral("艾力"), QStringLiteral("买买")};
    QTest::newRow("bullet typed for the middle dot")
        << QStringLiteral("买买提•艾力") << QStringLiteral("买买提·艾力")
        << QStringList{QStringLiteral("买买提·艾力"), QStringLiteral("提·艾")};
    QTest::newRow("long minority name")
        << QStringLiteral("迪丽热巴·迪力木拉提") << QStringLiteral("迪丽热巴·迪力木拉提")
        << QStringList{QStringLiteral("热巴·迪力"), QStringLiteral("木拉提"),
                       QStringLiteral("迪丽热巴·迪力木拉提")};
}

void TstCli::rareNamesRoundTrip()
{
    QFETCH(QString, typed);
    QFETCH(QString, stored);
    QFETCH(QStringList, fragments);

    const QString number = nextIdNumber(QStringLiteral("650102"));
    const Run added =
        runOn(m_store, {QStringLiteral("members"), QStringLiteral("add"), QStringLiteral("--name"), typed,
                        QStringLiteral("--id-number"), number, QStringLiteral("--json")});
    QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
    const QJsonObject member = QJsonDocument::fromJson(added.out.toUtf8()).object();
    const QString id = member.value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(member.value(QStringLiteral("name")).toString(), stored);
    QCOMPARE(scalar(m_store, QStringLiteral("SELECT name FROM member WHERE id = ?"), {id}).toString(),
             stored);
    QCOMPARE(scalar(m_store, QStringLiteral("SELECT hex(name) FROM member WHERE id = ?"), {id}).toString(),
             QString::fromLatin1(stored.toUtf8().toHex().toUpper()));

    for (const QString& fragment : std::as_const(fragments)) {
        const Run r = runOn(
            m_store, {QStringLiteral("members"), QStringLiteral("find"), fragment, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        bool ok = false;
        const QJsonArray rows = parseArray(r.out, &ok);
        QVERIFY(ok);
        const QJsonObject found = byId(rows, id);
        QVERIFY2(!found.isEmpty(), qPrintable(QStringLiteral("%1 not found by %2").arg(stored, fragment)));
        QCOMPARE(found.value(QStringLiteral("name")).toString(), stored);
        QCOMPARE(found.value(QStringLiteral("idNumber")).toString(), number);
        for (const QJsonValue& v : rows)
            QVERIFY(v.toObject().value(QStringLiteral("name")).toString().contains(fragment));
    }
}

void TstCli::messagesFollowTheLocale()
{
    const QStringList bad{QStringLiteral("--db"), m_store, QStringLiteral("frobnicate")};
    // Chinese for a Chinese locale, and (Language::resolve) for any locale that is not English,
    // C.UTF-8 included; English for an English one.
    const QList<std::pair<QMap<QString, QString>, QString>> cases = {
        {{{QStringLiteral("LC_ALL"), QStringLiteral("zh_CN.UTF-8")}}, QStringLiteral("错误：")},
        {{{QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8")}}, QStringLiteral("错误：")},
        {{}, QStringLiteral("错误：")},
        {{{QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8")}}, QStringLiteral("error: ")},
        {{{QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8")},
          {QStringLiteral("LC_ALL"), QStringLiteral("en_GB.UTF-8")}},
         QStringLiteral("error: ")},
    };
    for (const auto& [environment, prefix] : cases) {
        const Run r = run(bad, environment);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY2(r.err.startsWith(prefix) && r.err.contains(QStringLiteral("frobnicate")), qPrintable(r.err));
    }
    const Run chinese = run({QStringLiteral("--db"), m_store, QStringLiteral("members"),
                             QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("王五"),
                             QStringLiteral("--id-number"), m_existingIdNumber},
                            {{QStringLiteral("LC_ALL"), QStringLiteral("zh_CN.UTF-8")}});
    QCOMPARE(chinese.exitCode, 1);
    QVERIFY2(chinese.err.startsWith(QStringLiteral("错误：")) &&
                 chinese.err.contains(QStringLiteral("会籍")) && chinese.err.contains(m_existingName) &&
                 chinese.err.contains(m_existingIdNumber),
             qPrintable(chinese.err));
}

QTEST_GUILESS_MAIN(TstCli)
#include "tst_cli.moc"
