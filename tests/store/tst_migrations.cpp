// Upgrading stores written by earlier versions. For every schema version v below the latest, a store
// is built at exactly v with the Migrator, filled with raw SQL that was valid at v, and opened with
// Database::open: the data must survive and everything later versions derive from it (name pieces,
// reversed numbers, the member tally) must be exact. The tally triggers are checked against a
// GROUP BY after every kind of change, and a failed step must leave the store as it was.

#include "TestStore.h"
#include "members/MemberRepository.h"
#include "members/MemberSearchIndex.h"
#include "members/NameSortKey.h"
#include "members/RosterQuery.h"
#include "organisations/OrganisationRepository.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/Sql.h"

#include <QFile>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <thread>

using namespace ud;
using ud::test::TestStore;

namespace {

// A plain connection of the test's own, closed and removed on destruction.
class RawDb
{
public:
    explicit RawDb(const QString& path)
        : m_name(QStringLiteral("raw-%1").arg(QUuid::createUuid().toString()))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
        if (m_open)
            QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    }
    ~RawDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    bool exec(const QString& statement, const QVariantList& values = {}) const
    {
        QSqlQuery q(db());
        QString error;
        if (sql::execBound(q, statement, values, &error))
            return true;
        qWarning("%s", qPrintable(error));
        return false;
    }

private:
    QString m_name;
    bool m_open = false;
};

