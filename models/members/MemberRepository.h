#pragma once

#include "members/Member.h"
#include "members/MemberEvent.h"
#include "members/MemberValidator.h"
#include "store/Scope.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>

#include <optional>

namespace ud {

class Database;

// Reads and writes members inside one scope. Every write validates first, then stores the record,
// its history event, its search index entries and its outbox operations in one transaction:
// either all of it is there afterwards or none of it is.
class MemberRepository
{
    Q_DECLARE_TR_FUNCTIONS(ud::MemberRepository)

public:
    MemberRepository(Database& store, Scope scope);

    const Scope& scope() const { return m_scope; }

    // Adds a new member; fills id and the sync columns. `problems` receives errors and warnings.
    bool add(Member& member, const QString& actor, QString* error, QList<FieldProblem>* problems = nullptr);
    // Stores the edited fields of an existing member (only what changed goes to the outbox).
    bool update(Member& member, const QString& actor, QString* error,
                QList<FieldProblem>* problems = nullptr);
    // Retain, withdraw, stop, expel, deceased, or back to active: a history event with a reason.
    bool changeStatus(const QString& memberId, const QString& status, const QString& reason,
                      const QDate& effective, const QString& actor, QString* error);
    // A tombstone: the record stays (deleted = 1) so the deletion can sync.
    bool remove(const QString& memberId, const QString& actor, QString* error);

    // False, with the reason, when the organisation is not in the scope (or does not exist). The
    // organisation last found is remembered: an import adds thousands of members to one.
    bool checkOrganisation(const QString& organisationId, QString* error) const;
    // False, with the reason naming the member who holds it, when another member of the store
    // (in any organisation) has the ID number already. MemberBulkWriter asks these two as well.
    bool checkUniqueIdNumber(const Member& member, QString* error) const;

    std::optional<Member> find(const QString& memberId) const;
    std::optional<Member> findByIdNumber(const QString& idNumber) const;
    QList<MemberEvent> history(const QString& memberId) const;

private:
    // The member row, its history event, outbox operations and name pieces.
    bool insert(Member& member, const QString& actor, QString* error);
    bool writeEvent(MemberEvent& event, const QString& actor, QString* error);
    std::optional<Member> selectOne(const QString& condition, const QVariant& value) const;

    Database& m_store;
    Scope m_scope;
    // The organisations found in scope: an import adds thousands of members to a few of them.
    mutable QSet<QString> m_knownOrganisations;
};

} // namespace ud
