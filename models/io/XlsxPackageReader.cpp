#include "io/XlsxPackageReader.h"

#include "io/OrcusReader.h"

#include <QHash>
#include <QUrl>
#include <QXmlStreamReader>

#include <algorithm>

namespace ud {

namespace {

// The part a relationship of `source` points to: absolute targets from the package root, relative
// ones from the source part's folder, with ".." resolved. Targets are URIs: a part named in Chinese
// (花名册.xml) is written percent-encoded, as the packaging standard asks.
QString resolveTarget(const QString& source, const QString& uri)
{
    const QString target = uri.contains(QLatin1Char('%')) ? QUrl::fromPercentEncoding(uri.toUtf8()) : uri;
    QStringList path;
    if (!target.startsWith(QLatin1Char('/'))) {
        path = source.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (!path.isEmpty())
            path.removeLast();
    }
    const QStringList steps = target.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString& step : steps) {
        if (step == QLatin1String(".."))
            path.isEmpty() ? void() : path.removeLast();
        else if (step != QLatin1String("."))
            path.append(step);
    }
    return path.join(QLatin1Char('/'));
}

// The relationships part of `source`: xl/workbook.xml → xl/_rels/workbook.xml.rels.
QString relationshipsOf(const QString& source)
{
    const qsizetype slash = source.lastIndexOf(QLatin1Char('/'));
    return source.left(slash + 1) + QStringLiteral("_rels/") + source.mid(slash + 1) +
           QStringLiteral(".rels");
}

struct Relationship
{
    QString id;
    QString type; // the last word of the type URI: officeDocument, worksheet, sharedStrings …
    QString part;
};

QList<Relationship> relationships(const QByteArray& xml, const QString& source)
{
    QList<Relationship> out;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement || reader.name() != u"Relationship")
            continue;
        const QXmlStreamAttributes a = reader.attributes();
        if (a.value(QLatin1String("TargetMode")) == u"External")
            continue;
        const QString type = a.value(QLatin1String("Type")).toString();
        out.append({a.value(QLatin1String("Id")).toString(), type.mid(type.lastIndexOf(QLatin1Char('/')) + 1),
                    resolveTarget(source, a.value(QLatin1String("Target")).toString())});
    }
    return out;
}

bool isTrue(QStringView value)
{
    return value == u"1" || value == u"true";
}

// "B12" → row 11, column 1; false for anything else.
bool parseCellReference(QStringView ref, int* row, int* col)
{
    qsizetype i = 0;
    int c = 0;
    while (i < ref.size() && ref.at(i).isLetter() && c <= 16384)
        c = c * 26 + (ref.at(i++).toUpper().unicode() - 'A' + 1);
    bool ok = false;
    const int r = ref.mid(i).toInt(&ok);
    if (c < 1 || c > 16384 || !ok || r < 1 || r > 1048576)
        return false;
    *row = r - 1;
    *col = c - 1;
    return true;
}

int hexDigit(QChar c)
{
    if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
        return c.unicode() - '0';
    if (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
        return c.unicode() - 'a' + 10;
    if (c >= QLatin1Char('A') && c <= QLatin1Char('F'))
        return c.unicode() - 'A' + 10;
    return -1;
}

// The text of a <si> or an <is>: its <t> elements, phonetic runs (<rPh>) left out.
QString readRichText(QXmlStreamReader& xml, QStringView element, QString* struck = nullptr)
{
    QString text;
    int phonetic = 0;
    bool struckRun = false; // the run's properties strike it through
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == u"rPh") {
                ++phonetic;
            } else if (xml.name() == u"r") {
                struckRun = false;
            } else if (xml.name() == u"strike") {
                const QString val = xml.attributes().value(QLatin1String("val")).toString();
                struckRun = val.isEmpty() || val == u"1" || val == u"true";
            } else if (xml.name() == u"t" && phonetic == 0) {
                const QString run = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (struckRun && struck)
                    *struck += run;
                else
                    text += run;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (xml.name() == u"rPh")
                --phonetic;
            else if (xml.name() == element)
                break;
        }
    }
    if (struck)
        *struck = XlsxPackageReader::unescape(*struck);
    return XlsxPackageReader::unescape(text);
}

} // namespace

