#pragma once

#include <QWidget>

class QFutureWatcherBase;
class QLabel;
class QProgressBar;
class QPushButton;

namespace ud {

// What a page shows while a worker runs: a sentence, a progress bar fed by the worker's future and
// a Cancel button. The page decides what cancelling means (cancelRequested()).
class TaskProgress : public QWidget
{
    Q_OBJECT

public:
    explicit TaskProgress(QWidget* parent = nullptr);

    // Shows the panel for a task that `watcher` follows; the bar is busy until the task reports a range.
    void start(const QString& text, QFutureWatcherBase* watcher);
    void stop();
    // Off where the window's own Cancel button already cancels the task.
    void setCancelVisible(bool visible);
    // "Cancelling…", and no second click: the worker stops at its next row.
    void showCancelling();

    QProgressBar* progressBar() const { return m_bar; }
    QPushButton* cancelButton() const { return m_cancel; }
    QString text() const;

signals:
    void cancelRequested();

private:
    void requestCancel();

    QLabel* m_label = nullptr;
    QProgressBar* m_bar = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace ud
