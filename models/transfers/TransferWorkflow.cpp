#include "transfers/TransferWorkflow.h"

#include "domain/CodeList.h"
#include "domain/IdNumber.h"
#include "domain/PersonName.h"
#include "members/MemberRepository.h"
#include "organisations/OrganisationRepository.h"
#include "store/Database.h"
#include "store/Sql.h"
#include "store/Transaction.h"
#include "transfers/TransferCodes.h"
#include "transfers/TransferReason.h"
#include "transfers/TransferRepository.h"
#include "util/Clock.h"
#include "util/Ids.h"

#include <QRegularExpression>
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

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

// The reason's own words and the clerk's note, both kept.
QString joinedNote(const QString& first, const QString& second)
{
    const QString a = first.trimmed();
    const QString b = second.trimmed();
    if (a.isEmpty() || b.isEmpty())
        return a.isEmpty() ? b : a;
    return a + QStringLiteral("; ") + b;
}

bool looksLikeId(const QString& text)
{
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return uuid.match(text).hasMatch();
}

} // namespace

TransferWorkflow::TransferWorkflow(Database& store, Scope scope)
    : m_store(store)
    , m_scope(std::move(scope))
{
}

bool TransferWorkflow::holds(const QString& organisationId) const
{
    return !organisationId.isEmpty() && OrganisationRepository(m_store, m_scope).find(organisationId);
}

QString TransferWorkflow::describe(const Transfer& t) const
{
    //: A transfer named in a message: its letter number and its state
    return tr("%1 (%2)").arg(t.letterNumber(), codes::transferState().label(t.state));
}

std::optional<Member> TransferWorkflow::transferableMember(const QString& memberId, QString* error) const
{
    const std::optional<Member> member = MemberRepository(m_store, m_scope).find(memberId);
    if (!member)
        return failWith<Member>(error,
                                tr("Member: the record no longer exists or is outside your organisation."));
    // As the server: a hung member leaves the holding union only through a request of her new one.
    static const QStringList movable{QStringLiteral("active"), QStringLiteral("retained")};
    if (!movable.contains(member->status))
        return failWith<Member>(error, tr("Member: %1's membership is \"%2\"; only an active or retained "
                                          "membership can be transferred.")
                                           .arg(member->name, codes::memberStatus().label(member->status)));
    const TransferRepository transfers(m_store, m_scope);
    // A completed move the server has not heard of yet: she leaves with the next sync.
    const QList<Transfer> unsent = transfers.unsentFor(member->id);
    for (const Transfer& t : unsent) {
        if (t.state == Transfer::Completed)
            return failWith<Member>(error,
                                    tr("Member: %1 is being transferred by %2, which waits for the next "
                                       "sync.")
                                        .arg(member->name, t.letterNumber()));
    }
    const QList<Transfer> open = transfers.openFor(member->id, member->idNumber);
    if (!open.isEmpty())
        return failWith<Member>(error, tr("Member: %1 already has an open transfer, %2; it must be completed "
                                          "or cancelled first.")
                                           .arg(member->name, describe(open.first())));
    return member;
}

bool TransferWorkflow::resolveDestination(const QString& text, const Member& member, Transfer& t,
                                          QString* error) const
{
    const QString wanted = text.trimmed();
    // Any union of the store may receive her, not only those under the session's organisation.
    QSqlQuery q(m_store.connection());
    if (!sql::execBound(q,
                        QStringLiteral("SELECT id, name, status FROM organisation WHERE (id = ? OR name = ?) "
                                       "AND deleted = 0 ORDER BY id = ? DESC LIMIT 2"),
                        {wanted, wanted, wanted}, error))
        return false;
    QStringList ids;
    QString name;
    QString status;
    while (q.next()) {
        if (ids.isEmpty()) {
            name = q.value(1).toString();
            status = q.value(2).toString();
        }
        ids.append(q.value(0).toString());
    }
    if (ids.size() > 1 && ids.first() != wanted)
        return fail(error, tr("Destination: more than one union is named \"%1\"; use its id.").arg(wanted));
    if (ids.isEmpty()) {
        // A union elsewhere on the server: the server looks it up by id or by its exact name.
        if (looksLikeId(wanted.toLower()))
            t.toOrganisationId = wanted.toLower();
        else
            t.toName = wanted;
        return true;
    }
    if (ids.first() == member.organisationId)
        return fail(error, tr("Destination: %1 is the union %2 belongs to already.").arg(name, member.name));
    if (status != QLatin1String("active"))
        return fail(error, tr("Destination: %1 is dissolved; it cannot take members in.").arg(name));
    t.toOrganisationId = ids.first();
    t.toName = name;
    return true;
}

