#pragma once

#include <QWizardPage>

class QTreeWidget;

namespace ud {

struct ImportSession;

// The sheet to import, when the workbook has more than one: each sheet with its size and the header
// row found in it. Sheets without a recognisable header row cannot be chosen. The first sheet that
// has one is preselected (what the command-line import takes).
class ImportSheetPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportSheetPage(ImportSession& session, QWidget* parent = nullptr);

    QTreeWidget* sheetList() const { return m_sheets; }
    int selectedSheet() const;
    bool selectSheet(int sheet);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    enum Column
    {
        NameColumn,
        RowsColumn,
        HeaderColumn,
    };

    ImportSession& m_session;
    QTreeWidget* m_sheets = nullptr;
};

} // namespace ud
