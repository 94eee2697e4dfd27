// MemberBulkWriter, the import's way of adding many members, against MemberRepository::add, the way
// every other member is added: the same member rows, history events, outbox operations and name
// pieces, down to the JSON of each outbox operation — with names and notes that JSON must escape
// and characters outside the BMP. Also the ids it makes, and its refusals.

#include "TestStore.h"
#include "members/MemberBulkWriter.h"
#include "members/MemberRepository.h"
#include "members/MemberValidator.h"
#include "store/Outbox.h"
#include "store/Transaction.h"
#include "sync/OutboxSnapshots.h"
#include "util/Ids.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

using namespace ud;
using ud::test::TestStore;

namespace {

// Text a clerk's notes really hold, and what JSON must escape.
const QStringList kAwkwardText = {
    QStringLiteral("说明：\"加班\" 与 \\ 反斜杠"),
    QStringLiteral("第一行\n第二行\r\n\t缩进"),
    QString(QChar(0x01)) + QStringLiteral("控制符") + QChar(0x1F) + QChar(0x7F),
    QStringLiteral("生僻字 𠇔 𡈼 和 emoji 😀"),
    QStringLiteral("</script> & <b>"),
};

QList<QVariantMap> rows(Database& store, const QString& statement)
{
    QList<QVariantMap> out;
    QSqlQuery q(store.connection());
    if (!q.exec(statement)) {
        qWarning("%s", qPrintable(statement));
        return out;
    }
    while (q.next()) {
        QVariantMap row;
        const QSqlRecord r = q.record();
        for (int i = 0; i < r.count(); ++i)
            row.insert(r.fieldName(i), r.value(i));
        out.append(row);
    }
    return out;
}

QList<Member> awkwardMembers(const QString& organisationId, int count)
{
    QList<Member> members;
    for (int n = 0; n < count; ++n) {
        Member m = TestStore::sampleMember(200 + n, organisationId);
        m.notes = kAwkwardText.at(n % kAwkwardText.size());
        m.employer = kAwkwardText.at((n + 2) % kAwkwardText.size()).left(20);
        if (n % 7 == 3)
            m.name = n % 2 ? QStringLiteral("刘𠇔华") : QStringLiteral("王𡈼敏");
        m.hardship = n % 3 == 0;
        m.verified = n % 5 == 0;
        if (m.verified) {
            m.verifiedMethod = QStringLiteral("in-person");
            m.verifiedAt = QStringLiteral("2024-05-01");
        }
        m.joinDate = n % 4 == 0 ? QString() : QStringLiteral("2019-03-0%1").arg(1 + n % 9);
        if (MemberValidator::hasErrors(MemberValidator::normaliseAndCheck(m)))
            qWarning("sample member %d does not validate", n);
        members.append(m);
    }
    return members;
}

int scalarInt(Database& store, const QString& statement)
{
    QSqlQuery q(store.connection());
    return q.exec(statement) && q.next() ? q.value(0).toInt() : -1;
}

// What a member looks like in the store, without what differs between two stores by design (ids,
// the local row number, timestamps).
QVariantMap comparable(QVariantMap row, const QStringList& drop)
{
    for (const QString& column : drop)
        row.remove(column);
    return row;
}

} // namespace

class TstMemberBulkWriter : public QObject
{
    Q_OBJECT

private slots:
    void writesWhatTheRepositoryWrites();
    void snapshotsCarryTheRecordAsItIsWhenPushed();
    void refusesAnIdNumberStoredSinceTheCheck();
    void refusesAnOrganisationOutsideTheScope();
    void movesChunksAndNamesTheRefusedMemberOfAnEarlierOne();
    void recordIdsAreDistinctVersion4Uuids();
};

