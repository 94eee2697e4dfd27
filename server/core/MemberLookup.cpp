#include "MemberLookup.h"

#include "ServerAudit.h"
#include "ServerDatabase.h"
#include "ServerTransaction.h"
#include "domain/IdNumber.h"
#include "domain/PersonName.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ud::server {

MemberLookup::MemberLookup(ServerDatabase& database, SessionAccount account)
    : m_database(database)
    , m_account(std::move(account))
{
}

QString MemberLookup::maskedName(const QString& name)
{
    return PersonName::masked(name);
}

bool MemberLookup::audit(ServerDatabase& database, const QString& actor, const QString& idNumber,
                         const QString& memberId, const QString& purpose, QString* error)
{
    ServerAuditEntry entry;
    entry.actor = actor;
    entry.action = QStringLiteral("lookup");
    entry.entity = QStringLiteral("member");
    entry.recordId = memberId;
    entry.detail = QStringLiteral("id number %1, %2")
                       .arg(IdNumber::masked(idNumber),
                            memberId.isEmpty() ? QStringLiteral("not found") : QStringLiteral("found"));
    if (!purpose.isEmpty())
        entry.detail += QStringLiteral(", ") + purpose;
    return ServerAudit(database).append(entry, error);
}

MemberLookupResult MemberLookup::lookup(const QString& idNumber)
{
    MemberLookupResult result;
    if (!m_account.mayWrite()) {
        result.status = MemberLookupResult::Status::NotAllowed;
        result.error = tr("This account may not look members up.");
        return result;
    }
    const IdNumber id = IdNumber::parse(idNumber);
    if (!id.isValid()) {
        result.status = MemberLookupResult::Status::InvalidIdNumber;
        result.error = id.errorMessage();
        return result;
    }

    ServerTransaction transaction(m_database);
    if (!transaction.isActive()) {
        result.error = transaction.error();
        return result;
    }
    QSqlQuery query(m_database.db());
    query.prepare(QStringLiteral("SELECT m.id, m.name, m.organisation_id, o.name, m.join_date, m.status "
                                 "FROM member m JOIN organisation o ON o.id = m.organisation_id "
                                 "WHERE m.id_number = ? AND m.deleted = 0"));
    query.addBindValue(id.value());
    if (!query.exec()) {
        result.error = query.lastError().text();
        return result;
    }
    QString memberId;
    if (query.next()) {
        memberId = query.value(0).toString();
        result.summary = QJsonObject{
            {QStringLiteral("id"), memberId},
            {QStringLiteral("name"), maskedName(query.value(1).toString())},
            {QStringLiteral("organisationId"), query.value(2).toString()},
            {QStringLiteral("organisation"), query.value(3).toString()},
            {QStringLiteral("since"), query.value(4).toString()},
            {QStringLiteral("status"), query.value(5).toString()},
        };
    }
    query.finish();

    if (!audit(m_database, m_account.login, id.value(), memberId, QString(), &result.error) ||
        !transaction.commit(&result.error)) {
        result.summary = {};
        return result;
    }
    result.status =
        memberId.isEmpty() ? MemberLookupResult::Status::NotFound : MemberLookupResult::Status::Found;
    return result;
}

} // namespace ud::server