QVariant scalar(const QSqlDatabase& db, const QString& statement, const QVariantList& values = {})
{
    QSqlQuery q(db);
    QString error;
    if (!sql::execBound(q, statement, values, &error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    return q.next() ? q.value(0) : QVariant();
}

// Every row of a query, each row's values joined by '|', in the query's order.
QStringList rows(const QSqlDatabase& db, const QString& statement, const QVariantList& values = {})
{
    QStringList out;
    QSqlQuery q(db);
    QString error;
    if (!sql::execBound(q, statement, values, &error)) {
        qWarning("%s", qPrintable(error));
        return {QStringLiteral("<error>")};
    }
    while (q.next()) {
        QStringList fields;
        for (int i = 0; i < q.record().count(); ++i)
            fields.append(q.value(i).isNull() ? QStringLiteral("<null>") : q.value(i).toString());
        out.append(fields.join(QLatin1Char('|')));
    }
    return out;
}

bool hasColumn(const QSqlDatabase& db, const QString& table, const QString& column)
{
    return scalar(db, QStringLiteral("SELECT count(*) FROM pragma_table_info(?) WHERE name = ?"),
                  {table, column})
               .toInt() == 1;
}

bool hasTable(const QSqlDatabase& db, const QString& table)
{
    return scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?"),
                  {table})
               .toInt() == 1;
}

// The tally as it should be, and as it is (rows whose count dropped to zero may linger; they count
// nothing, so they are left out).
const QString kExpectedTally = QStringLiteral(
    "SELECT organisation_id, status, employment_form, verified, count(*) FROM member WHERE deleted = 0 "
    "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
const QString kActualTally =
    QStringLiteral("SELECT organisation_id, status, employment_form, verified, n FROM "
                   "member_tally WHERE n <> 0 ORDER BY 1, 2, 3, 4");

// The name pieces of a name, worked out here independently of MemberSearchIndex: every one- and
// two-code-point piece of the lower-cased name that is not blank.
QSet<QString> expectedGrams(const QString& name)
{
    const QList<uint> cps = name.toLower().toUcs4();
    QSet<QString> grams;
    auto text = [](const QList<uint>& points) {
        return QString::fromUcs4(reinterpret_cast<const char32_t*>(points.constData()), points.size());
    };
    for (qsizetype i = 0; i < cps.size(); ++i) {
        const QString one = text(cps.mid(i, 1));
        if (!one.trimmed().isEmpty())
            grams.insert(one);
        if (i + 1 < cps.size()) {
            const QString two = text(cps.mid(i, 2));
            if (!two.trimmed().isEmpty())
                grams.insert(two);
        }
    }
    return grams;
}

QString reversedText(const QString& text)
{
    QString out = text;
    std::reverse(out.begin(), out.end());
    return out;
}

const QStringList kStatuses = {QStringLiteral("active"),  QStringLiteral("retained"),
                               QStringLiteral("hung"),    QStringLiteral("withdrawn"),
                               QStringLiteral("stopped"), QStringLiteral("expelled"),
                               QStringLiteral("deceased")};
const QStringList kForms = {QStringLiteral("employee"), QStringLiteral("courier"),
                            QStringLiteral("food-delivery"), QStringLiteral(""),
                            QStringLiteral("sanitation")};

// Names beyond the sample set: a character outside the BMP, a foreign name, a repeated character.
const QStringList kSpecialNames = {QStringLiteral("\U00020BB7林"), QStringLiteral("John Smith"),
                                   QStringLiteral("王王"), QStringLiteral("阿依古丽\u00B7买买提")};

struct Fixture
{
    QString root;
    QString a;
    QString a1;
    QString b;
};

constexpr int kMembers = 240;

// Fills a store at schema `version` (1 or later) with organisations, members, events and outbox
// rows, using only SQL that was valid at that version — as that version of UnionDesk would have.
bool fill(const RawDb& raw, int version, Fixture* fixture)
{
    const QString now = QStringLiteral("2024-05-01T08:00:00.000Z");
    fixture->root = QUuid::createUuid().toString(QUuid::WithoutBraces);
    fixture->a = QUuid::createUuid().toString(QUuid::WithoutBraces);
    fixture->a1 = QUuid::createUuid().toString(QUuid::WithoutBraces);
    fixture->b = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString rootPath = fixture->root + QLatin1Char('/');
    const QString aPath = rootPath + fixture->a + QLatin1Char('/');
    struct Org
    {
        QString id, parent, path, level, name;
    };
    const QList<Org> orgs = {
        {fixture->root, QString(), rootPath, QStringLiteral("district"), QStringLiteral("测试区总工会")},
        {fixture->a, fixture->root, aPath, QStringLiteral("township"), QStringLiteral("甲街道总工会")},
        {fixture->a1, fixture->a, aPath + fixture->a1 + QLatin1Char('/'), QStringLiteral("base"),
         QStringLiteral("甲一厂工会")},
        {fixture->b, fixture->root, rootPath + fixture->b + QLatin1Char('/'), QStringLiteral("base"),
         QStringLiteral("乙厂工会")},
    };
    if (!raw.exec(QStringLiteral("BEGIN")))
        return false;
    for (const Org& o : orgs) {
        if (!raw.exec(
                QStringLiteral("INSERT INTO organisation(id, parent_id, path, level, name, updated_at) "
                               "VALUES(?, ?, ?, ?, ?, ?)"),
                {o.id, o.parent.isEmpty() ? sql::null() : QVariant(o.parent), o.path, o.level, o.name, now}))
            return false;
    }
    if (!raw.exec(QStringLiteral("INSERT INTO store_meta(key, value) VALUES('root_organisation', ?)"),
                  {fixture->root}))
        return false;

    const QStringList orgIds = {fixture->a, fixture->a1, fixture->b, fixture->root};
    for (int n = 0; n < kMembers; ++n) {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString name = n < kSpecialNames.size() ? kSpecialNames.at(n) : TestStore::sampleName(n);
        const QString idNumber = TestStore::sampleIdNumber(n);
        const QString mobile =
            n % 9 == 0 ? QString() : QStringLiteral("138%1").arg(20000000 + n * 37, 8, 10, QLatin1Char('0'));
        const bool deleted = n % 17 == 5;
        QStringList columns = {QStringLiteral("id"),
                               QStringLiteral("organisation_id"),
                               QStringLiteral("name"),
                               QStringLiteral("gender"),
                               QStringLiteral("id_number"),
                               QStringLiteral("mobile"),
                               QStringLiteral("employment_form"),
                               QStringLiteral("status"),
                               QStringLiteral("verified"),
                               QStringLiteral("join_date"),
                               QStringLiteral("card_number"),
                               QStringLiteral("version"),
                               QStringLiteral("updated_at"),
                               QStringLiteral("deleted")};
        QVariantList values = {id,
                               orgIds.at(n % orgIds.size()),
                               name,
                               TestStore::sampleIsFemale(n) ? QStringLiteral("female")
                                                            : QStringLiteral("male"),
                               idNumber,
                               mobile,
                               kForms.at(n % kForms.size()),
                               kStatuses.at(n % kStatuses.size()),
                               n % 3 == 0 ? 1 : 0,
                               TestStore::sampleBirthDate(n).addYears(22).toString(Qt::ISODate),
                               QStringLiteral("GH%1").arg(n, 6, 10, QLatin1Char('0')),
                               n % 5,
                               now,
                               deleted ? 1 : 0};
        if (version >= 2) {
            // Version 2 of UnionDesk wrote the reversed numbers and the sort key itself.
            columns << QStringLiteral("id_number_rev") << QStringLiteral("mobile_rev")
                    << QStringLiteral("name_key");
            values << (deleted ? QString() : reversedText(idNumber))
                   << (deleted ? QString() : reversedText(mobile)) << NameSortKey::of(name);
        }
        const QString placeholders = QStringLiteral("?,").repeated(columns.size() - 1) + QStringLiteral("?");
        if (!raw.exec(QStringLiteral("INSERT INTO member(%1) VALUES(%2)")
                          .arg(columns.join(QLatin1Char(',')), placeholders),
                      values))
            return false;
        if (version >= 2 && !deleted) {
            // … and the name pieces.
            QString error;
            const qint64 localId =
                scalar(raw.db(), QStringLiteral("SELECT local_id FROM member WHERE id = ?"), {id})
                    .toLongLong();
            if (!MemberSearchIndex::index(raw.db(), localId, name, &error)) {
                qWarning("%s", qPrintable(error));
                return false;
            }
        }
        if (!raw.exec(QStringLiteral("INSERT INTO member_event(id, member_id, kind, occurred_on, to_status, "
                                     "updated_at) VALUES(?, ?, 'joined', '2001-01-01', 'active', ?)"),
                      {QUuid::createUuid().toString(QUuid::WithoutBraces), id, now}))
            return false;
        if (n % 10 == 0 &&
            !raw.exec(QStringLiteral("INSERT INTO outbox(op_id, entity, record_id, base_version, fields, "
                                     "is_delete, created_at) VALUES(?, 'member', ?, 0, '{}', 0, ?)"),
                      {QUuid::createUuid().toString(QUuid::WithoutBraces), id, now}))
            return false;
    }
    return raw.exec(QStringLiteral("COMMIT"));
}

// What must come through any upgrade unchanged: the version 1 columns of every table.
QStringList snapshot(const QSqlDatabase& db)
{
    QStringList out;
    out << rows(db, QStringLiteral("SELECT key, value FROM store_meta WHERE key NOT IN ('client_id', "
                                   "'name_collation') ORDER BY key"));
    out << rows(
        db, QStringLiteral("SELECT id, parent_id, path, level, kind, name, credit_code, founded_on, address, "
                           "contact, industry, headcount, status, version, updated_at, updated_by, deleted "
                           "FROM organisation ORDER BY id"));
    out << rows(db, QStringLiteral(
                        "SELECT local_id, id, organisation_id, name, gender, ethnicity, id_type, id_number, "
                        "birth_date, mobile, education, political_status, employer, job_title, industry, "
                        "employment_form, household, join_date, card_number, status, verified, "
                        "verified_method, verified_at, labour_model_level, hardship, notes, version, "
                        "updated_at, updated_by, deleted FROM member ORDER BY local_id"));
    out << rows(db, QStringLiteral(
                        "SELECT id, member_id, kind, occurred_on, from_status, to_status, reason, details, "
                        "version, updated_at, updated_by, deleted FROM member_event ORDER BY id"));
    out << rows(db, QStringLiteral(
                        "SELECT seq, op_id, entity, record_id, base_version, fields, is_delete, created_at "
                        "FROM outbox ORDER BY seq"));
    return out;
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void migrateStopsAtTheTarget_data();
    void migrateStopsAtTheTarget();
    void upgradeFromEachEarlierVersion_data();
    void upgradeFromEachEarlierVersion();
    void upgradeFromAnEmptyFile();
    void upgradedStoreWorksWithTheRepository();

    void tallyTriggersFollowRawChanges();
    void tallyFollowsRepositoryEdits();

    void failedStepLeavesThePreviousVersion();
    void failureInsideTheIndexRebuildRollsBack();
    void laterFailureKeepsEarlierSteps();
    void concurrentUpgradeByAnotherConnection();

private:
    QString filePath() const { return m_dir->filePath(QStringLiteral("store.sqlite")); }
    // Builds a store at exactly `version` and fills it (when version > 0).
    bool buildAt(int version, Fixture* fixture);
    void verifyUpgraded(const QSqlDatabase& db);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMigrations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

bool TestMigrations::buildAt(int version, Fixture* fixture)
{
    RawDb raw(filePath());
    if (!raw.isOpen())
        return false;
    QString error;
    if (!Migrator::migrate(raw.db(), version, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    if (Migrator::currentVersion(raw.db()) != version)
        return false;
    return version == 0 || fill(raw, version, fixture);
}

void TestMigrations::migrateStopsAtTheTarget_data()
{
    QTest::addColumn<int>("version");
    for (int v = 0; v <= Migrator::latestVersion(); ++v)
        QTest::addRow("v%d", v) << v;
}

void TestMigrations::migrateStopsAtTheTarget()
{
    QFETCH(int, version);
    RawDb raw(filePath());
    QVERIFY(raw.isOpen());
    QCOMPARE(Migrator::currentVersion(raw.db()), 0);
    QString error;
    QVERIFY2(Migrator::migrate(raw.db(), version, &error), qPrintable(error));
    QCOMPARE(Migrator::currentVersion(raw.db()), version);
    QCOMPARE(hasTable(raw.db(), QStringLiteral("member")), version >= 1);
    QCOMPARE(hasTable(raw.db(), QStringLiteral("member_tally")), version >= 2);
    QCOMPARE(hasColumn(raw.db(), QStringLiteral("member"), QStringLiteral("id_number_rev")), version >= 2);
    QCOMPARE(hasTable(raw.db(), QStringLiteral("audit_log")), version >= 3);
    // No transaction is left open.
    QVERIFY(raw.exec(QStringLiteral("BEGIN IMMEDIATE")));
    QVERIFY(raw.exec(QStringLiteral("ROLLBACK")));
}

void TestMigrations::upgradeFromEachEarlierVersion_data()
{
    QTest::addColumn<int>("version");
    for (int v = 1; v < Migrator::latestVersion(); ++v)
        QTest::addRow("from v%d", v) << v;
}

void TestMigrations::upgradeFromEachEarlierVersion()
{
    QFETCH(int, version);
    Fixture fixture;
    QVERIFY(buildAt(version, &fixture));
    QStringList before;
    {
        RawDb raw(filePath());
        before = snapshot(raw.db());
        QCOMPARE(scalar(raw.db(), QStringLiteral("SELECT count(*) FROM member")).toInt(), kMembers);
    }
    QVERIFY(before.size() > kMembers);

    QString error;
    auto store = Database::open(filePath(), Database::OpenMode::MustExist, &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(store->schemaVersion(), Migrator::latestVersion());
    const QSqlDatabase db = store->connection();
    QCOMPARE(snapshot(db), before);
    verifyUpgraded(db);
    if (QTest::currentTestFailed())
        return;

    // A roster search reads the name pieces: 1- and 2-character fragments find exactly the members
    // whose name contains them.
    const Scope scope = Scope::wholeStore(fixture.root, fixture.root + QLatin1Char('/'));
    for (const QString& fragment : {QStringLiteral("王"), QStringLiteral("秀英"),
                                    QStringLiteral("\U00020BB7"), QStringLiteral("smith")}) {
        RosterFilter filter;
        filter.search = fragment;
        const RosterQuery query(db, scope, filter);
        QStringList found;
        for (const RosterRow& row : query.first(1000))
            found.append(row.id);
        const QStringList expected =
            rows(db,
                 QStringLiteral("SELECT id FROM member WHERE deleted = 0 AND instr(lower(name), ?) > 0 "
                                "ORDER BY name_key, local_id"),
                 {fragment});
        QVERIFY2(!expected.isEmpty(), qPrintable(fragment));
        QCOMPARE(found, expected);
        QCOMPARE(query.count(), expected.size());
    }
    // The last digits of an ID number are found through the reversed column.
    RosterFilter byTail;
    byTail.search = TestStore::sampleIdNumber(100).right(6);
    const QList<RosterRow> tail = RosterQuery(db, scope, byTail).first(10);
    QCOMPARE(tail.size(), 1);
    QCOMPARE(tail.first().idNumber, TestStore::sampleIdNumber(100));
}

void TestMigrations::verifyUpgraded(const QSqlDatabase& db)
{
    // Reversed numbers for every member that is not deleted.
    QSqlQuery q(db);
    QVERIFY(
        q.exec(QStringLiteral("SELECT local_id, name, id_number, mobile, id_number_rev, mobile_rev, deleted, "
                              "name_key FROM member ORDER BY local_id")));
    QSet<QString> expected;
    int live = 0;
    while (q.next()) {
        if (q.value(6).toInt() != 0)
            continue;
        ++live;
        const QString name = q.value(1).toString();
        QCOMPARE(q.value(4).toString(), reversedText(q.value(2).toString()));
        QCOMPARE(q.value(5).toString(), reversedText(q.value(3).toString()));
        QVERIFY2(q.value(7).toByteArray() == NameSortKey::of(name), qPrintable(name));
        QVERIFY2(!expectedGrams(name).isEmpty(), qPrintable(name));
        for (const QString& gram : expectedGrams(name))
            expected.insert(gram + QLatin1Char('|') + name + QLatin1Char('|') + q.value(0).toString());
    }
    QVERIFY(live > 0);
    // Exactly the pieces of the members that are not deleted: none missing, none extra.
    const QStringList actual =
        rows(db, QStringLiteral("SELECT gram, name, member_local_id FROM member_name_gram"));
    QCOMPARE(actual.size(), expected.size());
    QCOMPARE(QSet<QString>(actual.cbegin(), actual.cend()), expected);
    // Each piece carries its member's name and sort key (the piece's rows are read in that order).
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT count(*) FROM member_name_gram g JOIN member m ON m.local_id = "
                                  "g.member_local_id WHERE g.name <> m.name OR g.name_key <> m.name_key"))
            .toInt(),
        0);
    // … and, from version 5, its member's organisation.
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT count(*) FROM member_name_gram g JOIN member m ON m.local_id = "
                                  "g.member_local_id WHERE g.organisation_id <> m.organisation_id"))
            .toInt(),
        0);

    // Counts per organisation, status, form and verification.
    const QStringList tally = rows(db, kActualTally);
    QVERIFY(!tally.isEmpty());
    QCOMPARE(tally, rows(db, kExpectedTally));
    QCOMPARE(scalar(db, QStringLiteral("SELECT sum(n) FROM member_tally")).toInt(), live);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM member_tally WHERE n < 0")).toInt(), 0);

    // The audit log of version 3 is there and append-only.
    QVERIFY(hasTable(db, QStringLiteral("audit_log")));
    QString error;
    QVERIFY(
        sql::run(db,
                 QStringLiteral("INSERT INTO audit_log(id, at, actor, action, hash) VALUES('a', 'now', 't', "
                                "'unmask', 'h')"),
                 &error));
    QVERIFY(!sql::run(db, QStringLiteral("UPDATE audit_log SET actor = 'x'"), &error));
    QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
    QVERIFY(!sql::run(db, QStringLiteral("DELETE FROM audit_log"), &error));

    // Version 4: organisation requests, cadres, and the legal-person registration of every
    // organisation (empty for the ones written before).
    QVERIFY(hasTable(db, QStringLiteral("organisation_request")));
    QVERIFY(hasTable(db, QStringLiteral("cadre")));
    QVERIFY(hasColumn(db, QStringLiteral("organisation"), QStringLiteral("legal_person_number")));
    QVERIFY(hasColumn(db, QStringLiteral("organisation"), QStringLiteral("legal_person_registered_on")));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM organisation WHERE legal_person_number <> '' OR "
                                       "legal_person_registered_on <> ''"))
                 .toInt(),
             0);
}

