#include "cadres/ExpiringTermsModel.h"

#include "domain/CodeList.h"

#include <QBrush>
#include <QColor>

namespace ud {

ExpiringTermsModel::ExpiringTermsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ExpiringTermsModel::setTerms(const QList<Cadre>& cadres, const QDate& today)
{
    beginResetModel();
    m_cadres = cadres;
    m_today = today;
    endResetModel();
}

const Cadre* ExpiringTermsModel::cadre(int row) const
{
    return row >= 0 && row < m_cadres.size() ? &m_cadres.at(row) : nullptr;
}

int ExpiringTermsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_cadres.size());
}

int ExpiringTermsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ExpiringTermsModel::daysLeft(const Cadre& cadre) const
{
    return static_cast<int>(m_today.daysTo(QDate::fromString(cadre.termEnd, Qt::ISODate)));
}

QVariant ExpiringTermsModel::data(const QModelIndex& index, int role) const
{
    const Cadre* c = index.isValid() ? cadre(index.row()) : nullptr;
    if (!c)
        return {};
    const int left = daysLeft(*c);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case OrganisationColumn:
            return c->organisationName;
        case PositionColumn:
            return codes::cadrePosition().label(c->position);
        case NameColumn:
            return c->name;
        case TermEndColumn:
            return c->termEnd;
        case DaysLeftColumn:
            if (left < 0)
                return tr("Ended %1 days ago").arg(-left);
            return left == 0 ? tr("Ends today") : tr("%1 days").arg(left);
        }
        return {};
    case Qt::ForegroundRole:
        return left < 0 ? QVariant(QBrush(QColor(0xb7, 0x1c, 0x1c))) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == DaysLeftColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case OrganisationIdRole:
        return c->organisationId;
    case DaysLeftRole:
        return left;
    }
    return {};
}

QVariant ExpiringTermsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OrganisationColumn:
        return tr("Union");
    case PositionColumn:
        return tr("Post");
    case NameColumn:
        return tr("Name");
    case TermEndColumn:
        return tr("Term ends");
    case DaysLeftColumn:
        return tr("Time left");
    }
    return {};
}

} // namespace ud
