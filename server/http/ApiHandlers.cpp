#include "ApiHandlers.h"

#include "JsonReply.h"
#include "MemberLookup.h"
#include "ServerDatabase.h"
#include "SyncService.h"
#include "ThreadDatabases.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

namespace ud::server {

namespace {

Q_LOGGING_CATEGORY(lcApi, "uniondesk.server.api")

using Status = QHttpServerResponse::StatusCode;

// The body as a JSON object, or the 400 that says what is wrong with it.
bool parseObject(const ApiRequest& request, QJsonObject* object, QHttpServerResponse* failure)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *failure = JsonReply::error(Status::BadRequest, ApiHandlers::tr("Malformed JSON: %1 at offset %2.")
                                                            .arg(parseError.errorString())
                                                            .arg(parseError.offset));
        return false;
    }
    if (!document.isObject()) {
        *failure = JsonReply::error(Status::BadRequest, ApiHandlers::tr("The body must be a JSON object."));
        return false;
    }
    *object = document.object();
    return true;
}

} // namespace

ApiHandlers::ApiHandlers(ThreadDatabases& databases, SessionPolicy policy)
    : m_databases(databases)
    , m_policy(policy)
{
}

QHttpServerResponse ApiHandlers::internalError(const QString& cause)
{
    qCDebug(lcApi).noquote() << "internal error:" << cause;
    qCWarning(lcApi) << "internal error (details with QT_LOGGING_RULES=uniondesk.server.api.debug=true)";
    return JsonReply::error(Status::InternalServerError, tr("Internal server error."));
}

ServerDatabase* ApiHandlers::database()
{
    QString error;
    ServerDatabase* result = m_databases.local(&error);
    if (!result)
        qCDebug(lcApi).noquote() << "connecting failed:" << error;
    return result;
}

SessionAccount ApiHandlers::authenticate(const ApiRequest& request, QString* error)
{
    const QString token = request.bearerToken();
    if (token.isEmpty())
        return {};
    ServerDatabase* db = database();
    if (!db) {
        *error = tr("The database does not answer.");
        return {};
    }
    SessionService sessions(*db, m_policy);
    const SessionAccount account = sessions.authenticate(token, error);
    if (!error->isEmpty()) {
        // So that the next request on this thread finds a working connection again.
        QString ignored;
        m_databases.alive(&ignored);
    }
    return account;
}

QHttpServerResponse ApiHandlers::createSession(const ApiRequest& request)
{
    QJsonObject body;
    QHttpServerResponse failure(Status::BadRequest);
    if (!parseObject(request, &body, &failure))
        return failure;
    const QJsonValue login = body.value(QStringLiteral("login"));
    const QJsonValue password = body.value(QStringLiteral("password"));
    if (!login.isString() || !password.isString() || login.toString().isEmpty())
        return JsonReply::error(Status::BadRequest,
                                tr("The body needs \"login\" and \"password\" as strings."));
    ServerDatabase* db = database();
    if (!db)
        return internalError(QStringLiteral("no database connection"));

    SessionService sessions(*db, m_policy);
    const LoginResult result =
        sessions.login(login.toString(), password.toString().toUtf8(), request.remoteAddress.toString());
    switch (result.status) {
    case LoginResult::Status::Ok:
        return JsonReply::object({
            {QStringLiteral("token"), result.token},
            {QStringLiteral("expiresAt"), result.expiresAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("account"),
             QJsonObject{
                 {QStringLiteral("login"), result.account.login},
                 {QStringLiteral("organisation"), result.organisationName},
                 {QStringLiteral("organisationId"), result.account.organisationId},
                 // Where the organisation lies: a data file begun offline takes it for its tree
                 // when it joins (models/sync/StoreJoin).
                 {QStringLiteral("organisationPath"), result.account.organisationPath},
                 {QStringLiteral("role"), result.account.role},
             }},
        });
    case LoginResult::Status::Unauthorized:
        return JsonReply::error(Status::Unauthorized, tr("Wrong login or password."));
    case LoginResult::Status::Throttled: {
        QHttpServerResponse response =
            JsonReply::error(Status::TooManyRequests, tr("Too many failed logins; try again in %n second(s).",
                                                         nullptr, result.retryAfterSeconds));
        response.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(result.retryAfterSeconds));
        return response;
    }
    case LoginResult::Status::Error:
        break;
    }
    return internalError(result.error);
}