void TestMigrations::upgradeFromAnEmptyFile()
{
    {
        QFile file(filePath());
        QVERIFY(file.open(QIODevice::WriteOnly)); // zero bytes: what a crashed first start leaves
    }
    QVERIFY(buildAt(0, nullptr));
    QString error;
    auto store = Database::open(filePath(), Database::OpenMode::MustExist, &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(store->schemaVersion(), Migrator::latestVersion());
    QCOMPARE(scalar(store->connection(), QStringLiteral("SELECT count(*) FROM member")).toInt(), 0);
    QCOMPARE(scalar(store->connection(), QStringLiteral("SELECT count(*) FROM member_tally")).toInt(), 0);
    QVERIFY(!store->meta(QString::fromLatin1(meta::ClientId)).isEmpty());
}

void TestMigrations::upgradedStoreWorksWithTheRepository()
{
    Fixture fixture;
    QVERIFY(buildAt(1, &fixture));
    QString error;
    auto store = Database::open(filePath(), Database::OpenMode::MustExist, &error);
    QVERIFY2(store, qPrintable(error));
    const Scope scope = OrganisationRepository::rootScope(*store);
    QCOMPARE(scope.organisationId(), fixture.root);
    MemberRepository repository(*store, scope);

    // A member written by version 1 is found, and its ID number stays taken.
    const std::optional<Member> old = repository.findByIdNumber(TestStore::sampleIdNumber(10));
    QVERIFY(old);
    Member copy = TestStore::sampleMember(10, fixture.b);
    QVERIFY(!repository.add(copy, QStringLiteral("t"), &error));
    QVERIFY2(error.contains(TestStore::sampleName(10)), qPrintable(error));

    // Renaming it replaces its name pieces.
    Member renamed = *old;
    renamed.name = QStringLiteral("欧阳修");
    QVERIFY2(repository.update(renamed, QStringLiteral("t"), &error), qPrintable(error));
    const qint64 localId =
        scalar(store->connection(), QStringLiteral("SELECT local_id FROM member WHERE id = ?"), {old->id})
            .toLongLong();
    QCOMPARE(rows(store->connection(),
                  QStringLiteral("SELECT gram FROM member_name_gram WHERE member_local_id = ? ORDER BY gram"),
                  {localId}),
             (QStringList{QStringLiteral("修"), QStringLiteral("欧"), QStringLiteral("欧阳"),
                          QStringLiteral("阳"), QStringLiteral("阳修")}));
    verifyUpgraded(store->connection());
}

void TestMigrations::tallyTriggersFollowRawChanges()
{
    Fixture fixture;
    QVERIFY(buildAt(Migrator::latestVersion(), &fixture));
    RawDb raw(filePath());
    const QSqlDatabase db = raw.db();
    QCOMPARE(rows(db, kActualTally), rows(db, kExpectedTally));

    const QString someone =
        scalar(db, QStringLiteral(
                       "SELECT id FROM member WHERE deleted = 0 AND status = 'active' AND verified = 0 "
                       "ORDER BY local_id LIMIT 1"))
            .toString();
    const QString other =
        scalar(db,
               QStringLiteral("SELECT id FROM member WHERE deleted = 0 AND id <> ? ORDER BY "
                              "local_id DESC LIMIT 1"),
               {someone})
            .toString();
    const QString tombstone =
        scalar(db, QStringLiteral("SELECT id FROM member WHERE deleted = 1 ORDER BY local_id LIMIT 1"))
            .toString();
    QVERIFY(!someone.isEmpty() && !other.isEmpty() && !tombstone.isEmpty());

    const QString newId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString deletedId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    struct Step
    {
        const char* what;
        QString statement;
        QVariantList values;
    };
    const QList<Step> steps = {
        {"insert",
         QStringLiteral("INSERT INTO member(id, organisation_id, name, id_number, employment_form, status, "
                        "verified, updated_at) VALUES(?, ?, '新人', '1', 'courier', 'active', 1, 'now')"),
         {newId, fixture.b}},
        {"insert a tombstone",
         QStringLiteral("INSERT INTO member(id, organisation_id, name, id_number, updated_at, "
                        "deleted) VALUES(?, ?, '旧人', '2', 'now', 1)"),
         {deletedId, fixture.b}},
        {"status", QStringLiteral("UPDATE member SET status = 'withdrawn' WHERE id = ?"), {someone}},
        {"organisation",
         QStringLiteral("UPDATE member SET organisation_id = ? WHERE id = ?"),
         {fixture.a1, someone}},
        {"employment form",
         QStringLiteral("UPDATE member SET employment_form = 'truck-driver' WHERE id = ?"),
         {someone}},
        {"verified", QStringLiteral("UPDATE member SET verified = 1 WHERE id = ?"), {someone}},
        {"all four at once",
         QStringLiteral("UPDATE member SET organisation_id = ?, status = 'retained', "
                        "employment_form = 'flexible', verified = 0 WHERE id = ?"),
         {fixture.root, other}},
        {"an untallied column",
         QStringLiteral("UPDATE member SET name = '改名', notes = 'x' WHERE id = ?"),
         {someone}},
        {"same value", QStringLiteral("UPDATE member SET status = status WHERE id = ?"), {other}},
        {"many rows",
         QStringLiteral("UPDATE member SET verified = 1 - verified WHERE organisation_id = ?"),
         {fixture.a}},
        {"soft delete", QStringLiteral("UPDATE member SET deleted = 1 WHERE id = ?"), {someone}},
        {"change a tombstone",
         QStringLiteral("UPDATE member SET status = 'expelled' WHERE id = ?"),
         {someone}},
        {"undelete", QStringLiteral("UPDATE member SET deleted = 0 WHERE id = ?"), {tombstone}},
        {"soft delete and change",
         QStringLiteral("UPDATE member SET deleted = 1, status = 'stopped' WHERE id = ?"),
         {other}},
        {"hard delete of a member", QStringLiteral("DELETE FROM member WHERE id = ?"), {newId}},
        {"hard delete of a tombstone", QStringLiteral("DELETE FROM member WHERE id = ?"), {deletedId}},
        {"events of an organisation's members",
         QStringLiteral(
             "DELETE FROM member_event WHERE member_id IN (SELECT id FROM member WHERE organisation_id = ?)"),
         {fixture.b}},
        {"hard delete of an organisation's members",
         QStringLiteral("DELETE FROM member WHERE organisation_id = ?"),
         {fixture.b}},
    };
    for (const Step& step : steps) {
        QVERIFY2(raw.exec(step.statement, step.values), step.what);
        QVERIFY2(rows(db, kActualTally) == rows(db, kExpectedTally), step.what);
        QVERIFY2(scalar(db, QStringLiteral("SELECT count(*) FROM member_tally WHERE n < 0")).toInt() == 0,
                 step.what);
    }
    // A rolled-back change leaves the tally as it was.
    const QStringList tallyBefore = rows(db, kActualTally);
    QVERIFY(raw.exec(QStringLiteral("BEGIN")));
    QVERIFY(raw.exec(QStringLiteral("UPDATE member SET status = 'deceased'")));
    QVERIFY(rows(db, kActualTally) != tallyBefore);
    QVERIFY(raw.exec(QStringLiteral("ROLLBACK")));
    QCOMPARE(rows(db, kActualTally), tallyBefore);
}

void TestMigrations::tallyFollowsRepositoryEdits()
{
    TestStore store;
    QVERIFY2(store.isValid(), qPrintable(store.error()));
    const Organisation a = store.addOrganisation(QStringLiteral("甲厂工会"));
    const Organisation b = store.addOrganisation(QStringLiteral("乙厂工会"));
    const QStringList ids = store.addMembers(a.id, 30);
    QCOMPARE(ids.size(), 30);
    const QSqlDatabase db = store.store().connection();
    QCOMPARE(rows(db, kActualTally), rows(db, kExpectedTally));
    QCOMPARE(scalar(db, QStringLiteral("SELECT sum(n) FROM member_tally")).toInt(), 30);

    MemberRepository repository(store.store(), store.scope());
    QString error;
    QVERIFY2(repository.changeStatus(ids.at(0), QStringLiteral("withdrawn"), QStringLiteral("离职"), QDate(),
                                     TestStore::actor(), &error),
             qPrintable(error));
    QCOMPARE(rows(db, kActualTally), rows(db, kExpectedTally));
    Member moved = *repository.find(ids.at(1));
    moved.organisationId = b.id;
    moved.employmentForm = QStringLiteral("ride-hailing");
    moved.verified = !moved.verified;
    QVERIFY2(repository.update(moved, TestStore::actor(), &error), qPrintable(error));
    QCOMPARE(rows(db, kActualTally), rows(db, kExpectedTally));
    QVERIFY(repository.remove(ids.at(2), TestStore::actor(), &error));
    QCOMPARE(rows(db, kActualTally), rows(db, kExpectedTally));
    QCOMPARE(scalar(db, QStringLiteral("SELECT sum(n) FROM member_tally")).toInt(), 29);
    QCOMPARE(scalar(db, QStringLiteral("SELECT sum(n) FROM member_tally WHERE organisation_id = ?"), {b.id})
                 .toInt(),
             1);
}

void TestMigrations::failedStepLeavesThePreviousVersion()
{
    Fixture fixture;
    QVERIFY(buildAt(1, &fixture));
    QStringList before;
    {
        RawDb raw(filePath());
        // Something else already took a name that version 2 needs.
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE member_tally (x INTEGER)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO member_tally VALUES(7)")));
        before = snapshot(raw.db());
    }
    QString error;
    auto store = Database::open(filePath(), Database::OpenMode::MustExist, &error);
    QVERIFY(!store);
    QVERIFY2(error.contains(QStringLiteral("Cannot upgrade")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("member_tally")), qPrintable(error));
    {
        RawDb raw(filePath());
        const QSqlDatabase db = raw.db();
        QCOMPARE(Migrator::currentVersion(db), 1);
        QCOMPARE(snapshot(db), before);
        // Nothing of version 2 is left behind, not even the statements before the failing one.
        QVERIFY(!hasTable(db, QStringLiteral("member_name_gram")));
        QVERIFY(!hasColumn(db, QStringLiteral("member"), QStringLiteral("id_number_rev")));
        QVERIFY(!hasColumn(db, QStringLiteral("member"), QStringLiteral("mobile_rev")));
        QCOMPARE(scalar(db, QStringLiteral("SELECT x FROM member_tally")).toInt(), 7);
        // Clearing the obstacle lets the next start upgrade.
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE member_tally")));
    }
    store = Database::open(filePath(), Database::OpenMode::MustExist, &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(store->schemaVersion(), Migrator::latestVersion());
    QCOMPARE(snapshot(store->connection()), before);
    verifyUpgraded(store->connection());
}

void TestMigrations::failureInsideTheIndexRebuildRollsBack()
{
    Fixture fixture;
    QVERIFY(buildAt(1, &fixture));
    QStringList before;
    {
        RawDb raw(filePath());
        // A guard that makes the rebuild's UPDATE of each member fail half way through the step.
        QVERIFY(raw.exec(QStringLiteral("CREATE TRIGGER member_guard BEFORE UPDATE ON member "
                                        "BEGIN SELECT RAISE(ABORT, 'members are read-only'); END")));
        before = snapshot(raw.db());
    }
    QString error;
    QVERIFY(!Database::open(filePath(), Database::OpenMode::MustExist, &error));
    QVERIFY2(error.contains(QStringLiteral("members are read-only")), qPrintable(error));
    RawDb raw(filePath());
    QCOMPARE(Migrator::currentVersion(raw.db()), 1);
    QCOMPARE(snapshot(raw.db()), before);
    QVERIFY(!hasTable(raw.db(), QStringLiteral("member_name_gram")));
    QVERIFY(!hasTable(raw.db(), QStringLiteral("member_tally")));
    QVERIFY(!hasColumn(raw.db(), QStringLiteral("member"), QStringLiteral("id_number_rev")));
}

void TestMigrations::laterFailureKeepsEarlierSteps()
{
    // Each step commits on its own: when step 3 fails, step 2 stays done and the store is at
    // version 2 — a complete, consistent earlier schema, never a half-applied one.
    Fixture fixture;
    QVERIFY(buildAt(1, &fixture));
    QStringList before;
    {
        RawDb raw(filePath());
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE audit_log (x INTEGER)")));
        before = snapshot(raw.db());
    }
    QString error;
    QVERIFY(!Database::open(filePath(), Database::OpenMode::MustExist, &error));
    QVERIFY2(error.contains(QStringLiteral("audit_log")), qPrintable(error));
    RawDb raw(filePath());
    const QSqlDatabase db = raw.db();
    QCOMPARE(Migrator::currentVersion(db), 2);
    QCOMPARE(snapshot(db), before);
    QVERIFY(!hasColumn(db, QStringLiteral("audit_log"), QStringLiteral("hash")));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'audit_log_no_%'"))
                 .toInt(),
             0);
    QCOMPARE(rows(db, kActualTally), rows(db, kExpectedTally));
}

void TestMigrations::concurrentUpgradeByAnotherConnection()
{
    // Two programs start on an old store at once (the desktop client and the CLI): while one holds
    // the write lock and upgrades, the other has already read the old version and waits for the
    // lock. When it gets the lock it must see that the step is done, not apply it a second time.
    Fixture fixture;
    QVERIFY(buildAt(1, &fixture));
    RawDb holder(filePath());
    QVERIFY(holder.exec(QStringLiteral("PRAGMA journal_mode = WAL")));
    QVERIFY(holder.exec(QStringLiteral("BEGIN IMMEDIATE")));

    QString openError;
    bool opened = false;
    int versionSeen = -1;
    std::thread other([&] {
        auto store = Database::open(filePath(), Database::OpenMode::MustExist, &openError);
        opened = store != nullptr;
        if (store)
            versionSeen = store->schemaVersion();
    });
    // Give the other connection time to read version 1 and block on the write lock.
    QTest::qWait(400);
    QString error;
    for (const Migration& step : Migrator::migrations()) {
        if (step.version <= 1)
            continue;
        QVERIFY2(step.apply(holder.db(), &error), qPrintable(error));
        QVERIFY(holder.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version)));
    }
    QVERIFY(holder.exec(QStringLiteral("COMMIT")));
    other.join();
    QVERIFY2(opened, qPrintable(openError));
    QCOMPARE(versionSeen, Migrator::latestVersion());
    QCOMPARE(Migrator::currentVersion(holder.db()), Migrator::latestVersion());
    verifyUpgraded(holder.db());
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