void TstMemberBulkWriter::writesWhatTheRepositoryWrites()
{
    TestStore one;
    TestStore bulk;
    QVERIFY(one.isValid() && bulk.isValid());
    // The same organisation id in both stores, so the rows compare whole.
    const QList<Member> members = awkwardMembers(one.root().id, 40);
    QSqlQuery move(bulk.store().connection());
    move.prepare(QStringLiteral("UPDATE organisation SET id = ?, path = ?"));
    move.addBindValue(one.root().id);
    move.addBindValue(one.root().path);
    QVERIFY(move.exec());
    const Scope bulkScope = Scope::wholeStore(one.root().id, one.root().path);

    MemberRepository repository(one.store(), one.scope());
    for (Member m : members) {
        QString error;
        QVERIFY2(repository.add(m, TestStore::actor(), &error), qPrintable(error));
    }
    {
        Transaction tx(bulk.store().connection());
        QVERIFY(tx.isActive());
        MemberBulkWriter writer(bulk.store(), bulkScope, TestStore::actor());
        QString error;
        QVERIFY2(writer.isReady(&error), qPrintable(error));
        for (Member m : members) {
            QVERIFY2(writer.add(m, &error), qPrintable(error));
            QVERIFY(!m.id.isEmpty());
            QCOMPARE(m.updatedBy, TestStore::actor());
        }
        QVERIFY2(writer.finish(&error) && tx.commit(&error), qPrintable(error));
    }

    const QStringList memberDrop{QStringLiteral("local_id"), QStringLiteral("id"),
                                 QStringLiteral("updated_at")};
    const QString byNumber = QStringLiteral("SELECT * FROM member ORDER BY id_number");
    const QList<QVariantMap> expected = rows(one.store(), byNumber);
    const QList<QVariantMap> actual = rows(bulk.store(), byNumber);
    QCOMPARE(actual.size(), members.size());
    QCOMPARE(actual.size(), expected.size());
    QHash<QString, QString> bulkIdOf; // repository's member id → bulk writer's member id
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(comparable(actual.at(i), memberDrop), comparable(expected.at(i), memberDrop));
        bulkIdOf.insert(expected.at(i).value(QStringLiteral("id")).toString(),
                        actual.at(i).value(QStringLiteral("id")).toString());
    }

    // History: one "joined" event each, with the same content.
    const QString events = QStringLiteral("SELECT m.id_number, e.* FROM member_event e JOIN member m ON m.id "
                                          "= e.member_id ORDER BY m.id_number");
    const QStringList eventDrop{QStringLiteral("id"), QStringLiteral("member_id"),
                                QStringLiteral("updated_at")};
    const QList<QVariantMap> expectedEvents = rows(one.store(), events);
    const QList<QVariantMap> actualEvents = rows(bulk.store(), events);
    QCOMPARE(actualEvents.size(), members.size());
    for (int i = 0; i < expectedEvents.size(); ++i)
        QCOMPARE(comparable(actualEvents.at(i), eventDrop), comparable(expectedEvents.at(i), eventDrop));

    // The outbox: per member its record and its event. The bulk writer's are snapshots without
    // fields; as the push fills them in (OutboxSnapshots), they equal the repository's once parsed
    // (member ids mapped).
    QCOMPARE(rows(bulk.store(), QStringLiteral("SELECT 1 FROM outbox WHERE fields <> '' AND entity IN "
                                               "('member', 'member_event')"))
                 .size(),
             0);
    auto operations = [](Database& store) {
        QList<OutboxOperation> pending = Outbox(store.connection()).pending(1000000);
        QString error;
        [&] {
            QVERIFY2(sync::OutboxSnapshots(store.connection()).fill(&pending, &error), qPrintable(error));
        }();
        QHash<QString, QJsonObject> byRecord;
        for (const OutboxOperation& op : std::as_const(pending)) {
            if (op.entity != entity::Member && op.entity != entity::MemberEvent)
                continue;
            QJsonObject fields = op.fields;
            fields.insert(QStringLiteral("_entity"), op.entity);
            fields.insert(QStringLiteral("_base"), int(op.baseVersion));
            fields.insert(QStringLiteral("_delete"), op.isDelete ? 1 : 0);
            byRecord.insert(op.recordId, fields);
        }
        return byRecord;
    };
    const QHash<QString, QJsonObject> expectedOps = operations(one.store());
    const QHash<QString, QJsonObject> actualOps = operations(bulk.store());
    QCOMPARE(actualOps.size(), 2 * members.size());
    QCOMPARE(actualOps.size(), expectedOps.size());
    for (auto it = bulkIdOf.cbegin(); it != bulkIdOf.cend(); ++it) {
        QVERIFY(actualOps.contains(it.value()));
        QCOMPARE(actualOps.value(it.value()), expectedOps.value(it.key()));
    }
    auto eventOps = [](const QHash<QString, QJsonObject>& ops, const QHash<QString, QString>& idMap) {
        QList<QJsonObject> out;
        for (QJsonObject op : ops) {
            if (op.value(QStringLiteral("_entity")).toString() != QLatin1String("member_event"))
                continue;
            const QString member = op.value(QStringLiteral("member")).toString();
            op.insert(QStringLiteral("member"), idMap.value(member, member));
            out.append(op);
        }
        std::sort(out.begin(), out.end(), [](const QJsonObject& a, const QJsonObject& b) {
            return a.value(QStringLiteral("member")).toString() <
                   b.value(QStringLiteral("member")).toString();
        });
        return out;
    };
    QCOMPARE(eventOps(actualOps, {}), eventOps(expectedOps, bulkIdOf));

    // Name pieces: the same pieces for the same names.
    const QString pieces =
        QStringLiteral("SELECT g.gram, g.name, g.name_key, m.id_number FROM member_name_gram g "
                       "JOIN member m ON m.local_id = g.member_local_id "
                       "ORDER BY g.gram, m.id_number");
    const QList<QVariantMap> expectedPieces = rows(one.store(), pieces);
    QVERIFY(expectedPieces.size() > 2 * members.size());
    QCOMPARE(rows(bulk.store(), pieces), expectedPieces);
    // And the tally the roster counts from.
    const QString tally =
        QStringLiteral("SELECT status, employment_form, verified, n FROM member_tally ORDER BY 1, 2, 3");
    QCOMPARE(rows(bulk.store(), tally), rows(one.store(), tally));
}

