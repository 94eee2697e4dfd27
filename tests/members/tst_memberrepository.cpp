// MemberRepository on a real store: validation, uniqueness of the ID number, the outbox operation
// and history event that go with every edit (in the same transaction), the sync columns, tombstones,
// legacy ID numbers and the organisation scope.

#include "TestStore.h"
#include "members/MemberRepository.h"
#include "members/MemberSearchIndex.h"
#include "members/NameSortKey.h"
#include "members/RosterQuery.h"
#include "organisations/OrganisationRepository.h"
#include "store/Outbox.h"
#include "store/Sql.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace ud;
using ud::test::TestStore;

namespace {

const QDateTime kMorning(QDate(2024, 6, 1), QTime(9, 0), Qt::UTC);
const QDateTime kLater(QDate(2024, 6, 3), QTime(10, 30), Qt::UTC);
const QString kClerk = QStringLiteral("clerk-wang");
const QString kOtherClerk = QStringLiteral("clerk-li");

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

// How many rows each table the repository writes holds; equal snapshots mean nothing was written.
struct Counts
{
    qint64 members = 0;
    qint64 live = 0;
    qint64 events = 0;
    qint64 outbox = 0;
    qint64 grams = 0;
    qint64 tally = 0;
    QString lastUpdate;

    bool operator==(const Counts&) const = default;
};

Counts counts(const QSqlDatabase& db)
{
    Counts c;
    c.members = scalar(db, QStringLiteral("SELECT count(*) FROM member")).toLongLong();
    c.live = scalar(db, QStringLiteral("SELECT count(*) FROM member WHERE deleted = 0")).toLongLong();
    c.events = scalar(db, QStringLiteral("SELECT count(*) FROM member_event")).toLongLong();
    c.outbox = scalar(db, QStringLiteral("SELECT count(*) FROM outbox")).toLongLong();
    c.grams = scalar(db, QStringLiteral("SELECT count(*) FROM member_name_gram")).toLongLong();
    c.tally = scalar(db, QStringLiteral("SELECT coalesce(sum(n), 0) FROM member_tally")).toLongLong();
    c.lastUpdate = scalar(db, QStringLiteral("SELECT coalesce(max(updated_at), '') FROM member")).toString();
    return c;
}

char* describe(const Counts& c)
{
    return QTest::toString(
        QStringLiteral("members %1 (live %2), events %3, outbox %4, grams %5, tally %6, last %7")
            .arg(c.members)
            .arg(c.live)
            .arg(c.events)
            .arg(c.outbox)
            .arg(c.grams)
            .arg(c.tally)
            .arg(c.lastUpdate));
}

} // namespace

namespace QTest {
template <>
char* toString(const Counts& c)
{
    return describe(c);
}
} // namespace QTest

class TestMemberRepository : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void addStoresTheMemberAndItsTrail();
    void addNormalisesWhatClerksType();
    void legacyIdNumberIsConverted();
    void validationFailureWritesNothing_data();
    void validationFailureWritesNothing();
    void everyProblemIsReported();
    void warningsDoNotBlock();
    void duplicateIdNumberIsRefused();
    void duplicateIdNumberOnUpdateIsRefused();
    void idNumberIsFreeAgainAfterDelete();

    void updateSendsOnlyTheChangedFields();
    void updateWithoutChangesWritesNothing();
    void renameReplacesTheNamePieces();
    void moveCarriesTheNamePiecesAlong();
    void statusChangedByEditIsAStatusEvent();
    void invalidUpdateWritesNothing();

    void changeStatus_data();
    void changeStatus();
    void changeStatusRefusals();

    void removeLeavesATombstone();
    void historyIsInOrder();

    void scopeHidesASiblingSubtree();
    void failedWriteLeavesNothingBehind();

private:
    QSqlDatabase db() { return m_store->store().connection(); }
    MemberRepository repository() { return MemberRepository(m_store->store(), m_store->scope()); }
    // Adds sampleMember(n) to the factory; fails the test when that fails.
    Member added(int n, const QString& organisationId = QString());
    QList<OutboxOperation> pendingOf(const QString& entity);
    QList<MemberEvent> eventsOf(const QString& memberId);

    std::unique_ptr<TestStore> m_store;
    Organisation m_factory;
    Organisation m_shop;
};

void TestMemberRepository::init()
{
    Clock::setFixed(kMorning);
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_factory = m_store->addOrganisation(QStringLiteral("红星机械厂工会"));
    m_shop = m_store->addOrganisation(QStringLiteral("百货商店工会"));
    QVERIFY2(!m_factory.id.isEmpty() && !m_shop.id.isEmpty(), qPrintable(m_store->error()));
}

void TestMemberRepository::cleanup()
{
    m_store.reset();
    Clock::reset();
}

Member TestMemberRepository::added(int n, const QString& organisationId)
{
    Member m = TestStore::sampleMember(n, organisationId.isEmpty() ? m_factory.id : organisationId);
    QString error;
    if (!repository().add(m, kClerk, &error))
        qWarning("add failed: %s", qPrintable(error));
    return m;
}

QList<OutboxOperation> TestMemberRepository::pendingOf(const QString& entity)
{
    QList<OutboxOperation> out;
    for (const OutboxOperation& op : Outbox(db()).pending(100000)) {
        if (op.entity == entity)
            out.append(op);
    }
    return out;
}

QList<MemberEvent> TestMemberRepository::eventsOf(const QString& memberId)
{
    QList<MemberEvent> out;
    QSqlQuery q(db());
    QString error;
    if (!sql::execBound(q, QStringLiteral("SELECT * FROM member_event WHERE member_id = ? ORDER BY rowid"),
                        {memberId}, &error))
        qWarning("%s", qPrintable(error));
    while (q.next())
        out.append(MemberEvent::fromRecord(q.record()));
    return out;
}