XlsxPackageReader::XlsxPackageReader(const QString& path)
    : m_zip(path)
{
    QString workbookPart = QStringLiteral("xl/workbook.xml");
    for (const Relationship& r : relationships(m_zip.part(QStringLiteral("_rels/.rels")), QString())) {
        if (r.type == QLatin1String("officeDocument"))
            workbookPart = r.part;
    }
    QHash<QString, QString> sheetParts; // relationship id → part
    for (const Relationship& r : relationships(m_zip.part(relationshipsOf(workbookPart)), workbookPart)) {
        if (r.type == QLatin1String("worksheet"))
            sheetParts.insert(r.id, r.part);
        else if (r.type == QLatin1String("sharedStrings"))
            m_sharedStringsPart = r.part;
        else if (r.type == QLatin1String("styles"))
            m_stylesPart = r.part;
    }
    QXmlStreamReader xml(m_zip.part(workbookPart));
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QXmlStreamAttributes attributes = xml.attributes();
        if (xml.name() == u"workbookPr" && !xml.namespaceUri().contains(u"microsoft.com")) {
            // Excel 2013 and later add <x15:workbookPr chartTrackingRefBase="1"/> in the extensions at
            // the end: it says nothing about the date system and must not undo date1904="1".
            m_date1904 = isTrue(attributes.value(QLatin1String("date1904")));
        } else if (xml.name() == u"calcPr") {
            m_fullCalcOnLoad = isTrue(attributes.value(QLatin1String("fullCalcOnLoad")));
        } else if (xml.name() == u"sheet") {
            SheetEntry sheet;
            sheet.name = attributes.value(QLatin1String("name")).toString();
            const QStringView state = attributes.value(QLatin1String("state"));
            sheet.hidden = state == u"hidden" || state == u"veryHidden";
            for (const QXmlStreamAttribute& a : attributes) {
                if (a.name() == u"id")
                    sheet.part = sheetParts.value(a.value().toString());
            }
            m_sheets.append(sheet);
        } else if (xml.name() == u"sheetData") {
            break; // a worksheet where the workbook should be
        }
    }
}

bool XlsxPackageReader::sharedStringsNeedReading() const
{
    if (m_sharedStringsPart.isEmpty())
        return false;
    if (m_sharedStringsBytes.isEmpty())
        m_sharedStringsBytes = m_zip.part(m_sharedStringsPart);
    const QByteArray& xml = m_sharedStringsBytes;
    for (const char* marker : {"<t/>", "></t>", "\"/>", "<si/>", "<si></si>", "<rPh", "_x", "<strike"}) {
        if (xml.contains(marker))
            return true;
    }
    return false;
}

QStringList XlsxPackageReader::sharedStrings(QHash<int, QString>* struck) const
{
    if (m_sharedStringsBytes.isEmpty())
        m_sharedStringsBytes = m_zip.part(m_sharedStringsPart);
    QStringList strings;
    QXmlStreamReader xml(m_sharedStringsBytes);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"si")
            continue;
        QString crossedOut;
        strings.append(readRichText(xml, u"si", &crossedOut));
        if (struck && !crossedOut.trimmed().isEmpty())
            struck->insert(static_cast<int>(strings.size() - 1), crossedOut);
    }
    m_sharedStringsBytes.clear(); // read once; the bytes are not needed again
    return strings;
}

QSet<int> XlsxPackageReader::struckFormats() const
{
    QSet<int> struckFonts;
    QSet<int> formats;
    int font = -1;
    int xf = 0;
    bool inFonts = false;
    bool inCellXfs = false;
    const QByteArray styles = m_zip.part(m_stylesPart);
    if (!styles.contains("<strike") && !styles.contains(":strike"))
        return formats;
    QXmlStreamReader xml(styles);
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            if (xml.name() == u"fonts")
                inFonts = false;
            else if (xml.name() == u"cellXfs")
                inCellXfs = false;
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QXmlStreamAttributes a = xml.attributes();
        if (xml.name() == u"fonts") {
            inFonts = true;
        } else if (inFonts && xml.name() == u"font") {
            ++font;
        } else if (inFonts && xml.name() == u"strike") {
            const QStringView val = a.value(QLatin1String("val"));
            if (val.isEmpty() || val == u"1" || val == u"true")
                struckFonts.insert(font);
        } else if (xml.name() == u"cellXfs") {
            inCellXfs = true;
        } else if (inCellXfs && xml.name() == u"xf") {
            if (struckFonts.contains(a.value(QLatin1String("fontId")).toInt()))
                formats.insert(xf);
            ++xf;
        }
    }
    return formats;
}

