#include "ApiHandlers.h"

#include "JsonReply.h"
#include "MemberLookup.h"
#include "ServerDatabase.h"
#include "SyncService.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlQuery>

namespace ud::server {

namespace {

Q_LOGGING_CATEGORY(lcApi, "uniondesk.server.api")

using Status = QHttpServerResponse::StatusCode;

// The body as a JSON object, or the 400 that says what is wrong with it.
bool parseObject(const QHttpServerRequest& request, QJsonObject* object, QHttpServerResponse* failure)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
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

ApiHandlers::ApiHandlers(QString databaseUrl, std::unique_ptr<ServerDatabase> database, SessionPolicy policy)
    : m_databaseUrl(std::move(databaseUrl))
    , m_database(std::move(database))
    , m_policy(policy)
{
}

ApiHandlers::~ApiHandlers() = default;

QHttpServerResponse ApiHandlers::internalError(const QString& cause)
{
    qCDebug(lcApi).noquote() << "internal error:" << cause;
    qCWarning(lcApi) << "internal error (details with QT_LOGGING_RULES=uniondesk.server.api.debug=true)";
    return JsonReply::error(Status::InternalServerError, tr("Internal server error."));
}

bool ApiHandlers::databaseAlive()
{
    if (m_database) {
        QSqlQuery probe(m_database->db());
        if (probe.exec(QStringLiteral("SELECT 1")) && probe.next())
            return true;
    }
    m_database.reset();
    QString error;
    m_database = ServerDatabase::open(m_databaseUrl, &error);
    if (!m_database) {
        qCDebug(lcApi).noquote() << "reconnecting failed:" << error;
        return false;
    }
    return true;
}

QString ApiHandlers::bearerToken(const QHttpServerRequest& request)
{
    const auto headers = request.headers();
    for (const auto& header : headers) {
        if (header.first.compare("authorization", Qt::CaseInsensitive) != 0)
            continue;
        const QByteArray value = header.second.trimmed();
        if (value.size() > 7 && value.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
            return QString::fromLatin1(value.mid(7).trimmed());
        return {};
    }
    return {};
}

SessionAccount ApiHandlers::authenticate(const QHttpServerRequest& request, QString* error)
{
    const QString token = bearerToken(request);
    if (token.isEmpty())
        return {};
    if (!m_database && !databaseAlive()) {
        *error = tr("The database does not answer.");
        return {};
    }
    SessionService sessions(*m_database, m_policy);
    const SessionAccount account = sessions.authenticate(token, error);
    if (!error->isEmpty())
        databaseAlive(); // so that the next request finds a working connection again
    return account;
}

QHttpServerResponse ApiHandlers::createSession(const QHttpServerRequest& request)
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
    if (!m_database && !databaseAlive())
        return internalError(QStringLiteral("no database connection"));

    SessionService sessions(*m_database, m_policy);
    const LoginResult result =
        sessions.login(login.toString(), password.toString().toUtf8(), request.remoteAddress().toString());
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

QHttpServerResponse ApiHandlers::deleteSession(const QHttpServerRequest& request)
{
    QString error;
    SessionService sessions(*m_database, m_policy);
    if (!sessions.logout(bearerToken(request), &error))
        return internalError(error);
    return JsonReply::noContent();
}

QHttpServerResponse ApiHandlers::push(const QHttpServerRequest& request, const SessionAccount& account)
{
    QJsonObject body;
    QHttpServerResponse failure(Status::BadRequest);
    if (!parseObject(request, &body, &failure))
        return failure;
    SyncService sync(*m_database, account);
    QJsonObject answer;
    QString error;
    if (!sync.push(body, &answer, &error))
        return JsonReply::error(Status::BadRequest, error);
    return JsonReply::object(answer);
}

QHttpServerResponse ApiHandlers::pull(const QHttpServerRequest& request, const SessionAccount& account)
{
    const QUrlQuery query = request.query();
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
    SyncService sync(*m_database, account);
    QJsonObject answer;
    QString error;
    if (!sync.pull(cursor, limit, &answer, &error))
        return JsonReply::error(Status::BadRequest, error);
    return JsonReply::object(answer);
}

QHttpServerResponse ApiHandlers::lookup(const QHttpServerRequest& request, const SessionAccount& account)
{
    const QString idNumber =
        request.query().queryItemValue(QStringLiteral("idNumber"), QUrl::FullyDecoded).trimmed();
    if (idNumber.isEmpty())
        return JsonReply::error(Status::BadRequest, tr("The query needs idNumber."));
    MemberLookup lookup(*m_database, account);
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
    const bool alive = databaseAlive();
    QJsonObject body{
        {QStringLiteral("status"), alive ? QStringLiteral("ok") : QStringLiteral("unavailable")},
        {QStringLiteral("version"), QStringLiteral(UNIONDESK_VERSION)},
        {QStringLiteral("database"), alive ? QStringLiteral("ok") : QStringLiteral("unavailable")},
    };
    return JsonReply::object(body, alive ? Status::Ok : Status::ServiceUnavailable);
}

} // namespace ud::server
