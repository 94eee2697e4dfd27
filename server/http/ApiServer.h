#pragma once

#include "SessionAccount.h"
#include "SessionService.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace ud::server {

class ApiHandlers;
class ServerDatabase;

struct ApiServerOptions
{
    // Bodies above this answer 413. A first sync pushes at most SyncService::MaxPushOperations.
    qint64 maxBodyBytes = 32 * 1024 * 1024;
    SessionPolicy sessions;
};

// The transport of the HTTP API: listens (plain or TLS), routes each path of DESIGN.md's table to
// its handler, answers unknown paths (404), wrong methods (405), oversized bodies (413) and missing
// or dead bearer tokens (401) itself, and writes one RequestLog line per request. Handlers run on
// the thread of the event loop, one at a time, on one database connection.
class ApiServer : public QObject
{
    Q_OBJECT

public:
    ApiServer(QString databaseUrl, std::unique_ptr<ServerDatabase> database, ApiServerOptions options = {},
              QObject* parent = nullptr);
    ~ApiServer() override;

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
    using Handler = std::function<QHttpServerResponse(const QHttpServerRequest&, const SessionAccount&)>;
    struct MethodRoute
    {
        QHttpServerRequest::Method method;
        Access access;
        Handler handler;
    };

    void addRoute(const QString& path, const QList<MethodRoute>& methods);
    QHttpServerResponse serve(const QList<MethodRoute>& methods, const QHttpServerRequest& request,
                              QString* accountId);

    ApiServerOptions m_options;
    std::unique_ptr<ApiHandlers> m_handlers;
    bool m_tls = false;
    // Last, so that it stops serving before the handlers go.
    QHttpServer m_server;
};

} // namespace ud::server
