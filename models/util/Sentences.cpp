#include "util/Sentences.h"

namespace ud {

QString joinSentences(const QStringList& sentences)
{
    QString out;
    for (const QString& sentence : sentences) {
        if (sentence.isEmpty())
            continue;
        if (!out.isEmpty() && out.back().unicode() < 0x3000)
            out.append(QLatin1Char(' '));
        out.append(sentence);
    }
    return out;
}

} // namespace ud