void TestMemberRepository::addStoresTheMemberAndItsTrail()
{
    const Counts before = counts(db());
    Member m = TestStore::sampleMember(1, m_factory.id);
    QString error;
    QList<FieldProblem> problems;
    QVERIFY2(repository().add(m, kClerk, &error, &problems), qPrintable(error));
    QVERIFY(!MemberValidator::hasErrors(problems));

    // The id and the sync columns are filled in.
    QVERIFY(!QUuid::fromString(m.id).isNull());
    QCOMPARE(m.version, 0);
    QCOMPARE(m.updatedAt, QStringLiteral("2024-06-01T09:00:00.000Z"));
    QCOMPARE(m.updatedBy, kClerk);
    QVERIFY(!m.deleted);
    // Gender and birth date come from the ID number.
    QCOMPARE(m.gender, QStringLiteral("female"));
    QCOMPARE(m.birthDate, TestStore::sampleBirthDate(1).toString(Qt::ISODate));

    const std::optional<Member> stored = repository().find(m.id);
    QVERIFY(stored);
    QCOMPARE(stored->toFields(), m.toFields());
    QCOMPARE(stored->version, 0);
    QCOMPARE(stored->updatedAt, m.updatedAt);
    QCOMPARE(stored->updatedBy, kClerk);
    QCOMPARE(repository().findByIdNumber(m.idNumber)->id, m.id);

    // One member row, one event, one operation for each; the search columns and the tally follow.
    const Counts after = counts(db());
    QCOMPARE(after.members, before.members + 1);
    QCOMPARE(after.events, before.events + 1);
    QCOMPARE(after.outbox, before.outbox + 2);
    QCOMPARE(after.tally, before.tally + 1);
    QCOMPARE(after.grams - before.grams, qint64(MemberSearchIndex::gramsOf(m.name).size()));

    const QList<OutboxOperation> memberOps = pendingOf(entity::Member);
    QCOMPARE(memberOps.size(), 1);
    QCOMPARE(memberOps.first().recordId, m.id);
    QCOMPARE(memberOps.first().baseVersion, 0);
    QVERIFY(!memberOps.first().isDelete);
    QCOMPARE(memberOps.first().fields, m.toFields());

    const QList<MemberEvent> events = eventsOf(m.id);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().kind, QStringLiteral("joined"));
    QCOMPARE(events.first().occurredOn, m.joinDate);
    QCOMPARE(events.first().toStatus, QStringLiteral("active"));
    QCOMPARE(events.first().updatedBy, kClerk);
    const QList<OutboxOperation> eventOps = pendingOf(entity::MemberEvent);
    QCOMPARE(eventOps.size(), 1);
    QCOMPARE(eventOps.first().recordId, events.first().id);
    QCOMPARE(eventOps.first().fields.value(QStringLiteral("member")).toString(), m.id);
    QCOMPARE(eventOps.first().fields.value(QStringLiteral("kind")).toString(), QStringLiteral("joined"));

    QCOMPARE(scalar(db(), QStringLiteral("SELECT id_number_rev FROM member WHERE id = ?"), {m.id}).toString(),
             MemberSearchIndex::reversed(m.idNumber));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT mobile_rev FROM member WHERE id = ?"), {m.id}).toString(),
             MemberSearchIndex::reversed(m.mobile));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT name_key FROM member WHERE id = ?"), {m.id}).toByteArray(),
             NameSortKey::of(m.name));
}

void TestMemberRepository::addNormalisesWhatClerksType()
{
    const QString id = TestStore::idNumber(QStringLiteral("440106"), QDate(1990, 2, 3), 124);
    QString typed = id;
    // Full-width digits, as an input method leaves them.
    for (QChar& c : typed) {
        if (c.isDigit())
            c = QChar(0xFF10 + c.digitValue());
    }
    Member m;
    m.organisationId = m_factory.id;
    m.name = QStringLiteral("  张　三 ");
    m.idNumber = QStringLiteral(" ") + typed.toLower() + QStringLiteral(" ");
    m.mobile = QStringLiteral("+86 139-1234-5670");
    m.status = QStringLiteral("在会");
    m.employmentForm = QStringLiteral("外卖骑手");
    m.household = QStringLiteral("农村");
    m.joinDate = QStringLiteral("2015-07-01");
    QString error;
    QVERIFY2(repository().add(m, kClerk, &error), qPrintable(error));
    const std::optional<Member> stored = repository().find(m.id);
    QVERIFY(stored);
    QCOMPARE(stored->name, QStringLiteral("张三"));
    QCOMPARE(stored->idNumber, id);
    QCOMPARE(stored->mobile, QStringLiteral("13912345670"));
    QCOMPARE(stored->status, QStringLiteral("active"));
    QCOMPARE(stored->employmentForm, QStringLiteral("food-delivery"));
    QCOMPARE(stored->gender, QStringLiteral("female"));
    QCOMPARE(stored->birthDate, QStringLiteral("1990-02-03"));
    // Found however the number is typed.
    QVERIFY(repository().findByIdNumber(id.toLower()));
    QVERIFY(repository().findByIdNumber(QStringLiteral(" ") + id + QStringLiteral(" ")));
    QVERIFY(repository().findByIdNumber(typed));
}

