#pragma once

#include "organisations/Organisation.h"
#include "store/Scope.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace ud {

class Database;

// Reads and writes organisations. Reads are restricted to the scope it was made with; writes go
// with their outbox operation in one transaction.
class OrganisationRepository
{
    Q_DECLARE_TR_FUNCTIONS(ud::OrganisationRepository)

public:
    OrganisationRepository(Database& store, Scope scope);

    // The scope of the store's root organisation (everything in the store), or an invalid scope
    // when the store has no root yet.
    static Scope rootScope(Database& store);
    // The scope of one organisation, looked up without restriction (used when a session starts).
    static Scope scopeOf(Database& store, const QString& organisationId);
    // Creates the root organisation of a new store.
    static std::optional<Organisation> createRoot(Database& store, const QString& name, const QString& level,
                                                  const QString& actor, QString* error);

    const Scope& scope() const { return m_scope; }
    // The store's connection, for the core's other readers of the same scope (SubtreeCounter …).
    QSqlDatabase connection() const;

    // Adds a child under `org.parentId` (which must be in scope and not dissolved); fills id, path
    // and sync columns. Level, kind and credit code are normalised (see OrganisationValidator).
    bool add(Organisation& org, const QString& actor, QString* error);
    // Stores the edited fields of an organisation in scope (its place in the tree stays); only the
    // changed fields go to the outbox. Nothing changed is not an error.
    bool update(Organisation& org, const QString& actor, QString* error);
    // add() and update() for a caller that already holds the Transaction the write belongs to (an
    // approved request records its decision in the same one).
    bool addInTransaction(Organisation& org, const QString& actor, QString* error);
    bool updateInTransaction(Organisation& org, const QString& actor, QString* error);

    std::optional<Organisation> find(const QString& id) const;
    // By id or exact name (a name that two organisations share is refused as ambiguous).
    std::optional<Organisation> resolve(const QString& idOrName, QString* error) const;
    // The whole subtree of the scope, parents before children.
    QList<Organisation> subtree() const;
    QList<Organisation> children(const QString& parentId) const;
    // `top` and everything under it (inside the scope), parents before children.
    QList<Organisation> subtreeOf(const Organisation& top) const;
    // By a fragment of the name or the start of the credit code.
    QList<Organisation> search(const QString& text, int limit = 100) const;

private:
    QList<Organisation> select(const WhereClause& where, const QString& tail) const;

    Database& m_store;
    Scope m_scope;
};

} // namespace ud
