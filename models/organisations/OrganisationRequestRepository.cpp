#include "organisations/OrganisationRequestRepository.h"

#include "domain/CodeList.h"
#include "organisations/DissolveCheck.h"
#include "organisations/OrganisationRepository.h"
#include "organisations/OrganisationValidator.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "store/Sql.h"
#include "store/Transaction.h"
#include "util/Clock.h"
#include "util/Ids.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace ud {

namespace {

template <typename T>
std::optional<T> failWith(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

QString jsonText(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// The descriptive fields of a proposed union (what a set-up request carries).
QJsonObject proposedFields(const Organisation& org)
{
    const QJsonObject all = org.toFields();
    QJsonObject out;
    for (const QString& name : Organisation::editableFields())
        out.insert(name, all.value(name));
    return out;
}

} // namespace

OrganisationRequestRepository::OrganisationRequestRepository(Database& store, Scope scope)
    : m_store(store)
    , m_scope(std::move(scope))
{
}

std::optional<OrganisationRequest>
OrganisationRequestRepository::submitEstablish(const Organisation& proposed, const QString& reason,
                                               const QString& actor, QString* error)
{
    Organisation org = proposed;
    org.status = QStringLiteral("active");
    if (!OrganisationValidator::normaliseAndCheck(org, error))
        return std::nullopt;
    const OrganisationRepository organisations(m_store, m_scope);
    const std::optional<Organisation> parent = organisations.find(org.parentId);
    if (!parent)
        return failWith<OrganisationRequest>(
            error, tr("Parent organisation: it does not exist or is outside your organisation."));
    if (!parent->isActive())
        return failWith<OrganisationRequest>(
            error,
            tr("Parent organisation: %1 is dissolved; no union can be set up under it.").arg(parent->name));
    const QList<Organisation> siblings = organisations.children(parent->id);
    for (const Organisation& sibling : siblings) {
        if (sibling.name == org.name && sibling.isActive())
            return failWith<OrganisationRequest>(
                error, tr("Organisation name: %1 already has a union named %2.").arg(parent->name, org.name));
    }
    const QList<OrganisationRequest> open = history(parent->id);
    for (const OrganisationRequest& r : open) {
        if (r.isOpen() && r.kind == QLatin1String("establish") && r.organisationId == parent->id &&
            r.proposed.value(QLatin1String("name")).toString() == org.name)
            return failWith<OrganisationRequest>(
                error,
                tr("Organisation name: a request to set up %1 under %2 is already awaiting a decision.")
                    .arg(org.name, parent->name));
    }
    OrganisationRequest request;
    request.kind = QStringLiteral("establish");
    request.organisationId = parent->id;
    request.submittedFrom = parent->id;
    request.proposed = proposedFields(org);
    request.reason = reason.trimmed();
    return submit(request, actor, error);
}

std::optional<OrganisationRequest>
OrganisationRequestRepository::submitChange(const QString& organisationId, const QJsonObject& changes,
                                            const QString& reason, const QString& actor, QString* error)
{
    const std::optional<Organisation> target = OrganisationRepository(m_store, m_scope).find(organisationId);
    if (!target)
        return failWith<OrganisationRequest>(
            error, tr("Organisation: it does not exist or is outside your organisation."));
    if (!target->isActive())
        return failWith<OrganisationRequest>(error, tr("Organisation: %1 is dissolved.").arg(target->name));
    const QStringList editable = Organisation::editableFields();
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        if (!editable.contains(it.key()))
            return failWith<OrganisationRequest>(
                error, tr("Change request: \"%1\" is not a field a request can change.").arg(it.key()));
    }
    Organisation after = *target;
    after.applyFields(changes);
    if (!OrganisationValidator::normaliseAndCheck(after, error))
        return std::nullopt;
    const QStringList changed = Organisation::changedFields(*target, after);
    if (changed.isEmpty())
        return failWith<OrganisationRequest>(
            error, tr("Change request: it changes nothing in %1.").arg(target->name));
    if (hasOpenRequest(target->id, QString()))
        return failWith<OrganisationRequest>(
            error, tr("Organisation: a request about %1 is already awaiting a decision.").arg(target->name));
    OrganisationRequest request;
    request.kind = QStringLiteral("change");
    request.organisationId = target->id;
    // The parent submits, unless the session works as the union itself.
    request.submittedFrom =
        target->id == m_scope.organisationId() || target->parentId.isEmpty() ? target->id : target->parentId;
    const QJsonObject all = after.toFields();
    for (const QString& name : changed)
        request.proposed.insert(name, all.value(name));
    request.reason = reason.trimmed();
    return submit(request, actor, error);
}

std::optional<OrganisationRequest>
OrganisationRequestRepository::submitDissolve(const QString& organisationId, const QString& reason,
                                              const QString& actor, QString* error)
{
    const std::optional<Organisation> target = OrganisationRepository(m_store, m_scope).find(organisationId);
    if (!target)
        return failWith<OrganisationRequest>(
            error, tr("Organisation: it does not exist or is outside your organisation."));
    if (!target->isActive())
        return failWith<OrganisationRequest>(error,
                                             tr("Organisation: %1 is already dissolved.").arg(target->name));
    if (hasOpenRequest(target->id, QString()))
        return failWith<OrganisationRequest>(
            error, tr("Organisation: a request about %1 is already awaiting a decision.").arg(target->name));
    OrganisationRequest request;
    request.kind = QStringLiteral("dissolve");
    request.organisationId = target->id;
    request.submittedFrom =
        target->id == m_scope.organisationId() || target->parentId.isEmpty() ? target->id : target->parentId;
    request.reason = reason.trimmed();
    return submit(request, actor, error);
}

std::optional<OrganisationRequest> OrganisationRequestRepository::submit(OrganisationRequest request,
                                                                         const QString& actor, QString* error)
{
    request.id = newRecordId();
    request.state = QStringLiteral("submitted");
    request.submittedBy = actor;
    request.submittedAt = Clock::nowIso();
    request.updatedAt = request.submittedAt;
    request.updatedBy = actor;
    const QSqlDatabase db = m_store.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return failWith<OrganisationRequest>(error, tx.error());
    QSqlQuery q(db);
    if (!sql::execBound(
            q,
            QStringLiteral("INSERT INTO organisation_request(id, kind, organisation_id, submitted_from, "
                           "proposed, state, reason, submitted_by, submitted_at, version, updated_at, "
                           "updated_by, deleted) VALUES(?,?,?,?,?,?,?,?,?,0,?,?,0)"),
            {request.id, request.kind, request.organisationId, request.submittedFrom,
             jsonText(request.proposed), request.state, request.reason, request.submittedBy,
             request.submittedAt, request.updatedAt, request.updatedBy},
            error) ||
        !Outbox(db).enqueue(entity::OrganisationRequest, request.id, 0, request.toFields(), false, error) ||
        !tx.commit(error))
        return std::nullopt;
    return request;
}

std::optional<OrganisationRequest> OrganisationRequestRepository::openForDecision(const QString& requestId,
                                                                                  QString* error) const
{
    const std::optional<OrganisationRequest> request = find(requestId);
    if (!request)
        return failWith<OrganisationRequest>(
            error, tr("Request: there is no request %1 in your organisation's tree.").arg(requestId));
    if (!request->isOpen())
        return failWith<OrganisationRequest>(
            error, tr("Request: it has already been decided (%1).")
                       .arg(codes::organisationRequestState().label(request->state)));
    if (!mayDecide(*request, error))
        return std::nullopt;
    return request;
}

bool OrganisationRequestRepository::mayDecide(const OrganisationRequest& request, QString* error) const
{
    const std::optional<Organisation> from =
        OrganisationRepository(m_store, m_scope).find(request.submittedFrom);
    // The top of the store has no level above it here: its own requests are decided by the store's
    // root session (the server, which knows the levels above, holds them to the rule).
    const bool top = from && from->parentId.isEmpty();
    if (!from || (from->id == m_scope.organisationId() && !top)) {
        if (error)
            *error = tr("Request: it was submitted by %1; only a level above it may approve or reject it.")
                         .arg(from ? from->name : request.submittedFrom);
        return false;
    }
    return true;
}

std::optional<OrganisationRequest> OrganisationRequestRepository::approve(const QString& requestId,
                                                                          const QString& reason,
                                                                          const QString& actor,
                                                                          QString* error)
{
    const QSqlDatabase db = m_store.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return failWith<OrganisationRequest>(error, tx.error());
    std::optional<OrganisationRequest> request = openForDecision(requestId, error);
    if (!request)
        return std::nullopt;
    const OrganisationRequest before = *request;
    request->state = QStringLiteral("approved");
    request->decisionReason = reason.trimmed();
    if (!applyApproval(*request, actor, error) || !storeDecision(*request, before, actor, error) ||
        !tx.commit(error))
        return std::nullopt;
    return request;
}

bool OrganisationRequestRepository::applyApproval(OrganisationRequest& request, const QString& actor,
                                                  QString* error)
{
    OrganisationRepository organisations(m_store, m_scope);
    if (request.kind == QLatin1String("establish")) {
        Organisation org;
        org.applyFields(request.proposed);
        org.parentId = request.organisationId;
        const QList<Organisation> siblings = organisations.children(org.parentId);
        for (const Organisation& sibling : siblings) {
            if (sibling.name == org.name.trimmed() && sibling.isActive()) {
                if (error)
                    *error =
                        tr("Organisation name: a union named %1 already exists there.").arg(sibling.name);
                return false;
            }
        }
        if (!organisations.addInTransaction(org, actor, error))
            return false;
        request.createdOrganisationId = org.id;
        return true;
    }
    std::optional<Organisation> target = organisations.find(request.organisationId);
    if (!target) {
        if (error)
            *error = tr("Organisation: it does not exist or is outside your organisation.");
        return false;
    }
    if (!target->isActive()) {
        if (error)
            *error = tr("Organisation: %1 is already dissolved.").arg(target->name);
        return false;
    }
    if (request.kind == QLatin1String("change")) {
        target->applyFields(request.proposed);
        return organisations.updateInTransaction(*target, actor, error);
    }
    const DissolveCheck check = DissolveCheck::of(m_store.connection(), *target);
    if (!check.canDissolve()) {
        if (error)
            *error = check.message();
        return false;
    }
    target->status = QStringLiteral("dissolved");
    return organisations.updateInTransaction(*target, actor, error);
}

std::optional<OrganisationRequest> OrganisationRequestRepository::reject(const QString& requestId,
                                                                         const QString& reason,
                                                                         const QString& actor, QString* error)
{
    const QSqlDatabase db = m_store.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return failWith<OrganisationRequest>(error, tx.error());
    std::optional<OrganisationRequest> request = openForDecision(requestId, error);
    if (!request)
        return std::nullopt;
    const OrganisationRequest before = *request;
    request->state = QStringLiteral("rejected");
    request->decisionReason = reason.trimmed();
    if (!storeDecision(*request, before, actor, error) || !tx.commit(error))
        return std::nullopt;
    return request;
}

std::optional<OrganisationRequest> OrganisationRequestRepository::cancel(const QString& requestId,
                                                                         const QString& actor, QString* error)
{
    const QSqlDatabase db = m_store.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return failWith<OrganisationRequest>(error, tx.error());
    std::optional<OrganisationRequest> request = find(requestId);
    if (!request)
        return failWith<OrganisationRequest>(
            error, tr("Request: there is no request %1 in your organisation's tree.").arg(requestId));
    if (!request->isOpen())
        return failWith<OrganisationRequest>(
            error, tr("Request: it has already been decided (%1).")
                       .arg(codes::organisationRequestState().label(request->state)));
    const OrganisationRequest before = *request;
    request->state = QStringLiteral("cancelled");
    if (!storeDecision(*request, before, actor, error) || !tx.commit(error))
        return std::nullopt;
    return request;
}

bool OrganisationRequestRepository::storeDecision(OrganisationRequest& request,
                                                  const OrganisationRequest& before, const QString& actor,
                                                  QString* error)
{
    request.decidedBy = actor;
    request.decidedAt = Clock::nowIso();
    request.updatedAt = request.decidedAt;
    request.updatedBy = actor;
    QSqlQuery q(m_store.connection());
    if (!sql::execBound(
            q,
            QStringLiteral("UPDATE organisation_request SET state = ?, decision_reason = ?, "
                           "created_organisation_id = ?, decided_by = ?, decided_at = ?, updated_at = ?, "
                           "updated_by = ? WHERE id = ?"),
            {request.state, request.decisionReason, request.createdOrganisationId, request.decidedBy,
             request.decidedAt, request.updatedAt, request.updatedBy, request.id},
            error))
        return false;
    const QJsonObject was = before.toFields();
    const QJsonObject now = request.toFields();
    QJsonObject changed;
    for (auto it = now.constBegin(); it != now.constEnd(); ++it) {
        if (was.value(it.key()) != it.value())
            changed.insert(it.key(), it.value());
    }
    return Outbox(m_store.connection())
        .enqueue(entity::OrganisationRequest, request.id, before.version, changed, false, error);
}

bool OrganisationRequestRepository::hasOpenRequest(const QString& organisationId, const QString& kind) const
{
    WhereClause where;
    m_scope.restrictByOrganisationColumn(where, QStringLiteral("r.organisation_id"));
    where.add(QStringLiteral("r.organisation_id = ? AND r.state = 'submitted' AND r.deleted = 0 AND "
                             "r.kind <> 'establish'"),
              {organisationId});
    if (!kind.isEmpty())
        where.add(QStringLiteral("r.kind = ?"), {kind});
    return !select(where, QStringLiteral(" LIMIT 1")).isEmpty();
}

std::optional<OrganisationRequest> OrganisationRequestRepository::find(const QString& requestId) const
{
    if (requestId.trimmed().isEmpty())
        return std::nullopt;
    WhereClause where;
    m_scope.restrictByOrganisationColumn(where, QStringLiteral("r.organisation_id"));
    where.add(QStringLiteral("r.id = ? AND r.deleted = 0"), {requestId.trimmed()});
    const QList<OrganisationRequest> found = select(where, QStringLiteral(" LIMIT 1"));
    return found.isEmpty() ? std::nullopt : std::optional<OrganisationRequest>(found.first());
}

QList<OrganisationRequest> OrganisationRequestRepository::history(const QString& organisationId) const
{
    WhereClause where;
    m_scope.restrictByOrganisationColumn(where, QStringLiteral("r.organisation_id"));
    where.add(QStringLiteral("(r.organisation_id = ? OR r.created_organisation_id = ?) AND r.deleted = 0"),
              {organisationId, organisationId});
    return select(where, QStringLiteral(" ORDER BY r.submitted_at, r.id"));
}

QList<OrganisationRequest> OrganisationRequestRepository::list(const QString& state) const
{
    WhereClause where;
    m_scope.restrictByOrganisationColumn(where, QStringLiteral("r.organisation_id"));
    where.add(QStringLiteral("r.deleted = 0"));
    if (!state.isEmpty())
        where.add(QStringLiteral("r.state = ?"), {state});
    return select(where, QStringLiteral(" ORDER BY r.submitted_at, r.id"));
}

QList<OrganisationRequest> OrganisationRequestRepository::select(const WhereClause& where,
                                                                 const QString& tail) const
{
    QSqlQuery q(m_store.connection());
    q.setForwardOnly(true);
    QList<OrganisationRequest> out;
    QString error;
    if (!sql::execBound(q, QStringLiteral("SELECT r.* FROM organisation_request r") + where.sql() + tail,
                        where.values(), &error))
        return out;
    while (q.next())
        out.append(OrganisationRequest::fromRecord(q.record()));
    return out;
}

} // namespace ud
