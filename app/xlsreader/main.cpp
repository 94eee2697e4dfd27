// uniondesk-xls-reader [--password-stdin] PATH: reads a legacy .xls workbook with FreeXL and writes it
// to stdout for the program that started it (see IsolatedXlsReader); on failure, one line for the
// clerk on stderr and exit status 1, or 3 when the workbook needs a password and 4 when the one given
// does not open it. With --password-stdin the password is the first line of stdin (not an argument,
// which other users of the computer could read). A damaged file that crashes FreeXL ends only this
// process.

#include "io/FreeXlReader.h"
#include "io/WorkbookCodec.h"
#include "util/AppSettings.h"
#include "util/Language.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("UnionDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("UnionDesk"));
    // The language of the program that started this one, else the clerk's setting.
    const QString language = qEnvironmentVariable("UNIONDESK_LANGUAGE");
    ud::Language::install(
        app, language.isEmpty() ? ud::Language::resolve(ud::AppSettings::instance().language()) : language);
    QStringList arguments = QCoreApplication::arguments().mid(1);
    const bool passwordOnStdin = arguments.removeAll(QStringLiteral("--password-stdin")) > 0;
    if (arguments.size() != 1) {
        std::fputs("usage: uniondesk-xls-reader [--password-stdin] PATH\n", stderr);
        return 2;
    }
    ud::FreeXlReader reader;
    if (passwordOnStdin) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return 1;
        QByteArray line = in.readLine();
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        reader.setPassword(QString::fromUtf8(line));
    }
    ud::Workbook workbook;
    QString error;
    if (!reader.read(arguments.first(), &workbook, &error)) {
        std::fputs((error + QLatin1Char('\n')).toUtf8().constData(), stderr);
        switch (reader.passwordProblem()) {
        case ud::SheetReader::PasswordProblem::Needed:
            return 3;
        case ud::SheetReader::PasswordProblem::Wrong:
            return 4;
        case ud::SheetReader::PasswordProblem::None:
            return 1;
        }
        return 1;
    }
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 1;
    const QByteArray bytes = ud::WorkbookCodec::encode(workbook);
    return out.write(bytes) == bytes.size() && out.flush() ? 0 : 1;
}
