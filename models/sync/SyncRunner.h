#pragma once

#include "sync/ApiClient.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>

namespace ud {
class Database;
}

namespace ud::sync {

struct SyncOptions
{
    QString serverUrl;
    QString login;
    QString password;
    int pushBatch = 500;  // operations per push, oldest first
    int pullLimit = 5000; // changes per page asked for (the most a server sends)
    int attempts = 3;     // tries of one call that failed for a passing reason (network, 5xx, 429)
    int backoffMs = 1000; // the pause before the second try, doubled before each further one
    int maxWaitMs = 60'000;
    int timeoutMs = 60'000;
};

struct SyncProgress
{
    enum class Phase
    {
        SigningIn,
        Pushing,
        Pulling,
        Waiting, // pausing before another try
        Done,
    };
    Phase phase = Phase::SigningIn;
    qint64 pushed = 0;
    qint64 pending = 0; // operations still in the outbox
    qint64 pulled = 0;
    QString message;
};

struct SyncReport
{
    bool ok = false;
    qint64 pushed = 0;    // operations the server answered (they left the outbox)
    qint64 pulled = 0;    // pulled changes written to the store
    qint64 conflicts = 0; // conflicts this run stored for the clerk
    bool joined = false;  // the store, begun offline, joined the account's organisation (StoreJoin)
    bool refused = false; // the server refused the login or password (LocalCredential::isRefused)
    QString error;        // why the run stopped, for the clerk
};

// One sync run (DESIGN.md "Sync contract"): sign in, push the outbox in batches, pull pages until
// the server has no more (each page asked for while the one before it is stored), sign out. Every
// step leaves the store consistent (a batch settles its operations in one transaction, a page
// moves the cursor with its records), so a run that stops anywhere — network, server, cancel, a
// killed process — is simply run again and converges.
//
// Signing in binds the store to the account's organisation: a new store takes it as its root, a
// store begun offline joins it (StoreJoin), a store of another organisation is refused. A sign-in
// the server accepted keeps the password's hash for signing in offline (LocalCredential); one it
// refused is noted there, so the clerk is not left believing the file is in step.
//
// Blocking: run it on a worker thread with a Database opened on that thread, or from the CLI.
class SyncRunner
{
    Q_DECLARE_TR_FUNCTIONS(ud::sync::SyncRunner)

public:
    SyncRunner(Database& store, SyncOptions options);

    void setProgressHandler(std::function<void(const SyncProgress&)> handler)
    {
        m_progress = std::move(handler);
    }
    // When set, the run stops at the next call or pause and reports Cancelled.
    void setCancelFlag(const std::atomic_bool* cancel) { m_cancel = cancel; }

    SyncReport run();

private:
    bool signIn(ApiClient& api, SyncReport* report);
    bool bindAccount(const SessionAccount& account, SyncReport* report);
    void rememberCredential(const SessionAccount& account);
    bool pushAll(ApiClient& api, SyncReport* report);
    bool pullAll(ApiClient& api, SyncReport* report);
    // Runs `call` until it succeeds, fails for good or the attempts are spent; a 401 signs in again once.
    bool withRetries(ApiClient& api, const std::function<bool(ApiError*)>& call, SyncReport* report);
    // After a failed call: pauses (back-off, or the server's Retry-After) and says whether to try
    // again; false with the reason in `result` when the failure is for good or the tries are spent.
    bool waitToRetry(const ApiError& failure, int* attempt, SyncReport* result);
    bool pause(int ms, const QString& why);
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    void report(SyncProgress::Phase phase, const QString& message = QString());
    void finish(const SyncReport& report);

    Database& m_store;
    SyncOptions m_options;
    std::function<void(const SyncProgress&)> m_progress;
    const std::atomic_bool* m_cancel = nullptr;
    SyncProgress m_state;
};

} // namespace ud::sync
