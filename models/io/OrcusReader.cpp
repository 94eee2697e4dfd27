#include "io/OrcusReader.h"

#include "io/ClerkDate.h"
#include "io/OdsContentReader.h"
#include "io/TextDecoder.h"
#include "io/XlsxPackageReader.h"
#include "io/ZeroPaddedFormat.h"
#include "io/ZipIntegrity.h"
#include "io/ZipPackage.h"
#include "util/LogCategories.h"

#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <exception>
#include <memory>
#include <optional>
#include <orcus/orcus_ods.hpp>
#include <orcus/orcus_xls_xml.hpp>
#include <orcus/orcus_xlsx.hpp>
#include <orcus/spreadsheet/document.hpp>
#include <orcus/spreadsheet/factory.hpp>
#include <orcus/spreadsheet/import_interface.hpp>
#include <orcus/spreadsheet/styles.hpp>
#include <vector>

namespace ud {

namespace {

namespace ss = orcus::spreadsheet;

// The most cells copied into the rows a repeated .ods row stands for: far more than any roster has,
// few enough that a hostile file repeating a wide row a million times costs no more.
constexpr qsizetype kMostRepeatedCells = 5'000'000;

QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// The workbook's strings: xlsx keeps them in one shared table, ods adds them as it goes.
class SharedStrings : public ss::iface::import_shared_strings
{
public:
    size_t append(std::string_view s) override
    {
        strings.push_back(toQString(s));
        return strings.size() - 1;
    }
    size_t add(std::string_view s) override
    {
        const QString text = toQString(s);
        const auto it = index.constFind(text);
        if (it != index.constEnd())
            return *it;
        strings.push_back(text);
        index.insert(text, strings.size() - 1);
        return strings.size() - 1;
    }
    void set_segment_font(size_t) override {}
    void set_segment_bold(bool) override {}
    void set_segment_italic(bool) override {}
    void set_segment_font_name(std::string_view) override {}
    void set_segment_font_size(double) override {}
    void set_segment_font_color(ss::color_elem_t, ss::color_elem_t, ss::color_elem_t,
                                ss::color_elem_t) override
    {
    }
    void append_segment(std::string_view s) override { segments += toQString(s); }
    size_t commit_segments() override
    {
        strings.push_back(segments);
        segments.clear();
        return strings.size() - 1;
    }

    std::vector<QString> strings;
    QHash<QString, size_t> index;
    QString segments;
};

// A cell as read, with its format index (resolved to "date or not" once the styles are known).
struct RawCell
{
    SheetCell cell;
    size_t xf = 0;
    bool isNumber = false;
    bool formula = false;
    qsizetype sharedString = -1; // the index into the shared strings, for a string cell of an .xlsx
};

class SheetCollector;

// A formula cell: only its cached result matters to an import.
class FormulaResult : public ss::iface::import_formula
{
public:
    explicit FormulaResult(SheetCollector& sheet)
        : m_sheet(sheet)
    {
    }
    void set_position(ss::row_t row, ss::col_t col) override
    {
        m_row = row;
        m_col = col;
        // Until a result comes: liborcus reports none for <f> without <v> (or with an empty one).
        m_cell = SheetCell::fromUncalculatedFormula();
        m_isNumber = false;
    }
    void set_formula(ss::formula_grammar_t, std::string_view) override {}
    void set_shared_formula_index(size_t) override {}
    void set_result_string(std::string_view value) override
    {
        m_cell = SheetCell::fromText(toQString(value));
    }
    void set_result_value(double value) override
    {
        // A missing result may come as NaN, which would be read as the text "nan".
        if (std::isnan(value))
            return;
        m_cell = SheetCell::fromNumber(value);
        m_isNumber = true;
    }
    void set_result_bool(bool value) override { m_cell = SheetCell::fromBoolean(value); }
    void set_result_empty() override {}
    void commit() override;

private:
    SheetCollector& m_sheet;
    ss::row_t m_row = 0;
    ss::col_t m_col = 0;
    SheetCell m_cell;
    bool m_isNumber = false;
};

// An array formula ({=SUM(1/COUNTIF(…))}, Excel 365's FILTER and UNIQUE): its cached results, one a
// cell. liborcus 0.17 uses this interface without checking for it, and a sheet without one ends the
// program on the first array formula of a workbook.
class ArrayFormulaResults : public ss::iface::import_array_formula
{
public:
    explicit ArrayFormulaResults(SheetCollector& sheet)
        : m_sheet(sheet)
    {
    }
    // The results come by their place in the range (0, 0 its first cell).
    void set_range(const ss::range_t& range) override { m_first = range.first; }
    void set_formula(ss::formula_grammar_t, std::string_view) override {}
    void set_result_string(ss::row_t row, ss::col_t col, std::string_view value) override
    {
        put(row, col, SheetCell::fromText(toQString(value)), false);
    }
    void set_result_value(ss::row_t row, ss::col_t col, double value) override
    {
        if (!std::isnan(value))
            put(row, col, SheetCell::fromNumber(value), true);
    }
    void set_result_bool(ss::row_t row, ss::col_t col, bool value) override
    {
        put(row, col, SheetCell::fromBoolean(value), false);
    }
    void set_result_empty(ss::row_t, ss::col_t) override {}
    void commit() override {}

private:
    void put(ss::row_t row, ss::col_t col, const SheetCell& value, bool isNumber);

    SheetCollector& m_sheet;
    ss::address_t m_first{0, 0};
};

// The merged ranges of a sheet (a merged cell holds its value in its first cell only) and its hidden
// rows (hidden by the clerk or by a filter).
class SheetProperties : public ss::iface::import_sheet_properties
{
public:
    void set_column_width(ss::col_t column, double width, orcus::length_unit_t) override
    {
        if (width == 0 && column >= 0)
            hiddenColumns.insert(static_cast<int>(column));
    }
    void set_column_hidden(ss::col_t column, bool hidden) override
    {
        if (hidden && column >= 0)
            hiddenColumns.insert(static_cast<int>(column));
    }
    // A row made zero high is hidden as surely as one marked hidden.
    void set_row_height(ss::row_t row, double height, orcus::length_unit_t) override
    {
        if (height == 0 && row >= 0)
            hiddenRows.insert(static_cast<int>(row));
    }
    void set_row_hidden(ss::row_t row, bool hidden) override
    {
        if (hidden && row >= 0)
            hiddenRows.insert(static_cast<int>(row));
    }
    void set_merge_cell_range(const ss::range_t& range) override { ranges.push_back(range); }

