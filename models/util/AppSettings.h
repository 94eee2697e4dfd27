#pragma once

#include <QObject>
#include <QSettings>
#include <QVariant>

namespace ud {

// The user's preferences, with every key and its default in one table (AppSettings.cpp) so that a
// typo cannot create a second, silently ignored setting. Emits changed() after a write.
class AppSettings : public QObject
{
    Q_OBJECT

public:
    enum class Key
    {
        Language,  // "system", "zh_CN" or "en"
        LastStore, // the data file opened last
        MainWindowGeometry,
        MainWindowState,
        RosterHeaderState,
        ActorName,      // how this clerk's edits are signed in history and sync
        ImportMappings, // column mappings the clerk corrected, keyed by a file's header texts
        ExportColumns,  // the roster export's chosen columns (field names); empty = all
        ExportFolder,   // where the last export was saved
    };
    Q_ENUM(Key)

    // `fileName` empty: the platform's usual place for the organisation/application name.
    explicit AppSettings(const QString& fileName = QString(), QObject* parent = nullptr);

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant& value);
    QString language() const { return value(Key::Language).toString(); }

    static AppSettings& instance();

signals:
    void changed(ud::AppSettings::Key key);

private:
    QSettings m_settings;
};

} // namespace ud
