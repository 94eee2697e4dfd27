#include "io/OdsContentReader.h"

#include "io/ZeroPaddedFormat.h"

#include <QRegularExpression>
#include <QXmlStreamReader>

#include <algorithm>
#include <cctype>
#include <optional>

namespace ud {

namespace {

// The attribute named `name` in whatever namespace (style:family, table:display, …).
QStringView localAttribute(const QXmlStreamAttributes& attributes, QStringView name)
{
    for (const QXmlStreamAttribute& a : attributes) {
        if (a.name() == name)
            return a.value();
    }
    return {};
}

int repeat(const QXmlStreamAttributes& attributes, QStringView name)
{
    bool ok = false;
    const int n = localAttribute(attributes, name).toInt(&ok);
    return ok && n > 0 ? n : 1;
}

// A sheet's size, and the most cells worth correcting (repeated rows and columns count each).
constexpr int kRows = 1048576;
constexpr int kColumns = 16384;
constexpr qsizetype kMostCells = 1'000'000;
constexpr int kMostRepeatedHiddenRows = 10'000;

bool isTable(const QXmlStreamReader& xml)
{
    return xml.name() == u"table" && xml.namespaceUri().contains(u"opendocument:xmlns:table");
}

// One paragraph's text; a <text:line-break/> is a new line, <text:s text:c="3"/> three spaces.
QString paragraphText(QXmlStreamReader& xml, bool* lineBreak, bool* spaced)
{
    QString text;
    int depth = 1;
    while (depth > 0 && !xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::Characters) {
            text += xml.text();
        } else if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (xml.name() == u"line-break") {
                text += QLatin1Char('\n');
                *lineBreak = true;
            } else if (xml.name() == u"s") {
                // No more than a cell can hold (32,767 characters in Excel), whatever the file says.
                text += QString(std::min(repeat(xml.attributes(), u"c"), 32767), QLatin1Char(' '));
                *spaced = true;
            } else if (xml.name() == u"tab") {
                text += QLatin1Char('\t');
                *spaced = true;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            --depth;
        }
    }
    return text;
}

// What a cell's value says where liborcus reads something else: a true/false value, and a formula's
// result other than a number (which liborcus reads). A text result without office:string-value comes
// as an Empty cell, its paragraphs being the text.
std::optional<SheetCell> valueLiborcusMisses(const QXmlStreamAttributes& attributes)
{
    const QStringView type = localAttribute(attributes, u"value-type");
    if (type == u"boolean")
        return SheetCell::fromBoolean(localAttribute(attributes, u"boolean-value").trimmed() == u"true");
    // liborcus drops percentages, amounts of money and times: the clerk's 35% and ¥120 are read as
    // they show (their paragraph), a time of day as one (a date column then says it is a time).
    if (type == u"percentage" || type == u"currency")
        return SheetCell();
    if (type == u"time") {
        static const QRegularExpression duration(QStringLiteral("^-?PT(\\d+)H(\\d+)M(\\d+(?:[.,]\\d+)?)S$"));
        const QRegularExpressionMatch m = duration.match(localAttribute(attributes, u"time-value"));
        if (!m.hasMatch() || m.captured(1).toInt() >= 24)
            return SheetCell();
        SheetCell time = SheetCell::fromDate(QDate(1899, 12, 30));
        time.number =
            (m.captured(1).toInt() * 3600 + m.captured(2).toInt() * 60 + m.captured(3).toDouble()) / 86400.0;
        time.text.clear(); // the paragraph, as it shows
        return time;
    }
    if (localAttribute(attributes, u"formula").isEmpty())
        return std::nullopt;
    if (type == u"string") {
        // An error (LibreOffice adds calcext:value-type="error") shows as its paragraph, #N/A, as
        // Excel's error cells are read; the string value it writes then is empty.
        std::optional<SheetCell> text;
        for (const QXmlStreamAttribute& a : attributes) {
            if (a.name() == u"value-type" && a.value() == u"error")
                return SheetCell();
            if (a.name() == u"string-value")
                text = SheetCell::fromText(a.value().toString());
        }
        return text.value_or(SheetCell());
    }
    if (type == u"date") {
        // 2020-01-05, or with the time (and a zone): the day is what a roster keeps.
        const QDate date =
            QDate::fromString(localAttribute(attributes, u"date-value").left(10).toString(), Qt::ISODate);
        if (date.isValid())
            return SheetCell::fromDate(date);
    }
    return std::nullopt;
}

// A whole number a format of zeros shows as 012345 or HY00123 (a card number as the clerk sees it): its
// paragraph, as text. Nothing for any other cell.
std::optional<SheetCell> shownWithZeros(const QXmlStreamAttributes& attributes, const QStringList& paragraphs)
{
    if (paragraphs.size() != 1 || localAttribute(attributes, u"value-type") != u"float" ||
        !localAttribute(attributes, u"formula").isEmpty())
        return std::nullopt;
    bool ok = false;
    const double number = localAttribute(attributes, u"value").toDouble(&ok);
    if (!ok || !ZeroPaddedFormat::holdsWhole(number))
        return std::nullopt;
    const QString shown = paragraphs.first().trimmed(); // 000000_ leaves a space after the digits
    const QString digits = QString::number(static_cast<qint64>(number));
    if (!shown.endsWith(digits))
        return std::nullopt;
    const QStringView before = QStringView(shown).left(shown.size() - digits.size());
    qsizetype zerosFrom = before.size();
    while (zerosFrom > 0 && before.at(zerosFrom - 1) == QLatin1Char('0'))
        --zerosFrom;
    // At least one leading zero, after a prefix without digits (not 1,234 or 2020-01).
    if (zerosFrom == before.size() ||
        std::any_of(before.cbegin(), before.cbegin() + zerosFrom, [](QChar ch) { return ch.isDigit(); }))
        return std::nullopt;
    return SheetCell::fromText(shown);
}

} // namespace

