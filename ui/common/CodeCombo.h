#pragma once

#include <QString>

class QComboBox;

namespace ud {

class CodeList;

// Combo boxes over the code lists of domain/CodeList.h: the item text is the translated label and
// the item data is the key that is stored.
namespace codecombo {

// Fills `combo` with the codes of `list`; with a non-null `emptyText` the first item stands for
// "none" or "any" (its key is the empty string).
void fill(QComboBox* combo, const CodeList& list, const QString& emptyText = QString(),
          bool withEmpty = false);
QString key(const QComboBox* combo);
// Selects the item with `key`; an unknown non-empty key is added so that nothing is lost.
void setKey(QComboBox* combo, const QString& key);

} // namespace codecombo

} // namespace ud
