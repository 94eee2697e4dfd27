#pragma once

#include "cadres/Cadre.h"
#include "store/Scope.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>

#include <optional>

namespace ud {

class Database;

// A cadre in post whose member record no longer fits the post: the member left the union's tree
// (transferred away), is no longer active (hung, withdrawn, deceased …) or was deleted.
struct FlaggedCadre
{
    Cadre cadre;
    QString reason; // one translated sentence
};

// Reads and writes cadres inside one scope; every write goes with its outbox operation in one
// transaction.
class CadreRepository
{
    Q_DECLARE_TR_FUNCTIONS(ud::CadreRepository)

public:
    CadreRepository(Database& store, Scope scope);

    const Scope& scope() const { return m_scope; }

    // Adds a term. The organisation must be in scope and in operation; a member (by memberId) must be
    // an active member of that organisation or a union under it, and gives the cadre its name. The
    // position and appointment are normalised (Chinese names accepted); the term start is required
    // and the end, when given, may not come before it. A union has one chair at a time: a chair's
    // term may not overlap the term of another chair of the same union that has not been ended (so
    // two current chairs can never be, today or on any later day); the message names the chair in
    // post. Fills id and the sync columns.
    bool add(Cadre& cadre, const QString& actor, QString* error);
    // Ends a term on `endedOn` (today when invalid).
    bool endTerm(const QString& cadreId, const QDate& endedOn, const QString& actor, QString* error);

    std::optional<Cadre> find(const QString& cadreId) const;
    // The committee of one organisation: the posts in order of rank, then names.
    QList<Cadre> ofOrganisation(const QString& organisationId, bool includeEnded = false) const;
    // Posts in the scope whose term ends from today to `days` days ahead (换届提醒), soonest first;
    // with `includeOverdue`, also those whose term has run out without being ended.
    QList<Cadre> expiring(int days, bool includeOverdue = false) const;
    // Posts in the scope whose member record no longer fits (see FlaggedCadre).
    QList<FlaggedCadre> flagged() const;

    // A chair of the same union, not ended, whose term overlaps the term of `cadre` (a chair);
    // nullopt when there is none or `cadre` is no chair.
    std::optional<Cadre> overlappingChair(const Cadre& cadre) const;

private:
    QList<Cadre> select(const WhereClause& where, const QString& tail) const;

    Database& m_store;
    Scope m_scope;
};

} // namespace ud
