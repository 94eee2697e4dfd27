#pragma once

#include "CliRun.h"
#include "SyncLoopback.h"

#include <QObject>

#include <memory>

// A CLI run that must succeed; its result stays in `var`.
#define CLI_OK(var, call)                                                                                    \
    const CliRun var = (call);                                                                               \
    QVERIFY2(var.exitCode == 0, qPrintable(var.describe()))

// The data file and the server agree in the account's scope, with nothing left to send.
#define CONVERGED(store, login)                                                                              \
    do {                                                                                                     \
        const QString divergence_ = m_world->divergence(store, login);                                       \
        QVERIFY2(divergence_.isEmpty(), qPrintable(divergence_));                                            \
    } while (false)

namespace ud::test {

// The base of the end-to-end loopback tests: each test function runs once on SQLite and once on a
// fresh PostgreSQL database (global data rows), in a SyncLoopback of its own set up before it
// (init) and torn down after it (cleanup). The programs are the ones UNIONDESK_SERVER_PATH and
// UNIONDESK_CLI_PATH name. The slots are protected, so QtTest runs them as init/cleanup without
// taking them for test functions, and a test may extend init.
class SyncLoopbackTest : public QObject
{
    Q_OBJECT

protected slots:
    void initTestCase_data();
    void init();
    void cleanup();

protected:
    bool isPostgres() const { return m_world->backend() == SyncLoopback::Backend::Postgres; }
    // The counts `uniondesk-cli sync --json` reports; -1 when the run printed none.
    static qint64 pushed(const CliRun& run);
    static qint64 pulled(const CliRun& run);
    static qint64 conflicts(const CliRun& run);

    std::unique_ptr<SyncLoopback> m_world;
};

} // namespace ud::test
