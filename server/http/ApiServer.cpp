#include "ApiServer.h"

#include "ApiHandlers.h"
#include "JsonReply.h"
#include "RequestLog.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMetaEnum>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace ud::server {

namespace {

using Status = QHttpServerResponse::StatusCode;
using Method = QHttpServerRequest::Method;

QString methodName(Method method)
{
    const char* key = QMetaEnum::fromType<Method>().valueToKey(static_cast<int>(method));
    return key ? QString::fromLatin1(key).toUpper() : QStringLiteral("UNKNOWN");
}

} // namespace

ApiServer::ApiServer(QString databaseUrl, ApiServerOptions options, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_databases(std::move(databaseUrl))
    , m_handlers(std::make_unique<ApiHandlers>(m_databases, options.sessions))
{
    // Bounded: each worker holds a database connection and, during a login, Argon2's 64 MB. The
    // threads (and their connections) stay for the server's life instead of expiring when idle.
    m_workers.setMaxThreadCount(options.threads > 0 ? options.threads : defaultThreads());
    m_workers.setExpiryTimeout(-1);
    m_probe.setMaxThreadCount(1);
    m_probe.setExpiryTimeout(-1);

    ApiHandlers* h = m_handlers.get();
    using R = ApiRequest;
    using A = SessionAccount;
    addRoute(QStringLiteral("/api/v1/session"), {{Method::Post, Access::Anyone,
                                                  [h](const R& r, const A&) {
                                                      return h->createSession(r);
                                                  }},
                                                 {Method::Delete, Access::Session, [h](const R& r, const A&) {
                                                      return h->deleteSession(r);
                                                  }}});
    addRoute(QStringLiteral("/api/v1/sync/push"),
             {{Method::Post, Access::Session, [h](const R& r, const A& a) {
                   return h->push(r, a);
               }}});
    addRoute(QStringLiteral("/api/v1/sync/pull"),
             {{Method::Get, Access::Session, [h](const R& r, const A& a) {
                   return h->pull(r, a);
               }}});
    addRoute(QStringLiteral("/api/v1/members/lookup"),
             {{Method::Get, Access::Session, [h](const R& r, const A& a) {
                   return h->lookup(r, a);
               }}});
    addRoute(QStringLiteral("/api/v1/health"),
             {{Method::Get, Access::Anyone, [h](const R&, const A&) { return h->health(); }, Lane::Probe}});

    m_server.setMissingHandler([](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        QElapsedTimer timer;
        timer.start();
        const QHttpServerResponse response = JsonReply::error(Status::NotFound, tr("No such API call."));
        response.write(std::move(responder));
        // The path is not logged: a mistyped one may carry what was meant for the query string.
        RequestLog::write({methodName(request.method()), QStringLiteral("(unknown)"),
                           static_cast<int>(Status::NotFound), timer.elapsed(), QString()});
    });
}

ApiServer::~ApiServer() = default;

int ApiServer::defaultThreads()
{
    return std::max(2, QThread::idealThreadCount());
}

void ApiServer::addRoute(const QString& path, const QList<MethodRoute>& methods)
{
    // Every method reaches dispatch(), which answers 405 itself: QHttpServer 6.4 would say 404.
    m_server.route(
        path, [this, path, methods](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            dispatch(path, methods, request, std::move(responder));
        });
}

void ApiServer::dispatch(const QString& path, const QList<MethodRoute>& methods,
                         const QHttpServerRequest& request, QHttpServerResponder&& responder)
{
    QElapsedTimer timer;
    timer.start();
    ApiRequest copy = ApiRequest::copyOf(request);
    const QString method = methodName(copy.method);
    const MethodRoute* route = nullptr;
    if (const std::shared_ptr<QHttpServerResponse> refused = refusal(methods, copy, &route)) {
        refused->write(std::move(responder));
        RequestLog::write(
            {method, path, static_cast<int>(refused->statusCode()), timer.elapsed(), QString()});
        return;
    }

    // QAbstractHttpServer deletes the socket when the client goes, also while its request is
    // still being worked on; the answer is then dropped (the log line still says how it ended).
    const QPointer<QTcpSocket> socket = responder.socket();
    // Shared, because a continuation must be copyable and a responder cannot be copied.
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    QThreadPool* lane = route->lane == Lane::Probe ? &m_probe : &m_workers;
    QtConcurrent::run(lane, [this, chosen = *route, request = std::move(copy)] {
        return serve(chosen, request);
    }).then(this, [socket, pending, method, path, timer](const Outcome& outcome) {
        if (socket && socket->isOpen())
            outcome.response->write(std::move(*pending));
        RequestLog::write({method, path, static_cast<int>(outcome.response->statusCode()), timer.elapsed(),
                           outcome.accountId});
    });
}

std::shared_ptr<QHttpServerResponse> ApiServer::refusal(const QList<MethodRoute>& methods,
                                                        const ApiRequest& request,
                                                        const MethodRoute** route) const
{
    QByteArrayList allowed;
    for (const MethodRoute& candidate : methods) {
        allowed.append(methodName(candidate.method).toLatin1());
        if (candidate.method == request.method)
            *route = &candidate;
    }
    if (!*route) {
        auto response = std::make_shared<QHttpServerResponse>(
            JsonReply::error(Status::MethodNotAllowed, tr("This API call does not take this method.")));
        response->setHeader(QByteArrayLiteral("Allow"), allowed.join(", "));
        return response;
    }
    bool lengthOk = true;
    const qint64 declared = request.header(QByteArrayLiteral("content-length")).toLongLong(&lengthOk);
    if ((lengthOk && declared > m_options.maxBodyBytes) || request.body.size() > m_options.maxBodyBytes)
        return std::make_shared<QHttpServerResponse>(JsonReply::error(
            Status::PayloadTooLarge,
            tr("The body is larger than %1 MB.").arg(m_options.maxBodyBytes / (1024 * 1024))));
    return nullptr;
}

ApiServer::Outcome ApiServer::serve(const MethodRoute& route, const ApiRequest& request) const
{
    Outcome outcome;
    SessionAccount account;
    if (route.access == Access::Session) {
        QString error;
        account = m_handlers->authenticate(request, &error);
        if (!error.isEmpty()) {
            outcome.response = std::make_shared<QHttpServerResponse>(ApiHandlers::internalError(error));
            return outcome;
        }
        if (!account.isValid()) {
            outcome.response = std::make_shared<QHttpServerResponse>(
                JsonReply::error(Status::Unauthorized, tr("A valid session token is needed.")));
            outcome.response->setHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer"));
            return outcome;
        }
        outcome.accountId = account.id;
    }
    outcome.response = std::make_shared<QHttpServerResponse>(route.handler(request, account));
    return outcome;
}

bool ApiServer::useTls(const QString& certificateFile, const QString& keyFile, QString* error)
{
    if (!QSslSocket::supportsSsl()) {
        *error = tr("This Qt has no TLS support.");
        return false;
    }
    QFile certificate(certificateFile);
    if (!certificate.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the certificate %1: %2").arg(certificateFile, certificate.errorString());
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromDevice(&certificate, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        *error = tr("%1 holds no PEM certificate.").arg(certificateFile);
        return false;
    }
    QFile key(keyFile);
    if (!key.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the private key %1: %2").arg(keyFile, key.errorString());
        return false;
    }
    const QByteArray keyData = key.readAll();
    QSslKey privateKey;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        privateKey = QSslKey(keyData, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!privateKey.isNull())
            break;
    }
    if (privateKey.isNull()) {
        *error = tr("%1 holds no unencrypted PEM private key (RSA, EC or DSA).").arg(keyFile);
        return false;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(privateKey);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients prove themselves with a token
    m_server.sslSetup(configuration);
    m_tls = true;
    return true;
}

quint16 ApiServer::listen(const QHostAddress& address, quint16 port, QString* error)
{
    const quint16 bound = m_server.listen(address, port);
    if (bound != 0)
        return bound;
    // QHttpServer 6.4 only logs why; a plain socket tells it again (the port is taken, say).
    QTcpServer probe;
    *error = probe.listen(address, port) ? tr("the server could not start") : probe.errorString();
    return 0;
}

} // namespace ud::server