void TestMemberRepository::legacyIdNumberIsConverted()
{
    // 15 digits: region, yyMMdd, sequence; the 18-digit form adds the century and a check character.
    const QString legacy = QStringLiteral("110105650304123");
    const QString full = TestStore::idNumber(QStringLiteral("110105"), QDate(1965, 3, 4), 123);
    QCOMPARE(full.size(), 18);
    Member m = TestStore::sampleMember(2, m_factory.id);
    m.idNumber = legacy;
    QString error;
    QVERIFY2(repository().add(m, kClerk, &error), qPrintable(error));
    QCOMPARE(m.idNumber, full);
    QCOMPARE(repository().find(m.id)->idNumber, full);
    QCOMPARE(m.birthDate, QStringLiteral("1965-03-04"));
    QCOMPARE(m.gender, QStringLiteral("male"));
    QCOMPARE(repository().findByIdNumber(full)->id, m.id);
    // The old number on a paper form still finds the member …
    const std::optional<Member> byLegacy = repository().findByIdNumber(legacy);
    QVERIFY(byLegacy);
    QCOMPARE(byLegacy->id, m.id);
    // … and the same person cannot join again under either form.
    const Counts before = counts(db());
    for (const QString& again : {legacy, full}) {
        Member twin = TestStore::sampleMember(3, m_shop.id);
        twin.idNumber = again;
        QVERIFY(!repository().add(twin, kClerk, &error));
        QVERIFY2(error.contains(m.name), qPrintable(error));
    }
    QCOMPARE(counts(db()), before);
}

void TestMemberRepository::validationFailureWritesNothing_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expectedField");

    QTest::newRow("empty name") << QStringLiteral("name") << QString() << QStringLiteral("name");
    QTest::newRow("digits in name") << QStringLiteral("name") << QStringLiteral("张3")
                                    << QStringLiteral("name");
    QTest::newRow("bad check character")
        << QStringLiteral("idNumber") << QStringLiteral("110105194912310021") << QStringLiteral("idNumber");
    QTest::newRow("ID too short") << QStringLiteral("idNumber") << QStringLiteral("11010519491231")
                                  << QStringLiteral("idNumber");
    QTest::newRow("ID from Excel") << QStringLiteral("idNumber") << QStringLiteral("1.10105E+17")
                                   << QStringLiteral("idNumber");
    QTest::newRow("mobile too short")
        << QStringLiteral("mobile") << QStringLiteral("1391234567") << QStringLiteral("mobile");
    QTest::newRow("landline") << QStringLiteral("mobile") << QStringLiteral("02087654321")
                              << QStringLiteral("mobile");
    QTest::newRow("unknown status") << QStringLiteral("status") << QStringLiteral("on holiday")
                                    << QStringLiteral("status");
    QTest::newRow("unknown employment form")
        << QStringLiteral("employmentForm") << QStringLiteral("astronaut")
        << QStringLiteral("employmentForm");
    QTest::newRow("join date not a date")
        << QStringLiteral("joinDate") << QStringLiteral("2020-13-01") << QStringLiteral("joinDate");
    QTest::newRow("join date in the future")
        << QStringLiteral("joinDate") << QStringLiteral("2024-06-02") << QStringLiteral("joinDate");
    QTest::newRow("join date before birth")
        << QStringLiteral("joinDate") << QStringLiteral("1959-01-01") << QStringLiteral("joinDate");
    QTest::newRow("no organisation") << QStringLiteral("organisation") << QString()
                                     << QStringLiteral("organisation");
    // An unknown ID type before a valid identity card number is taken as one, with a warning; before
    // another number it is refused (tst_membervalidator, otherDocumentTypes).
}

void TestMemberRepository::validationFailureWritesNothing()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, expectedField);

    added(0);
    const Counts before = counts(db());
    const qint64 outboxBefore = Outbox(db()).pendingCount();

    QJsonObject fields = TestStore::sampleMember(5, m_factory.id).toFields();
    fields.insert(field, value);
    Member m = Member::fromFields(QString(), fields);
    QString error;
    QList<FieldProblem> problems;
    QVERIFY(!repository().add(m, kClerk, &error, &problems));
    QVERIFY(!error.isEmpty());
    QVERIFY(MemberValidator::hasErrors(problems));
    bool named = false;
    for (const FieldProblem& p : std::as_const(problems)) {
        if (p.isError() && p.field == expectedField) {
            named = true;
            QVERIFY2(error.contains(p.message), qPrintable(error));
            QVERIFY(!p.message.isEmpty());
        }
    }
    QVERIFY2(named, qPrintable(error));
    QVERIFY(m.id.isEmpty());
    QCOMPARE(counts(db()), before);
    QCOMPARE(Outbox(db()).pendingCount(), outboxBefore);
    QVERIFY(!repository().findByIdNumber(TestStore::sampleIdNumber(5)));
}

void TestMemberRepository::everyProblemIsReported()
{
    Member m = TestStore::sampleMember(5, m_factory.id);
    m.name = QStringLiteral("张3");
    m.mobile = QStringLiteral("123");
    m.status = QStringLiteral("???");
    m.birthDate = QStringLiteral("1960-02-02"); // differs from the ID number: a warning
    QString error;
    QList<FieldProblem> problems;
    const Counts before = counts(db());
    QVERIFY(!repository().add(m, kClerk, &error, &problems));
    QStringList errorFields;
    QStringList warningFields;
    bool warningSeen = false;
    for (const FieldProblem& p : std::as_const(problems)) {
        if (p.isError()) {
            QVERIFY2(!warningSeen, "errors come before warnings");
            errorFields.append(p.field);
        } else {
            warningSeen = true;
            warningFields.append(p.field);
        }
    }
    errorFields.sort();
    QCOMPARE(errorFields,
             (QStringList{QStringLiteral("mobile"), QStringLiteral("name"), QStringLiteral("status")}));
    QCOMPARE(warningFields, QStringList{QStringLiteral("birthDate")});
    QCOMPARE(counts(db()), before);
}