    std::vector<ss::range_t> ranges;
    QSet<int> hiddenRows;
    QSet<int> hiddenColumns;
};

class SheetCollector : public ss::iface::import_sheet
{
public:
    SheetCollector(QString name, const SharedStrings& strings)
        : m_strings(strings)
        , m_formula(*this)
        , m_arrayFormula(*this)
    {
        sheet.name = std::move(name);
    }

    RawCell& at(ss::row_t row, ss::col_t col)
    {
        const auto r = static_cast<size_t>(row);
        const auto c = static_cast<size_t>(col);
        if (rows.size() <= r)
            rows.resize(r + 1);
        std::vector<RawCell>& cells = rows[r];
        if (cells.size() <= c) {
            const size_t from = cells.size();
            cells.resize(c + 1);
            // Formats that came before their cells (a formula's result comes after its format).
            if (r < m_formats.size()) {
                const std::vector<quint32>& formats = m_formats[r];
                for (size_t i = from; i <= c && i < formats.size(); ++i)
                    cells[i].xf = formats[i];
            }
        }
        return cells[c];
    }

    ss::iface::import_formula* get_formula() override { return &m_formula; }
    ss::iface::import_array_formula* get_array_formula() override { return &m_arrayFormula; }
    ss::iface::import_sheet_properties* get_sheet_properties() override { return &properties; }
    void set_auto(ss::row_t row, ss::col_t col, std::string_view s) override
    {
        at(row, col).cell = SheetCell::fromText(toQString(s));
    }
    void set_string(ss::row_t row, ss::col_t col, ss::string_id_t sindex) override
    {
        const size_t i = static_cast<size_t>(sindex);
        RawCell& cell = at(row, col);
        unknownString = unknownString || i >= m_strings.strings.size();
        cell.cell = SheetCell::fromText(i < m_strings.strings.size() ? m_strings.strings[i] : QString());
        cell.sharedString = static_cast<qsizetype>(i);
    }
    void set_value(ss::row_t row, ss::col_t col, double value) override
    {
        RawCell& cell = at(row, col);
        cell.cell = SheetCell::fromNumber(value);
        cell.isNumber = true;
    }
    void set_bool(ss::row_t row, ss::col_t col, bool value) override
    {
        at(row, col).cell = SheetCell::fromBoolean(value);
    }
    void set_date_time(ss::row_t row, ss::col_t col, int year, int month, int day, int, int, double) override
    {
        at(row, col).cell = SheetCell::fromDate(QDate(year, month, day));
    }
    void set_format(ss::row_t row, ss::col_t col, size_t xf_index) override
    {
        const auto r = static_cast<size_t>(row);
        const auto c = static_cast<size_t>(col);
        if (r < rows.size() && c < rows[r].size()) {
            rows[r][c].xf = xf_index;
            return;
        }
        // A format without a cell yet: kept aside in four bytes, not as a whole cell. A sheet
        // formatted down to row 1,048,576 would otherwise hold a million rows of empty cells.
        if (m_formats.size() <= r)
            m_formats.resize(r + 1);
        if (m_formats[r].size() <= c)
            m_formats[r].resize(c + 1);
        m_formats[r][c] = static_cast<quint32>(xf_index);
    }
    void set_format(ss::row_t, ss::col_t, ss::row_t, ss::col_t, size_t) override {}
    void fill_down_cells(ss::row_t src_row, ss::col_t src_col, ss::row_t range_size) override
    {
        const RawCell source = at(src_row, src_col);
        for (ss::row_t r = 1; r <= range_size; ++r)
            at(src_row + r, src_col) = source;
    }
    ss::range_size_t get_sheet_size() const override { return {1048576, 16384}; }

    Sheet sheet;
    std::vector<std::vector<RawCell>> rows;
    SheetProperties properties;
    QList<CellRange> mergedByPackage; // of a sheet liborcus did not read
    // A cell naming a shared string the workbook does not hold: the list was cut short or damaged.
    bool unknownString = false;
    // The part the workbook names for this sheet, when the package lacks it (or holds it empty).
    QString missingPart;
    bool hasFormula = false;             // set as liborcus reads the cells
    bool hasUncalculatedFormula = false; // a formula liborcus found no result for

private:
    const SharedStrings& m_strings;
    FormulaResult m_formula;
    ArrayFormulaResults m_arrayFormula;
    std::vector<std::vector<quint32>> m_formats; // row → column → xf, for cells not made yet
};

void ArrayFormulaResults::put(ss::row_t row, ss::col_t col, const SheetCell& value, bool isNumber)
{
    row += m_first.row;
    col += m_first.column;
    if (row < 0 || col < 0)
        return;
    RawCell& cell = m_sheet.at(row, col);
    cell.cell = value;
    cell.isNumber = isNumber;
    cell.formula = true;
    m_sheet.hasFormula = true;
}

void FormulaResult::commit()
{
    RawCell& cell = m_sheet.at(m_row, m_col);
    const size_t xf = cell.xf;
    cell.cell = m_cell;
    cell.isNumber = m_isNumber;
    cell.formula = true;
    cell.xf = xf;
    m_sheet.hasFormula = true;
    m_sheet.hasUncalculatedFormula = m_sheet.hasUncalculatedFormula || m_cell.uncalculatedFormula;
}

// Passes the settings on to the spreadsheet model and keeps the date that serial 0 stands for.
class GlobalSettings : public ss::iface::import_global_settings
{
public:
    explicit GlobalSettings(ss::iface::import_global_settings* model)
        : m_model(model)
    {
    }
    void set_origin_date(int year, int month, int day) override
    {
        origin = QDate(year, month, day);
        if (m_model)
            m_model->set_origin_date(year, month, day);
    }
    void set_default_formula_grammar(ss::formula_grammar_t grammar) override
    {
        if (m_model)
            m_model->set_default_formula_grammar(grammar);
    }
    ss::formula_grammar_t get_default_formula_grammar() const override
    {
        return m_model ? m_model->get_default_formula_grammar() : ss::formula_grammar_t::unknown;
    }
    void set_character_set(orcus::character_set_t charset) override
    {
        if (m_model)
            m_model->set_character_set(charset);
    }

