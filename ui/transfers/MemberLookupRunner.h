#pragma once

#include "sync/ApiClient.h"
#include "sync/SyncRunner.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

template <typename T>
class QFutureWatcher;

namespace ud {

// What a look-up of an ID number on the server came to.
struct MemberLookupOutcome
{
    enum class Result
    {
        Found,
        NotFound,
        NotConnected, // no server or no password this session: nothing was asked
        Failed,       // the server could not be reached or refused; `message` says why
    };

    QString idNumber;
    Result result = Result::NotConnected;
    sync::MemberLookupAnswer member;
    QString message;
};

// Looks an ID number up on the server (GET /api/v1/members/lookup) for the dialogs of a transfer
// in: signs in with the session's account, asks, signs out, all on a pool thread, so the window
// never waits for the network. One look-up at a time: a new one supersedes the one running, whose
// answer is dropped.
class MemberLookupRunner : public QObject
{
    Q_OBJECT

public:
    // The session's server, login and password (SyncController::sessionOptions); asked at each
    // look-up, so signing in later counts.
    using SessionSource = std::function<sync::SyncOptions()>;

    explicit MemberLookupRunner(SessionSource session, QObject* parent = nullptr);
    ~MemberLookupRunner() override;

    // Signed in this session: a look-up can be asked.
    bool isConnected() const;
    bool isRunning() const { return m_watcher != nullptr; }
    // The ID number being looked up, or the last one answered.
    QString idNumber() const { return m_idNumber; }

    // Starts a look-up (finished() follows, at once when not connected).
    void start(const QString& idNumber);
    // Drops the running look-up; no finished() follows for it.
    void cancel();

    // How long a look-up may take before it counts as failed (tests shorten it).
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

signals:
    void started(const QString& idNumber);
    void finished(const ud::MemberLookupOutcome& outcome);

private:
    void done();

    SessionSource m_session;
    QString m_idNumber;
    int m_timeoutMs = 20'000;
    QFutureWatcher<MemberLookupOutcome>* m_watcher = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace ud
