#include "print/PdfTextLayer.h"

#include <QList>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

namespace ud {

namespace {

using CMap = QMap<int, QString>; // glyph (CID) → the text it stands for

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

QString fromUtf16Hex(const QByteArray& hex)
{
    QString text;
    for (qsizetype i = 0; i + 4 <= hex.size(); i += 4)
        text.append(QChar(char16_t(hex.mid(i, 4).toUInt(nullptr, 16))));
    return text;
}

QByteArray toUtf16Hex(const QString& text)
{
    QByteArray hex;
    for (const QChar c : text)
        hex += QByteArray::number(c.unicode(), 16).toUpper().rightJustified(4, '0');
    return hex;
}

// The bfrange and bfchar entries of a ToUnicode CMap as Qt writes them.
CMap parseCMap(const QByteArray& cmap)
{
    CMap map;
    static const QRegularExpression range(
        QStringLiteral("<([0-9A-Fa-f]{4})>\\s*<([0-9A-Fa-f]{4})>\\s*(?:<([0-9A-Fa-f]+)>|\\[([^\\]]*)\\])"));
    static const QRegularExpression hex(QStringLiteral("<([0-9A-Fa-f]+)>"));
    const QString text = QString::fromLatin1(cmap);
    const qsizetype start = text.indexOf(QLatin1String("endcodespacerange"));
    for (auto it = range.globalMatch(text, qMax<qsizetype>(start, 0)); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const int first = m.captured(1).toInt(nullptr, 16);
        const int last = m.captured(2).toInt(nullptr, 16);
        if (m.capturedLength(3) > 0) {
            // One destination, counting up along the range.
            const QString base = fromUtf16Hex(m.captured(3).toLatin1());
            for (int cid = first; cid <= last && !base.isEmpty(); ++cid) {
                QString value = base;
                value.back() = QChar(char16_t(value.back().unicode() + (cid - first)));
                map.insert(cid, value);
            }
        } else {
            int cid = first;
            for (auto values = hex.globalMatch(m.captured(4)); values.hasNext() && cid <= last; ++cid)
                map.insert(cid, fromUtf16Hex(values.next().captured(1).toLatin1()));
        }
    }
    return map;
}

QByteArray writeCMap(const CMap& map)
{
    QByteArray out = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                     "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                     "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                     "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    const QList<int> cids = map.keys();
    for (qsizetype block = 0; block < cids.size(); block += 100) {
        const qsizetype count = qMin<qsizetype>(100, cids.size() - block);
        out += QByteArray::number(count) + " beginbfchar\n";
        for (qsizetype i = block; i < block + count; ++i) {
            out += '<' + QByteArray::number(cids[i], 16).toUpper().rightJustified(4, '0') + "> <" +
                   toUtf16Hex(map.value(cids[i])) + ">\n";
        }
        out += "endbfchar\n";
    }
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
}

quint32 glyphOf(const QRawFont& font, char32_t c)
{
    const QList<quint32> glyphs = font.glyphIndexesForString(QString::fromUcs4(&c, 1));
    return glyphs.isEmpty() ? 0 : glyphs.constFirst();
}

} // namespace

bool PdfTextLayer::repair(QByteArray& pdf, const QRawFont& font, const QString& printed, QString* error)
{
    // The one composite font and its ToUnicode stream.
    static const QRegularExpression type0(
        QStringLiteral("/Subtype\\s*/Type0\\b[^>]*/ToUnicode\\s+(\\d+)\\s+0\\s+R"));
    const QString latin = QString::fromLatin1(pdf);
    QList<int> cmapObjects;
    for (auto it = type0.globalMatch(latin); it.hasNext();)
        cmapObjects.append(it.next().captured(1).toInt());
    if (cmapObjects.isEmpty())
        return printed.trimmed().isEmpty() || fail(error, tr("the PDF has no text layer to check."));
    if (cmapObjects.size() != 1)
        return fail(error, tr("the PDF uses more than one font; its text layer cannot be checked."));
    const int object = cmapObjects.constFirst();
    const QRegularExpression streamStart(
        QStringLiteral("\\n%1 0 obj\\s*<<\\s*/Length\\s+(\\d+)\\s*>>\\s*stream\\r?\\n").arg(object));
    const QRegularExpressionMatch stream = streamStart.match(latin);
    if (!stream.hasMatch())
        return fail(error, tr("the text layer of the PDF is not laid out as expected."));
    const CMap written = parseCMap(pdf.mid(stream.capturedEnd(), stream.captured(1).toLongLong()));

    // What was printed, and which glyph each character has in the font.
    QSet<char32_t> printedSet;
    QList<char32_t> beyondBmp; // in the order first drawn
    QMap<quint32, QList<char32_t>> byGlyph;
    for (const char32_t c : printed.toUcs4()) {
        if (printedSet.contains(c))
            continue;
        printedSet.insert(c);
        byGlyph[glyphOf(font, c)].append(c);
        if (c > 0xFFFF)
            beyondBmp.append(c);
    }

    CMap repaired;
    QSet<char32_t> placed;
    for (auto it = written.cbegin(); it != written.cend(); ++it) {
        const QList<uint> value = it.value().toUcs4();
        const char32_t mapped = value.isEmpty() ? 0 : char32_t(value.constFirst());
        if (it.key() == 0 || value.size() != 1 || printedSet.contains(mapped)) {
            repaired.insert(it.key(), it.value());
            placed.insert(mapped);
            continue;
        }
        // Qt chose another code point with the same glyph: find the one printed.
        const QList<char32_t> candidates = byGlyph.value(glyphOf(font, mapped));
        if (candidates.size() != 1) {
            return fail(
                error,
                tr("the PDF's text layer maps a glyph to U+%1, which the letter does not contain.")
                    .arg(QString::number(uint(mapped), 16).toUpper().rightJustified(4, QLatin1Char('0'))));
        }
        repaired.insert(it.key(), QString::fromUcs4(&candidates.constFirst(), 1));
        placed.insert(candidates.constFirst());
    }
    // The glyphs Qt left unmapped are those of the characters beyond U+FFFF not placed above.
    QList<char32_t> unmappedCharacters;
    for (const char32_t c : std::as_const(beyondBmp)) {
        if (!placed.contains(c))
            unmappedCharacters.append(c);
    }
    const int glyphCount = int(written.size() + unmappedCharacters.size());
    QList<int> unmappedGlyphs;
    for (int cid = 0; cid < glyphCount; ++cid) {
        if (!written.contains(cid))
            unmappedGlyphs.append(cid);
    }
    if (unmappedGlyphs.size() != unmappedCharacters.size() ||
        (!written.isEmpty() && written.lastKey() >= glyphCount)) {
        return fail(error, tr("the glyphs in the PDF do not match the letter's characters."));
    }
    for (qsizetype i = 0; i < unmappedGlyphs.size(); ++i)
        repaired.insert(unmappedGlyphs[i], QString::fromUcs4(&unmappedCharacters[i], 1));
    if (repaired == written)
        return true;

    // An incremental update: the new CMap under the same object number, an xref section for it,
    // and a trailer pointing back to the one Qt wrote.
    static const QRegularExpression trailerPattern(
        QStringLiteral("trailer\\s*<<(.*?)>>\\s*startxref\\s*(\\d+)"),
        QRegularExpression::DotMatchesEverythingOption);
    QRegularExpressionMatch trailer;
    for (auto it = trailerPattern.globalMatch(latin); it.hasNext();)
        trailer = it.next();
    if (!trailer.hasMatch())
        return fail(error, tr("the PDF has no trailer."));
    QString dictionary = trailer.captured(1).simplified();
    const qsizetype previousXref = trailer.captured(2).toLongLong();
    dictionary.remove(QRegularExpression(QStringLiteral("/Prev \\d+")));

    const QByteArray cmap = writeCMap(repaired);
    if (!pdf.endsWith('\n'))
        pdf += '\n';
    const qsizetype offset = pdf.size();
    pdf += QByteArray::number(object) + " 0 obj\n<< /Length " + QByteArray::number(cmap.size()) +
           " >>\nstream\n" + cmap + "endstream\nendobj\n";
    const qsizetype xref = pdf.size();
    pdf += "xref\n" + QByteArray::number(object) + " 1\n" +
           QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< " + dictionary.toLatin1() + " /Prev " + QByteArray::number(previousXref) +
           " >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return true;
}

} // namespace ud