    QDate origin{1899, 12, 30};

private:
    ss::iface::import_global_settings* m_model;
};

// Collects cells itself and lets the spreadsheet model read the styles (number formats).
class Factory : public ss::iface::import_factory
{
public:
    explicit Factory(ss::document& doc)
        : m_model(doc)
        , settings(m_model.get_global_settings())
    {
    }
    ss::iface::import_shared_strings* get_shared_strings() override { return &strings; }
    ss::iface::import_styles* get_styles() override { return m_model.get_styles(); }
    ss::iface::import_reference_resolver* get_reference_resolver(ss::formula_ref_context_t context) override
    {
        return m_model.get_reference_resolver(context);
    }
    ss::iface::import_global_settings* get_global_settings() override { return &settings; }
    ss::iface::import_sheet* append_sheet(ss::sheet_t index, std::string_view name) override
    {
        // The model knows the sheets by name (empty: the cells go to the collectors), so that a named
        // range ($会员名册.$A$1:.$L$6, a print area or repeated title rows in an .ods) resolves.
        m_model.append_sheet(index, name);
        sheets.push_back(std::make_unique<SheetCollector>(toQString(name), strings));
        return sheets.back().get();
    }
    ss::iface::import_sheet* get_sheet(std::string_view name) override
    {
        const QString wanted = toQString(name);
        for (const auto& s : sheets) {
            if (s->sheet.name == wanted)
                return s.get();
        }
        return nullptr;
    }
    ss::iface::import_sheet* get_sheet(ss::sheet_t sheet_index) override
    {
        const auto i = static_cast<size_t>(sheet_index);
        return i < sheets.size() ? sheets[i].get() : nullptr;
    }
    void finalize() override {}

private:
    ss::import_factory m_model;

public:
    SharedStrings strings;
    GlobalSettings settings;
    std::vector<std::unique_ptr<SheetCollector>> sheets;
};

QList<CellRange> cellRanges(const std::vector<ss::range_t>& ranges)
{
    QList<CellRange> result;
    result.reserve(static_cast<qsizetype>(ranges.size()));
    for (const ss::range_t& r : ranges)
        result.append({r.first.row, r.first.column, r.last.row, r.last.column});
    return result;
}

// What completeXlsx reads of the package without liborcus's result, read on the other core while
// liborcus parses: the zip directory, whether the shared strings need reading again, and each sheet
// part inflated and searched for the cells liborcus misses (kept only when it holds some).
struct XlsxPackagePass
{
    struct Part
    {
        QByteArray bytes;         // when wanted below, or for a sheet liborcus may not find
        bool missing = false;     // named by the workbook, not in the file
        bool missedCells = false; // inline strings, ISO dates, errors, formula text
        bool hiddenTrue = false;  // LibreOffice's hidden="true"
        QSet<int> hiddenColumns;  // <cols>, which liborcus 0.17 does not report
    };
    std::unique_ptr<XlsxPackageReader> package;
    bool stringsNeedReading = false;
    QSet<int> struckFormats;
    std::vector<Part> parts; // one per package->sheets()
    bool failed = false;     // the package could not be read: read again where the error is reported
};

XlsxPackagePass readXlsxPackage(const QString& path)
{
    XlsxPackagePass pass;
    try {
        pass.package = std::make_unique<XlsxPackageReader>(path);
        pass.stringsNeedReading =
            pass.package->hasSharedStrings() && pass.package->sharedStringsNeedReading();
        pass.struckFormats = pass.package->struckFormats();
        for (const XlsxPackageReader::SheetEntry& entry : pass.package->sheets()) {
            XlsxPackagePass::Part part;
            if (!entry.part.isEmpty()) {
                QByteArray bytes = pass.package->part(entry.part);
                part.missing = bytes.isEmpty();
                part.missedCells = bytes.contains("inlineStr") || bytes.contains("t=\"d\"") ||
                                   bytes.contains("t=\"e\"") || bytes.contains("\"str\"") ||
                                   bytes.contains("'str'");
                part.hiddenTrue = bytes.contains("hidden=\"true\"");
                part.hiddenColumns = XlsxPackageReader::hiddenColumns(bytes);
                if (part.missedCells || part.hiddenTrue)
                    part.bytes = std::move(bytes);
            }
            pass.parts.push_back(std::move(part));
        }
    } catch (const std::exception&) {
        pass = XlsxPackagePass();
        pass.failed = true;
    }
    return pass;
}

// Puts right what liborcus missed or misread in an .xlsx (see XlsxPackageReader): the shared
// strings, sheets it did not find, inline strings, ISO dates and error cells, hidden sheets. Returns
// whether the workbook counts its dates from 1904; `dateFormats` gets the package's own date
// formats when a sheet had to be read without liborcus (whose styles may then be missing too).
bool completeXlsx(const XlsxPackagePass& pass, Factory& factory, QSet<int>* dateFormats)
{
    const XlsxPackageReader& package = *pass.package;
    std::vector<std::unique_ptr<SheetCollector>>& sheets = factory.sheets;
    QStringList strings; // the table liborcus should have read: set when liborcus's is wrong or missing
    const bool ownStrings =
        package.hasSharedStrings() && (factory.strings.strings.empty() || pass.stringsNeedReading);
    if (ownStrings) {
        QHash<int, QString> struck;
        strings = package.sharedStrings(&struck);
        for (const auto& sheet : sheets) {
            for (size_t r = 0; r < sheet->rows.size(); ++r) {
                std::vector<RawCell>& row = sheet->rows[r];
                for (size_t c = 0; c < row.size(); ++c) {
                    RawCell& cell = row[c];
                    if (cell.sharedString < 0)
                        continue;
                    cell.cell = SheetCell::fromText(strings.value(cell.sharedString));
                    if (const auto it = struck.constFind(static_cast<int>(cell.sharedString));
                        it != struck.constEnd())
                        sheet->sheet.struck.insert({static_cast<int>(r), static_cast<int>(c)}, *it);
                }
            }
        }
    }
    // For reading cells alone when liborcus's strings were right.
    auto useLiborcusStrings = [&] {
        if (!ownStrings && strings.isEmpty()) {
            for (const QString& s : factory.strings.strings)
                strings.append(s);
        }
    };
    const bool foundNoWorkbook = sheets.empty();
    bool readAlone = false;
    for (qsizetype i = 0; i < package.sheets().size(); ++i) {
        const XlsxPackageReader::SheetEntry& entry = package.sheets().at(i);
        if (foundNoWorkbook)
            sheets.push_back(std::make_unique<SheetCollector>(entry.name, factory.strings));
        const auto index = static_cast<size_t>(i);
        if (index >= sheets.size() || sheets[index]->sheet.name != entry.name)
            continue;
        SheetCollector& sheet = *sheets[index];
        sheet.sheet.hidden = entry.hidden;
        if (entry.part.isEmpty())
            continue;
        const XlsxPackagePass::Part& found = pass.parts.at(index);
        sheet.properties.hiddenColumns.unite(found.hiddenColumns);
        if (found.missing) {
            sheet.missingPart = entry.part;
            continue;
        }
        const bool alone = sheet.rows.empty();
        const bool missed = found.missedCells || sheet.hasUncalculatedFormula;
        if (!alone && !missed && !found.hiddenTrue)
            continue;
        const QByteArray part = found.bytes.isEmpty() ? package.part(entry.part) : found.bytes;
        if (alone) {
            // A sheet liborcus did not find: read whole, with liborcus's strings if they were right.
            useLiborcusStrings();
            XlsxPackageReader::readCells(part, XlsxPackageReader::Cells::All, strings,
                                         [&](int r, int c, const SheetCell& cell, int xf) {
                                             RawCell& raw = sheet.at(r, c);
                                             raw.cell = cell;
                                             raw.xf = static_cast<size_t>(xf);
                                             raw.isNumber = cell.type == SheetCell::Type::Number;
                                         });
            readAlone = true;
        } else if (missed) {
            // liborcus reads a formula cell whose cached text is a shared string as never calculated.
            useLiborcusStrings();
            XlsxPackageReader::readCells(part, XlsxPackageReader::Cells::MissedByLiborcus, strings,
                                         [&](int r, int c, const SheetCell& cell, int) {
                                             RawCell& raw = sheet.at(r, c);
                                             if (raw.cell.type == SheetCell::Type::Empty) {
                                                 raw.cell = cell;
                                                 raw.isNumber = false;
                                             }
                                         });
        }
        // Hidden rows of a sheet read alone, and LibreOffice's hidden="true", which liborcus does not
        // take for hidden; the part is parsed for them once.
        if (alone || found.hiddenTrue)
            sheet.properties.hiddenRows.unite(XlsxPackageReader::hiddenRows(part));
        if (alone)
            sheet.mergedByPackage = XlsxPackageReader::mergedRanges(part);
    }
    if (package.fullCalcOnLoad()) {
        // A result of 0 in a workbook that asks to be calculated on opening is xlsxwriter's stand-in
        // for "not calculated": ="GH"&"0001" would be stored as the card number 0, an ID formula be
        // refused as a number that lost its digits.
        for (const auto& sheet : sheets) {
            if (!sheet->hasFormula)
                continue;
            for (std::vector<RawCell>& row : sheet->rows) {
                for (RawCell& cell : row) {
                    if (cell.formula && cell.isNumber && cell.cell.number == 0) {
                        cell.cell = SheetCell::fromUncalculatedFormula();
                        cell.isNumber = false;
                    }
                }
            }
        }
    }
    if (readAlone)
        *dateFormats = package.dateFormats();
    return package.date1904();
}

// Puts right what liborcus misses in an .ods (see OdsContentReader): hidden tables and rows, cells
// of more than one line and cells with a comment, formulas' text, date and true/false results.
void completeOds(const QString& path, std::vector<std::unique_ptr<SheetCollector>>& sheets)
{
    const ZipPackage package(path);
    const OdsContentReader content(package.part(QStringLiteral("content.xml")),
                                   package.part(QStringLiteral("styles.xml")));
    for (const int table : content.hiddenTables()) {
        if (static_cast<size_t>(table) < sheets.size())
            sheets[static_cast<size_t>(table)]->sheet.hidden = true;
    }
    // Put back the cells merges cover, which liborcus skips, then the merges themselves.
    const OdsContentReader::Layout layout = content.layout();
    for (auto table = layout.covered.cbegin(); table != layout.covered.cend(); ++table) {
        if (static_cast<size_t>(table.key()) >= sheets.size())
            continue;
        std::vector<std::vector<RawCell>>& rows = sheets[static_cast<size_t>(table.key())]->rows;
        for (auto row = table->cbegin(); row != table->cend(); ++row) {
            if (static_cast<size_t>(row.key()) >= rows.size())
                continue;
            std::vector<RawCell>& cells = rows[static_cast<size_t>(row.key())];
            for (const int column : row.value()) {
                if (static_cast<size_t>(column) >= cells.size())
                    break;
                cells.insert(cells.begin() + column, RawCell{});
            }
        }
    }
    // A row standing for several identical ones reached the first of them only.
    qsizetype copied = 0;
    for (const OdsContentReader::RepeatedRow& repeated : content.repeatedRows()) {
        if (static_cast<size_t>(repeated.table) >= sheets.size())
            continue;
        SheetCollector& sheet = *sheets[static_cast<size_t>(repeated.table)];
        const auto first = static_cast<size_t>(repeated.row);
        if (first >= sheet.rows.size() || sheet.rows[first].empty())
            continue;
        for (int r = 1; r < repeated.count && copied < kMostRepeatedCells; ++r) {
            const auto target = first + static_cast<size_t>(r);
            if (sheet.rows.size() <= target)
                sheet.rows.resize(target + 1);
            if (!sheet.rows[target].empty())
                break;
            sheet.rows[target] = sheet.rows[first];
            copied += static_cast<qsizetype>(sheet.rows[first].size());
        }
    }
    for (const OdsContentReader::Merge& merge : layout.merges) {
        if (static_cast<size_t>(merge.table) < sheets.size())
            sheets[static_cast<size_t>(merge.table)]->properties.ranges.push_back(ss::range_t{
                {merge.row, merge.column}, {merge.row + merge.rows - 1, merge.column + merge.columns - 1}});
    }
    const QHash<int, QSet<int>> hiddenColumns = content.hiddenColumns();
    for (auto it = hiddenColumns.cbegin(); it != hiddenColumns.cend(); ++it) {
        if (static_cast<size_t>(it.key()) < sheets.size())
            sheets[static_cast<size_t>(it.key())]->properties.hiddenColumns.unite(it.value());
    }
    const QHash<int, QSet<int>> hiddenRows = content.hiddenRows();
    for (auto it = hiddenRows.cbegin(); it != hiddenRows.cend(); ++it) {
        if (static_cast<size_t>(it.key()) < sheets.size())
            sheets[static_cast<size_t>(it.key())]->properties.hiddenRows.unite(it.value());
    }
    for (const OdsContentReader::Cell& cell : content.misreadCells()) {
        if (static_cast<size_t>(cell.table) >= sheets.size() || cell.row >= 1048576 || cell.column >= 16384)
            continue;
        RawCell& raw = sheets[static_cast<size_t>(cell.table)]->at(cell.row, cell.column);
        if (cell.fromValue || raw.cell.type == SheetCell::Type::Text ||
            raw.cell.type == SheetCell::Type::Empty) {
            raw.cell = cell.value;
            raw.isNumber = false;
        }
    }
}

// Which sheets of an Excel 2003 XML workbook are hidden (<WorksheetOptions><Visible>SheetHidden),
// in the workbook's order; liborcus does not say. Empty when none is.
QList<bool> spreadsheetMlHiddenSheets(const QByteArray& xml)
{
    QList<bool> hidden;
    if (!xml.contains("SheetHidden") && !xml.contains("SheetVeryHidden"))
        return hidden;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (reader.name() == u"Worksheet") {
            hidden.append(false);
        } else if (reader.name() == u"Visible" && !hidden.isEmpty()) {
            const QString state = reader.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            hidden.last() = state == u"SheetHidden" || state == u"SheetVeryHidden";
        } else if (reader.name() == u"Table") {
            reader.skipCurrentElement(); // the cells: nothing of the sheet's state in them
        }
    }
    return hidden;
}

// Excel 2003 XML as UTF-8, which is all liborcus reads: web systems write it as GB2312 or GBK too,
// saying so in the XML declaration.
QByteArray spreadsheetMlAsUtf8(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    static const QRegularExpression declaration(
        QStringLiteral("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']+)[\"'][^>]*\\?>"),
        QRegularExpression::CaseInsensitiveOption);
    // Saved as "Unicode" (UTF-16 with its mark, declared so or not), or UTF-8 with a mark.
    const TextDecoder::Encoding marked = TextDecoder::detect(bytes.left(4096));
    if (marked == TextDecoder::Encoding::Utf16LE || marked == TextDecoder::Encoding::Utf16BE ||
        marked == TextDecoder::Encoding::Utf8Bom) {
        QString text = TextDecoder::decode(bytes, marked);
        static const QRegularExpression anyDeclaration(QStringLiteral("^\\s*<\\?xml[^>]*\\?>"));
        text.remove(anyDeclaration);
        return QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>") + text.toUtf8();
    }
    const QString head = QString::fromLatin1(bytes.left(256));
    const QRegularExpressionMatch m = declaration.match(head);
    if (!m.hasMatch())
        return bytes;
    const QString encoding = m.captured(1).toLower();
    if (encoding == QLatin1String("utf-8") || encoding == QLatin1String("utf8"))
        return bytes;
    // By the bytes, as for a CSV: a file declared GB2312 is sometimes UTF-8 after all.
    const QString text = TextDecoder::decode(bytes.mid(m.capturedLength(0)));
    return QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>") + text.toUtf8();
}

// Web and Java exporters write an ID number as <Data ss:Type="Number">320102197406130011</Data>:
// every digit is in the file, but liborcus reads a number (15 significant digits, and a final X
// fails). Such long digit strings are made text cells before liborcus reads them.
QByteArray longNumbersAsText(QByteArray xml)
{
    static const QByteArray number = "Type=\"Number\"";
    for (qsizetype at = xml.indexOf(number); at >= 0; at = xml.indexOf(number, at + number.size())) {
        const qsizetype open = xml.indexOf('>', at);
        const qsizetype close = open < 0 ? -1 : xml.indexOf('<', open);
        if (close < 0)
            break;
        const QByteArray value = xml.mid(open + 1, close - open - 1).trimmed();
        qsizetype digits = 0;
        while (digits < value.size() && value.at(digits) >= '0' && value.at(digits) <= '9')
            ++digits;
        const bool finalX = digits == value.size() - 1 && (value.endsWith('X') || value.endsWith('x'));
        if ((digits == value.size() && digits >= 16) || (finalX && digits == 17))
            xml.replace(at + 6, 6, "String"); // Type="Number" → Type="String"
    }
    return xml;
}

quint32 le32(const uchar* p)
{
    return quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24;
}

quint16 le16(const uchar* p)
{
    return quint16(p[0] | p[1] << 8);
}

} // namespace

