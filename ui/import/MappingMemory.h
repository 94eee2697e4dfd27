#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace ud {

class AppSettings;

// Column mappings the clerk corrected, remembered in the settings under the file's header texts
// (normalised: case, spaces and full-width forms do not matter), so next year's workbook with the
// same headers opens with the same choices.
class MappingMemory
{
public:
    explicit MappingMemory(AppSettings& settings);

    // The field of each column chosen last time for exactly these headers; nothing if none was kept.
    std::optional<QStringList> recall(const QStringList& headers) const;
    // Keeps `fieldsByColumn` for these headers; when it equals the automatic mapping the entry is
    // dropped instead (nothing was corrected, and a better automatic mapping should win later).
    void remember(const QStringList& headers, const QStringList& fieldsByColumn,
                  const QStringList& automatic);

    static QString keyFor(const QStringList& headers);

private:
    AppSettings& m_settings;
};

} // namespace ud