QHttpServerResponse ApiHandlers::deleteSession(const ApiRequest& request)
{
    ServerDatabase* db = database();
    if (!db)
        return internalError(QStringLiteral("no database connection"));
    QString error;
    SessionService sessions(*db, m_policy);
    if (!sessions.logout(request.bearerToken(), &error))
        return internalError(error);
    return JsonReply::noContent();
}

QHttpServerResponse ApiHandlers::push(const ApiRequest& request, const SessionAccount& account)
{
    QJsonObject body;
    QHttpServerResponse failure(Status::BadRequest);
    if (!parseObject(request, &body, &failure))
        return failure;
    ServerDatabase* db = database();
    if (!db)
        return internalError(QStringLiteral("no database connection"));
    SyncService sync(*db, account);
    QJsonObject answer;
    QString error;
    if (!sync.push(body, &answer, &error))
        return sync.failedOnRequest() ? JsonReply::error(Status::BadRequest, error) : internalError(error);
    return JsonReply::object(answer);
}

QHttpServerResponse ApiHandlers::pull(const ApiRequest& request, const SessionAccount& account)
{
    const QUrlQuery& query = request.query;
    qint64 cursor = 0;
    int limit = SyncService::DefaultPullLimit;
    if (query.hasQueryItem(QStringLiteral("cursor"))) {
        bool ok = false;
        cursor = query.queryItemValue(QStringLiteral("cursor")).toLongLong(&ok);
        if (!ok)
            return JsonReply::error(Status::BadRequest, tr("The cursor must be a whole number."));
    }
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok)
            return JsonReply::error(Status::BadRequest, tr("The limit must be a whole number."));
    }
    ServerDatabase* db = database();
    if (!db)
        return internalError(QStringLiteral("no database connection"));
    SyncService sync(*db, account);
    QJsonObject answer;
    QString error;
    if (!sync.pull(cursor, limit, &answer, &error))
        return sync.failedOnRequest() ? JsonReply::error(Status::BadRequest, error) : internalError(error);
    return JsonReply::object(answer);
}

QHttpServerResponse ApiHandlers::lookup(const ApiRequest& request, const SessionAccount& account)
{
    const QString idNumber =
        request.query.queryItemValue(QStringLiteral("idNumber"), QUrl::FullyDecoded).trimmed();
    if (idNumber.isEmpty())
        return JsonReply::error(Status::BadRequest, tr("The query needs idNumber."));
    ServerDatabase* db = database();
    if (!db)
        return internalError(QStringLiteral("no database connection"));
    MemberLookup lookup(*db, account);
    const MemberLookupResult result = lookup.lookup(idNumber);
    switch (result.status) {
    case MemberLookupResult::Status::Found:
        return JsonReply::object(result.summary);
    case MemberLookupResult::Status::NotFound:
        return JsonReply::error(Status::NotFound, tr("No member with this ID number."));
    case MemberLookupResult::Status::InvalidIdNumber:
        return JsonReply::error(Status::BadRequest, result.error);
    case MemberLookupResult::Status::NotAllowed:
        return JsonReply::error(Status::Forbidden, result.error);
    case MemberLookupResult::Status::Error:
        break;
    }
    return internalError(result.error);
}

QHttpServerResponse ApiHandlers::health()
{
    QString error;
    const bool alive = m_databases.alive(&error) != nullptr;
    if (!alive)
        qCDebug(lcApi).noquote() << "reconnecting failed:" << error;
    QJsonObject body{
        {QStringLiteral("status"), alive ? QStringLiteral("ok") : QStringLiteral("unavailable")},
        {QStringLiteral("version"), QStringLiteral(UNIONDESK_VERSION)},
        {QStringLiteral("database"), alive ? QStringLiteral("ok") : QStringLiteral("unavailable")},
    };
    return JsonReply::object(body, alive ? Status::Ok : Status::ServiceUnavailable);
}

} // namespace ud::server
