#pragma once

#include "import/ImportSession.h"
#include "store/Scope.h"

#include <QWizard>

#include <memory>

namespace ud {

class AppSettings;
class Database;
class ImportFilePage;
class ImportMappingPage;
class ImportPreviewPage;
class ImportProgressPage;
class ImportSheetPage;
class ImportSummaryPage;
class MappingMemory;

// "Import members": file → sheet (only when there are several) → columns → preview → import →
// summary. Reading, checking and writing run on worker threads, each with its own connection to
// the store's file, so the window never freezes; each can be cancelled, and a cancelled or failed
// import writes nothing. Open it with open() (window-modal); membersImported() tells the main
// window to show the new members, importUndone() that "Undo this import" took them away again.
class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        FilePage,
        SheetPage,
        MappingPage,
        PreviewPage,
        ProgressPage,
        SummaryPage,
    };

    // `store` and `settings` must outlive the wizard; `organisationId` is preselected as the target.
    ImportWizard(Database& store, const Scope& scope, const QString& organisationId, AppSettings& settings,
                 QWidget* parent = nullptr);
    ~ImportWizard() override;

    const ImportSession& session() const { return m_session; }
    ImportFilePage* filePage() const { return m_filePage; }
    ImportSheetPage* sheetPage() const { return m_sheetPage; }
    ImportMappingPage* mappingPage() const { return m_mappingPage; }
    ImportPreviewPage* previewPage() const { return m_previewPage; }
    ImportProgressPage* progressPage() const { return m_progressPage; }
    ImportSummaryPage* summaryPage() const { return m_summaryPage; }

public slots:
    // While members are being written or an undo runs, Cancel (and Esc, and closing the window)
    // cancels the work and waits for the rollback instead of closing on it in flight.
    void reject() override;

signals:
    void membersImported(const QString& organisationId, int count);
    void importUndone(const QString& organisationId, int removed);

private:
    ImportSession m_session;
    std::unique_ptr<MappingMemory> m_memory;
    ImportFilePage* m_filePage = nullptr;
    ImportSheetPage* m_sheetPage = nullptr;
    ImportMappingPage* m_mappingPage = nullptr;
    ImportPreviewPage* m_previewPage = nullptr;
    ImportProgressPage* m_progressPage = nullptr;
    ImportSummaryPage* m_summaryPage = nullptr;
};

} // namespace ud
