#pragma once

#include "ApiRequest.h"
#include "SessionAccount.h"
#include "SessionService.h"
#include "ThreadDatabases.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QList>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace ud::server {

class ApiHandlers;

struct ApiServerOptions
{
    // Bodies above this answer 413. A first sync pushes at most SyncService::MaxPushOperations.
    qint64 maxBodyBytes = 32 * 1024 * 1024;
    SessionPolicy sessions;
    // Requests answered at once; 0: defaultThreads().
    int threads = 0;
};

// The transport of the HTTP API: listens (plain or TLS), routes each path of DESIGN.md's table to
// its handler, answers unknown paths (404), wrong methods (405), oversized bodies (413) and missing
// or dead bearer tokens (401) itself, and writes one RequestLog line per request.
//
// The event loop's thread only reads requests and writes answers. The work of a request (the
// bearer check and the handler: Argon2, SQL, JSON) runs on a bounded pool of worker threads, each
// with its own database connection (ThreadDatabases), so a login or a large pull page does not
// hold up the other clerks. The health check has a thread of its own, so that a probe is answered
// while every worker is busy. Nothing is shared between the workers but the database, which keeps
// requests apart as it does for several server instances (transactions, the change sequence's lock).
class ApiServer : public QObject
{
    Q_OBJECT

public:
    ApiServer(QString databaseUrl, ApiServerOptions options = {}, QObject* parent = nullptr);
    // Stops listening, then waits for the requests under way (their answers are not sent).
    ~ApiServer() override;

    // max(2, the number of cores).
    static int defaultThreads();
    int threads() const { return m_workers.maxThreadCount(); }

    // Loads a PEM certificate (chain) and its PEM private key; call before listen().
    bool useTls(const QString& certificateFile, const QString& keyFile, QString* error);
    bool isTls() const { return m_tls; }
    // The port bound (the one chosen when `port` is 0), or 0 with the reason in `error`.
    quint16 listen(const QHostAddress& address, quint16 port, QString* error);

private:
    enum class Access
    {
        Anyone,
        Session, // needs a valid bearer token
    };
    enum class Lane
    {
        Workers,
        Probe, // the health check's own thread
    };
    using Handler = std::function<QHttpServerResponse(const ApiRequest&, const SessionAccount&)>;
    struct MethodRoute
    {
        QHttpServerRequest::Method method;
        Access access;
        Handler handler;
        Lane lane = Lane::Workers;
    };
    // What a worker hands back to the event loop's thread.
    struct Outcome
    {
        std::shared_ptr<QHttpServerResponse> response;
        QString accountId;
    };

    void addRoute(const QString& path, const QList<MethodRoute>& methods);
    void dispatch(const QString& path, const QList<MethodRoute>& methods, const QHttpServerRequest& request,
                  QHttpServerResponder&& responder);
    // The answer when the transport refuses the request itself (a wrong method, a body too large),
    // or nullptr when its route's handler is to run.
    std::shared_ptr<QHttpServerResponse> refusal(const QList<MethodRoute>& methods, const ApiRequest& request,
                                                 const MethodRoute** route) const;
    // On a worker: the bearer check and the handler.
    Outcome serve(const MethodRoute& route, const ApiRequest& request) const;

    ApiServerOptions m_options;
    ThreadDatabases m_databases;
    std::unique_ptr<ApiHandlers> m_handlers;
    // After the handlers and the connections: waiting for the requests under way, and ending the
    // threads (each closes its connection as it ends), is the first thing to happen to them.
    QThreadPool m_workers;
    QThreadPool m_probe;
    bool m_tls = false;
    // Last, so that it stops serving before anything else goes.
    QHttpServer m_server;
};

} // namespace ud::server
