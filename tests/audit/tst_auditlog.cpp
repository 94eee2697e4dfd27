#include "TestStore.h"
#include "audit/AuditLog.h"
#include "members/RosterModel.h"
#include "store/Sql.h"

#include <QSqlQuery>
#include <QTest>

using namespace ud;
using ud::test::TestStore;

class TstAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void appendsAChain();
    void refusesUpdateAndDelete();
    void tamperingBehindSqlitesBackShows();
    void unmaskingTheRosterIsLogged();
};

namespace {

AuditEntry entry(const QString& action, const QString& detail)
{
    AuditEntry e;
    e.actor = QStringLiteral("张会计");
    e.action = action;
    e.entity = QStringLiteral("member");
    e.detail = detail;
    return e;
}

} // namespace

void TstAuditLog::appendsAChain()
{
    TestStore t;
    QVERIFY2(t.isValid(), qPrintable(t.error()));
    AuditLog log(t.store().connection());
    QCOMPARE(log.count(), 0);
    QString error;
    for (int i = 0; i < 5; ++i)
        QVERIFY2(log.append(entry(AuditLog::Export, QStringLiteral("第%1次导出").arg(i)), &error),
                 qPrintable(error));
    QCOMPARE(log.count(), 5);
    const QList<AuditEntry> entries = log.entries();
    QCOMPARE(entries.size(), 5);
    QCOMPARE(entries.first().seq, 5); // newest first
    QCOMPARE(entries.last().seq, 1);
    QVERIFY(entries.last().previousHash.isEmpty());
    for (int i = 0; i + 1 < entries.size(); ++i)
        QCOMPARE(entries[i].previousHash, entries[i + 1].hash);
    QCOMPARE(entries.first().detail, QStringLiteral("第4次导出"));
    QCOMPARE(entries.first().hash.size(), 64);
    QCOMPARE(log.firstBrokenEntry(), 0);
}

void TstAuditLog::refusesUpdateAndDelete()
{
    TestStore t;
    QVERIFY(t.isValid());
    AuditLog log(t.store().connection());
    QString error;
    QVERIFY(log.append(entry(AuditLog::Unmask, QStringLiteral("x")), &error));
    QVERIFY(!sql::run(t.store().connection(), QStringLiteral("UPDATE audit_log SET actor = 'someone else'"),
                      &error));
    QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
    QVERIFY(!sql::run(t.store().connection(), QStringLiteral("DELETE FROM audit_log"), &error));
    QCOMPARE(log.count(), 1);
    QCOMPARE(log.entries().first().actor, QStringLiteral("张会计"));
}

void TstAuditLog::tamperingBehindSqlitesBackShows()
{
    TestStore t;
    QVERIFY(t.isValid());
    const QSqlDatabase db = t.store().connection();
    AuditLog log(db);
    QString error;
    for (int i = 0; i < 4; ++i)
        QVERIFY(log.append(entry(AuditLog::Export, QString::number(i)), &error));
    // Someone who drops the trigger and edits a line.
    QVERIFY(sql::run(db, QStringLiteral("DROP TRIGGER audit_log_no_update"), &error));
    QVERIFY(sql::run(db, QStringLiteral("UPDATE audit_log SET actor = '李四' WHERE seq = 3"), &error));
    QCOMPARE(log.firstBrokenEntry(), 3);
    // ... or removes one.
    QVERIFY(sql::run(db, QStringLiteral("UPDATE audit_log SET actor = '张会计' WHERE seq = 3"), &error));
    QCOMPARE(log.firstBrokenEntry(), 0);
    QVERIFY(sql::run(db, QStringLiteral("DROP TRIGGER audit_log_no_delete"), &error));
    QVERIFY(sql::run(db, QStringLiteral("DELETE FROM audit_log WHERE seq = 2"), &error));
    QCOMPARE(log.firstBrokenEntry(), 3);
}

void TstAuditLog::unmaskingTheRosterIsLogged()
{
    TestStore t;
    QVERIFY(t.isValid());
    QVERIFY(!t.addMembers(t.root().id, 3).isEmpty());
    RosterModel model;
    model.setSource(t.store().connection(), t.scope());
    QCOMPARE(model.rowCount(), 3);
    const QString masked = model.index(0, RosterModel::IdNumberColumn).data().toString();
    QVERIFY(masked.contains(QLatin1Char('*')));

    QString error;
    QVERIFY(model.setUnmasked(true, QStringLiteral("王干事"), &error));
    QVERIFY(!model.index(0, RosterModel::IdNumberColumn).data().toString().contains(QLatin1Char('*')));
    AuditLog log(t.store().connection());
    QCOMPARE(log.count(), 1);
    QCOMPARE(log.entries().first().actor, QStringLiteral("王干事"));
    QCOMPARE(log.entries().first().action, AuditLog::Unmask);
    QCOMPARE(log.entries().first().recordId, t.root().id);
    // Masking again is not logged; unmasking again is.
    QVERIFY(model.setUnmasked(false, QStringLiteral("王干事")));
    QCOMPARE(log.count(), 1);

    // When the log cannot be written, the numbers stay masked.
    QVERIFY(sql::run(t.store().connection(), QStringLiteral("ALTER TABLE audit_log RENAME TO audit_log_gone"),
                     &error));
    QVERIFY(!model.setUnmasked(true, QStringLiteral("王干事"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!model.isUnmasked());
    QCOMPARE(model.index(0, RosterModel::IdNumberColumn).data().toString(), masked);
}

QTEST_GUILESS_MAIN(TstAuditLog)
#include "tst_auditlog.moc"
