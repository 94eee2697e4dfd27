#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace ud {

// Chooses and installs the interface language. UnionDesk speaks Simplified Chinese first: the
// system locale decides between Chinese and English, and any other locale gets Chinese.
class Language
{
public:
    // "zh_CN" or "en" for a setting of "system", "zh_CN" or "en" and the given system locale.
    static QString resolve(const QString& setting, const QLocale& system = QLocale::system());
    // Installs UnionDesk's and Qt's own translations for `language` ("zh_CN" or "en").
    static bool install(QCoreApplication& app, const QString& language);
    // The language install() put in place: "zh_CN" or "en", the source language, before any. Helper
    // processes are started in it (uniondesk-xls-reader reads UNIONDESK_LANGUAGE), so that their
    // messages speak the language of the program that shows them.
    static QString current();
};

} // namespace ud
