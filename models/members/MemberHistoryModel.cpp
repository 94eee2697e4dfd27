#include "members/MemberHistoryModel.h"

#include "domain/CodeList.h"
#include "members/MemberValidator.h"

namespace ud {

MemberHistoryModel::MemberHistoryModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void MemberHistoryModel::setEvents(const QList<MemberEvent>& events)
{
    beginResetModel();
    m_events = events;
    endResetModel();
}

QString MemberHistoryModel::describeChange(const MemberEvent& e)
{
    const CodeList& statuses = codes::memberStatus();
    if (e.kind == QLatin1String("joined"))
        return statuses.label(e.toStatus);
    if (e.kind == QLatin1String("status-changed"))
        return tr("%1 → %2").arg(statuses.label(e.fromStatus), statuses.label(e.toStatus));
    QStringList parts;
    for (auto it = e.details.constBegin(); it != e.details.constEnd(); ++it) {
        const QJsonObject change = it.value().toObject();
        auto text = [](const QJsonValue& v) {
            if (v.isBool())
                return v.toBool() ? tr("yes") : tr("no");
            return v.toString().isEmpty() ? tr("(empty)") : v.toString();
        };
        parts.append(tr("%1: %2 → %3")
                         .arg(MemberValidator::fieldLabel(it.key()), text(change.value(QStringLiteral("from"))),
                              text(change.value(QStringLiteral("to")))));
    }
    //: Separates the changed fields in the history's Change column
    return parts.join(tr("; "));
}

int MemberHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int MemberHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MemberHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const MemberEvent& e = m_events.at(index.row());
    switch (index.column()) {
    case DateColumn:
        return e.occurredOn;
    case EventColumn:
        return codes::memberEventKind().label(e.kind);
    case ChangeColumn:
        return describeChange(e);
    case ReasonColumn:
        return e.reason;
    case ByColumn:
        return e.updatedBy;
    default:
        return {};
    }
}

QVariant MemberHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn:
        return tr("Date");
    case EventColumn:
        return tr("Event");
    case ChangeColumn:
        return tr("Change");
    case ReasonColumn:
        return tr("Reason");
    case ByColumn:
        return tr("By");
    default:
        return {};
    }
}

} // namespace ud
