#include "util/Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace ud {

QString Language::resolve(const QString& setting, const QLocale& system)
{
    if (setting == QLatin1String("zh_CN") || setting == QLatin1String("en"))
        return setting;
    return system.language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("zh_CN");
}

namespace {

QString& installedLanguage()
{
    static QString language = QStringLiteral("en");
    return language;
}

} // namespace

QString Language::current()
{
    return installedLanguage();
}

bool Language::install(QCoreApplication& app, const QString& language)
{
    if (language != QLatin1String("zh_CN"))
        return true; // English is the source language
    installedLanguage() = language;
    auto* ours = new QTranslator(&app);
    const bool loaded = ours->load(QStringLiteral(":/i18n/uniondesk_zh_CN.qm"));
    if (loaded)
        QCoreApplication::installTranslator(ours);
    // Qt's own strings (standard buttons, context menus) from Debian's qt6-translations-l10n.
    auto* qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    return loaded;
}

} // namespace ud