void TestMemberRepository::warningsDoNotBlock()
{
    Member m = TestStore::sampleMember(6, m_factory.id);
    m.birthDate = QStringLiteral("1960-02-02");
    m.mobile = QStringLiteral("13800000000");
    QString error;
    QList<FieldProblem> problems;
    QVERIFY2(repository().add(m, kClerk, &error, &problems), qPrintable(error));
    QVERIFY(!MemberValidator::hasErrors(problems));
    QStringList fields;
    for (const FieldProblem& p : std::as_const(problems))
        fields.append(p.field);
    QVERIFY2(fields.contains(QStringLiteral("birthDate")), qPrintable(fields.join(QLatin1Char(','))));
    QVERIFY2(fields.contains(QStringLiteral("mobile")), qPrintable(fields.join(QLatin1Char(','))));
    QCOMPARE(repository().find(m.id)->birthDate, QStringLiteral("1960-02-02"));
}

void TestMemberRepository::duplicateIdNumberIsRefused()
{
    const Member first = added(7);
    QVERIFY(!first.id.isEmpty());
    const Counts before = counts(db());

    Member twin = TestStore::sampleMember(8, m_shop.id);
    twin.idNumber = QStringLiteral(" ") + first.idNumber.toLower() + QStringLiteral(" ");
    QString error;
    QVERIFY(!repository().add(twin, kClerk, &error));
    QVERIFY2(error.contains(first.name), qPrintable(error));
    QVERIFY2(error.contains(m_factory.name), qPrintable(error));
    QVERIFY2(error.contains(first.idNumber), qPrintable(error));
    QVERIFY(twin.id.isEmpty());
    QCOMPARE(counts(db()), before);
    QCOMPARE(repository().findByIdNumber(first.idNumber)->id, first.id);
}

void TestMemberRepository::duplicateIdNumberOnUpdateIsRefused()
{
    const Member first = added(9);
    const Member second = added(10, m_shop.id);
    QVERIFY(!first.id.isEmpty() && !second.id.isEmpty());
    const Counts before = counts(db());

    Member edited = second;
    edited.idNumber = first.idNumber;
    edited.notes = QStringLiteral("typed the wrong number");
    QString error;
    QVERIFY(!repository().update(edited, kClerk, &error));
    QVERIFY2(error.contains(first.name) && error.contains(m_factory.name), qPrintable(error));
    QCOMPARE(counts(db()), before);
    QCOMPARE(repository().find(second.id)->idNumber, second.idNumber);
    QCOMPARE(repository().find(second.id)->notes, QString());
}

void TestMemberRepository::idNumberIsFreeAgainAfterDelete()
{
    const Member first = added(11);
    QString error;
    QVERIFY2(repository().remove(first.id, kClerk, &error), qPrintable(error));
    Member again = TestStore::sampleMember(11, m_shop.id);
    QVERIFY2(repository().add(again, kClerk, &error), qPrintable(error));
    QVERIFY(again.id != first.id);
    QCOMPARE(repository().findByIdNumber(first.idNumber)->id, again.id);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT count(*) FROM member WHERE id_number = ?"), {first.idNumber})
                 .toInt(),
             2);
}

void TestMemberRepository::updateSendsOnlyTheChangedFields()
{
    const Member original = added(12);
    QVERIFY(!original.id.isEmpty());
    // As if a sync had brought the server's version 7.
    QVERIFY(sql::run(db(), QStringLiteral("UPDATE member SET version = 7 WHERE id = '%1'").arg(original.id),
                     nullptr));
    const Counts before = counts(db());
    const qsizetype memberOpsBefore = pendingOf(entity::Member).size();

    Clock::setFixed(kLater);
    Member edited = *repository().find(original.id);
    edited.mobile = QStringLiteral("13700001111");
    edited.employer = QStringLiteral("新公司");
    QString error;
    QVERIFY2(repository().update(edited, kOtherClerk, &error), qPrintable(error));
    QCOMPARE(edited.updatedAt, QStringLiteral("2024-06-03T10:30:00.000Z"));
    QCOMPARE(edited.updatedBy, kOtherClerk);
    QCOMPARE(edited.version, 7);

    const std::optional<Member> stored = repository().find(original.id);
    QCOMPARE(stored->mobile, QStringLiteral("13700001111"));
    QCOMPARE(stored->employer, QStringLiteral("新公司"));
    QCOMPARE(stored->name, original.name);
    QCOMPARE(stored->version, 7); // the server's number: only a sync moves it
    QCOMPARE(stored->updatedAt, QStringLiteral("2024-06-03T10:30:00.000Z"));
    QCOMPARE(stored->updatedBy, kOtherClerk);
    QCOMPARE(
        scalar(db(), QStringLiteral("SELECT mobile_rev FROM member WHERE id = ?"), {original.id}).toString(),
        QStringLiteral("11110000731"));

    const Counts after = counts(db());
    QCOMPARE(after.members, before.members);
    QCOMPARE(after.events, before.events + 1);
    QCOMPARE(after.outbox, before.outbox + 2);
    QCOMPARE(after.grams, before.grams);
    const QList<OutboxOperation> memberOps = pendingOf(entity::Member);
    QCOMPARE(memberOps.size(), memberOpsBefore + 1);
    const OutboxOperation& op = memberOps.last();
    QCOMPARE(op.recordId, original.id);
    QCOMPARE(op.baseVersion, 7);
    QVERIFY(!op.isDelete);
    QCOMPARE(op.fields, (QJsonObject{{QStringLiteral("mobile"), QStringLiteral("13700001111")},
                                     {QStringLiteral("employer"), QStringLiteral("新公司")}}));

    const QList<MemberEvent> events = eventsOf(original.id);
    QCOMPARE(events.size(), 2);
    const MemberEvent& edit = events.last();
    QCOMPARE(edit.kind, QStringLiteral("edited"));
    QCOMPARE(edit.occurredOn, QStringLiteral("2024-06-03"));
    QCOMPARE(edit.updatedBy, kOtherClerk);
    QCOMPARE(edit.details, (QJsonObject{{QStringLiteral("mobile"),
                                         QJsonObject{{QStringLiteral("from"), original.mobile},
                                                     {QStringLiteral("to"), QStringLiteral("13700001111")}}},
                                        {QStringLiteral("employer"),
                                         QJsonObject{{QStringLiteral("from"), original.employer},
                                                     {QStringLiteral("to"), QStringLiteral("新公司")}}}}));
    QCOMPARE(pendingOf(entity::MemberEvent).last().recordId, edit.id);
}