bool OrcusReader::hasPlausibleSizes(const QString& path)
{
    // liborcus reserves (and clears) the sizes an archive's directory states before it reads a
    // part, so a damaged or malicious 7 KB file claiming a 2 GB part costs 2 GB of memory (found by
    // the reader fuzz target). This reads only the directory's size fields; the parts themselves are
    // still liborcus's to read.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return true; // liborcus reports it
    const qint64 fileSize = file.size();
    // The end-of-directory record: 22 bytes and a comment of up to 65535, at the end of the file.
    const qint64 tail = std::min<qint64>(fileSize, 22 + 65535);
    const uchar* end = file.map(fileSize - tail, tail);
    if (!end)
        return true;
    qint64 eocd = -1;
    for (qint64 i = tail - 22; i >= 0; --i) {
        if (le32(end + i) == 0x06054b50) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0)
        return true; // not a zip: liborcus says so
    const quint16 entries = le16(end + eocd + 10);
    const qint64 directorySize = le32(end + eocd + 12);
    const qint64 directoryOffset = le32(end + eocd + 16);
    if (entries == 0 || directoryOffset == 0xFFFFFFFF || entries == 0xFFFF)
        return true; // empty, or ZIP64: left to liborcus
    if (directoryOffset + directorySize > fileSize)
        return false;
    const uchar* directory = file.map(directoryOffset, directorySize);
    if (!directory)
        return false;
    qint64 at = 0;
    for (int e = 0; e < entries; ++e) {
        if (at + 46 > directorySize || le32(directory + at) != 0x02014b50)
            return false;
        const qint64 compressed = le32(directory + at + 20);
        const qint64 uncompressed = le32(directory + at + 24);
        const qint64 localHeader = le32(directory + at + 42);
        // A part lies inside the file, and deflate expands by at most 1032 to 1.
        if (localHeader + 30 + compressed > fileSize || uncompressed > 1100 * compressed + 65536)
            return false;
        at += 46 + le16(directory + at + 28) + le16(directory + at + 30) + le16(directory + at + 32);
    }
    return true;
}