std::optional<Transfer> TransferWorkflow::transferOut(const QString& memberId, const QString& reasonText,
                                                      const QString& note, const QString& destination,
                                                      const QString& actor, QString* error)
{
    const TransferReason reason = TransferReason::parse(reasonText);
    if (reason.isEmpty())
        return failWith<Transfer>(
            error, tr("Reason: give why the member leaves: left-job, retired, unemployed or other."));
    const QSqlDatabase db = m_store.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return failWith<Transfer>(error, tx.error());
    const std::optional<Member> member = transferableMember(memberId, error);
    if (!member)
        return std::nullopt;
    const OrganisationRepository organisations(m_store, m_scope);
    const std::optional<Organisation> from = organisations.find(member->organisationId);
    if (!from)
        return failWith<Transfer>(error, tr("Member: the member's organisation is not in this data file."));

    Transfer t;
    t.id = newRecordId();
    t.memberId = member->id;
    t.idNumber = member->idNumber;
    t.memberName = PersonName::masked(member->name);
    t.fromOrganisationId = from->id;
    t.fromName = from->name;
    t.reason = reason.key();
    t.note = joinedNote(reason.freeText(), note);
    t.requestedAt = Clock::nowIso();
    t.requestedBy = actor;
    t.memberSnapshot = Transfer::snapshotOf(*member, from->name);
    if (destination.trimmed().isEmpty()) {
        t.kind = Transfer::KindOut;
        t.state = Transfer::Hung;
        // The server decides who holds her (the level above); shown here already when this store
        // holds that level too.
        if (const auto parent = organisations.find(from->parentId)) {
            t.holdingOrganisationId = parent->id;
            t.holdingName = parent->name;
        }
    } else {
        t.kind = Transfer::KindDirect;
        t.state = Transfer::Completed;
        if (!resolveDestination(destination, *member, t, error))
            return std::nullopt;
        t.holdingOrganisationId = from->id;
        t.holdingName = from->name;
    }
    if (!TransferRepository(m_store, m_scope).insert(t, actor, error) || !tx.commit(error))
        return std::nullopt;
    return t;
}

bool TransferWorkflow::retain(const QString& memberId, const QString& reasonText, const QString& note,
                              const QString& actor, QString* error)
{
    const TransferReason reason = TransferReason::parse(reasonText);
    if (!reason.mayRetain())
        return fail(error, tr("Reason: the membership is kept (保留会籍) only for a member who retired or "
                              "became unemployed."));
    // Checked and written in one transaction, as every other step (the status change nests in it).
    Transaction tx(m_store.connection(), Transaction::Nesting::AllowSavepoints);
    if (!tx.isActive())
        return fail(error, tx.error());
    const std::optional<Member> member = transferableMember(memberId, error);
    if (!member)
        return false;
    // The history keeps the words of the paper form, whatever the interface language.
    const QString why = joinedNote(TransferReason::letterLabel(reason.key()), note);
    return MemberRepository(m_store, m_scope)
               .changeStatus(member->id, QStringLiteral("retained"), why, Clock::today(), actor, error) &&
           tx.commit(error);
}

std::optional<Transfer> TransferWorkflow::requestIn(const QString& idNumberText,
                                                    const QString& toOrganisationId, const QString& note,
                                                    const QString& actor, QString* error)
{
    const IdNumber idNumber = IdNumber::parse(idNumberText);
    if (!idNumber.isValid())
        return failWith<Transfer>(error, idNumber.errorMessage());
    const QSqlDatabase db = m_store.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return failWith<Transfer>(error, tx.error());
    const std::optional<Organisation> to = OrganisationRepository(m_store, m_scope).find(toOrganisationId);
    if (!to)
        return failWith<Transfer>(error,
                                  tr("Receiving union: it does not exist or is outside your organisation."));
    if (!to->isActive())
        return failWith<Transfer>(
            error, tr("Receiving union: %1 is dissolved; it cannot take members in.").arg(to->name));
    // One person, one membership: a member this store holds anywhere is moved, not requested.
    QSqlQuery q(db);
    if (!sql::execBound(q,
                        QStringLiteral("SELECT m.name, o.name FROM member m JOIN organisation o ON o.id = "
                                       "m.organisation_id WHERE m.id_number = ? AND m.deleted = 0 LIMIT 1"),
                        {idNumber.value()}, error))
        return std::nullopt;
    if (q.next())
        return failWith<Transfer>(error, tr("ID number: %1 is already a member of %2 in this data file; "
                                            "there is nothing to request.")
                                             .arg(q.value(0).toString(), q.value(1).toString()));
    const QList<Transfer> open = TransferRepository(m_store, m_scope).openFor(QString(), idNumber.value());
    if (!open.isEmpty())
        return failWith<Transfer>(
            error,
            tr("ID number: a transfer of this person is already open here, %1.").arg(describe(open.first())));

    Transfer t;
    t.id = newRecordId();
    t.kind = Transfer::KindRequest;
    t.state = Transfer::Requested;
    t.idNumber = idNumber.value();
    t.toOrganisationId = to->id;
    t.toName = to->name;
    t.note = note.trimmed();
    t.requestedAt = Clock::nowIso();
    t.requestedBy = actor;
    if (!TransferRepository(m_store, m_scope).insert(t, actor, error) || !tx.commit(error))
        return std::nullopt;
    return t;
}

