#pragma once

#include <QString>

#include <optional>

namespace ud {

// A number format of zeros, with a literal prefix or none (000000, "HY"00000, \A0000): what a card
// number typed as a number keeps its leading zeros by. The spreadsheet shows 012345 for 12345; the
// import takes what the clerk sees. Read from .xlsx styles, from .xls FORMAT records and (as shown)
// from an .ods cell's paragraph.
class ZeroPaddedFormat
{
public:
    // The format a code describes; nothing for any other code (0, 0.00, yyyy-mm-dd, 000-0000 …).
    static std::optional<ZeroPaddedFormat> parse(const QString& whole);

    // A whole number from 0 to below 10^15 (which a number cell holds with every digit), so nothing
    // is guessed; a longer number (an ID number in a number cell) stays a number and is refused.
    static bool holdsWhole(double value);
    // `value` as the cell shows it; holdsWhole(value) must be true.
    QString show(double value) const;

private:
    QString m_prefix;
    int m_width = 0;
};

} // namespace ud