void TstMemberBulkWriter::snapshotsCarryTheRecordAsItIsWhenPushed()
{
    TestStore t;
    QVERIFY(t.isValid());
    // Text JSON must escape, and the last character of Unicode.
    QStringList texts = kAwkwardText;
    texts << QString() << QString(QChar(0xDBFF)) + QChar(0xDFFF);
    QList<Member> members;
    {
        Transaction tx(t.store().connection());
        MemberBulkWriter writer(t.store(), t.scope(), TestStore::actor());
        QString error;
        QVERIFY2(writer.isReady(&error), qPrintable(error));
        for (int n = 0; n < texts.size(); ++n) {
            Member m = TestStore::sampleMember(400 + n, t.root().id);
            m.notes = texts.at(n);
            m.hardship = n % 2;
            MemberValidator::normaliseAndCheck(m);
            QVERIFY2(writer.add(m, &error), qPrintable(error));
            members.append(m);
        }
        QVERIFY2(writer.finish(&error) && tx.commit(&error), qPrintable(error));
    }
    // Changed after the import and before the push (as a pull or the member form would write it,
    // with its own operation); the first member's "joined" line is gone from the store.
    QSqlQuery change(t.store().connection());
    QVERIFY(change.exec(
        QStringLiteral("UPDATE member SET mobile = '13900000000' WHERE id = '%1'").arg(members.at(1).id)));
    QVERIFY(
        change.exec(QStringLiteral("DELETE FROM member_event WHERE member_id = '%1'").arg(members.at(0).id)));
    members[1].mobile = QStringLiteral("13900000000");

    QList<OutboxOperation> ops = Outbox(t.store().connection()).pending(1000);
    const qsizetype queued = ops.size();
    QCOMPARE(queued, scalarInt(t.store(), QStringLiteral("SELECT count(*) FROM outbox")));
    qsizetype snapshots = 0;
    for (const OutboxOperation& op : std::as_const(ops)) {
        if (op.entity == entity::Member || op.entity == entity::MemberEvent) {
            QVERIFY(op.snapshot && op.fields.isEmpty());
            ++snapshots;
        }
    }
    QCOMPARE(snapshots, 2 * members.size());
    QString error;
    QVERIFY2(sync::OutboxSnapshots(t.store().connection()).fill(&ops, &error), qPrintable(error));
    QCOMPARE(ops.size(), queued - 1);
    QCOMPARE(scalarInt(t.store(), QStringLiteral("SELECT count(*) FROM outbox")), int(queued - 1));
    int events = 0;
    for (const OutboxOperation& op : std::as_const(ops)) {
        if (op.entity == entity::MemberEvent) {
            ++events;
            QVERIFY(op.fields.value(QLatin1String("member")).toString() != members.at(0).id);
            QCOMPARE(op.fields.value(QLatin1String("kind")).toString(), QStringLiteral("joined"));
            continue;
        }
        if (op.entity != entity::Member)
            continue;
        const auto it = std::find_if(members.cbegin(), members.cend(),
                                     [&op](const Member& m) { return m.id == op.recordId; });
        QVERIFY(it != members.cend());
        QCOMPARE(op.fields, it->toFields());
    }
    QCOMPARE(events, members.size() - 1);
}

