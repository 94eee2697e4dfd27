#include "io/CsvReader.h"

#include <QFile>
#include <QFileInfo>

#include <array>
#include <map>
#include <vector>

namespace ud {

bool CsvReader::read(const QString& path, Workbook* workbook, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error =
                tr("%1: the file cannot be opened (%2).").arg(QFileInfo(path).fileName(), file.errorString());
        return false;
    }
    QString text = TextDecoder::decode(file.readAll(), &m_encoding);
    // DOS programs and old unit systems end a text file with Ctrl-Z, an end-of-file mark, not a row.
    while (text.endsWith(QChar(0x1A)))
        text.chop(1);
    // Zeros after the text: a few after the last line end are a terminator some programs write (C's
    // end of a string); more are the space a save, copy or download reserved and never filled. Rows
    // may then be missing, and nothing in the file says which.
    qsizetype zeros = 0;
    while (zeros < text.size() && text.at(text.size() - 1 - zeros) == QChar(0))
        ++zeros;
    const QStringView beforeZeros = QStringView(text).chopped(zeros);
    if (zeros > 0 && zeros <= 4 &&
        (beforeZeros.endsWith(QLatin1Char('\n')) || beforeZeros.endsWith(QLatin1Char('\r'))))
        text.chop(zeros);
    if (text.endsWith(QChar(0))) {
        if (error)
            *error =
                tr("%1: the file ends in zero bytes where text should be: it is damaged (a save, copy or "
                   "download that never finished), and its last rows may be missing. Open it in Excel or "
                   "WPS to check the rows, save it again and import that, or use another copy.")
                    .arg(QFileInfo(path).fileName());
        return false;
    }
    // A file cut short (an interrupted copy or download) ends without a line end, and perhaps in the
    // middle of a character: the half character cannot be read, the row it is in is not whole.
    const bool lineEnd = text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r'));
    if (!lineEnd && text.endsWith(QChar::ReplacementCharacter)) {
        if (error)
            *error =
                tr("%1: the file ends in the middle of a character: it was cut short (an interrupted copy "
                   "or download), and its last rows may be missing. Copy or download it again.")
                    .arg(QFileInfo(path).fileName());
        return false;
    }
    Sheet sheet = parse(text, QFileInfo(path).completeBaseName());
    // The last row cut off: fewer fields than the row above it, and no line end.
    if (!lineEnd && sheet.rows.size() >= 2) {
        const qsizetype last = sheet.rows.size() - 1;
        qsizetype before = last - 1;
        while (before > 0 && sheet.rows.at(before).isEmpty())
            --before;
        if (sheet.rows.at(last).size() < sheet.rows.at(before).size())
            sheet.cutRow = static_cast<int>(last);
    }
    workbook->sheets = {sheet};
    return true;
}

QChar CsvReader::detectDelimiter(const QString& text)
{
    // Count candidates outside quotes per line on the first lines, not the first alone: a roster's
    // first line is often its title, a single field without any delimiter. The delimiter is the one
    // that splits the most lines into the same number of fields; the most frequent one is not, as
    // an address such as 广东省,广州市,天河区 in a tab-separated file has more commas than tabs. On
    // a tie the more frequent wins, comma on a full tie.
    // '|' is what some systems' text exports separate fields with.
    const QChar candidates[] = {QLatin1Char(','), QLatin1Char('\t'), QLatin1Char(';'), QChar(0xFF0C),
                                QLatin1Char('|')};
    constexpr int kCandidates = 5;
    constexpr int kLines = 32;
    std::vector<std::array<int, kCandidates>> perLine(1, {0, 0, 0, 0, 0});
    bool quoted = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        if (quoted)
            continue;
        if (c == QLatin1Char('\n')) {
            if (perLine.size() == kLines)
                break;
            perLine.push_back({0, 0, 0, 0, 0});
            continue;
        }
        for (int i = 0; i < kCandidates; ++i) {
            if (c == candidates[i])
                ++perLine.back()[size_t(i)];
        }
    }
    int best = 0;
    std::pair<int, int> bestScore{-1, -1}; // lines split alike, occurrences
    for (int i = 0; i < kCandidates; ++i) {
        std::map<int, int> linesWithCount;
        int total = 0;
        for (const auto& counts : perLine) {
            const int n = counts[size_t(i)];
            total += n;
            if (n > 0)
                ++linesWithCount[n];
        }
        int alike = 0;
        for (const auto& [count, lines] : linesWithCount)
            alike = std::max(alike, lines);
        const std::pair<int, int> score{alike, total};
        if (score > bestScore) {
            bestScore = score;
            best = i;
        }
    }
    return candidates[best];
}