QSet<int> OdsContentReader::hiddenTables() const
{
    QSet<int> hidden;
    QSet<QString> hiddenStyles;
    QString style;
    int table = 0;
    QXmlStreamReader xml(m_content);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        // The styles come before the body, which holds every cell: without a hidden table style
        // there is nothing to find in it.
        if (xml.name() == u"body" && hiddenStyles.isEmpty())
            break;
        const QXmlStreamAttributes attributes = xml.attributes();
        if (xml.name() == u"style" && localAttribute(attributes, u"family") == u"table") {
            style = localAttribute(attributes, u"name").toString();
        } else if (xml.name() == u"table-properties" && localAttribute(attributes, u"display") == u"false") {
            hiddenStyles.insert(style);
        } else if (isTable(xml)) {
            if (hiddenStyles.contains(localAttribute(attributes, u"style-name").toString()))
                hidden.insert(table);
            ++table;
            xml.skipCurrentElement();
        }
    }
    return hidden;
}

QHash<int, QSet<int>> OdsContentReader::hiddenRows() const
{
    QHash<int, QSet<int>> hidden;
    if (!m_content.contains("table:visibility=\"collapse\"") &&
        !m_content.contains("table:visibility=\"filter\""))
        return hidden;
    QXmlStreamReader xml(m_content);
    int table = -1;
    int row = 0;
    qsizetype count = 0; // in this table
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (isTable(xml)) {
            ++table;
            row = 0;
            count = 0;
            continue;
        }
        if (xml.name() != u"table-row")
            continue;
        const QXmlStreamAttributes attributes = xml.attributes();
        const int rows = std::min(repeat(attributes, u"number-rows-repeated"), kRows - row);
        const QStringView visibility = localAttribute(attributes, u"visibility");
        // A sheet hidden below its last member repeats one empty hidden row a million times: such
        // a run holds no member and is passed over.
        if ((visibility == u"collapse" || visibility == u"filter") && rows <= kMostRepeatedHiddenRows) {
            for (int r = row; r < row + rows && count < kMostCells; ++r, ++count)
                hidden[table].insert(r);
        }
        row += rows;
        xml.skipCurrentElement();
    }
    return hidden;
}

QHash<int, QSet<int>> OdsContentReader::hiddenColumns() const
{
    QHash<int, QSet<int>> hidden;
    if (!m_content.contains("table:visibility=\"collapse\""))
        return hidden;
    QXmlStreamReader xml(m_content);
    int table = -1;
    int column = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (isTable(xml)) {
            ++table;
            column = 0;
            continue;
        }
        if (xml.name() == u"table-row") {
            // The columns come before the rows.
            xml.skipCurrentElement();
            continue;
        }
        if (xml.name() != u"table-column")
            continue;
        const QXmlStreamAttributes attributes = xml.attributes();
        const int columns = std::min(repeat(attributes, u"number-columns-repeated"), 16384 - column);
        // A run to the sheet's last column holds no roster beyond its first columns.
        if (localAttribute(attributes, u"visibility") == u"collapse") {
            for (int c = column; c < column + std::min(columns, 256); ++c)
                hidden[table].insert(c);
        }
        column += columns;
        xml.skipCurrentElement();
    }
    return hidden;
}

