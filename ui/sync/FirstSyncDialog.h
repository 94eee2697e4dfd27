#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace ud {

class Database;
class SyncController;

// The first sync of a new data file, before the window opens (the clerk chose "Connect to a server
// instead" on the first run): the account's organisation and everything under it come from the
// server. Shows what the sync is doing; accepted once the file has its organisation, or shows why
// not, with another try at hand. Cancelling stops the sync; what it already received stays, and
// the next start carries on from there.
class FirstSyncDialog : public QDialog
{
    Q_OBJECT

public:
    FirstSyncDialog(Database& store, const QString& serverUrl, const QString& login, const QString& password,
                    QWidget* parent = nullptr);

    SyncController* controller() const { return m_controller; }
    QLabel* activityLabel() const { return m_activity; }
    QLabel* problemLabel() const { return m_problem; }
    QPushButton* retryButton() const { return m_retry; }

private:
    void showActivity();
    void runFinished(bool ok);

    Database& m_store;
    SyncController* m_controller = nullptr;
    QLabel* m_activity = nullptr;
    QLabel* m_problem = nullptr;
    QProgressBar* m_busy = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_retry = nullptr;
};

} // namespace ud
