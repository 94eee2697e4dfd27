#include "CliRun.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>

namespace ud::test {

QStringList CliRun::errLines() const
{
    QString text = err;
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    return text.isEmpty() ? QStringList() : text.split(QLatin1Char('\n'));
}

QString CliRun::describe() const
{
    return QStringLiteral("exit %1; stdout: %2; stderr: %3").arg(exitCode).arg(out.left(600), err.left(600));
}

QJsonObject CliRun::object() const
{
    return QJsonDocument::fromJson(out.toUtf8()).object();
}

QJsonArray CliRun::array() const
{
    return QJsonDocument::fromJson(out.toUtf8()).array();
}

QProcessEnvironment isolatedCliEnvironment(const QString& folder)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    for (const char* name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
        const QString path = QDir(folder).filePath(QString::fromLatin1(name).toLower());
        QDir().mkpath(path);
        environment.insert(QString::fromLatin1(name), path);
    }
    environment.insert(QStringLiteral("USER"), QStringLiteral("tester"));
    return environment;
}

CliRun runCli(const QStringList& arguments, const QProcessEnvironment& environment,
              const QString& workingDirectory, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(workingDirectory);
    process.start(QString::fromUtf8(UNIONDESK_CLI_PATH), arguments);
    CliRun r;
    if (!process.waitForStarted(10'000))
        return r;
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

} // namespace ud::test
