#include "CliProcess.h"

#include <QTest>

namespace ud::test {

CliProcess::CliProcess(QString program, QProcessEnvironment environment, QString workingDirectory)
    : m_program(std::move(program))
    , m_workingDirectory(std::move(workingDirectory))
{
    m_process.setProcessEnvironment(environment);
    m_process.setWorkingDirectory(m_workingDirectory);
}

CliProcess::~CliProcess()
{
    kill();
}

bool CliProcess::start(const QStringList& arguments)
{
    m_out.clear();
    m_err.clear();
    m_process.start(m_program, arguments);
    if (!m_process.waitForStarted(10'000))
        return false;
    m_process.closeWriteChannel();
    return true;
}

bool CliProcess::waitForFinished(int timeoutMs)
{
    // The pipes are drained while waiting: a program printing more than a pipe holds would
    // otherwise stall until the test reads.
    const bool finished = QTest::qWaitFor(
        [this] {
            m_out += m_process.readAllStandardOutput();
            m_err += m_process.readAllStandardError();
            return m_process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    if (!finished)
        kill();
    return finished;
}

void CliProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(10'000);
}

CliRun CliProcess::result()
{
    m_out += m_process.readAllStandardOutput();
    m_err += m_process.readAllStandardError();
    CliRun r;
    if (m_process.state() == QProcess::NotRunning && m_process.exitStatus() == QProcess::NormalExit &&
        m_process.error() != QProcess::FailedToStart)
        r.exitCode = m_process.exitCode();
    r.out = QString::fromUtf8(m_out);
    r.err = QString::fromUtf8(m_err);
    return r;
}

CliRun CliProcess::run(const QString& program, const QStringList& arguments,
                       const QProcessEnvironment& environment, const QString& workingDirectory, int timeoutMs)
{
    CliProcess process(program, environment, workingDirectory);
    if (!process.start(arguments))
        return {};
    process.waitForFinished(timeoutMs);
    return process.result();
}

} // namespace ud::test
