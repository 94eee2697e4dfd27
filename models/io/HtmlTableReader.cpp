#include "io/HtmlTableReader.h"

#include "io/ClerkDate.h"
#include "io/TextDecoder.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <vector>

namespace ud {

namespace {

// Spans beyond these are damage, not layout.
constexpr int kMostColumns = 16384;
constexpr int kMostSpannedRows = 10000;
constexpr qsizetype kMostCells = 4'000'000;

const xmlChar* xml(const char* text)
{
    return reinterpret_cast<const xmlChar*>(text);
}

bool isElement(const xmlNode* node, const char* name)
{
    return node->type == XML_ELEMENT_NODE && xmlStrcasecmp(node->name, xml(name)) == 0;
}

bool holdsTable(const xmlNode* node)
{
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (isElement(child, "table") || (child->type == XML_ELEMENT_NODE && holdsTable(child)))
            return true;
    }
    return false;
}

int span(const xmlNode* cell, const char* attribute, int most)
{
    xmlChar* value = xmlGetProp(cell, xml(attribute));
    if (!value)
        return 1;
    bool ok = false;
    const int n = QString::fromUtf8(reinterpret_cast<const char*>(value)).trimmed().toInt(&ok);
    xmlFree(value);
    return ok && n > 1 ? std::min(n, most) : 1;
}

// A cell's text as a browser shows it: runs of white space are one space, <br> and the end of a
// paragraph start a new line; scripts and styles are not text.
void appendText(const xmlNode* node, QString& text)
{
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            const QString piece = QString::fromUtf8(reinterpret_cast<const char*>(child->content));
            for (const QChar c : piece) {
                const bool space = c == QLatin1Char(' ') || c == QLatin1Char('\t') ||
                                   c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\f');
                if (!space)
                    text += c;
                else if (!text.isEmpty() && !text.endsWith(QLatin1Char(' ')) &&
                         !text.endsWith(QLatin1Char('\n')))
                    text += QLatin1Char(' ');
            }
        } else if (child->type == XML_ELEMENT_NODE) {
            if (isElement(child, "script") || isElement(child, "style"))
                continue;
            if (isElement(child, "br")) {
                if (text.endsWith(QLatin1Char(' ')))
                    text.chop(1);
                text += QLatin1Char('\n');
                continue;
            }
            appendText(child, text);
            if ((isElement(child, "p") || isElement(child, "div") || isElement(child, "li")) &&
                !text.isEmpty() && !text.endsWith(QLatin1Char('\n'))) {
                if (text.endsWith(QLatin1Char(' ')))
                    text.chop(1);
                text += QLatin1Char('\n');
            }
        }
    }
}

QString cellText(const xmlNode* cell)
{
    QString text;
    appendText(cell, text);
    return text.trimmed();
}

QString attribute(const xmlNode* node, const char* name)
{
    xmlChar* value = xmlGetProp(node, xml(name));
    if (!value)
        return {};
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return text;
}

// A cell as the page shows it, but a date from the serial day Excel (x:num) or LibreOffice (sdval)
// keep beside a date they show as year and month, or as the year: 2010.05 is 2010-05-17 then.
SheetCell cellOf(const xmlNode* cell)
{
    const QString text = cellText(cell);
    QString number = attribute(cell, "x:num");
    if (number.isEmpty())
        number = attribute(cell, "sdval");
    bool ok = false;
    const double serial = number.toDouble(&ok);
    const QDate day = ok ? ClerkDate::fromSerial(serial) : QDate();
    // A number the page shows as it is (工号 43835) is no date, whatever the serial would be.
    if (!day.isValid() || text.trimmed() == number.trimmed())
        return SheetCell::fromText(text);
    const QDate shown = ClerkDate::parse(text).date;
    const bool sameMonth = shown.isValid() && shown.year() == day.year() && shown.month() == day.month();
    const bool sameYear = text == QString::number(day.year());
    return sameMonth || sameYear ? SheetCell::fromDate(day) : SheetCell::fromText(text);
}

// The classes a page's style sheets hide (.hide { display: none }, tr.deleted { display:none }): web
// systems hide a row by its class as often as by its style.
void collectHidingClasses(const xmlNode* node, QSet<QString>& classes)
{
    static const QRegularExpression rule(QStringLiteral("([^{}]+)\\{([^}]*)\\}"));
    static const QRegularExpression classSelector(QStringLiteral("^(?:tr)?\\.([A-Za-z0-9_-]+)$"));
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (!isElement(child, "style")) {
            collectHidingClasses(child, classes);
            continue;
        }
        xmlChar* content = xmlNodeGetContent(child);
        if (!content)
            continue;
        const QString css = QString::fromUtf8(reinterpret_cast<const char*>(content));
        xmlFree(content);
        for (auto m = rule.globalMatch(css); m.hasNext();) {
            const QRegularExpressionMatch match = m.next();
            QString body = match.captured(2).toLower();
            body.remove(QLatin1Char(' '));
            if (!body.contains(QLatin1String("display:none")))
                continue;
            for (const QString& selector : match.captured(1).split(QLatin1Char(','))) {
                const QRegularExpressionMatch c = classSelector.match(selector.trimmed());
                if (c.hasMatch())
                    classes.insert(c.captured(1));
            }
        }
    }
}

