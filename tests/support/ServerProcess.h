#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ud::test {

// One `uniondesk-server --database URL --listen 127.0.0.1:0` as its own process. Its request log
// (stderr) goes to a file: a busy server never stalls on a full pipe while the test waits on
// something else, the log of an instance killed and started again stays in one place, and a test
// can wait for a request to show up in it.
class ServerProcess
{
public:
    explicit ServerProcess(QString program);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Starts it and waits for its "listening on" line; false with the reason and what it printed.
    // The log file is appended to, never truncated.
    bool start(const QString& databaseUrl, const QString& logFile, const QProcessEnvironment& environment,
               QString* error);
    // The same with the whole command line given (TLS, other options); https when it serves TLS.
    bool start(const QStringList& arguments, const QString& logFile, const QProcessEnvironment& environment,
               QString* error);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    // SIGKILL: the server gets no chance to finish what it is doing. Waits until it is gone.
    void kill();
    // SIGTERM, then the exit code (-1 when it did not end by itself within 15 s).
    int stop();

    // http[s]://127.0.0.1:PORT of the running instance.
    QString baseUrl() const { return m_baseUrl; }
    quint16 port() const { return m_port; }
    qint64 processId() const { return m_process.processId(); }

    // The request log so far (of every run that used the same file).
    QByteArray log() const;
    // How many of its lines contain `fragment`, e.g. "\"path\":\"/api/v1/sync/push\"".
    int logLines(const QByteArray& fragment) const;

private:
    QString m_program;
    QString m_logFile;
    QProcess m_process;
    QString m_baseUrl;
    quint16 m_port = 0;
};

} // namespace ud::test
