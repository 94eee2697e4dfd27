#pragma once

#include "sync/SyncMessages.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QUrl>

#include <atomic>

class QNetworkReply;

namespace ud::sync {

// Why a call failed, in a sentence for the clerk that names the server and the cause.
struct ApiError
{
    enum class Kind
    {
        None,
        Network,      // refused, unreachable, name not found, connection dropped
        Timeout,      // no complete answer within the time allowed
        Unauthorized, // 401: wrong login or password, or the token is no longer valid
        Throttled,    // 429: too many attempts; retryAfterSeconds says how long to wait
        Server,       // 5xx
        Refused,      // another 4xx
        BadAnswer,    // an answer that is not the JSON the API promises
        Cancelled,
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    int retryAfterSeconds = 0;
    QString message;

    // Worth trying again after a pause: the server or the network may recover.
    bool isTransient() const
    {
        return kind == Kind::Network || kind == Kind::Timeout || kind == Kind::Server ||
               kind == Kind::Throttled;
    }
};

// A member found by GET /api/v1/members/lookup (server/API.md "Member lookup"): who she is as a
// union that does not hold her may see it. `found` is false when no member has the ID number.
struct MemberLookupAnswer
{
    bool found = false;
    QString id;
    QString name; // masked by the server: 张*明
    QString organisation;
    QString organisationId;
    QString since; // her join date, ISO
    QString status;

    static MemberLookupAnswer fromJson(const QJsonObject& object);
};

// The client of the sync API over HTTP(S). Every call blocks until the answer, the timeout or the
// cancel flag, running a local event loop: use it on a worker thread or in the command-line tool,
// never on the GUI thread. Lives on the thread that created it.
class ApiClient
{
    Q_DECLARE_TR_FUNCTIONS(ud::sync::ApiClient)

public:
    explicit ApiClient(const QUrl& server, int timeoutMs = 60'000);

    // A cancel flag checked while waiting; a set flag aborts the call with Kind::Cancelled.
    void setCancelFlag(const std::atomic_bool* cancel) { m_cancel = cancel; }
    QUrl server() const { return m_server; }
    // The server as named in messages (scheme, host and port).
    QString serverName() const;

    bool login(const QString& login, const QString& password, Session* session, ApiError* error);
    bool logout(ApiError* error);
    bool push(const QString& clientId, const QList<OutboxOperation>& operations, QList<PushResult>* results,
              ApiError* error);
    bool pull(const QString& cursor, int limit, PullPage* page, ApiError* error);
    // The masked summary of the member holding `idNumber` anywhere on the server, for a transfer in
    // (the server audit-logs every look-up). No member with it (404) is an answer, not a failure:
    // true with `found` false.
    bool lookupMember(const QString& idNumber, MemberLookupAnswer* answer, ApiError* error);
    // The same pull in two halves, so that the caller can work while the server answers: the
    // request goes out now (from the network manager's own thread: this thread may block), and
    // takePull() waits for its answer (the timeout counts from there). One at a time; sending
    // another drops the one not taken.
    void sendPull(const QString& cursor, int limit);
    bool takePull(PullPage* page, ApiError* error);
    // Drops a pull sent and not taken.
    void dropPull();

    bool hasSession() const { return !m_token.isEmpty(); }

private:
    enum class Call
    {
        Login,
        Other,
    };
    bool send(const QByteArray& method, const QString& path, const QJsonObject* body, Call call,
              QJsonObject* answer, ApiError* error);
    QNetworkReply* start(const QByteArray& method, const QString& path, const QJsonObject* body, Call call);
    // Waits for `reply` (then deleted) and reads its answer.
    bool finish(QNetworkReply* reply, const QByteArray& method, Call call, QJsonObject* answer,
                ApiError* error);
    static QString pullPath(const QString& cursor, int limit);
    bool readPull(const QJsonObject& answer, PullPage* page, ApiError* error) const;
    ApiError networkError(QNetworkReply* reply) const;
    ApiError httpError(int status, const QByteArray& body, const QByteArray& retryAfter, Call call) const;
    ApiError badAnswer(const QString& detail) const;

    QUrl m_server;
    int m_timeoutMs;
    QString m_token;
    const std::atomic_bool* m_cancel = nullptr;
    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_sentPull;
};

} // namespace ud::sync