Sheet CsvReader::parse(const QString& text, const QString& sheetName)
{
    Sheet sheet;
    sheet.name = sheetName;
    const QChar delimiter = detectDelimiter(text);
    QList<SheetCell> row;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    qsizetype widest = 0; // the most cells a row has had
    // Where the open quote was, and the rows as they stood then: a quote that never closes, or closes
    // where no cell ends ("王芳,女,… with no quote after it), would swallow the rows after it into one
    // cell; the reading goes back there and takes that quote as a character of its cell.
    struct Opened
    {
        qsizetype at = -1;
        qsizetype rows = 0;
        QList<SheetCell> row;
        qsizetype widest = 0;
    } opened;
    auto endField = [&] {
        // Control characters alone (a stray byte at the end of the file) are no value.
        if (!field.isEmpty() && std::all_of(field.cbegin(), field.cend(), [](QChar ch) {
                return ch.unicode() < 0x20 && ch != QLatin1Char('\t') && ch != QChar(0x0B);
            }))
            field.clear();
        row.append(SheetCell::fromText(field));
        field.clear();
        wasQuoted = false;
    };
    auto endRow = [&] {
        endField();
        widest = std::max<qsizetype>(widest, row.size());
        if (row.size() == 1 && row.first().isEmpty())
            row.clear();
        sheet.rows.append(row);
        row.clear();
    };
    // Whether the quoted cell just closed (before position `next`) was a quote left open instead.
    auto swallowedRows = [&](qsizetype next) {
        if (!field.contains(QLatin1Char('\n')))
            return false; // on one line: just read
        const qsizetype n = text.size();
        // Closed by another cell's opening quote ("张三,… over lines, then ,"李四").
        if (next < n && text.at(next) != delimiter && text.at(next) != u'\r' && text.at(next) != u'\n')
            return true;
        // A line inside the cell with nearly as many delimiters as a row has cells is a row the quote
        // swallowed ("备注开始⏎李四,ID,…,结束"), not a note on two lines.
        if (widest < 3)
            return false;
        const QStringList lines = field.split(QLatin1Char('\n'));
        return std::any_of(lines.cbegin() + 1, lines.cend(),
                           [&](const QString& line) { return line.count(delimiter) >= widest - 2; });
    };
    auto reopen = [&](qsizetype* i) {
        sheet.rows.resize(opened.rows);
        row = opened.row;
        widest = opened.widest;
        field = QStringLiteral("\"");
        quoted = false;
        wasQuoted = false;
        *i = opened.at;
        opened.at = -1;
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0;; ++i) {
        if (i >= n) {
            if (quoted && field.contains(QLatin1Char('\n'))) {
                reopen(&i);
                continue;
            }
            break;
        }
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(c);
                    ++i;
                } else if (swallowedRows(i + 1)) {
                    reopen(&i);
                } else {
                    quoted = false;
                }
            } else {
                field.append(c);
            }
        } else if (c == QLatin1Char('"') && field.trimmed().isEmpty() && !wasQuoted) {
            field.clear();
            quoted = true;
            wasQuoted = true;
            opened = {i, sheet.rows.size(), row, widest};
        } else if (c == delimiter) {
            endField();
        } else if (c == QLatin1Char('\r')) {
            if (i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            endRow();
        } else if (c == QLatin1Char('\n')) {
            endRow();
        } else {
            field.append(c);
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        endRow();
    return sheet;
}

} // namespace ud
