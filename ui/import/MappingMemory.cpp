#include "import/MappingMemory.h"

#include "domain/TextNormaliser.h"
#include "io/HeaderMap.h"
#include "util/AppSettings.h"

#include <QVariantMap>

namespace ud {

MappingMemory::MappingMemory(AppSettings& settings)
    : m_settings(settings)
{
}

QString MappingMemory::keyFor(const QStringList& headers)
{
    QStringList keys;
    for (const QString& header : headers) {
        QString k = TextNormaliser::normalise(header).toLower();
        k.removeIf([](QChar c) { return c.isSpace(); });
        keys.append(k);
    }
    // Trailing unnamed columns come and go with the data below the header: they do not count.
    while (!keys.isEmpty() && keys.constLast().isEmpty())
        keys.removeLast();
    return keys.join(QChar(u'|'));
}

std::optional<QStringList> MappingMemory::recall(const QStringList& headers) const
{
    const QVariantMap all = m_settings.value(AppSettings::Key::ImportMappings).toMap();
    const auto it = all.constFind(keyFor(headers));
    if (it == all.constEnd())
        return std::nullopt;
    const QStringList importable = HeaderMap::importableFields();
    QStringList fields = it->toStringList();
    for (QString& field : fields) {
        if (!field.isEmpty() && !importable.contains(field))
            field.clear(); // a field a later version no longer imports
    }
    return fields;
}

void MappingMemory::remember(const QStringList& headers, const QStringList& fieldsByColumn,
                             const QStringList& automatic)
{
    const QString key = keyFor(headers);
    if (key.isEmpty())
        return;
    QVariantMap all = m_settings.value(AppSettings::Key::ImportMappings).toMap();
    if (fieldsByColumn == automatic) {
        if (all.remove(key) == 0)
            return;
    } else {
        all.insert(key, fieldsByColumn);
    }
    m_settings.setValue(AppSettings::Key::ImportMappings, all);
}

} // namespace ud