void TestMemberRepository::updateWithoutChangesWritesNothing()
{
    const Member original = added(13);
    const Counts before = counts(db());
    Clock::setFixed(kLater);
    Member same = *repository().find(original.id);
    same.name = QStringLiteral(" ") + same.name; // normalises back to the same value
    QString error;
    QVERIFY2(repository().update(same, kOtherClerk, &error), qPrintable(error));
    QCOMPARE(counts(db()), before);
    QCOMPARE(repository().find(original.id)->updatedBy, kClerk);
    QCOMPARE(repository().find(original.id)->updatedAt, original.updatedAt);
}

void TestMemberRepository::renameReplacesTheNamePieces()
{
    Member m = TestStore::sampleMember(14, m_factory.id);
    m.name = QStringLiteral("欧阳娜娜");
    QString error;
    QVERIFY2(repository().add(m, kClerk, &error), qPrintable(error));
    const qint64 localId =
        scalar(db(), QStringLiteral("SELECT local_id FROM member WHERE id = ?"), {m.id}).toLongLong();
    auto gramsOfMember = [&] {
        QStringList grams;
        QSqlQuery q(db());
        sql::execBound(
            q, QStringLiteral("SELECT gram FROM member_name_gram WHERE member_local_id = ? ORDER BY gram"),
            {localId}, nullptr);
        while (q.next())
            grams.append(q.value(0).toString());
        return grams;
    };
    QCOMPARE(gramsOfMember().size(), 6); // 欧 欧阳 阳 阳娜 娜 娜娜

    m.name = QStringLiteral("司马\U00020BB7");
    QVERIFY2(repository().update(m, kClerk, &error), qPrintable(error));
    QStringList expected{QStringLiteral("司"), QStringLiteral("司马"), QStringLiteral("马"),
                         QStringLiteral("马\U00020BB7"), QStringLiteral("\U00020BB7")};
    expected.sort();
    QStringList actual = gramsOfMember();
    actual.sort();
    QCOMPARE(actual, expected);
    QCOMPARE(scalar(db(),
                    QStringLiteral("SELECT count(*) FROM member_name_gram WHERE member_local_id = ? AND "
                                   "(name <> ? OR name_key <> ?)"),
                    {localId, m.name, NameSortKey::of(m.name)})
                 .toInt(),
             0);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT name_key FROM member WHERE id = ?"), {m.id}).toByteArray(),
             NameSortKey::of(m.name));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT count(*) FROM member_name_gram WHERE gram = ?"),
                    {QStringLiteral("欧")})
                 .toInt(),
             0);
}

void TestMemberRepository::moveCarriesTheNamePiecesAlong()
{
    Member m = TestStore::sampleMember(16, m_factory.id);
    m.name = QStringLiteral("诸葛亮");
    QString error;
    QVERIFY2(repository().add(m, kClerk, &error), qPrintable(error));
    auto piecesIn = [&](const QString& organisationId) {
        return scalar(db(),
                      QStringLiteral("SELECT count(*) FROM member_name_gram g JOIN member m ON m.local_id = "
                                     "g.member_local_id WHERE m.id = ? AND g.organisation_id = ?"),
                      {m.id, organisationId})
            .toInt();
    };
    QCOMPARE(piecesIn(m_factory.id), 5); // 诸 诸葛 葛 葛亮 亮
    auto found = [&](const Organisation& o, RosterQuery::SearchPlan plan) -> QString {
        RosterFilter filter;
        filter.search = QStringLiteral("诸葛");
        filter.organisationPath = o.path;
        const RosterQuery query(db(), m_store->scope(), filter, RosterSort::Name, Qt::AscendingOrder, plan);
        QStringList ids;
        for (const RosterRow& row : query.first(10))
            ids.append(row.id);
        return QString::number(query.count()) + QLatin1Char(':') + ids.join(QLatin1Char(','));
    };
    const QString one = QStringLiteral("1:") + m.id;
    const QString none = QStringLiteral("0:");
    for (const auto plan : {RosterQuery::SearchPlan::NameIndexFirst, RosterQuery::SearchPlan::MemberFirst}) {
        QCOMPARE(found(m_factory, plan), one);
        QCOMPARE(found(m_shop, plan), none);
    }

    // Moved to the shop without a change of name: the pieces follow the member.
    m.organisationId = m_shop.id;
    QVERIFY2(repository().update(m, kClerk, &error), qPrintable(error));
    QCOMPARE(piecesIn(m_factory.id), 0);
    QCOMPARE(piecesIn(m_shop.id), 5);
    for (const auto plan : {RosterQuery::SearchPlan::NameIndexFirst, RosterQuery::SearchPlan::MemberFirst}) {
        QCOMPARE(found(m_factory, plan), none);
        QCOMPARE(found(m_shop, plan), one);
    }
}

