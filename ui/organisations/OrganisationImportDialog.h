#pragma once

#include "io/OrganisationImport.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace ud {

class ImportProblemModel;

// The preview of an organisation import: how many unions will be added, how many are already in
// the tree and how many rows are refused, and every problem with its row and column as the clerk
// finds them in the file. Accepting it means "add them"; nothing is written before.
class OrganisationImportDialog : public QDialog
{
    Q_OBJECT

public:
    OrganisationImportDialog(const OrganisationImport& plan, const QString& fileName,
                             const QString& parentName, QWidget* parent = nullptr);

    QPushButton* importButton() const { return m_import; }
    QTableView* problemTable() const { return m_table; }
    QLabel* summaryLabel() const { return m_summary; }

private:
    QLabel* m_summary = nullptr;
    QTableView* m_table = nullptr;
    ImportProblemModel* m_problems = nullptr;
    QPushButton* m_import = nullptr;
};

} // namespace ud
