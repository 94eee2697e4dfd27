#include "common/Actor.h"

#include "util/AppSettings.h"

#include <QtGlobal>

namespace ud {

QString systemUserName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    if (name.isEmpty())
        name = QStringLiteral("clerk");
    return name;
}

QString currentActor()
{
    const QString configured =
        AppSettings::instance().value(AppSettings::Key::ActorName).toString().trimmed();
    return configured.isEmpty() ? systemUserName() : configured;
}

} // namespace ud
