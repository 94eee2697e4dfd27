#pragma once

#include <QString>
#include <QStringList>

namespace ud {

// The 56 ethnic groups of China by their official names (GB/T 3304), and what else the member
// registration form allows. Clerks write a group without 族 (汉, 维吾尔) as often as with it; the
// statistics count one name per group, so the name is made whole.
class Ethnicity
{
public:
    // The official name for `text` (汉 → 汉族, 汉族 → 汉族), or empty when it names no group.
    static QString normalised(const QString& text);
    static const QStringList& names();
};

} // namespace ud
