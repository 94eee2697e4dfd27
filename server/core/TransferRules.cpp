#include "TransferRules.h"

#include "SessionAccount.h"
#include "TransferRecord.h"

namespace ud::server {

const QStringList& TransferRules::kinds()
{
    static const QStringList list{QStringLiteral("out"), QStringLiteral("direct"), QStringLiteral("request")};
    return list;
}

const QStringList& TransferRules::reasons()
{
    static const QStringList list{QStringLiteral("left-job"), QStringLiteral("retired"),
                                  QStringLiteral("unemployed"), QStringLiteral("other")};
    return list;
}

QString TransferRules::initialState(const QString& kind)
{
    if (kind == QLatin1String("out"))
        return QStringLiteral("hung");
    if (kind == QLatin1String("direct"))
        return QStringLiteral("completed");
    if (kind == QLatin1String("request"))
        return QStringLiteral("requested");
    return {};
}

bool TransferRules::isFinal(const QString& state)
{
    return state == QLatin1String("completed") || state == QLatin1String("rejected") ||
           state == QLatin1String("cancelled") || state == QLatin1String("expired");
}

TransferRules::Sides TransferRules::sidesOf(const SessionAccount& account, const TransferRecord& transfer)
{
    const auto covers = [&account](const QString& path) {
        return !path.isEmpty() && account.covers(path);
    };
    Sides sides;
    // A request stored as rejected because nobody has the ID number has no holding organisation:
    // its `path` is the requesting union's, which is no holding side.
    sides.holding =
        !transfer.value(QStringLiteral("holdingOrganisation")).isEmpty() && covers(transfer.holdingPath());
    sides.from = covers(transfer.fromPath());
    sides.to = covers(transfer.toPath());
    return sides;
}

QString TransferRules::stateLabel(const QString& state)
{
    if (state == QLatin1String("hung"))
        return tr("hung");
    if (state == QLatin1String("requested"))
        return tr("requested");
    if (state == QLatin1String("completed"))
        return tr("completed");
    if (state == QLatin1String("rejected"))
        return tr("rejected");
    if (state == QLatin1String("cancelled"))
        return tr("cancelled");
    if (state == QLatin1String("expired"))
        return tr("expired");
    return state;
}

QString TransferRules::decisionProblem(const TransferRecord& transfer, const QString& to, const Sides& sides)
{
    const QString from = transfer.state();
    if (isFinal(from))
        return tr("This transfer is already %1; it cannot change any more.").arg(stateLabel(from));
    const QString holdingName = transfer.value(QStringLiteral("holdingName"));
    if (from == QLatin1String("requested")) {
        if (to == QLatin1String("completed") || to == QLatin1String("rejected")) {
            if (!sides.holding)
                return tr("Only %1, which holds the member, or an organisation above it may approve or "
                          "reject this request.")
                    .arg(holdingName);
            return {};
        }
        if (to == QLatin1String("cancelled")) {
            if (!sides.to && !sides.holding)
                return tr("Only the union that asked for the member or %1, which holds her, may cancel this "
                          "request.")
                    .arg(holdingName);
            return {};
        }
    } else if (from == QLatin1String("hung")) {
        if (to == QLatin1String("cancelled")) {
            if (!sides.from && !sides.holding)
                return tr("Only the union the member left or %1, which holds her, may cancel this transfer.")
                    .arg(holdingName);
            return {};
        }
        if (to == QLatin1String("completed"))
            return tr("A hung member is taken in by a request from her new union, approved by %1; this "
                      "transfer completes with it.")
                .arg(holdingName);
    }
    if (to == QLatin1String("expired"))
        return tr("Only the server marks a request as expired.");
    return tr("A transfer that is %1 cannot become %2.").arg(stateLabel(from), stateLabel(to));
}

} // namespace ud::server
