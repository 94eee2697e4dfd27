#include "common/ActionText.h"

#include <QRegularExpression>

namespace ud {

QString buttonText(const QString& menuText)
{
    // The Chinese (and Japanese, Korean) form: the mnemonic in brackets after the text, "(&N)".
    static const QRegularExpression bracketed(QStringLiteral("\\s*[(（]&[^&][)）]"));
    QString text = menuText;
    text.remove(bracketed);
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('&'))
                out += text.at(++i);
            continue;
        }
        out += text.at(i);
    }
    out = out.trimmed();
    if (out.endsWith(QChar(0x2026)))
        out.chop(1);
    else if (out.endsWith(QLatin1String("...")))
        out.chop(3);
    return out.trimmed();
}

} // namespace ud
