#pragma once

#include <QString>

namespace ud {

// Button text for an action whose menu text carries a mnemonic and an ellipsis. Qt drops the '&'
// on a tool button but keeps the rest, so a Chinese menu text shows as "新增会员(N)…" on the toolbar.
// "&New member…" → "New member", "新增会员(&N)…" → "新增会员", "A && B" → "A & B".
QString buttonText(const QString& menuText);

} // namespace ud
