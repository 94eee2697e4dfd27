#pragma once

#include "CliRun.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ud::test {

// A command-line program run as its own process while the test's event loop keeps turning: a
// FaultProxy or a watch on a server in the test process goes on working while the test waits, and
// the test can kill the program at a moment of its choosing. (CliRun's runCli blocks the loop.)
class CliProcess
{
public:
    CliProcess(QString program, QProcessEnvironment environment, QString workingDirectory);
    ~CliProcess();
    CliProcess(const CliProcess&) = delete;
    CliProcess& operator=(const CliProcess&) = delete;

    // False when the program did not start.
    bool start(const QStringList& arguments);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    // Waits, serving events, until the program has ended; false on timeout (it is killed then).
    bool waitForFinished(int timeoutMs = 300'000);
    // SIGKILL, as a crash or a pulled plug would end it, and waits until it is gone.
    void kill();
    // What it printed and how it ended (exitCode -1 when it was killed or crashed).
    CliRun result();

    // start() and waitForFinished() in one.
    static CliRun run(const QString& program, const QStringList& arguments,
                      const QProcessEnvironment& environment, const QString& workingDirectory,
                      int timeoutMs = 300'000);

private:
    QString m_program;
    QString m_workingDirectory;
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
};

} // namespace ud::test
