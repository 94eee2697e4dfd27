#pragma once

#include <QWizardPage>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace ud {

class ImportUndoRunner;
class MessageBar;
class TaskProgress;
struct ImportSession;

// The last step: how many members were imported into which organisation, or that nothing was
// (cancelled, or failed, with the reason), and what was left out. After an import, "Undo this
// import" takes the whole batch back (ImportUndoRunner: confirm, then a worker with Cancel).
class ImportSummaryPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportSummaryPage(ImportSession& session, QWidget* parent = nullptr);

    QLabel* resultLabel() const { return m_result; }
    QLabel* detailLabel() const { return m_detail; }
    // Where actions on the finished import go.
    QHBoxLayout* actionsLayout() const { return m_actions; }
    QPushButton* undoButton() const { return m_undo; }
    MessageBar* messageBar() const { return m_messages; }
    TaskProgress* progress() const { return m_progress; }
    ImportUndoRunner* undoRunner() const { return m_runner; }
    bool isUndoing() const;
    bool isUndone() const { return m_undone; }

    void initializePage() override;
    // Finish waits while an undo runs.
    bool isComplete() const override;

public slots:
    // Checks, asks, and undoes the import on a worker.
    void undoImport();

signals:
    void importUndone(const QString& organisationId, int removed);

private:
    void undoFinished();

    ImportSession& m_session;
    QLabel* m_result = nullptr;
    QLabel* m_detail = nullptr;
    MessageBar* m_messages = nullptr;
    TaskProgress* m_progress = nullptr;
    QHBoxLayout* m_actions = nullptr;
    QPushButton* m_undo = nullptr;
    ImportUndoRunner* m_runner = nullptr;
    bool m_undone = false;
};

} // namespace ud
