#pragma once

#include "store/Scope.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace ud {

class Database;
class ImportBatchModel;
class ImportUndoRunner;
class MessageBar;
class TaskProgress;

// "Import history": every import into the session's organisations, newest first, and "Undo
// import…" for the one selected — the same confirmation, worker, progress and Cancel as the
// wizard's "Undo this import" (ImportUndoRunner). An undone import stays in the list, marked with
// when it was undone, and cannot be undone again. Open it with open(); importUndone() tells the
// main window to read the roster again.
class ImportHistoryDialog : public QDialog
{
    Q_OBJECT

public:
    // `store` must outlive the dialog.
    ImportHistoryDialog(Database& store, const Scope& scope, QWidget* parent = nullptr);

    ImportBatchModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QPushButton* undoButton() const { return m_undo; }
    MessageBar* messageBar() const { return m_messages; }
    TaskProgress* progress() const { return m_progress; }
    QLabel* emptyLabel() const { return m_empty; }
    ImportUndoRunner* undoRunner() const { return m_runner; }

    // Reads the list again, keeping the selection.
    void reload();
    bool selectBatch(const QString& batchId);
    QString selectedBatchId() const;

public slots:
    void undoSelected();
    // While an undo runs, Close (and Esc) cancels it instead and waits for the rollback.
    void reject() override;

signals:
    void importUndone(const QString& organisationId, int removed);

private:
    void updateActions();

    Database& m_store;
    Scope m_scope;
    ImportBatchModel* m_model = nullptr;
    MessageBar* m_messages = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_empty = nullptr;
    TaskProgress* m_progress = nullptr;
    QPushButton* m_undo = nullptr;
    QPushButton* m_close = nullptr;
    ImportUndoRunner* m_runner = nullptr;
};

} // namespace ud
