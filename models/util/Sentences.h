#pragma once

#include <QStringList>

namespace ud {

// Joins translated sentences into one message: with a space after an English full stop, directly
// after the full-width "。" of Chinese (where a space would show as a gap).
QString joinSentences(const QStringList& sentences);

} // namespace ud
