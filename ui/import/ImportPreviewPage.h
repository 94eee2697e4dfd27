#pragma once

#include "import/ImportTasks.h"

#include <QFutureWatcher>
#include <QWizardPage>

class QLabel;
class QPushButton;
class QTableView;

namespace ud {

class ImportProblemModel;
class MessageBar;
class TaskProgress;
struct ImportSession;

// The preview: every member row read and checked on a worker (progress, Cancel goes back to the
// mapping), then the counts — rows to import, rows refused, warnings, rows skipped — and every
// problem with its row as in Excel, column, value and reason. The problem list can be saved as a
// workbook. Nothing has been written yet; Import goes on to the one-transaction commit.
class ImportPreviewPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportPreviewPage(ImportSession& session, QWidget* parent = nullptr);
    ~ImportPreviewPage() override;

    bool isChecking() const { return m_watcher != nullptr; }
    void cancel();
    // Writes the problem list (RosterImport::writeProblems) on a worker; problemsSaved() says when
    // it is done. The button asks for the path first.
    void saveProblems(const QString& path);
    QString suggestedProblemsPath() const;

    TaskProgress* progress() const { return m_progress; }
    ImportProblemModel* problemModel() const { return m_problems; }
    QTableView* problemTable() const { return m_table; }
    MessageBar* messageBar() const { return m_messageBar; }
    QPushButton* saveProblemsButton() const { return m_save; }
    QLabel* validLabel() const { return m_valid; }
    QLabel* rejectedLabel() const { return m_rejected; }
    QLabel* warningLabel() const { return m_warnings; }
    QLabel* skippedLabel() const { return m_skipped; }

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

signals:
    void problemsSaved(bool ok, const QString& path);

private:
    void checked();
    void showCounts();
    void askAndSaveProblems();

    ImportSession& m_session;
    TaskProgress* m_progress = nullptr;
    QWidget* m_results = nullptr;
    QLabel* m_valid = nullptr;
    QLabel* m_rejected = nullptr;
    QLabel* m_warnings = nullptr;
    QLabel* m_skipped = nullptr;
    ImportProblemModel* m_problems = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_save = nullptr;
    MessageBar* m_messageBar = nullptr;
    QFutureWatcher<PlanResult>* m_watcher = nullptr;
    CancelFlag m_cancel;
};

} // namespace ud
