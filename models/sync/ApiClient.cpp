#include "sync/ApiClient.h"

#include "sync/SyncLog.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

namespace ud::sync {

namespace {
constexpr int CancelPollMs = 100;
}

ApiClient::ApiClient(const QUrl& server, int timeoutMs)
    : m_server(server)
    , m_timeoutMs(timeoutMs)
{
    // Paths are appended below, so a trailing slash in the address must not double up.
    QString path = m_server.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    m_server.setPath(path);
}

QString ApiClient::serverName() const
{
    return m_server.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery).toDisplayString();
}

bool ApiClient::login(const QString& login, const QString& password, Session* session, ApiError* error)
{
    const QJsonObject body{{QStringLiteral("login"), login}, {QStringLiteral("password"), password}};
    QJsonObject answer;
    if (!send("POST", QStringLiteral("/api/v1/session"), &body, Call::Login, &answer, error))
        return false;
    *session = Session::fromJson(answer);
    if (session->token.isEmpty() || session->account.organisation.isEmpty()) {
        if (error)
            *error = badAnswer(tr("the sign-in answer has no token or no organisation"));
        return false;
    }
    m_token = session->token;
    return true;
}

bool ApiClient::logout(ApiError* error)
{
    if (m_token.isEmpty())
        return true;
    QJsonObject answer;
    const bool done = send("DELETE", QStringLiteral("/api/v1/session"), nullptr, Call::Other, &answer, error);
    m_token.clear();
    return done;
}

bool ApiClient::push(const QString& clientId, const QList<OutboxOperation>& operations,
                     QList<PushResult>* results, ApiError* error)
{
    const QJsonObject body = pushRequest(clientId, operations);
    QJsonObject answer;
    if (!send("POST", QStringLiteral("/api/v1/sync/push"), &body, Call::Other, &answer, error))
        return false;
    if (!answer.value(QLatin1String("results")).isArray()) {
        if (error)
            *error = badAnswer(tr("the push answer has no results"));
        return false;
    }
    results->clear();
    for (const QJsonValue& v : answer.value(QLatin1String("results")).toArray())
        results->append(PushResult::fromJson(v.toObject()));
    return true;
}

QString ApiClient::pullPath(const QString& cursor, int limit)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("cursor"), cursor.isEmpty() ? QStringLiteral("0") : cursor);
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return QStringLiteral("/api/v1/sync/pull?") + query.toString(QUrl::FullyEncoded);
}

bool ApiClient::readPull(const QJsonObject& answer, PullPage* page, ApiError* error) const
{
    QString detail;
    if (!PullPage::fromJson(answer, page, &detail)) {
        if (error)
            *error = badAnswer(detail);
        return false;
    }
    return true;
}

bool ApiClient::pull(const QString& cursor, int limit, PullPage* page, ApiError* error)
{
    QJsonObject answer;
    return send("GET", pullPath(cursor, limit), nullptr, Call::Other, &answer, error) &&
           readPull(answer, page, error);
}

void ApiClient::sendPull(const QString& cursor, int limit)
{
    dropPull();
    m_sentPull = start("GET", pullPath(cursor, limit), nullptr, Call::Other);
}

bool ApiClient::takePull(PullPage* page, ApiError* error)
{
    QNetworkReply* reply = m_sentPull;
    m_sentPull.clear();
    if (!reply) {
        if (error)
            *error = badAnswer(tr("no pull was sent"));
        return false;
    }
    QJsonObject answer;
    return finish(reply, "GET", Call::Other, &answer, error) && readPull(answer, page, error);
}

void ApiClient::dropPull()
{
    if (QNetworkReply* reply = m_sentPull) {
        m_sentPull.clear();
        reply->abort();
        reply->deleteLater();
    }
}

MemberLookupAnswer MemberLookupAnswer::fromJson(const QJsonObject& object)
{
    auto text = [&object](const char* key) {
        return object.value(QLatin1String(key)).toString();
    };
    MemberLookupAnswer answer;
    answer.id = text("id");
    answer.name = text("name");
    answer.organisation = text("organisation");
    answer.organisationId = text("organisationId");
    answer.since = text("since");
    answer.status = text("status");
    answer.found = !answer.id.isEmpty();
    return answer;
}

bool ApiClient::lookupMember(const QString& idNumber, MemberLookupAnswer* answer, ApiError* error)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("idNumber"), idNumber.trimmed());
    QJsonObject object;
    ApiError failure;
    *answer = MemberLookupAnswer();
    if (!send("GET", QStringLiteral("/api/v1/members/lookup?") + query.toString(QUrl::FullyEncoded), nullptr,
              Call::Other, &object, &failure)) {
        if (failure.httpStatus == 404)
            return true;
        if (error)
            *error = failure;
        return false;
    }
    *answer = MemberLookupAnswer::fromJson(object);
    if (!answer->found) {
        if (error)
            *error = badAnswer(tr("the look-up answer names no member"));
        return false;
    }
    return true;
}

bool ApiClient::send(const QByteArray& method, const QString& path, const QJsonObject* body, Call call,
                     QJsonObject* answer, ApiError* error)
{
    return finish(start(method, path, body, call), method, call, answer, error);
}

