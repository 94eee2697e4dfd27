#include "util/AppSettings.h"

#include <QCoreApplication>

namespace ud {

namespace {
struct Entry
{
    AppSettings::Key key;
    const char* name;
    QVariant defaultValue;
};

const Entry& entryFor(AppSettings::Key key)
{
    static const Entry entries[] = {
        {AppSettings::Key::Language, "ui/language", QStringLiteral("system")},
        {AppSettings::Key::LastStore, "store/last", QString()},
        {AppSettings::Key::MainWindowGeometry, "ui/mainWindowGeometry", QByteArray()},
        {AppSettings::Key::MainWindowState, "ui/mainWindowState", QByteArray()},
        {AppSettings::Key::RosterHeaderState, "ui/rosterHeaderState", QByteArray()},
        {AppSettings::Key::ActorName, "user/actorName", QString()},
        {AppSettings::Key::ImportMappings, "import/columnMappings", QVariantMap()},
        {AppSettings::Key::ExportColumns, "export/columns", QStringList()},
        {AppSettings::Key::ExportFolder, "export/folder", QString()},
    };
    for (const Entry& e : entries) {
        if (e.key == key)
            return e;
    }
    Q_UNREACHABLE();
}
} // namespace

AppSettings::AppSettings(const QString& fileName, QObject* parent)
    : QObject(parent)
    , m_settings(fileName.isEmpty() ? QSettings() : QSettings(fileName, QSettings::IniFormat))
{
}

QVariant AppSettings::value(Key key) const
{
    const Entry& e = entryFor(key);
    return m_settings.value(QLatin1String(e.name), e.defaultValue);
}

void AppSettings::setValue(Key key, const QVariant& value)
{
    m_settings.setValue(QLatin1String(entryFor(key).name), value);
    m_settings.sync();
    emit changed(key);
}

AppSettings& AppSettings::instance()
{
    static AppSettings settings;
    return settings;
}

} // namespace ud
