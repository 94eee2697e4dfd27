#include "ServerProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

namespace ud::test {

ServerProcess::ServerProcess(QString program)
    : m_program(std::move(program))
{
}

ServerProcess::~ServerProcess()
{
    kill();
}

bool ServerProcess::start(const QString& databaseUrl, const QString& logFile,
                          const QProcessEnvironment& environment, QString* error)
{
    return start({QStringLiteral("--database"), databaseUrl, QStringLiteral("--listen"),
                  QStringLiteral("127.0.0.1:0")},
                 logFile, environment, error);
}

bool ServerProcess::start(const QStringList& arguments, const QString& logFile,
                          const QProcessEnvironment& environment, QString* error)
{
    m_logFile = logFile;
    m_baseUrl.clear();
    m_port = 0;
    m_process.setProcessEnvironment(environment);
    m_process.setStandardErrorFile(logFile, QIODevice::Append);
    m_process.start(m_program, arguments);
    if (!m_process.waitForStarted(10'000)) {
        *error = m_process.errorString();
        return false;
    }
    static const QRegularExpression line(QStringLiteral("^listening on (https?://127\\.0\\.0\\.1:(\\d+))$"));
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 30'000) {
        if (m_process.canReadLine() || m_process.waitForReadyRead(200)) {
            out += m_process.readLine();
            const QRegularExpressionMatch match = line.match(QString::fromUtf8(out).trimmed());
            if (match.hasMatch()) {
                m_baseUrl = match.captured(1);
                m_port = match.captured(2).toUShort();
                return true;
            }
        }
        if (m_process.state() == QProcess::NotRunning)
            break;
    }
    *error = QStringLiteral("no \"listening on\" line; stdout: %1 log: %2")
                 .arg(QString::fromUtf8(out + m_process.readAllStandardOutput()),
                      QString::fromUtf8(log().right(600)));
    kill();
    return false;
}

void ServerProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(10'000);
}

int ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    m_process.terminate();
    if (!m_process.waitForFinished(15'000)) {
        kill();
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QByteArray ServerProcess::log() const
{
    QFile file(m_logFile);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int ServerProcess::logLines(const QByteArray& fragment) const
{
    int count = 0;
    const QByteArray text = log();
    for (const QByteArray& l : text.split('\n')) {
        if (l.contains(fragment))
            ++count;
    }
    return count;
}

} // namespace ud::test