QSet<int> XlsxPackageReader::dateFormats() const
{
    QHash<int, QString> codes; // numFmtId → format code
    QSet<int> dates;
    int xf = 0;
    bool inCellXfs = false;
    QXmlStreamReader xml(m_zip.part(m_stylesPart));
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::EndElement && xml.name() == u"cellXfs")
            inCellXfs = false;
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QXmlStreamAttributes a = xml.attributes();
        if (xml.name() == u"numFmt") {
            codes.insert(a.value(QLatin1String("numFmtId")).toInt(),
                         a.value(QLatin1String("formatCode")).toString());
        } else if (xml.name() == u"cellXfs") {
            inCellXfs = true;
        } else if (inCellXfs && xml.name() == u"xf") {
            const int id = a.value(QLatin1String("numFmtId")).toInt();
            if (OrcusReader::isDateFormat(static_cast<size_t>(id), codes.value(id)))
                dates.insert(xf);
            ++xf;
        }
    }
    return dates;
}

void XlsxPackageReader::readCells(const QByteArray& part, Cells which, const QStringList& strings,
                                  const std::function<void(int, int, const SheetCell&, int)>& take)
{
    QXmlStreamReader xml(part);
    int row = -1;
    int col = -1;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.name();
        if (name == u"row") {
            bool ok = false;
            const int r = xml.attributes().value(QLatin1String("r")).toInt(&ok);
            row = ok && r >= 1 ? r - 1 : std::min(row + 1, 1048576);
            col = -1;
            continue;
        }
        if (name != u"c")
            continue;
        const QXmlStreamAttributes attributes = xml.attributes();
        int r = 0;
        int c = 0;
        if (parseCellReference(attributes.value(QLatin1String("r")), &r, &c)) {
            row = r;
            col = c;
        } else {
            col = std::min(col + 1, 16384);
        }
        const QString type = attributes.value(QLatin1String("t")).toString();
        const int xf = attributes.value(QLatin1String("s")).toInt();
        // A text cell written as a formula's text result without the formula (t="str" and no <f>),
        // as SheetJS and exceljs's streaming writer store every text, is dropped by liborcus too.
        const bool missed = type == QLatin1String("inlineStr") || type == QLatin1String("d") ||
                            type == QLatin1String("e") || type == QLatin1String("str");
        if (which == Cells::MissedByLiborcus && !missed && type != QLatin1String("s")) {
            xml.skipCurrentElement();
            continue;
        }
        QString value;
        QString inlineText;
        bool formula = false;
        while (!xml.atEnd()) {
            const QXmlStreamReader::TokenType token = xml.readNext();
            if (token == QXmlStreamReader::EndElement && xml.name() == u"c")
                break;
            if (token != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == u"v")
                value = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            else if (xml.name() == u"is")
                inlineText = readRichText(xml, u"is");
            else {
                formula = formula || xml.name() == u"f";
                xml.skipCurrentElement(); // <f>, <extLst>
            }
        }
        if (row < 0 || row >= 1048576 || col < 0 || col >= 16384)
            continue;
        if (which == Cells::MissedByLiborcus && !missed && !formula)
            continue; // a shared string liborcus read
        SheetCell cell;
        if (formula && value.isEmpty() && type != QLatin1String("str")) {
            cell = SheetCell::fromUncalculatedFormula();
        } else if (type == QLatin1String("inlineStr")) {
            cell = SheetCell::fromText(inlineText);
        } else if (type == QLatin1String("d")) {
            const QDate date = QDate::fromString(value.left(10), Qt::ISODate);
            cell = date.isValid() ? SheetCell::fromDate(date) : SheetCell::fromText(value);
        } else if (type == QLatin1String("e") || type == QLatin1String("str")) {
            cell = SheetCell::fromText(unescape(value));
        } else if (type == QLatin1String("s")) {
            bool ok = false;
            const int index = value.toInt(&ok);
            if (ok && index >= 0 && index < strings.size())
                cell = SheetCell::fromText(strings.at(index));
        } else if (type == QLatin1String("b")) {
            cell = SheetCell::fromBoolean(isTrue(value));
        } else if (!value.isEmpty()) {
            bool ok = false;
            const double number = value.toDouble(&ok);
            cell = ok ? SheetCell::fromNumber(number) : SheetCell::fromText(value);
        }
        if (cell.type != SheetCell::Type::Empty || cell.uncalculatedFormula)
            take(row, col, cell, xf);
    }
}

