#pragma once

#include "import/ImportTasks.h"
#include "store/Scope.h"

#include <QObject>
#include <QPointer>

template <typename T>
class QFutureWatcher;
class QWidget;

namespace ud {

class MessageBar;
class TaskProgress;

// "Undo this import", shared by the wizard's summary page and the list of imports: reads on a
// worker what the undo would do, asks the clerk (N members removed, M of them deletions that sync,
// K changed since the import), or says why it is refused (a member holds a union post), then undoes
// on a worker with progress and Cancel, and reports the outcome in the host's message bar.
class ImportUndoRunner : public QObject
{
    Q_OBJECT

public:
    enum class Outcome
    {
        Undone,
        Declined,  // the clerk answered No
        Refused,   // nothing to undo, already undone, or a member holds a union post
        Cancelled, // Cancel during the undo: nothing was changed
        Failed,
    };
    Q_ENUM(Outcome)

    // `progress` and `messages` belong to the host (the dialog or page) and must outlive the runner;
    // `dialogParent` is the window the question is asked over.
    ImportUndoRunner(const QString& storePath, const Scope& scope, const QString& actor,
                     TaskProgress* progress, MessageBar* messages, QWidget* dialogParent);
    ~ImportUndoRunner() override;

    // Starts with the check; false when a run is already in progress.
    bool start(const QString& batchId);
    bool isRunning() const { return m_state != State::Idle; }
    // Stops the check, or asks the undo to roll back at its next step; finished() follows.
    void cancel();

    // The question the clerk answers, and the refusal when the undo cannot be done (empty if it can).
    static QString confirmationText(const ImportBatch& batch, const ImportUndoCheck& check);
    static QString refusalText(const std::optional<ImportBatch>& batch, const ImportUndoCheck& check);

signals:
    void started();
    // The worker is done, whatever happened; the message bar already says what.
    void finished(ud::ImportUndoRunner::Outcome outcome);
    // The members were removed: the roster and the organisation tree are out of date.
    void undone(const QString& batchId, const QString& organisationId, int removed);

private:
    enum class State
    {
        Idle,
        Checking,
        Undoing,
    };
    void checked();
    void undoFinished();
    void finish(Outcome outcome, const QString& message);

    QString m_storePath;
    Scope m_scope;
    QString m_actor;
    QPointer<TaskProgress> m_progress;
    QPointer<MessageBar> m_messages;
    QPointer<QWidget> m_dialogParent;

    State m_state = State::Idle;
    bool m_checkCancelled = false;
    ImportBatch m_batch;
    int m_synced = 0; // of the members removed, those whose deletion syncs
    CancelFlag m_cancel;
    QFutureWatcher<UndoCheckResult>* m_checkWatcher = nullptr;
    QFutureWatcher<UndoResult>* m_undoWatcher = nullptr;
};

} // namespace ud
