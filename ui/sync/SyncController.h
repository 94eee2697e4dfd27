#pragma once

#include "sync/SyncRunner.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>

#include <atomic>

namespace ud {

class Database;
class SyncWorker;

// Keeps the data file in step with the server in the background: a sync every few minutes, soon
// after a local change, and after a failure again with a growing pause (30 s, 1, 2 … up to 30 min).
// The window never waits: each run happens on the sync thread (SyncWorker). Knows the password only
// in memory, for this session; without it (or without a server) it does nothing.
class SyncController : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        NotConnected, // no server for this data file, or no password this session
        Idle,
        Running,
        Failed, // the last run failed; another is planned (retryAt())
    };

    static constexpr int PeriodMs = 10 * 60 * 1000;
    static constexpr int AfterChangeMs = 20 * 1000;
    static constexpr int FirstRetryMs = 30 * 1000;
    static constexpr int LongestRetryMs = 30 * 60 * 1000;

    explicit SyncController(Database& store, QObject* parent = nullptr);
    ~SyncController() override;

    State state() const { return m_state; }
    QString serverUrl() const;
    QString login() const;
    bool hasCredentials() const { return !m_password.isEmpty() && !serverUrl().isEmpty(); }
    // The store's last complete run, in local time; invalid before the first.
    QDateTime lastSync() const;
    QString lastError() const { return m_lastError; }
    // The server refused the login or password at the last try: no further try is planned until the
    // clerk signs in again (each refusal counts towards the server locking the account).
    bool signInRefused() const { return m_signInRefused; }
    QDateTime retryAt() const { return m_retryAt; }
    qint64 pending() const;
    qint64 openConflicts() const;
    // The server, login and password of this session, for a call of its own on another thread (a
    // member look-up for a transfer in); the password is empty when the clerk has not signed in.
    sync::SyncOptions sessionOptions() const;
    // While running: what the run is doing, in words for the status bar.
    QString activity() const { return m_activity; }

    // Remembers the server and the account for this session (the server and login are also kept
    // in the data file by the first successful run) and starts a sync.
    void connectTo(const QString& serverUrl, const QString& login, const QString& password);
    // Takes the server, login and password over from `previous` (a window built again after the
    // data file joined the server), stops it — a run of its own is cancelled, its thread waited
    // for, so two runs never share the file — and starts a sync when it had a password.
    void continueSession(SyncController& previous);
    // Sets the retry and change delays (tests).
    void setDelays(int afterChangeMs, int firstRetryMs);

public slots:
    void syncNow();
    void cancel();
    // A local edit was saved: push it soon.
    void localChangeMade();

signals:
    void stateChanged();
    // A run ended; `changed` when it pulled or pushed anything (the window reloads what it shows).
    void finished(bool ok, bool changed);
    // The data file, begun offline, joined the account's organisation on the server during a run
    // (sync::StoreJoin): its root organisation has a new id and path, so every view holding the
    // old one must be built again. Emitted once, as soon as the run is past signing in.
    void rootOrganisationChanged();

private:
    void stop();
    void setState(State state);
    void onProgress(int phase, qint64 pushed, qint64 pending, qint64 pulled, const QString& message);
    void onFinished(bool ok, qint64 pushed, qint64 pulled, qint64 conflicts, const QString& error);
    void checkRootOrganisation();

    Database& m_store;
    QString m_serverUrl;
    QString m_login;
    QString m_password;
    State m_state = State::NotConnected;
    QString m_activity;
    QString m_lastError;
    QDateTime m_retryAt;
    int m_failures = 0;
    int m_afterChangeMs = AfterChangeMs;
    int m_firstRetryMs = FirstRetryMs;
    bool m_again = false; // a change arrived while running: run once more
    bool m_signInRefused = false;
    QString m_rootAtStart; // the root organisation when the run began
    QDateTime m_runStartedAt;

    std::atomic_bool m_cancel{false};
    QThread m_thread;
    SyncWorker* m_worker = nullptr;
    QTimer m_periodic;
    QTimer m_soon;
};

} // namespace ud
