#include "io/CsvReader.h"

#include <QFile>
#include <QFileInfo>

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
    const QString text = TextDecoder::decode(file.readAll(), &m_encoding);
    workbook->sheets = {parse(text, QFileInfo(path).completeBaseName())};
    return true;
}

QChar CsvReader::detectDelimiter(const QString& text)
{
    // Count candidates outside quotes on the first lines, not the first alone: a roster's first line
    // is often its title, a single field without any delimiter. The most frequent wins, comma on a
    // tie.
    const QChar candidates[] = {QLatin1Char(','), QLatin1Char('\t'), QLatin1Char(';'), QChar(0xFF0C)};
    int counts[4] = {0, 0, 0, 0};
    constexpr int kLines = 32;
    int lines = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        if (quoted)
            continue;
        if (c == QLatin1Char('\n') && ++lines == kLines)
            break;
        for (int i = 0; i < 4; ++i) {
            if (c == candidates[i])
                ++counts[i];
        }
    }
    int best = 0;
    for (int i = 1; i < 4; ++i) {
        if (counts[i] > counts[best])
            best = i;
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
    auto endField = [&] {
        row.append(SheetCell::fromText(field));
        field.clear();
        wasQuoted = false;
    };
    auto endRow = [&] {
        endField();
        if (row.size() == 1 && row.first().isEmpty())
            row.clear();
        sheet.rows.append(row);
        row.clear();
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(c);
                    ++i;
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
