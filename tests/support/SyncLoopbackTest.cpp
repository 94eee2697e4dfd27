#include "SyncLoopbackTest.h"

#include <QTest>

namespace ud::test {

void SyncLoopbackTest::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void SyncLoopbackTest::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_world = std::make_unique<SyncLoopback>(
        backend == QLatin1String("postgresql") ? SyncLoopback::Backend::Postgres
                                               : SyncLoopback::Backend::Sqlite,
        QStringLiteral(UNIONDESK_SERVER_PATH), QStringLiteral(UNIONDESK_CLI_PATH));
    QString error;
    QVERIFY2(m_world->setUp(&error), qPrintable(error));
}

void SyncLoopbackTest::cleanup()
{
    m_world.reset();
}

qint64 SyncLoopbackTest::pushed(const CliRun& run)
{
    return run.object().value(QLatin1String("pushed")).toInteger(-1);
}

qint64 SyncLoopbackTest::pulled(const CliRun& run)
{
    return run.object().value(QLatin1String("pulled")).toInteger(-1);
}

qint64 SyncLoopbackTest::conflicts(const CliRun& run)
{
    return run.object().value(QLatin1String("conflicts")).toInteger(-1);
}

} // namespace ud::test
