#pragma once

#include "import/ImportTasks.h"

#include <QFutureWatcher>
#include <QWizardPage>

namespace ud {

class TaskProgress;
struct ImportSession;

// Writes the preview's rows on a worker, all in one transaction, with progress and Cancel (which
// rolls the whole import back). Moves on to the summary by itself when the worker is done.
class ImportProgressPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportProgressPage(ImportSession& session, QWidget* parent = nullptr);
    ~ImportProgressPage() override;

    bool isRunning() const { return m_watcher != nullptr; }
    // Asks the worker to stop and roll back; the page still waits for it to say what happened.
    void cancel();
    TaskProgress* progress() const { return m_progress; }

    void initializePage() override;
    bool isComplete() const override;

signals:
    // The worker is done (imported, cancelled or failed: see the session).
    void importFinished();

private:
    void finished();

    ImportSession& m_session;
    TaskProgress* m_progress = nullptr;
    QFutureWatcher<CommitResult>* m_watcher = nullptr;
    CancelFlag m_cancel;
};

} // namespace ud