void TstMemberBulkWriter::refusesAnIdNumberStoredSinceTheCheck()
{
    TestStore t;
    QVERIFY(t.isValid());
    Member first = TestStore::sampleMember(300, t.root().id);
    QVERIFY2(t.addMember(first), qPrintable(t.error()));
    Member again = TestStore::sampleMember(300, t.root().id);
    again.name = QStringLiteral("另一个人");
    MemberValidator::normaliseAndCheck(again);
    Transaction tx(t.store().connection());
    MemberBulkWriter writer(t.store(), t.scope(), TestStore::actor());
    QString error;
    QVERIFY2(writer.isReady(&error), qPrintable(error));
    Member before = TestStore::sampleMember(301, t.root().id);
    Member after = TestStore::sampleMember(302, t.root().id);
    for (Member* m : {&before, &again, &after}) {
        MemberValidator::normaliseAndCheck(*m);
        QVERIFY2(writer.add(*m, &error), qPrintable(error));
    }
    QVERIFY(!writer.finish(&error));
    // The second member taken; the reason names who holds the number, as the member form says it.
    QCOMPARE(writer.refusedMember(), 1);
    QCOMPARE(writer.refusedIdNumber(), again.idNumber);
    QVERIFY2(error.contains(QStringLiteral("already belongs")) && error.contains(first.name),
             qPrintable(error));
    tx.rollback();
    QCOMPARE(scalarInt(t.store(), QStringLiteral("SELECT count(*) FROM member")), 1);
}

void TstMemberBulkWriter::movesChunksAndNamesTheRefusedMemberOfAnEarlierOne()
{
    TestStore t;
    QVERIFY(t.isValid());
    {
        // Chunks of seven: 40 members arrive in six moves and the rest at finish().
        Transaction tx(t.store().connection());
        MemberBulkWriter writer(t.store(), t.scope(), TestStore::actor());
        writer.setChunkSize(7);
        QString error;
        for (int n = 400; n < 440; ++n) {
            Member m = TestStore::sampleMember(n, t.root().id);
            MemberValidator::normaliseAndCheck(m);
            QVERIFY2(writer.add(m, &error), qPrintable(error));
        }
        QCOMPARE(scalarInt(t.store(), QStringLiteral("SELECT count(*) FROM member")), 35);
        QVERIFY2(writer.finish(&error) && tx.commit(&error), qPrintable(error));
    }
    QCOMPARE(scalarInt(t.store(), QStringLiteral("SELECT count(*) FROM member")), 40);
    QCOMPARE(scalarInt(t.store(), QStringLiteral("SELECT count(*) FROM member_event")), 40);
    QCOMPARE(
        scalarInt(t.store(), QStringLiteral("SELECT count(DISTINCT member_local_id) FROM member_name_gram")),
        40);
    // The outbox keeps each member's record before its event, in the order they were added.
    QCOMPARE(
        scalarInt(t.store(),
                  QStringLiteral("SELECT count(*) FROM outbox o JOIN member_event e ON e.id = o.record_id "
                                 "JOIN outbox p ON p.record_id = e.member_id WHERE p.seq = o.seq - 1")),
        40);

    // A number stored meanwhile is refused when its chunk moves: the refusal names that member (the
    // fourth of the chunk), though the member being added is a later one.
    Member holder = TestStore::sampleMember(503, t.root().id);
    QVERIFY2(t.addMember(holder), qPrintable(t.error()));
    Transaction tx(t.store().connection());
    MemberBulkWriter writer(t.store(), t.scope(), TestStore::actor());
    writer.setChunkSize(5);
    QString error;
    int failedAt = -1;
    for (int n = 500; n < 510 && failedAt < 0; ++n) {
        Member m = TestStore::sampleMember(n, t.root().id);
        MemberValidator::normaliseAndCheck(m);
        if (!writer.add(m, &error))
            failedAt = n - 500;
    }
    QCOMPARE(failedAt, 4);
    QCOMPARE(writer.refusedMember(), 3);
    QVERIFY2(error.contains(holder.name), qPrintable(error));
}

