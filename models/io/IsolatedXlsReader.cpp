#include "io/IsolatedXlsReader.h"

#include "io/WorkbookCodec.h"
#include "util/Language.h"
#include "util/LogCategories.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

namespace ud {

IsolatedXlsReader::IsolatedXlsReader(QString helperPath)
    : m_helperPath(std::move(helperPath))
{
}

QString IsolatedXlsReader::helperPath()
{
    const QString fromEnvironment = qEnvironmentVariable("UNIONDESK_XLS_READER");
    if (!fromEnvironment.isEmpty())
        return QFileInfo(fromEnvironment).isExecutable() ? fromEnvironment : QString();
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString& candidate : {here.filePath(QStringLiteral("uniondesk-xls-reader")),
                                     here.filePath(QStringLiteral("../bin/uniondesk-xls-reader"))}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

bool IsolatedXlsReader::read(const QString& path, Workbook* workbook, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const QString name = QFileInfo(path).fileName();
    QProcess reader;
    reader.setProgram(m_helperPath);
    QStringList arguments{QFileInfo(path).absoluteFilePath()};
    if (!password().isEmpty())
        arguments.prepend(QStringLiteral("--password-stdin"));
    reader.setArguments(arguments);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("UNIONDESK_LANGUAGE"), Language::current());
    reader.setProcessEnvironment(environment);
    reader.start(QIODevice::ReadWrite);
    if (!reader.waitForStarted(30'000))
        return fail(
            tr("%1: the reader for .xls files cannot be started (%2).").arg(name, reader.errorString()));
    if (!password().isEmpty())
        reader.write((password() + QLatin1Char('\n')).toUtf8());
    reader.closeWriteChannel();
    // Read as it comes: a large workbook would otherwise fill the pipe and stall the reader.
    QByteArray out;
    QElapsedTimer clock;
    clock.start();
    while (reader.state() != QProcess::NotRunning) {
        if (clock.elapsed() > 120'000) {
            reader.kill();
            reader.waitForFinished(5'000);
            return fail(
                tr("%1: reading the file took too long and was stopped. Open it in Excel or WPS, save "
                   "it as .xlsx and import that file.")
                    .arg(name));
        }
        reader.waitForReadyRead(200);
        out += reader.readAllStandardOutput();
    }
    out += reader.readAllStandardOutput();
    // The clerk's message is the helper's last line; log lines (QT_LOGGING_RULES turned on) come
    // before it and go to this program's log, not into the message.
    QStringList lines =
        QString::fromUtf8(reader.readAllStandardError()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QString message = lines.isEmpty() ? QString() : lines.takeLast().trimmed();
    for (const QString& line : std::as_const(lines))
        qCDebug(lcIo).noquote() << "uniondesk-xls-reader:" << line;
    if (reader.exitStatus() == QProcess::CrashExit) {
        qCWarning(lcIo) << "the .xls reader crashed on" << path;
        return fail(
            tr("%1: the file is damaged and cannot be read. Open it in Excel or WPS, save it as .xlsx "
               "and import that file.")
                .arg(name));
    }
    // The helper's exit status for a password it needs or that does not open the workbook.
    if (reader.exitCode() == 3 || reader.exitCode() == 4)
        return fail(
            passwordRefused(name, reader.exitCode() == 3 ? PasswordProblem::Needed : PasswordProblem::Wrong));
    if (reader.exitCode() != 0)
        return fail(message.isEmpty() ? tr("%1: the file cannot be read.").arg(name) : message);
    if (!WorkbookCodec::decode(out, workbook))
        return fail(tr("%1: the reader for .xls files gave an incomplete answer.").arg(name));
    return true;
}

} // namespace ud