void TestMemberRepository::statusChangedByEditIsAStatusEvent()
{
    const Member original = added(15);
    Member edited = original;
    edited.status = QStringLiteral("retained");
    QString error;
    QVERIFY2(repository().update(edited, kClerk, &error), qPrintable(error));
    QList<MemberEvent> events = eventsOf(original.id);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.last().kind, QStringLiteral("status-changed"));
    QCOMPARE(events.last().fromStatus, QStringLiteral("active"));
    QCOMPARE(events.last().toStatus, QStringLiteral("retained"));

    // Status and another field: a status event and an edit event, still one member operation.
    const qsizetype memberOps = pendingOf(entity::Member).size();
    edited.status = QStringLiteral("active");
    edited.notes = QStringLiteral("回来了");
    QVERIFY2(repository().update(edited, kClerk, &error), qPrintable(error));
    events = eventsOf(original.id);
    QCOMPARE(events.size(), 4);
    QCOMPARE(events.at(2).kind, QStringLiteral("status-changed"));
    QCOMPARE(events.at(3).kind, QStringLiteral("edited"));
    QVERIFY(!events.at(3).details.contains(QStringLiteral("status")));
    QVERIFY(events.at(3).details.contains(QStringLiteral("notes")));
    QCOMPARE(pendingOf(entity::Member).size(), memberOps + 1);
    QCOMPARE(pendingOf(entity::Member).last().fields.keys(),
             (QStringList{QStringLiteral("notes"), QStringLiteral("status")}));
}

void TestMemberRepository::invalidUpdateWritesNothing()
{
    const Member original = added(16);
    const Counts before = counts(db());
    Member edited = original;
    edited.mobile = QStringLiteral("12345");
    edited.employer = QStringLiteral("另一家");
    QString error;
    QList<FieldProblem> problems;
    QVERIFY(!repository().update(edited, kClerk, &error, &problems));
    QVERIFY(MemberValidator::hasErrors(problems));
    QCOMPARE(problems.first().field, QStringLiteral("mobile"));
    QCOMPARE(counts(db()), before);
    QCOMPARE(repository().find(original.id)->employer, original.employer);
    // A record that does not exist is refused too.
    Member ghost = original;
    ghost.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(!repository().update(ghost, kClerk, &error));
    QCOMPARE(counts(db()), before);
}

void TestMemberRepository::changeStatus_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("key");
    QTest::newRow("retain") << QStringLiteral("retained") << QStringLiteral("retained");
    QTest::newRow("withdraw") << QStringLiteral("withdrawn") << QStringLiteral("withdrawn");
    QTest::newRow("stop") << QStringLiteral("stopped") << QStringLiteral("stopped");
    QTest::newRow("expel") << QStringLiteral("expelled") << QStringLiteral("expelled");
    QTest::newRow("deceased") << QStringLiteral("deceased") << QStringLiteral("deceased");
    QTest::newRow("hung") << QStringLiteral("hung") << QStringLiteral("hung");
    QTest::newRow("Chinese word") << QStringLiteral("退会") << QStringLiteral("withdrawn");
    QTest::newRow("English label") << QStringLiteral("Deceased") << QStringLiteral("deceased");
}

void TestMemberRepository::changeStatus()
{
    QFETCH(QString, typed);
    QFETCH(QString, key);
    const Member m = added(17);
    QVERIFY(
        sql::run(db(), QStringLiteral("UPDATE member SET version = 3 WHERE id = '%1'").arg(m.id), nullptr));
    const Counts before = counts(db());
    const qsizetype memberOps = pendingOf(entity::Member).size();
    const qint64 activeBefore =
        scalar(db(), QStringLiteral("SELECT sum(n) FROM member_tally WHERE status = 'active'")).toLongLong();

    Clock::setFixed(kLater);
    QString error;
    QVERIFY2(repository().changeStatus(m.id, typed, QStringLiteral("  本人申请  "), QDate(2024, 5, 20),
                                       kOtherClerk, &error),
             qPrintable(error));

    const std::optional<Member> stored = repository().find(m.id);
    QCOMPARE(stored->status, key);
    QCOMPARE(stored->updatedAt, QStringLiteral("2024-06-03T10:30:00.000Z"));
    QCOMPARE(stored->updatedBy, kOtherClerk);
    QCOMPARE(stored->version, 3);

    const Counts after = counts(db());
    QCOMPARE(after.events, before.events + 1);
    QCOMPARE(after.outbox, before.outbox + 2);
    QCOMPARE(after.tally, before.tally);
    QCOMPARE(
        scalar(db(), QStringLiteral("SELECT sum(n) FROM member_tally WHERE status = 'active'")).toLongLong(),
        activeBefore - 1);
    const QList<OutboxOperation> ops = pendingOf(entity::Member);
    QCOMPARE(ops.size(), memberOps + 1);
    QCOMPARE(ops.last().recordId, m.id);
    QCOMPARE(ops.last().baseVersion, 3);
    QCOMPARE(ops.last().fields, (QJsonObject{{QStringLiteral("status"), key}}));

    const MemberEvent event = eventsOf(m.id).last();
    QCOMPARE(event.kind, QStringLiteral("status-changed"));
    QCOMPARE(event.fromStatus, QStringLiteral("active"));
    QCOMPARE(event.toStatus, key);
    QCOMPARE(event.reason, QStringLiteral("本人申请"));
    QCOMPARE(event.occurredOn, QStringLiteral("2024-05-20"));
    QCOMPARE(event.updatedBy, kOtherClerk);
    QCOMPARE(pendingOf(entity::MemberEvent).last().recordId, event.id);

    // Without a date the change takes effect today.
    QVERIFY2(repository().changeStatus(m.id, QStringLiteral("active"), QString(), QDate(), kClerk, &error),
             qPrintable(error));
    QCOMPARE(eventsOf(m.id).last().occurredOn, QStringLiteral("2024-06-03"));
    QCOMPARE(eventsOf(m.id).last().fromStatus, key);
}

