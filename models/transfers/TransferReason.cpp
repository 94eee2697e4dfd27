#include "transfers/TransferReason.h"

#include "transfers/TransferCodes.h"

namespace ud {

TransferReason TransferReason::parse(QStringView text)
{
    TransferReason reason;
    const QString trimmed = text.trimmed().toString();
    if (trimmed.isEmpty())
        return reason;
    reason.m_key = codes::transferReason().keyFor(trimmed);
    if (reason.m_key.isEmpty()) {
        reason.m_key = QStringLiteral("other");
        reason.m_freeText = trimmed;
    }
    return reason;
}

bool TransferReason::mayRetain() const
{
    return m_key == QLatin1String("retired") || m_key == QLatin1String("unemployed");
}

QString TransferReason::label(const QString& key)
{
    return codes::transferReason().label(key);
}

QString TransferReason::letterLabel(const QString& key)
{
    const CodeList& list = codes::transferReason();
    for (int i = 0; i < list.size(); ++i) {
        if (key == QLatin1String(list.at(i).key))
            return QString::fromUtf8(list.at(i).aliases).section(QLatin1Char('|'), 0, 0);
    }
    return key;
}

} // namespace ud