QSet<int> XlsxPackageReader::hiddenRows(const QByteArray& part)
{
    QSet<int> hidden;
    if (!part.contains("hidden=") && !part.contains("ht=\"0\""))
        return hidden;
    QXmlStreamReader xml(part);
    int row = -1;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"row")
            continue;
        const QXmlStreamAttributes attributes = xml.attributes();
        bool ok = false;
        const int r = attributes.value(QLatin1String("r")).toInt(&ok);
        row = ok && r >= 1 ? r - 1 : std::min(row + 1, 1048575);
        if (isTrue(attributes.value(QLatin1String("hidden"))) ||
            attributes.value(QLatin1String("ht")) == u"0")
            hidden.insert(row);
        xml.skipCurrentElement();
    }
    return hidden;
}

QSet<int> XlsxPackageReader::hiddenColumns(const QByteArray& part)
{
    QSet<int> hidden;
    // <cols> comes before <sheetData>: only the head of the part is read.
    const qsizetype data = part.indexOf("sheetData");
    const QByteArray head = data < 0 ? part : part.left(data);
    if (!head.contains("cols") || (!head.contains("hidden=") && !head.contains("width=\"0\"")))
        return hidden;
    QXmlStreamReader xml(head);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"col")
            continue;
        const QXmlStreamAttributes attributes = xml.attributes();
        const QStringView width = attributes.value(QLatin1String("width"));
        bool widthOk = false;
        const bool zeroWide = !width.isEmpty() && width.toDouble(&widthOk) == 0.0 && widthOk;
        if (!isTrue(attributes.value(QLatin1String("hidden"))) && !zeroWide)
            continue;
        bool minOk = false;
        bool maxOk = false;
        const int first = attributes.value(QLatin1String("min")).toInt(&minOk);
        const int last = attributes.value(QLatin1String("max")).toInt(&maxOk);
        if (!minOk || !maxOk || first < 1)
            continue;
        // A hidden run to the sheet's last column (16,384) holds no roster beyond its first columns.
        for (int c = first; c <= std::min(last, first + 255); ++c)
            hidden.insert(c - 1);
    }
    return hidden;
}

QList<CellRange> XlsxPackageReader::mergedRanges(const QByteArray& part)
{
    QList<CellRange> ranges;
    if (!part.contains("<mergeCell "))
        return ranges;
    QXmlStreamReader xml(part);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"mergeCell")
            continue;
        const QStringView ref = xml.attributes().value(QLatin1String("ref"));
        const qsizetype colon = ref.indexOf(QLatin1Char(':'));
        CellRange range;
        if (colon > 0 && parseCellReference(ref.left(colon), &range.firstRow, &range.firstColumn) &&
            parseCellReference(ref.mid(colon + 1), &range.lastRow, &range.lastColumn))
            ranges.append(range);
    }
    return ranges;
}

QString XlsxPackageReader::unescape(const QString& text)
{
    qsizetype at = text.indexOf(QLatin1String("_x"));
    if (at < 0)
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype from = 0;
    for (; at >= 0 && at + 7 <= text.size(); at = text.indexOf(QLatin1String("_x"), at + 1)) {
        if (at < from || text.at(at + 6) != QLatin1Char('_'))
            continue;
        int code = 0;
        for (qsizetype i = at + 2; i < at + 6 && code >= 0; ++i) {
            const int digit = hexDigit(text.at(i));
            code = digit < 0 ? -1 : code * 16 + digit;
        }
        if (code < 0)
            continue;
        out += QStringView(text).mid(from, at - from);
        out += QChar(static_cast<char16_t>(code));
        from = at + 7;
    }
    out += QStringView(text).mid(from);
    return out;
}

} // namespace ud