QNetworkReply* ApiClient::start(const QByteArray& method, const QString& path, const QJsonObject* body,
                                Call call)
{
    QUrl url = m_server;
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    url.setPath(m_server.path() + path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1), QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    if (call != Call::Login && !m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    const QByteArray payload = body ? QJsonDocument(*body).toJson(QJsonDocument::Compact) : QByteArray();

    qCDebug(lcSync) << method << url.toDisplayString();
    // A request without a body starts at once; one with a body (even an empty one) starts only when
    // this thread's event loop next runs, which a pull sent ahead cannot wait for.
    if (method == "GET")
        return m_network.get(request);
    return m_network.sendCustomRequest(request, method, payload);
}

bool ApiClient::finish(QNetworkReply* reply, const QByteArray& method, Call call, QJsonObject* answer,
                       ApiError* error)
{
    const QUrl url = reply->url();
    QEventLoop loop;
    bool timedOut = false;
    bool cancelled = false;
    QTimer deadline;
    deadline.setSingleShot(true);
    QTimer cancelPoll;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&deadline, &QTimer::timeout, reply, [&timedOut, reply]() {
        timedOut = true;
        reply->abort();
    });
    QObject::connect(&cancelPoll, &QTimer::timeout, reply, [this, &cancelled, reply]() {
        if (m_cancel && m_cancel->load()) {
            cancelled = true;
            reply->abort();
        }
    });
    deadline.start(m_timeoutMs);
    if (m_cancel)
        cancelPoll.start(CancelPollMs);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    deadline.stop();
    cancelPoll.stop();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // An aborted reply is closed; reading it would only warn.
    const QByteArray data = reply->isOpen() ? reply->readAll() : QByteArray();
    ApiError failure;
    if (cancelled) {
        failure.kind = ApiError::Kind::Cancelled;
        failure.message = tr("Sync with %1 was cancelled.").arg(serverName());
    } else if (timedOut) {
        failure.kind = ApiError::Kind::Timeout;
        failure.message =
            tr("The server %1 did not answer within %2 seconds.").arg(serverName()).arg(m_timeoutMs / 1000);
    } else if (status >= 400) {
        failure = httpError(status, data, reply->rawHeader("Retry-After"), call);
    } else if (reply->error() != QNetworkReply::NoError) {
        failure = networkError(reply);
    }
    reply->deleteLater();
    if (failure.kind != ApiError::Kind::None) {
        qCInfo(lcSync) << method << url.toDisplayString() << "failed:" << failure.message;
        if (error)
            *error = failure;
        return false;
    }
    if (data.trimmed().isEmpty()) {
        *answer = QJsonObject();
        return true;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (error)
            *error = badAnswer(parseError.errorString());
        return false;
    }
    *answer = document.object();
    return true;
}

ApiError ApiClient::networkError(QNetworkReply* reply) const
{
    ApiError e;
    e.kind = ApiError::Kind::Network;
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        e.message = tr("Cannot reach the server %1: the connection was refused (is the server running and "
                       "the address right?).")
                        .arg(serverName());
        break;
    case QNetworkReply::HostNotFoundError:
        e.message = tr("Cannot reach the server %1: the host name was not found.").arg(serverName());
        break;
    case QNetworkReply::RemoteHostClosedError:
        e.message = tr("The server %1 closed the connection before answering.").arg(serverName());
        break;
    case QNetworkReply::TimeoutError:
        e.kind = ApiError::Kind::Timeout;
        e.message = tr("The server %1 did not answer in time.").arg(serverName());
        break;
    default:
        e.message = tr("Cannot reach the server %1: %2").arg(serverName(), reply->errorString());
        break;
    }
    return e;
}

ApiError ApiClient::httpError(int status, const QByteArray& body, const QByteArray& retryAfter,
                              Call call) const
{
    ApiError e;
    e.httpStatus = status;
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QString detail = object.value(QLatin1String("error")).toString();
    if (detail.isEmpty())
        detail = object.value(QLatin1String("message")).toString();
    if (status == 401) {
        e.kind = ApiError::Kind::Unauthorized;
        e.message =
            call == Call::Login
                ? tr("The server %1 refused the sign-in: the user name or password is wrong.")
                      .arg(serverName())
                : tr("The server %1 no longer accepts this session; sign in again.").arg(serverName());
    } else if (status == 429) {
        e.kind = ApiError::Kind::Throttled;
        bool ok = false;
        e.retryAfterSeconds = std::max(1, retryAfter.trimmed().toInt(&ok));
        if (!ok)
            e.retryAfterSeconds = 60;
        e.message = tr("The server %1 refuses further attempts for now (too many); try again in %2 seconds.")
                        .arg(serverName())
                        .arg(e.retryAfterSeconds);
    } else if (status >= 500) {
        e.kind = ApiError::Kind::Server;
        e.message =
            tr("The server %1 failed with an internal error (HTTP %2).").arg(serverName()).arg(status);
    } else {
        e.kind = ApiError::Kind::Refused;
        e.message = detail.isEmpty()
                        ? tr("The server %1 refused the request (HTTP %2).").arg(serverName()).arg(status)
                        : tr("The server %1 refused the request (HTTP %2): %3")
                              .arg(serverName())
                              .arg(status)
                              .arg(detail);
    }
    return e;
}

ApiError ApiClient::badAnswer(const QString& detail) const
{
    ApiError e;
    e.kind = ApiError::Kind::BadAnswer;
    e.message = tr("The server %1 sent an answer that is not understood (%2). Is this the UnionDesk server?")
                    .arg(serverName(), detail);
    return e;
}

} // namespace ud::sync