bool OdsContentReader::mayShowZeros() const
{
    // A number style of two or more integer digits (000000), in either part; found in the bytes, as
    // LibreOffice writes min-integer-digits="1" into every file.
    const QByteArray attribute("min-integer-digits=\"");
    for (const QByteArray* part : {&m_content, &m_styles}) {
        for (qsizetype at = part->indexOf(attribute); at >= 0; at = part->indexOf(attribute, at + 1)) {
            qsizetype end = at + attribute.size();
            while (end < part->size() && std::isdigit(static_cast<unsigned char>(part->at(end))))
                ++end;
            if (part->mid(at + attribute.size(), end - at - attribute.size()).toInt() >= 2)
                return true;
        }
    }
    return false;
}

bool OdsContentReader::mayHoldMisreadCells() const
{
    if (mayShowZeros())
        return true;
    // Spaces written as <text:s/> (every space after the first of a run, and one leading or trailing)
    // and tabs are dropped by liborcus: "上海浦东新区  A公司" would become "上海浦东新区A公司".
    if (m_content.contains("<text:line-break") || m_content.contains("<office:annotation") ||
        m_content.contains("office:boolean-value=") || m_content.contains("table:formula=") ||
        m_content.contains("office:value-type=\"percentage\"") ||
        m_content.contains("office:value-type=\"currency\"") ||
        m_content.contains("office:value-type=\"time\"") || m_content.contains("<text:s/>") ||
        m_content.contains("<text:s ") || m_content.contains("<text:tab"))
        return true;
    // A paragraph followed by another, whitespace between them allowed.
    const QByteArray end("</text:p>");
    for (qsizetype at = m_content.indexOf(end); at >= 0; at = m_content.indexOf(end, at + 1)) {
        qsizetype next = at + end.size();
        while (next < m_content.size() && std::isspace(static_cast<unsigned char>(m_content.at(next))))
            ++next;
        if (m_content.mid(next, 7) == "<text:p")
            return true;
    }
    return false;
}

QList<OdsContentReader::Cell> OdsContentReader::misreadCells() const
{
    QList<Cell> cells;
    if (!mayHoldMisreadCells())
        return cells;
    const bool zeros = mayShowZeros();
    QXmlStreamReader xml(m_content);
    int table = -1;
    int row = 0;
    int column = 0;
    int rowRepeat = 1;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            if (xml.name() == u"table-row")
                row = std::min(row + rowRepeat, kRows);
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString(); // compared again after more reading
        if (isTable(xml)) {
            ++table;
            row = 0;
        } else if (name == u"table-row") {
            rowRepeat = std::min(repeat(xml.attributes(), u"number-rows-repeated"), kRows - row);
            column = 0;
        } else if (name == u"table-cell" || name == u"covered-table-cell") {
            const QXmlStreamAttributes attributes = xml.attributes();
            const int columns = std::min(repeat(attributes, u"number-columns-repeated"), kColumns - column);
            const std::optional<SheetCell> result = valueLiborcusMisses(attributes);
            QStringList paragraphs;
            bool lineBreak = false;
            bool spaced = false; // a <text:s/> or <text:tab/>
            bool annotated = false;
            while (!xml.atEnd()) {
                const QXmlStreamReader::TokenType inner = xml.readNext();
                if (inner == QXmlStreamReader::EndElement && xml.name() == name)
                    break;
                if (inner != QXmlStreamReader::StartElement)
                    continue;
                if (xml.name() == u"p" || xml.name() == u"h")
                    paragraphs.append(paragraphText(xml, &lineBreak, &spaced));
                else if (xml.name() == u"annotation") {
                    annotated = true; // a comment, with paragraphs of its own
                    xml.skipCurrentElement();
                } else {
                    xml.skipCurrentElement();
                }
            }
            std::optional<SheetCell> value = result;
            // A text result is written as the cell's paragraphs when not as office:string-value.
            if (value && value->type == SheetCell::Type::Empty)
                value = SheetCell::fromText(paragraphs.join(QLatin1Char('\n')));
            else if (value && value->type == SheetCell::Type::Date && value->text.isEmpty())
                value->text = paragraphs.join(QLatin1Char(' '));
            bool fromValue = value.has_value();
            if (!value && zeros) {
                value = shownWithZeros(attributes, paragraphs);
                fromValue = value.has_value(); // the number liborcus read is not what the cell shows
            }
            if (!value && (paragraphs.size() > 1 || lineBreak || annotated || spaced))
                value = SheetCell::fromText(paragraphs.join(QLatin1Char('\n')));
            if (value) {
                for (int r = row; r < row + rowRepeat && cells.size() < kMostCells; ++r) {
                    for (int c = column; c < column + columns && cells.size() < kMostCells; ++c)
                        cells.append({table, r, c, *value, fromValue});
                }
            }
            column += columns;
        }
    }
    return cells;
}