void TestMemberRepository::changeStatusRefusals()
{
    const Member m = added(18);
    const Counts before = counts(db());
    QString error;
    QVERIFY(
        !repository().changeStatus(m.id, QStringLiteral("on holiday"), QString(), QDate(), kClerk, &error));
    QVERIFY2(error.contains(QStringLiteral("on holiday")), qPrintable(error));
    QVERIFY(!repository().changeStatus(m.id, QStringLiteral("active"), QString(), QDate(), kClerk, &error));
    QVERIFY2(error.contains(QStringLiteral("already")), qPrintable(error));
    QVERIFY(!repository().changeStatus(m.id, QStringLiteral("withdrawn"), QString(), QDate(2024, 6, 2),
                                       kClerk, &error));
    QVERIFY2(error.contains(QStringLiteral("future")), qPrintable(error));
    QVERIFY(!repository().changeStatus(QUuid::createUuid().toString(QUuid::WithoutBraces),
                                       QStringLiteral("withdrawn"), QString(), QDate(), kClerk, &error));
    QCOMPARE(counts(db()), before);
    QCOMPARE(repository().find(m.id)->status, QStringLiteral("active"));
}

void TestMemberRepository::removeLeavesATombstone()
{
    const Member m = added(19);
    const Member other = added(20);
    QVERIFY(
        sql::run(db(), QStringLiteral("UPDATE member SET version = 4 WHERE id = '%1'").arg(m.id), nullptr));
    const Counts before = counts(db());
    const qsizetype memberOps = pendingOf(entity::Member).size();

    Clock::setFixed(kLater);
    QString error;
    QVERIFY2(repository().remove(m.id, kOtherClerk, &error), qPrintable(error));

    // Hidden from every read …
    QVERIFY(!repository().find(m.id));
    QVERIFY(!repository().findByIdNumber(m.idNumber));
    QVERIFY(repository().history(m.id).isEmpty());
    QVERIFY(repository().find(other.id));
    // … but the row stays, marked, so the deletion can sync.
    QSqlQuery q(db());
    QVERIFY(sql::execBound(
        q, QStringLiteral("SELECT deleted, updated_at, updated_by, name, version FROM member WHERE id = ?"),
        {m.id}, nullptr));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QCOMPARE(q.value(1).toString(), QStringLiteral("2024-06-03T10:30:00.000Z"));
    QCOMPARE(q.value(2).toString(), kOtherClerk);
    QCOMPARE(q.value(3).toString(), m.name);
    QCOMPARE(q.value(4).toInt(), 4);

    const Counts after = counts(db());
    QCOMPARE(after.members, before.members);
    QCOMPARE(after.live, before.live - 1);
    QCOMPARE(after.tally, before.tally - 1);
    QCOMPARE(after.events, before.events + 1);
    QCOMPARE(after.outbox, before.outbox + 2);
    QCOMPARE(after.grams, before.grams - qint64(MemberSearchIndex::gramsOf(m.name).size()));
    const QList<OutboxOperation> ops = pendingOf(entity::Member);
    QCOMPARE(ops.size(), memberOps + 1);
    QCOMPARE(ops.last().recordId, m.id);
    QVERIFY(ops.last().isDelete);
    QCOMPARE(ops.last().baseVersion, 4);
    QCOMPARE(eventsOf(m.id).last().kind, QStringLiteral("deleted"));

    // A deleted member can be neither deleted again nor edited.
    const Counts tombstoned = counts(db());
    QVERIFY(!repository().remove(m.id, kClerk, &error));
    Member edited = m;
    edited.notes = QStringLiteral("x");
    QVERIFY(!repository().update(edited, kClerk, &error));
    QVERIFY(
        !repository().changeStatus(m.id, QStringLiteral("withdrawn"), QString(), QDate(), kClerk, &error));
    QCOMPARE(counts(db()), tombstoned);
}

void TestMemberRepository::historyIsInOrder()
{
    Member m = TestStore::sampleMember(21, m_factory.id);
    QString error;
    QVERIFY2(repository().add(m, kClerk, &error), qPrintable(error));
    Clock::setFixed(kLater);
    m.notes = QStringLiteral("换了手机");
    m.mobile = QStringLiteral("13600002222");
    QVERIFY2(repository().update(m, kClerk, &error), qPrintable(error));
    QVERIFY2(repository().changeStatus(m.id, QStringLiteral("retained"), QStringLiteral("下岗"),
                                       QDate(2024, 5, 1), kClerk, &error),
             qPrintable(error));

    const QList<MemberEvent> history = repository().history(m.id);
    QCOMPARE(history.size(), 3);
    QCOMPARE(history.at(0).kind, QStringLiteral("joined"));
    QCOMPARE(history.at(0).occurredOn, m.joinDate);
    QCOMPARE(history.at(1).kind, QStringLiteral("status-changed"));
    QCOMPARE(history.at(1).occurredOn, QStringLiteral("2024-05-01"));
    QCOMPARE(history.at(1).reason, QStringLiteral("下岗"));
    QCOMPARE(history.at(2).kind, QStringLiteral("edited"));
    QCOMPARE(history.at(2).details.keys(), (QStringList{QStringLiteral("mobile"), QStringLiteral("notes")}));
    for (const MemberEvent& e : history)
        QCOMPARE(e.memberId, m.id);
}

