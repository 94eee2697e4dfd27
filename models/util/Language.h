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
};

} // namespace ud
