// uniondesk-xls-reader PATH: reads a legacy .xls workbook with FreeXL and writes it to stdout for
// the program that started it (see IsolatedXlsReader); on failure, one line for the clerk on stderr
// and exit status 1. A damaged file that crashes FreeXL ends only this process.

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
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 2) {
        std::fputs("usage: uniondesk-xls-reader PATH\n", stderr);
        return 2;
    }
    ud::Workbook workbook;
    QString error;
    if (!ud::FreeXlReader().read(arguments.at(1), &workbook, &error)) {
        std::fputs((error + QLatin1Char('\n')).toUtf8().constData(), stderr);
        return 1;
    }
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 1;
    const QByteArray bytes = ud::WorkbookCodec::encode(workbook);
    return out.write(bytes) == bytes.size() && out.flush() ? 0 : 1;
}
