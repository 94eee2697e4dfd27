#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace ud::server {

struct SessionAccount;
class TransferRecord;

// The vocabulary and the state machine of a membership transfer (server/API.md "Transfers"),
// without the database: which kinds and reasons exist, how each kind starts, and who may move a
// transfer from one state to another.
class TransferRules
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::TransferRules)

public:
    // Who the account is to a transfer: its subtree holds the holding organisation, the union the
    // member leaves, the union taking her in (any, several or none of them).
    struct Sides
    {
        bool holding = false;
        bool from = false;
        bool to = false;
    };

    static const QStringList& kinds();   // out, direct, request
    static const QStringList& reasons(); // left-job, retired, unemployed, other
    // The state a transfer of `kind` is created in: out hung, direct completed, request requested.
    static QString initialState(const QString& kind);
    static bool isFinal(const QString& state);

    static Sides sidesOf(const SessionAccount& account, const TransferRecord& transfer);
    // Empty when an account on `sides` may take `transfer` from its stored state to `to`; otherwise
    // why not, in words the clerk understands.
    static QString decisionProblem(const TransferRecord& transfer, const QString& to, const Sides& sides);

    // The client id of changes the server makes on its own (a member moved by a transfer, a request
    // closed because another one won): every client's older edit of those fields conflicts.
    static QString serverClientId() { return QStringLiteral("server"); }
    // decidedBy of decisions taken by a holding organisation's rule, and of the server's own.
    static QString ruleActor() { return QStringLiteral("rule"); }
    static QString serverActor() { return QStringLiteral("server"); }

    // The state as the clerk reads it ("requested", "completed" …), translated.
    static QString stateLabel(const QString& state);
};

} // namespace ud::server
