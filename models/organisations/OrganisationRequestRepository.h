#pragma once

#include "organisations/Organisation.h"
#include "organisations/OrganisationRequest.h"
#include "store/Scope.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace ud {

class Database;

// Set-up, change and dissolve requests (设立 / 变更 / 注销) inside one scope.
//
// A request is submitted by the level responsible for the union concerned: the parent of a union to
// be set up, the parent of a union to be changed or dissolved — or the union itself when the
// session works as that union. Only a level above the submitter decides: a session whose scope
// holds the submitting organisation strictly below its own. The one exception is the top of the
// store (the root organisation, which has no level above it in this store): its own requests are
// decided by a session working as the root. The organisation changes only when a
// request is approved, in the same transaction that records the decision; every write goes with its
// outbox operations, and a decision that breaks a rule (a union that still has members cannot be
// dissolved) changes nothing and says why.
class OrganisationRequestRepository
{
    Q_DECLARE_TR_FUNCTIONS(ud::OrganisationRequestRepository)

public:
    OrganisationRequestRepository(Database& store, Scope scope);

    const Scope& scope() const { return m_scope; }

    // `proposed.parentId` is the union it goes under; its fields are checked now and again on
    // approval.
    std::optional<OrganisationRequest> submitEstablish(const Organisation& proposed, const QString& reason,
                                                       const QString& actor, QString* error);
    // `changes` holds the changed fields by API name (see Organisation::editableFields()).
    std::optional<OrganisationRequest> submitChange(const QString& organisationId, const QJsonObject& changes,
                                                    const QString& reason, const QString& actor,
                                                    QString* error);
    std::optional<OrganisationRequest> submitDissolve(const QString& organisationId, const QString& reason,
                                                      const QString& actor, QString* error);

    std::optional<OrganisationRequest> approve(const QString& requestId, const QString& reason,
                                               const QString& actor, QString* error);
    std::optional<OrganisationRequest> reject(const QString& requestId, const QString& reason,
                                              const QString& actor, QString* error);
    // The submitter takes back a request that is still awaiting a decision.
    std::optional<OrganisationRequest> cancel(const QString& requestId, const QString& actor, QString* error);

    // Whether this session's organisation may approve or reject `request` (a level above its
    // submitter); says why not. Whether it is still open is asked of the request itself.
    bool mayDecide(const OrganisationRequest& request, QString* error = nullptr) const;

    std::optional<OrganisationRequest> find(const QString& requestId) const;
    // Every request about an organisation (including the set-up that made it), oldest first.
    QList<OrganisationRequest> history(const QString& organisationId) const;
    // Every request in scope, oldest first; only those in `state` unless it is empty.
    QList<OrganisationRequest> list(const QString& state = QString()) const;

private:
    std::optional<OrganisationRequest> submit(OrganisationRequest request, const QString& actor,
                                              QString* error);
    // The decision rules shared by approve, reject: the request exists in scope, is open, and was
    // submitted from strictly below this scope's organisation.
    std::optional<OrganisationRequest> openForDecision(const QString& requestId, QString* error) const;
    bool applyApproval(OrganisationRequest& request, const QString& actor, QString* error);
    bool storeDecision(OrganisationRequest& request, const OrganisationRequest& before, const QString& actor,
                       QString* error);
    bool hasOpenRequest(const QString& organisationId, const QString& kind) const;
    QList<OrganisationRequest> select(const WhereClause& where, const QString& tail) const;

    Database& m_store;
    Scope m_scope;
};

} // namespace ud
