#pragma once

#include "io/SheetReader.h"

namespace ud {

// Reads a legacy .xls in a separate process (uniondesk-xls-reader, FreeXL inside). FreeXL 1.0.6, the
// version Debian 12 ships, overflows a stack buffer on some damaged workbooks (tests/fuzz/upstream):
// in a process of its own such a file ends that process, and the clerk gets a message, instead of
// the whole program going down with her open work. A reader that hangs is stopped after two minutes.
class IsolatedXlsReader : public SheetReader
{
    Q_DECLARE_TR_FUNCTIONS(ud::IsolatedXlsReader)

public:
    explicit IsolatedXlsReader(QString helperPath);
    bool read(const QString& path, Workbook* workbook, QString* error) override;

    // The helper program: $UNIONDESK_XLS_READER, or uniondesk-xls-reader beside this program or in
    // ../bin from it (the layout of the build tree); empty when there is none.
    static QString helperPath();

private:
    QString m_helperPath;
};

} // namespace ud
