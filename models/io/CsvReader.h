#pragma once

#include "io/SheetReader.h"
#include "io/TextDecoder.h"

namespace ud {

// A .csv or .txt file as one sheet: the encoding detected (see TextDecoder), the delimiter taken from
// the first lines (comma, tab, semicolon, the full-width comma or |; the title line above the header
// has none), quoted fields with doubled quotes and line breaks inside them; a quote that never closes
// is a character of its cell. Every cell is Text: the importer judges what it holds.
class CsvReader : public SheetReader
{
    Q_DECLARE_TR_FUNCTIONS(ud::CsvReader)

public:
    bool read(const QString& path, Workbook* workbook, QString* error) override;

    // The parsing step alone, for text already decoded.
    static Sheet parse(const QString& text, const QString& sheetName = QString());
    static QChar detectDelimiter(const QString& text);

    TextDecoder::Encoding encoding() const { return m_encoding; }

private:
    TextDecoder::Encoding m_encoding = TextDecoder::Encoding::Utf8;
};

} // namespace ud
