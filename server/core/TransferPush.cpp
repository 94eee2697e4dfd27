#include "TransferPush.h"

#include "SyncPushOperation.h"
#include "TransferCreation.h"
#include "TransferDecision.h"
#include "TransferRules.h"
#include "TransferStore.h"
#include "sync/SyncEntities.h"
#include "util/Clock.h"

#include <QDateTime>

namespace ud::server {

namespace {

// The fields a decision sets; they change only together with the state.
const QStringList& decisionFields()
{
    static const QStringList fields{QStringLiteral("decisionReason"), QStringLiteral("decidedAt"),
                                    QStringLiteral("decidedBy")};
    return fields;
}

} // namespace

TransferPush::TransferPush(ServerDatabase& database, SessionAccount account, QString clientId)
    : m_database(database)
    , m_account(std::move(account))
    , m_clientId(std::move(clientId))
{
}

bool TransferPush::apply(const PushedOperation& op, PushAnswer* answer, QString* error)
{
    TransferRecord current;
    if (!TransferStore(m_database).load(op.id, &current, error))
        return false;
    if (!current.found() || !current.isSeenBy(m_account)) {
        if (current.found() || op.isDelete || op.baseVersion > 0) {
            *answer = PushAnswer::rejected(SyncPushOperation::noSuchRecord());
            return true;
        }
        return create(op, answer, error);
    }
    if (op.isDelete) {
        *answer = PushAnswer::rejected(tr("A membership transfer is never deleted; cancel it instead."));
        return true;
    }
    return change(op, current, answer, error);
}

bool TransferPush::create(const PushedOperation& op, PushAnswer* answer, QString* error)
{
    QJsonObject wire;
    QString refusal = SyncPushOperation::readFields(*op.spec, op.fields, &wire);
    TransferRecord record;
    if (refusal.isEmpty() &&
        !TransferCreation(m_database, m_account).prepare(op.id, wire, &record, &refusal, error))
        return false;
    if (!refusal.isEmpty()) {
        *answer = PushAnswer::rejected(refusal);
        return true;
    }
    if (!TransferStore(m_database)
             .save(TransferRecord(), &record, QStringLiteral("create"), {m_account.login, m_clientId}, error))
        return false;
    *answer = PushAnswer::applied(record.row().version);
    return true;
}

bool TransferPush::change(const PushedOperation& op, const TransferRecord& current, PushAnswer* answer,
                          QString* error)
{
    QJsonObject pushed;
    const QString unreadable = SyncPushOperation::readFields(*op.spec, op.fields, &pushed);
    if (!unreadable.isEmpty()) {
        *answer = PushAnswer::rejected(unreadable);
        return true;
    }
    const QJsonObject before = current.fields();
    TransferRecord merged = current;
    QJsonObject conflicts;
    for (auto it = pushed.constBegin(); it != pushed.constEnd(); ++it) {
        if (*it == before.value(it.key()))
            continue;
        if (op.spec->createOnly.contains(it.key())) {
            *answer = PushAnswer::rejected(SyncPushOperation::createOnlyReason(*op.spec, it.key()));
            return true;
        }
        // Decided by someone else since the client last saw it: the clerk sees what happened.
        if (current.row().fieldVersions.changedByOtherSince(it.key(), op.baseVersion, m_clientId))
            conflicts.insert(it.key(), before.value(it.key()));
        else
            merged.set(it.key(), it->toString());
    }
    // A decision that lost to another one keeps none of its parts.
    if (conflicts.contains(QStringLiteral("state"))) {
        for (const QString& field : decisionFields()) {
            if (merged.value(field) != current.value(field)) {
                conflicts.insert(field, before.value(field));
                merged.set(field, current.value(field));
            }
        }
    }
    const bool decided = merged.state() != current.state();
    if (!decided) {
        for (const QString& field : decisionFields()) {
            if (merged.value(field) != current.value(field)) {
                *answer = PushAnswer::rejected(
                    tr("The reason, time and author of a transfer's decision are given with the decision "
                       "itself (a change of its state), not on their own."));
                return true;
            }
        }
    } else {
        const QString problem = TransferRules::decisionProblem(current, merged.state(),
                                                               TransferRules::sidesOf(m_account, current));
        if (!problem.isEmpty()) {
            *answer = PushAnswer::rejected(problem);
            return true;
        }
        // Who decided is the account that did; when is the clerk's (offline, it may be earlier).
        merged.set(QStringLiteral("decidedBy"), m_account.login);
        const QDateTime decidedAt =
            QDateTime::fromString(merged.value(QStringLiteral("decidedAt")), Qt::ISODateWithMs);
        merged.set(QStringLiteral("decidedAt"),
                   decidedAt.isValid() ? decidedAt.toUTC().toString(Qt::ISODateWithMs) : Clock::nowIso());
        QString refusal;
        if (!decide(current, merged, &refusal, error))
            return false;
        if (!refusal.isEmpty()) {
            *answer = PushAnswer::rejected(refusal);
            return true;
        }
    }
    answer->status = conflicts.isEmpty() ? QStringLiteral("applied") : QStringLiteral("conflict");
    answer->conflicts = conflicts;
    answer->version = current.row().version;
    if (merged.fields() == before)
        return true;
    if (!TransferStore(m_database)
             .save(current, &merged, QStringLiteral("update"), {m_account.login, m_clientId}, error))
        return false;
    answer->version = merged.row().version;
    return true;
}

bool TransferPush::decide(const TransferRecord& current, const TransferRecord& decided, QString* refusal,
                          QString* error)
{
    TransferDecision decision(m_database, m_account.login);
    const QString to = decided.state();
    if (current.state() == QLatin1String("requested") && to == QLatin1String("completed"))
        return decision.approve(decided, m_account.login, refusal, error);
    if (current.state() == QLatin1String("hung") && to == QLatin1String("cancelled"))
        return decision.cancelHung(decided, refusal, error);
    // Rejecting or cancelling a request moves nobody.
    return true;
}

} // namespace ud::server