void TstMemberBulkWriter::refusesAnOrganisationOutsideTheScope()
{
    TestStore t;
    QVERIFY(t.isValid());
    const Organisation a = t.addOrganisation(QStringLiteral("甲厂工会"));
    const Organisation b = t.addOrganisation(QStringLiteral("乙厂工会"));
    QVERIFY(!a.id.isEmpty() && !b.id.isEmpty());
    Transaction tx(t.store().connection());
    MemberBulkWriter writer(t.store(), Scope(a.id, a.path), TestStore::actor());
    Member inside = TestStore::sampleMember(310, a.id);
    Member outside = TestStore::sampleMember(311, b.id);
    Member nowhere = TestStore::sampleMember(312, QStringLiteral("no-such-organisation"));
    for (Member* m : {&inside, &outside, &nowhere})
        MemberValidator::normaliseAndCheck(*m);
    QString error;
    QVERIFY2(writer.add(inside, &error), qPrintable(error));
    QVERIFY(!writer.add(outside, &error));
    QVERIFY2(error.contains(QStringLiteral("outside your organisation")), qPrintable(error));
    QVERIFY(!writer.add(nowhere, &error));
}

void TstMemberBulkWriter::recordIdsAreDistinctVersion4Uuids()
{
    const QRegularExpression form(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    QSet<QString> seen;
    auto make = [] {
        QStringList ids;
        for (int i = 0; i < 20000; ++i)
            ids.append(newRecordId());
        return ids;
    };
    // Two threads at once: each has its own generator, seeded apart.
    QFuture<QStringList> other = QtConcurrent::run(make);
    const QStringList here = make();
    const QStringList there = other.result();
    QSet<QChar> firstDigits;
    for (const QStringList* ids : {&here, &there}) {
        for (const QString& id : *ids) {
            QVERIFY2(form.match(id).hasMatch(), qPrintable(id));
            const QUuid uuid(id);
            QCOMPARE(uuid.version(), QUuid::Random);
            QCOMPARE(uuid.variant(), QUuid::DCE);
            QCOMPARE(uuid.toString(QUuid::WithoutBraces), id);
            seen.insert(id);
            firstDigits.insert(id.at(0));
        }
    }
    QCOMPARE(seen.size(), 40000);
    // The first eight digits are a transfer letter's code: they must be spread, not a clock.
    QCOMPARE(firstDigits.size(), 16);

    // Outbox operations and history events take ids that begin with the time, in order.
    const QRegularExpression timeOrdered(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QString previous;
    QSet<QString> ordered;
    for (int i = 0; i < 20000; ++i) {
        const QString id = newTimeOrderedId();
        QVERIFY2(timeOrdered.match(id).hasMatch(), qPrintable(id));
        const QString milliseconds = QString(id).remove(QLatin1Char('-')).left(12);
        QVERIFY2(milliseconds >= previous, qPrintable(id));
        previous = milliseconds;
        ordered.insert(id);
        if (i == 0)
            QVERIFY(milliseconds.toLongLong(nullptr, 16) >= before);
    }
    QCOMPARE(ordered.size(), 20000);
    QVERIFY(previous.toLongLong(nullptr, 16) <= QDateTime::currentMSecsSinceEpoch());
}

QTEST_GUILESS_MAIN(TstMemberBulkWriter)
#include "tst_memberbulkwriter.moc"