void TestMemberRepository::scopeHidesASiblingSubtree()
{
    // root ─ 甲街道 ─ 甲一厂
    //      └ 乙街道 ─ 乙一厂
    const Organisation streetA =
        m_store->addOrganisation(QStringLiteral("甲街道总工会"), QString(), QStringLiteral("township"));
    const Organisation factoryA = m_store->addOrganisation(QStringLiteral("甲一厂工会"), streetA.id);
    const Organisation streetB =
        m_store->addOrganisation(QStringLiteral("乙街道总工会"), QString(), QStringLiteral("township"));
    const Organisation factoryB = m_store->addOrganisation(QStringLiteral("乙一厂工会"), streetB.id);
    QVERIFY(!factoryA.id.isEmpty() && !factoryB.id.isEmpty());
    const Member ours = added(22, factoryA.id);
    const Member theirs = added(23, factoryB.id);
    QVERIFY(!ours.id.isEmpty() && !theirs.id.isEmpty());

    const Scope scopeA = OrganisationRepository::scopeOf(m_store->store(), streetA.id);
    QVERIFY(scopeA.isValid());
    MemberRepository inA(m_store->store(), scopeA);
    QCOMPARE(inA.scope().organisationId(), streetA.id);

    // Its own subtree is visible.
    QVERIFY(inA.find(ours.id));
    QVERIFY(inA.findByIdNumber(ours.idNumber));
    QCOMPARE(inA.history(ours.id).size(), 1);

    // The sibling subtree is not, in any way.
    const Counts before = counts(db());
    QVERIFY(!inA.find(theirs.id));
    QVERIFY(!inA.findByIdNumber(theirs.idNumber));
    QVERIFY(inA.history(theirs.id).isEmpty());
    QString error;
    Member edited = theirs;
    edited.notes = QStringLiteral("should not be stored");
    QVERIFY(!inA.update(edited, kClerk, &error));
    QVERIFY2(error.contains(QStringLiteral("outside your organisation")), qPrintable(error));
    QVERIFY(!inA.changeStatus(theirs.id, QStringLiteral("expelled"), QString(), QDate(), kClerk, &error));
    QVERIFY(!inA.remove(theirs.id, kClerk, &error));
    // Nor can a member be added there or moved there.
    Member newcomer = TestStore::sampleMember(24, factoryB.id);
    QVERIFY(!inA.add(newcomer, kClerk, &error));
    QVERIFY2(error.contains(QStringLiteral("Organisation")), qPrintable(error));
    Member moved = ours;
    moved.organisationId = factoryB.id;
    QVERIFY(!inA.update(moved, kClerk, &error));
    // Nor can an organisation above the scope be used.
    moved.organisationId = m_store->root().id;
    QVERIFY(!inA.update(moved, kClerk, &error));
    QCOMPARE(counts(db()), before);

    const std::optional<Member> untouched = repository().find(theirs.id);
    QCOMPARE(untouched->notes, QString());
    QCOMPARE(untouched->status, QStringLiteral("active"));
    QCOMPARE(repository().find(ours.id)->organisationId, factoryA.id);

    // One person, one membership — across scopes: the sibling's member blocks the same ID here.
    Member twin = TestStore::sampleMember(25, factoryA.id);
    twin.idNumber = theirs.idNumber;
    QVERIFY(!inA.add(twin, kClerk, &error));
    QVERIFY2(error.contains(QStringLiteral("one membership")), qPrintable(error));
    QCOMPARE(counts(db()), before);

    // A move inside the scope is fine.
    moved.organisationId = streetA.id;
    QVERIFY2(inA.update(moved, kClerk, &error), qPrintable(error));
    QCOMPARE(inA.find(ours.id)->organisationId, streetA.id);
}

void TestMemberRepository::failedWriteLeavesNothingBehind()
{
    const Member existing = added(26);
    // The outbox refuses every write from here on: the edit it belongs to must vanish with it.
    QVERIFY(sql::run(db(),
                     QStringLiteral("CREATE TRIGGER outbox_refuses BEFORE INSERT ON outbox "
                                    "BEGIN SELECT RAISE(ABORT, 'outbox is full'); END"),
                     nullptr));
    const Counts before = counts(db());
    QString error;

    Member m = TestStore::sampleMember(27, m_factory.id);
    QVERIFY(!repository().add(m, kClerk, &error));
    QVERIFY2(error.contains(QStringLiteral("outbox is full")), qPrintable(error));
    QCOMPARE(counts(db()), before);
    QVERIFY(!repository().findByIdNumber(TestStore::sampleIdNumber(27)));

    Member edited = existing;
    edited.name = QStringLiteral("改名字");
    QVERIFY(!repository().update(edited, kClerk, &error));
    QCOMPARE(counts(db()), before);
    QCOMPARE(repository().find(existing.id)->name, existing.name);

    QVERIFY(!repository().changeStatus(existing.id, QStringLiteral("withdrawn"), QString(), QDate(), kClerk,
                                       &error));
    QVERIFY(!repository().remove(existing.id, kClerk, &error));
    QCOMPARE(counts(db()), before);
    QCOMPARE(repository().find(existing.id)->status, QStringLiteral("active"));

    // The connection is not left inside a transaction: once the outbox accepts again, edits work.
    QVERIFY(sql::run(db(), QStringLiteral("DROP TRIGGER outbox_refuses"), nullptr));
    QVERIFY2(repository().add(m, kClerk, &error), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestMemberRepository)
#include "tst_memberrepository.moc"