OdsContentReader::Layout OdsContentReader::layout() const
{
    Layout layout;
    if (!m_content.contains("covered-table-cell"))
        return layout;
    QXmlStreamReader xml(m_content);
    int table = -1;
    int row = 0;
    int column = 0;
    int rowRepeat = 1;
    qsizetype count = 0; // covered cells listed, in all
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            if (xml.name() == u"table-row")
                row = std::min(row + rowRepeat, kRows);
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (isTable(xml)) {
            ++table;
            row = 0;
            continue;
        }
        const QXmlStreamAttributes attributes = xml.attributes();
        if (xml.name() == u"table-row") {
            rowRepeat = std::min(repeat(attributes, u"number-rows-repeated"), kRows - row);
            column = 0;
            continue;
        }
        const bool covered = xml.name() == u"covered-table-cell";
        if (!covered && xml.name() != u"table-cell")
            continue;
        const int columns = std::min(repeat(attributes, u"number-columns-repeated"), kColumns - column);
        if (covered) {
            // Only as many as a sheet's rows could use: a repeated empty row below the data is not.
            for (int r = row; r < row + std::min(rowRepeat, 1000) && count < kMostCells; ++r) {
                QList<int>& list = layout.covered[table][r];
                for (int c = column; c < column + columns && count < kMostCells; ++c, ++count)
                    list.append(c);
            }
        } else {
            const int spannedRows = repeat(attributes, u"number-rows-spanned");
            const int spannedColumns = repeat(attributes, u"number-columns-spanned");
            if ((spannedRows > 1 || spannedColumns > 1) && layout.merges.size() < kMostCells)
                layout.merges.append({table, row, column, std::min(spannedRows, kRows - row),
                                      std::min(spannedColumns, kColumns - column)});
        }
        column += columns;
        xml.skipCurrentElement();
    }
    return layout;
}

bool OdsContentReader::mayHoldRepeatedContent() const
{
    const QByteArray attribute("number-rows-repeated=");
    const QByteArray rowEnd("</table:table-row>");
    for (qsizetype at = m_content.indexOf(attribute); at >= 0; at = m_content.indexOf(attribute, at + 1)) {
        const qsizetype tagEnd = m_content.indexOf('>', at);
        if (tagEnd < 0)
            return false;
        if (m_content.at(tagEnd - 1) == '/')
            continue; // <table:table-row .../>: no cells
        const qsizetype end = m_content.indexOf(rowEnd, tagEnd);
        const QByteArrayView row =
            QByteArrayView(m_content).sliced(tagEnd, (end < 0 ? m_content.size() : end) - tagEnd);
        if (row.contains("<text:p") || row.contains("office:value=") || row.contains("office:date-value="))
            return true;
    }
    return false;
}

QList<OdsContentReader::RepeatedRow> OdsContentReader::repeatedRows() const
{
    QList<RepeatedRow> repeated;
    if (!mayHoldRepeatedContent())
        return repeated;
    QXmlStreamReader xml(m_content);
    int table = -1;
    int row = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (isTable(xml)) {
            ++table;
            row = 0;
            continue;
        }
        if (xml.name() != u"table-row")
            continue;
        const int rows = std::min(repeat(xml.attributes(), u"number-rows-repeated"), kRows - row);
        bool content = false;
        int depth = 1;
        while (depth > 0 && !xml.atEnd()) {
            const QXmlStreamReader::TokenType token = xml.readNext();
            if (token == QXmlStreamReader::EndElement) {
                --depth;
            } else if (token == QXmlStreamReader::StartElement) {
                ++depth;
                if (xml.name() == u"p" || !localAttribute(xml.attributes(), u"value-type").isEmpty())
                    content = true;
            }
        }
        if (rows > 1 && content)
            repeated.append({table, row, rows});
        row += rows;
    }
    return repeated;
}

} // namespace ud