bool TransferWorkflow::mayDecide(const Transfer& t, QString* error) const
{
    if (t.state != Transfer::Requested)
        return fail(error, tr("Transfer %1: only a request awaiting approval can be approved or rejected.")
                               .arg(describe(t)));
    if (!holds(t.holdingOrganisationId)) {
        const QString holder = t.holdingName.isEmpty() ? tr("the union holding the member") : t.holdingName;
        return fail(error,
                    tr("Transfer %1: %2 decides it, and this data file does not hold that union%3.")
                        .arg(describe(t), holder,
                             t.holdingOrganisationId.isEmpty() ? tr(" (the server names it at the next sync)")
                                                               : QString()));
    }
    return true;
}

bool TransferWorkflow::mayCancel(const Transfer& t, QString* error) const
{
    if (t.state == Transfer::Requested) {
        if (holds(t.toOrganisationId) || holds(t.holdingOrganisationId))
            return true;
        return fail(error, tr("Transfer %1: only the union asking for the member or the union holding her "
                              "may cancel the request.")
                               .arg(describe(t)));
    }
    if (t.state == Transfer::Hung) {
        if (holds(t.fromOrganisationId) || holds(t.holdingOrganisationId))
            return true;
        return fail(error, tr("Transfer %1: only the union the member left or the union holding her may "
                              "cancel it.")
                               .arg(describe(t)));
    }
    return fail(error, tr("Transfer %1: it is final and can no longer be cancelled.").arg(describe(t)));
}

std::optional<Transfer> TransferWorkflow::approve(const QString& transferId, const QString& reason,
                                                  const QString& actor, QString* error)
{
    return decide(transferId, Transfer::Completed, reason, actor, error);
}

std::optional<Transfer> TransferWorkflow::reject(const QString& transferId, const QString& reason,
                                                 const QString& actor, QString* error)
{
    return decide(transferId, Transfer::Rejected, reason, actor, error);
}

std::optional<Transfer> TransferWorkflow::cancel(const QString& transferId, const QString& reason,
                                                 const QString& actor, QString* error)
{
    return decide(transferId, Transfer::Cancelled, reason, actor, error);
}

std::optional<Transfer> TransferWorkflow::decide(const QString& transferId, const QString& state,
                                                 const QString& reason, const QString& actor, QString* error)
{
    const QSqlDatabase db = m_store.connection();
    Transaction tx(db);
    if (!tx.isActive())
        return failWith<Transfer>(error, tx.error());
    TransferRepository transfers(m_store, m_scope);
    const std::optional<Transfer> before = transfers.find(transferId);
    if (!before)
        return failWith<Transfer>(error,
                                  tr("Transfer: there is no transfer %1 in this data file.").arg(transferId));
    const bool allowed = state == Transfer::Cancelled ? mayCancel(*before, error) : mayDecide(*before, error);
    if (!allowed)
        return std::nullopt;
    Transfer after = *before;
    after.state = state;
    after.decisionReason = reason.trimmed();
    after.decidedAt = Clock::nowIso();
    after.decidedBy = actor;
    if (state == Transfer::Completed) {
        // She leaves this store with the next pull; the letter still needs her details then.
        if (const auto member = MemberRepository(m_store, m_scope).find(after.memberId))
            after.memberSnapshot =
                Transfer::snapshotOf(*member, transfers.organisationName(member->organisationId));
    }
    if (!transfers.update(after, *before, actor, error) || !tx.commit(error))
        return std::nullopt;
    return after;
}

} // namespace ud
