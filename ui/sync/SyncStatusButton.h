#pragma once

#include <QToolButton>

namespace ud {

class SyncController;

// The sync state in the status bar (beside the count of changes waiting): when the data file last
// synced, conflicts to decide, or why the last try failed and when the next one comes. Its menu syncs now,
// opens the conflicts and the server connection.
class SyncStatusButton : public QToolButton
{
    Q_OBJECT

public:
    SyncStatusButton(SyncController& controller, QWidget* parent = nullptr);

    void addMenuActions(const QList<QAction*>& actions);
    // Reads the controller again (a conflict was decided).
    void refresh();

private:
    SyncController& m_controller;
};

} // namespace ud