// A row hidden on the page (style="display: none", a class the page's style sheet hides, the hidden
// attribute), as web exports write a row hidden in Excel.
bool isHidden(const xmlNode* row, const QSet<QString>& hidingClasses)
{
    QString style = attribute(row, "style").toLower();
    style.remove(QLatin1Char(' '));
    if (style.contains(QLatin1String("display:none")) || xmlHasProp(row, xml("hidden")))
        return true;
    if (hidingClasses.isEmpty())
        return false;
    const QStringList classes = attribute(row, "class").split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return std::any_of(classes.cbegin(), classes.cend(),
                       [&](const QString& c) { return hidingClasses.contains(c); });
}

// The rows of a table, in order: directly under it or in its <thead>, <tbody> and <tfoot>.
void collectRows(const xmlNode* node, std::vector<const xmlNode*>& rows)
{
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (isElement(child, "tr"))
            rows.push_back(child);
        else if (isElement(child, "thead") || isElement(child, "tbody") || isElement(child, "tfoot"))
            collectRows(child, rows);
    }
}

class TableGrid
{
public:
    void put(int row, int column, const SheetCell& cell)
    {
        if (m_rows.size() <= row)
            m_rows.resize(row + 1);
        QList<SheetCell>& cells = m_rows[row];
        if (cells.size() <= column)
            cells.resize(column + 1);
        cells[column] = cell;
        std::vector<bool>& taken = takenRow(row);
        if (taken.size() <= static_cast<size_t>(column))
            taken.resize(static_cast<size_t>(column) + 1);
        taken[static_cast<size_t>(column)] = true;
        ++m_cells;
    }
    bool isTaken(int row, int column)
    {
        return static_cast<size_t>(row) < m_taken.size() &&
               static_cast<size_t>(column) < m_taken[static_cast<size_t>(row)].size() &&
               m_taken[static_cast<size_t>(row)][static_cast<size_t>(column)];
    }
    bool full() const { return m_cells >= kMostCells; }
    QList<QList<SheetCell>> rows() { return m_rows; }

private:
    std::vector<bool>& takenRow(int row)
    {
        const auto r = static_cast<size_t>(row);
        if (m_taken.size() <= r)
            m_taken.resize(r + 1);
        return m_taken[r];
    }

    QList<QList<SheetCell>> m_rows;
    std::vector<std::vector<bool>> m_taken;
    qsizetype m_cells = 0;
};

Sheet readTable(const xmlNode* table, const QSet<QString>& hidingClasses)
{
    std::vector<const xmlNode*> rows;
    collectRows(table, rows);
    TableGrid grid;
    QSet<int> hidden;
    for (size_t r = 0; r < rows.size() && !grid.full(); ++r) {
        const int row = static_cast<int>(r);
        if (isHidden(rows[r], hidingClasses))
            hidden.insert(row);
        int column = 0;
        for (const xmlNode* cell = rows[r]->children; cell && !grid.full(); cell = cell->next) {
            if (!isElement(cell, "td") && !isElement(cell, "th"))
                continue;
            while (column < kMostColumns && grid.isTaken(row, column))
                ++column;
            if (column >= kMostColumns)
                break;
            const SheetCell value = cellOf(cell);
            const int columns = std::min(span(cell, "colspan", kMostColumns), kMostColumns - column);
            const int spannedRows = span(cell, "rowspan", kMostSpannedRows);
            for (int dr = 0; dr < spannedRows && !grid.full(); ++dr) {
                for (int dc = 0; dc < columns; ++dc)
                    grid.put(row + dr, column + dc, value);
            }
            column += columns;
        }
    }
    Sheet sheet;
    sheet.rows = grid.rows();
    sheet.serialOrigin = QDate(1899, 12, 30);
    sheet.hiddenRows = hidden;
    return sheet;
}

void collectTables(const xmlNode* node, std::vector<const xmlNode*>& tables)
{
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (isElement(child, "table") && !holdsTable(child))
            tables.push_back(child);
        else
            collectTables(child, tables);
    }
}

} // namespace

Workbook HtmlTableReader::parse(const QByteArray& page)
{
    Workbook workbook;
    const QByteArray utf8 = TextDecoder::decode(page).toUtf8();
    htmlDocPtr doc =
        htmlReadMemory(utf8.constData(), static_cast<int>(utf8.size()), nullptr, "UTF-8",
                       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (!doc)
        return workbook;
    std::vector<const xmlNode*> tables;
    collectTables(reinterpret_cast<const xmlNode*>(doc), tables);
    QSet<QString> hidingClasses;
    collectHidingClasses(reinterpret_cast<const xmlNode*>(doc), hidingClasses);
    for (const xmlNode* table : tables) {
        Sheet sheet = readTable(table, hidingClasses);
        if (sheet.rows.isEmpty())
            continue;
        sheet.name = tr("Table %1").arg(workbook.sheets.size() + 1);
        workbook.sheets.append(sheet);
    }
    xmlFreeDoc(doc);
    return workbook;
}

bool HtmlTableReader::read(const QString& path, Workbook* workbook, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error =
                tr("%1: the file cannot be opened (%2).").arg(QFileInfo(path).fileName(), file.errorString());
        return false;
    }
    *workbook = parse(file.readAll());
    if (workbook->sheets.isEmpty()) {
        if (error)
            *error =
                tr("%1 is a web page without a table, not a roster. Open it in a browser or in Excel and "
                   "save the roster as .xlsx.")
                    .arg(QFileInfo(path).fileName());
        return false;
    }
    return true;
}

} // namespace ud
