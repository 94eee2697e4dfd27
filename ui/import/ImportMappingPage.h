#pragma once

#include <QStringList>
#include <QWizardPage>

class QLabel;
class QPushButton;
class QTableView;

namespace ud {

class ColumnMappingModel;
class MappingMemory;
struct ImportSession;

// Which member field each column of the file holds: the automatic mapping (or the one the clerk
// chose last time for the same headers) preselected, corrected in a drop-down per column. The name
// and the ID number must have a column before the import can go on. The mapping the clerk leaves
// the page with is remembered for files with the same headers.
class ImportMappingPage : public QWizardPage
{
    Q_OBJECT

public:
    ImportMappingPage(ImportSession& session, MappingMemory& memory, QWidget* parent = nullptr);

    ColumnMappingModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* automaticButton() const { return m_automatic; }
    // The clerk's choice for one file column, as the drop-down makes it.
    bool setField(int column, const QString& field);
    // True when the mapping shown came from MappingMemory.
    bool usesRememberedMapping() const;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void useAutomaticMapping();
    void updateStatus();
    QString sourceKey() const;

    ImportSession& m_session;
    MappingMemory& m_memory;
    ColumnMappingModel* m_model = nullptr;
    QLabel* m_intro = nullptr;
    QLabel* m_status = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_automatic = nullptr;
    QStringList m_automaticFields;  // the mapping HeaderMap::detect() found
    QString m_loadedFrom;           // file, date and sheet the table shows; kept when the clerk comes back
    QStringList m_rememberedFields; // the mapping MappingMemory gave back, if any
};

} // namespace ud
