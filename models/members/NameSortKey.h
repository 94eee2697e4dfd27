#pragma once

#include <QByteArray>
#include <QString>

namespace ud {

// The order a Chinese clerk expects a roster in: by pinyin (阿, 白, 陈, 丁 …), as Excel and WPS sort
// names, not by code point. The key is ICU's collation key for Chinese, stored beside the name as
// a BLOB: SQLite compares BLOBs byte by byte, which for these keys is exactly the collation order,
// so an ordinary index serves "ORDER BY name_key" and keyset paging needs no custom collation.
class NameSortKey
{
public:
    static QByteArray of(const QString& name);
    // Identifies the collation the keys were made with; keys made by another ICU version may order
    // differently and are rebuilt when the store is opened (see Database::open).
    static QString collationVersion();
};

} // namespace ud