bool OrcusReader::isDateFormat(size_t builtinId, const QString& formatCode)
{
    // Excel's built-in formats 14–22 and 45–47 are dates and times; 27–36 and 50–58 are the dates of
    // the Chinese, Japanese and Korean editions (yyyy"年"m"月"d"日" and friends).
    if ((builtinId >= 14 && builtinId <= 22) || (builtinId >= 27 && builtinId <= 36) ||
        (builtinId >= 45 && builtinId <= 47) || (builtinId >= 50 && builtinId <= 58))
        return true;
    bool quoted = false;
    bool bracket = false;
    for (qsizetype i = 0; i < formatCode.size(); ++i) {
        const QChar c = formatCode.at(i);
        if (c == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && c == QLatin1Char('['))
            bracket = true;
        else if (!quoted && c == QLatin1Char(']'))
            bracket = false;
        else if (!quoted && !bracket) {
            const QChar l = c.toLower();
            if (l == QLatin1Char('y') || l == QLatin1Char('d') || l == QLatin1Char('m') ||
                c == QChar(0x5E74) || c == QChar(0x6708) || c == QChar(0x65E5))
                return true;
        }
    }
    return false;
}

QString OrcusReader::unreadableMessage(const QString& path, const QString& detail) const
{
    const QString name = QFileInfo(path).fileName();
    // liborcus quotes the bytes it stumbled on, which in a damaged part are binary: only what reads
    // as text is kept, and not much of it.
    QString shown;
    for (const QChar c : detail) {
        if (c.isPrint() && c != QChar::ReplacementCharacter)
            shown += c;
        else if (!shown.endsWith(QLatin1Char(' ')))
            shown += QLatin1Char(' ');
    }
    shown = shown.simplified();
    if (shown.size() > 120)
        shown = shown.left(117) + QStringLiteral("...");
    QFile file(path);
    const QByteArray head = file.open(QIODevice::ReadOnly) ? file.read(8) : QByteArray();
    if (file.isOpen() && file.size() == 0)
        return tr("%1: the file is empty (0 bytes). Copy or download the roster again.").arg(name);
    if (m_format == Format::SpreadsheetMl)
        return tr("%1: the Excel 2003 XML workbook is damaged (%2). Open it in Excel or WPS and save it as "
                  ".xlsx.")
            .arg(name, shown);
    // The compound-document signature: an .xls workbook under another name, or an .xlsx protected
    // with a password (Excel encrypts those into the old container).
    if (head.startsWith(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)))
        return m_format == Format::Xlsx
                   ? tr("%1: the file is not an .xlsx workbook: it is an older Excel (.xls) file under a "
                        "new name, or a workbook protected with a password. Open it in Excel or WPS, remove "
                        "any password and save it as .xlsx.")
                         .arg(name)
                   : tr("%1: the file is not an OpenDocument spreadsheet: it is an older Excel (.xls) file "
                        "under a new name. Open it in Excel, WPS or LibreOffice and save it as .ods or "
                        ".xlsx.")
                         .arg(name);
    if (!head.startsWith("PK"))
        return m_format == Format::Xlsx
                   ? tr("%1: the file is not an Excel workbook (.xlsx), whatever its name says. Open it in "
                        "Excel or WPS and save it as .xlsx.")
                         .arg(name)
                   : tr("%1: the file is not an OpenDocument spreadsheet (.ods), whatever its name says. "
                        "Open it in LibreOffice or WPS and save it as .ods or .xlsx.")
                         .arg(name);
    // liborcus's archive errors carry no text, or none a clerk could use; nor do its XML errors
    // (malformed_xml_error: … offset=253663), which go to the log.
    if (shown.startsWith(QLatin1String("zip error"), Qt::CaseInsensitive))
        shown.clear();
    if (shown.contains(QLatin1String("xml"), Qt::CaseInsensitive)) {
        qCWarning(lcIo) << name << shown;
        return tr("%1: the workbook is damaged: part of its content cannot be read (as when a copy, a "
                  "download or the program saving it was cut short). Open it in Excel or WPS and let it "
                  "repair the file, or use another copy.")
            .arg(name);
    }
    if (shown.isEmpty())
        return tr("%1: the workbook is damaged (its zip archive is incomplete or broken, as after an "
                  "interrupted download or copy). Open it in Excel or WPS and save it again.")
            .arg(name);
    return tr("%1: the workbook is damaged or not a spreadsheet (%2). Open it in Excel or WPS and save it "
              "again.")
        .arg(name, shown);
}

