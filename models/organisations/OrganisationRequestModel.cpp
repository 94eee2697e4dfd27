#include "organisations/OrganisationRequestModel.h"

#include "domain/CodeList.h"
#include "organisations/Organisation.h"
#include "organisations/OrganisationValidator.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace ud {

namespace {
// "2026-03-01T09:00:00Z" → "2026-03-01 09:00"
QString shortTime(const QString& iso)
{
    if (iso.size() < 16)
        return iso;
    return iso.left(10) + QLatin1Char(' ') + iso.mid(11, 5);
}
} // namespace

OrganisationRequestModel::OrganisationRequestModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void OrganisationRequestModel::setRequests(const QList<OrganisationRequest>& requests,
                                           const QHash<QString, QString>& organisationNames)
{
    beginResetModel();
    m_requests = requests;
    m_names = organisationNames;
    endResetModel();
}

const OrganisationRequest* OrganisationRequestModel::request(int row) const
{
    return row >= 0 && row < m_requests.size() ? &m_requests.at(row) : nullptr;
}

int OrganisationRequestModel::rowOf(const QString& requestId) const
{
    for (int i = 0; i < m_requests.size(); ++i) {
        if (m_requests.at(i).id == requestId)
            return i;
    }
    return -1;
}

QString OrganisationRequestModel::describeProposal(const OrganisationRequest& request)
{
    QStringList parts;
    if (request.kind == QLatin1String("establish")) {
        for (const QString& field : {QStringLiteral("level"), QStringLiteral("kind"),
                                     QStringLiteral("creditCode"), QStringLiteral("headcount")}) {
            const QString value = OrganisationValidator::displayValue(field, request.proposed.value(field));
            if (!value.isEmpty() && value != QLatin1String("0"))
                parts.append(tr("%1: %2").arg(OrganisationValidator::fieldLabel(field), value));
        }
    } else {
        for (const QString& field : Organisation::editableFields()) {
            if (request.proposed.contains(field))
                parts.append(tr("%1: %2").arg(
                    OrganisationValidator::fieldLabel(field),
                    OrganisationValidator::displayValue(field, request.proposed.value(field))));
        }
    }
    //: Separates the fields of a request's proposal
    return parts.join(tr("; "));
}

int OrganisationRequestModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_requests.size());
}

int OrganisationRequestModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrganisationRequestModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_requests.size())
        return {};
    const OrganisationRequest& r = m_requests.at(index.row());
    switch (role) {
    case IdRole:
        return r.id;
    case StateRole:
        return r.state;
    case Qt::FontRole:
        if (r.isOpen() && index.column() == StateColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StateColumn && r.state == QLatin1String("rejected"))
            return QBrush(QColor(0xb7, 0x1c, 0x1c));
        return {};
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case KindColumn:
        return codes::organisationRequestKind().label(r.kind);
    case UnionColumn:
        if (r.kind == QLatin1String("establish")) {
            const QString name = r.proposed.value(QStringLiteral("name")).toString();
            //: The union a set-up request would create, under its parent
            return role == Qt::ToolTipRole
                       ? tr("%1 (new, under %2)").arg(name, m_names.value(r.organisationId, r.organisationId))
                       : name;
        }
        return m_names.value(r.organisationId, r.organisationId);
    case StateColumn:
        return codes::organisationRequestState().label(r.state);
    case SubmittedColumn:
        //: When and by whom a request was submitted or decided
        return tr("%1 (%2)").arg(shortTime(r.submittedAt), r.submittedBy);
    case DecidedColumn:
        return r.decidedAt.isEmpty() ? QString() : tr("%1 (%2)").arg(shortTime(r.decidedAt), r.decidedBy);
    case ReasonColumn:
        return r.reason;
    case DecisionReasonColumn:
        return r.decisionReason;
    case ProposedColumn:
        return describeProposal(r);
    default:
        return {};
    }
}

QVariant OrganisationRequestModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn:
        return tr("Request");
    case UnionColumn:
        return tr("Union");
    case StateColumn:
        return tr("State");
    case SubmittedColumn:
        return tr("Submitted");
    case DecidedColumn:
        return tr("Decided");
    case ReasonColumn:
        return tr("Reason given");
    case DecisionReasonColumn:
        return tr("Reason for the decision");
    case ProposedColumn:
        return tr("Proposed");
    default:
        return {};
    }
}

} // namespace ud