bool OrcusReader::read(const QString& path, Workbook* workbook, QString* error)
{
    workbook->sheets.clear();
    if (!hasPlausibleSizes(path)) {
        if (error)
            *error =
                tr("%1: the workbook is damaged (its parts claim more data than the file holds). Open it "
                   "in Excel or WPS and save it again.")
                    .arg(QFileInfo(path).fileName());
        return false;
    }
    if (m_format != Format::SpreadsheetMl) {
        const ZipIntegrity integrity(path);
        if (!integrity.isIntact()) {
            if (error) {
                const QString name = QFileInfo(path).fileName();
                if (integrity.damage() == ZipIntegrity::Damage::Encoding)
                    *error =
                        tr("%1: the workbook is damaged: its part \"%2\" holds text in another encoding "
                           "than it declares (as when a web system writes GBK into it), so cells would be "
                           "read empty. Open it in WPS or Excel and save it again, or export it again "
                           "from the system that made it.")
                            .arg(name, integrity.damagedPart());
                else if (integrity.damage() == ZipIntegrity::Damage::Compression)
                    *error = tr("%1: the workbook was packed by a program other than Excel, WPS or "
                                "LibreOffice, with a kind of compression they do not use (part \"%2\"), and "
                                "cannot be read. Open it in the program that made it and save it as .xlsx.")
                                 .arg(name, integrity.damagedPart());
                else
                    *error =
                        integrity.damage() == ZipIntegrity::Damage::Incomplete
                            ? tr("%1: the workbook is damaged: its part \"%2\" stops in the middle (as when "
                                 "a copy, a download or the program saving it was cut short), so rows would "
                                 "be missing. Open it in Excel or WPS and let it repair the file, or use "
                                 "another copy.")
                                  .arg(name, integrity.damagedPart())
                            : tr("%1: the workbook is damaged: its part \"%2\" does not read back as it was "
                                 "saved (as after an interrupted copy or download, or a failing USB stick), "
                                 "so rows would be missing. Open it in Excel or WPS and let it repair the "
                                 "file, or use another copy.")
                                  .arg(name, integrity.damagedPart());
            }
            return false;
        }
    }
    try {
        ss::document doc(ss::range_size_t{1048576, 16384});
        Factory factory(doc);
        QDate origin;
        QSet<int> packageDates; // cell formats showing dates, when liborcus did not read the styles
        QSet<int> struckXfs;    // cell formats striking the text through (.xlsx)
        if (m_format == Format::Xlsx) {
            QFuture<XlsxPackagePass> packagePass = QtConcurrent::run(readXlsxPackage, path);
            QString liborcusError;
            try {
                orcus::orcus_xlsx filter(&factory);
                filter.read_file(QFile::encodeName(path).toStdString());
            } catch (const std::exception& e) {
                // liborcus 0.17 stops at what it cannot parse, some of it valid: a cell in column LOG
                // of row 10 ("LOG10") is taken for the function. The package reader reads the
                // sheets alone then.
                liborcusError = QString::fromLocal8Bit(e.what()).trimmed();
                factory.sheets.clear();
                factory.strings = SharedStrings();
            }
            XlsxPackagePass pass = packagePass.takeResult();
            struckXfs = pass.struckFormats;
            if (pass.failed)
                pass.package = std::make_unique<XlsxPackageReader>(path); // throws again, here
            // liborcus 0.17 reports 1899-12-30 whatever <workbookPr date1904> says.
            origin = completeXlsx(pass, factory, &packageDates) ? QDate(1904, 1, 1) : factory.settings.origin;
            if (!liborcusError.isEmpty() && factory.sheets.empty()) {
                if (error)
                    *error = unreadableMessage(path, liborcusError);
                return false;
            }
        } else if (m_format == Format::SpreadsheetMl) {
            orcus::orcus_xls_xml filter(&factory);
            const QByteArray xml = longNumbersAsText(spreadsheetMlAsUtf8(path));
            filter.read_stream(std::string_view(xml.constData(), static_cast<size_t>(xml.size())));
            // <ExcelWorkbook><Date1904/>, which liborcus does not report: a date typed as a plain
            // number counts from 1904-01-01 (its date cells are ISO text, unaffected).
            static const QRegularExpression date1904(QStringLiteral("<(\\w+:)?Date1904\\s*/>"));
            const qsizetype sheetsStart = xml.indexOf("<Worksheet");
            origin = date1904.match(QString::fromUtf8(xml.left(sheetsStart < 0 ? xml.size() : sheetsStart)))
                             .hasMatch()
                         ? QDate(1904, 1, 1)
                         : factory.settings.origin;
            const QList<bool> hidden = spreadsheetMlHiddenSheets(xml);
            if (static_cast<size_t>(hidden.size()) == factory.sheets.size()) {
                for (size_t i = 0; i < factory.sheets.size(); ++i)
                    factory.sheets[i]->sheet.hidden = hidden.at(static_cast<qsizetype>(i));
            }
        } else {
            orcus::orcus_ods filter(&factory);
            filter.read_file(QFile::encodeName(path).toStdString());
            completeOds(path, factory.sheets);
            origin = factory.settings.origin; // <table:null-date>
        }
        for (const auto& collected : factory.sheets) {
            if (!collected->missingPart.isEmpty()) {
                if (error)
                    *error =
                        tr("%1: the workbook is damaged: sheet \"%2\" is missing from the file (its part "
                           "\"%3\" is not there). Open it in Excel or WPS and let it repair the file, or "
                           "use another copy.")
                            .arg(QFileInfo(path).fileName(), collected->sheet.name, collected->missingPart);
                return false;
            }
            if (collected->unknownString) {
                if (error)
                    *error =
                        tr("%1: the workbook is damaged: cells of sheet \"%2\" refer to texts its list of "
                           "texts does not hold (xl/sharedStrings.xml), so they would be read empty. "
                           "Open it in Excel or WPS and let it repair the file, or use another copy.")
                            .arg(QFileInfo(path).fileName(), collected->sheet.name);
                return false;
            }
        }
        if (!origin.isValid())
            origin = QDate(1899, 12, 30);
        // Serials as the 1900 date system counts them (what SheetCell::number holds for a date).
        const qint64 originOffset = QDate(1899, 12, 30).daysTo(origin);
        const ss::styles& styles = doc.get_styles();
        // A cell format names its number format by the identifier (Excel's numFmtId); the custom
        // formats' codes are listed separately.
        QHash<size_t, QString> codes;
        for (size_t i = 0; i < styles.get_number_format_count(); ++i) {
            if (const ss::number_format_t* number = styles.get_number_format(i))
                codes.insert(number->identifier, toQString(number->format_string));
        }
        // A number shown with its leading zeros by a format of zeros (00000123 for 123, "GH"000123):
        // what the clerk sees, and what a card number is. The format's literal prefix and the count of
        // zeros, by xf; none for other formats.
        QHash<size_t, std::optional<ZeroPaddedFormat>> paddings;
        auto paddingOf = [&](size_t xf) {
            const auto it = paddings.constFind(xf);
            if (it != paddings.constEnd())
                return *it;
            std::optional<ZeroPaddedFormat> padding;
            if (const ss::cell_format_t* format = styles.get_cell_format(xf))
                padding = ZeroPaddedFormat::parse(codes.value(format->number_format));
            paddings.insert(xf, padding);
            return padding;
        };
        // A percentage (0%, 0.00%): 0.35 shows as 35%, which is what a note or a title quotes.
        QHash<size_t, int> percentDecimals; // xf → decimals shown, -1 for other formats
        auto percentOf = [&](size_t xf) {
            const auto it = percentDecimals.constFind(xf);
            if (it != percentDecimals.constEnd())
                return *it;
            int decimals = -1;
            if (const ss::cell_format_t* format = styles.get_cell_format(xf)) {
                static const QRegularExpression percent(QStringLiteral("^[#,]*0(?:\\.(0+))?%$"));
                const QString code = format->number_format == 9    ? QStringLiteral("0%")
                                     : format->number_format == 10 ? QStringLiteral("0.00%")
                                                                   : codes.value(format->number_format);
                if (const QRegularExpressionMatch m = percent.match(code); m.hasMatch())
                    decimals = static_cast<int>(m.capturedLength(1));
            }
            percentDecimals.insert(xf, decimals);
            return decimals;
        };
        QHash<size_t, bool> dateFormats; // xf index → shows a date
        auto isDate = [&](size_t xf) {
            const auto it = dateFormats.constFind(xf);
            if (it != dateFormats.constEnd())
                return *it;
            bool date = false;
            if (const ss::cell_format_t* format = styles.get_cell_format(xf))
                date = isDateFormat(format->number_format, codes.value(format->number_format));
            else
                date = packageDates.contains(static_cast<int>(xf));
            dateFormats.insert(xf, date);
            return date;
        };
        for (const auto& collected : factory.sheets) {
            Sheet sheet = collected->sheet;
            sheet.serialOrigin = origin;
            sheet.rows.reserve(static_cast<qsizetype>(collected->rows.size()));
            for (const std::vector<RawCell>& raw : collected->rows) {
                QList<SheetCell> row;
                row.reserve(static_cast<qsizetype>(raw.size()));
                for (const RawCell& cell : raw) {
                    if (!struckXfs.isEmpty() && !cell.cell.isEmpty() &&
                        struckXfs.contains(static_cast<int>(cell.xf))) {
                        // The whole cell struck through (how clerks mark a leaver's row, or a value
                        // no longer true): nothing of it is the member's now.
                        const QPair<int, int> at{static_cast<int>(sheet.rows.size()),
                                                 static_cast<int>(row.size())};
                        sheet.struck.insert(at, cell.cell.text + sheet.struck.value(at));
                        row.append(SheetCell());
                        continue;
                    }
                    // Excel's dates are the serials 0 (1899-12-30, or 1904-01-01 in the 1904 date
                    // system) to 9999-12-31; a number outside them (or NaN) in a date-formatted cell
                    // stays a number, which the date fields refuse with a message instead of an
                    // out-of-range conversion.
                    // An .ods says which cells hold dates (office:value-type="date"), and liborcus
                    // hands those on as dates; its other numbers are numbers whatever their style
                    // (a cell without one has none, not liborcus's first, which may show dates).
                    const double serial = cell.cell.number;
                    if (m_format != Format::Ods && cell.isNumber &&
                        cell.cell.type == SheetCell::Type::Number && serial >= 0 &&
                        serial + static_cast<double>(originOffset) < 2958466 && isDate(cell.xf)) {
                        // Excel's 1900 system counts a 1900-02-29 that never was: its serials 1 to 59
                        // (1900-01-01 to 02-28) are one day later than counting from 1899-12-30 gives.
                        const qint64 days = ClerkDate::serialDays(serial);
                        const bool beforeLeapDay = originOffset == 0 && days >= 1 && days < 60;
                        SheetCell date = SheetCell::fromDate(origin.addDays(days + (beforeLeapDay ? 1 : 0)));
                        date.number = serial + static_cast<double>(originOffset);
                        row.append(date);
                    } else if (const auto padding = m_format == Format::Xlsx && cell.isNumber &&
                                                            cell.cell.type == SheetCell::Type::Number &&
                                                            ZeroPaddedFormat::holdsWhole(serial)
                                                        ? paddingOf(cell.xf)
                                                        : std::nullopt;
                               padding) {
                        row.append(SheetCell::fromText(padding->show(serial)));
                    } else if (const int decimals = m_format == Format::Xlsx && cell.isNumber &&
                                                            cell.cell.type == SheetCell::Type::Number
                                                        ? percentOf(cell.xf)
                                                        : -1;
                               decimals >= 0) {
                        SheetCell shown = cell.cell;
                        shown.text = QString::number(serial * 100, 'f', decimals) + QLatin1Char('%');
                        row.append(shown);
                    } else {
                        // liborcus hands on only the numeric results of .ods and Excel 2003 XML
                        // formulas: a text or date result there is not missing from the file.
                        row.append(cell.cell.uncalculatedFormula && m_format != Format::Xlsx ? SheetCell()
                                                                                             : cell.cell);
                    }
                }
                while (!row.isEmpty() && row.last().type == SheetCell::Type::Empty &&
                       !row.last().uncalculatedFormula)
                    row.removeLast();
                sheet.rows.append(row);
            }
            fillMergedCells(sheet, cellRanges(collected->properties.ranges) + collected->mergedByPackage);
            sheet.hiddenRows = collected->properties.hiddenRows;
            sheet.hiddenColumns = collected->properties.hiddenColumns;
            workbook->sheets.append(sheet);
        }
    } catch (const std::exception& e) {
        if (error)
            *error = unreadableMessage(path, QString::fromLocal8Bit(e.what()).trimmed());
        return false;
    }
    return true;
}

} // namespace ud
