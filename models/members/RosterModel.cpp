#include "members/RosterModel.h"

#include "audit/AuditLog.h"
#include "domain/CodeList.h"
#include "domain/IdNumber.h"
#include "domain/MobileNumber.h"
#include "store/Outbox.h"

#include <QBrush>
#include <QColor>

namespace ud {

RosterModel::RosterModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void RosterModel::setSource(const QSqlDatabase& db, const Scope& scope)
{
    m_db = db;
    m_scope = scope;
    refresh();
}

void RosterModel::setFilter(const RosterFilter& filter)
{
    if (filter == m_filter && m_query)
        return;
    m_filter = filter;
    refresh();
}

bool RosterModel::setUnmasked(bool unmasked, const QString& actor, QString* error)
{
    if (unmasked == m_unmasked)
        return true;
    if (unmasked && m_db.isValid()) {
        AuditEntry entry;
        entry.actor = actor;
        entry.action = AuditLog::Unmask;
        entry.entity = entity::Organisation;
        entry.recordId = m_scope.organisationId();
        entry.detail =
            QStringLiteral("roster shown with full ID numbers and mobiles, %1 members").arg(m_count);
        if (!AuditLog(m_db).append(entry, error))
            return false;
    }
    m_unmasked = unmasked;
    if (rowCount() > 0)
        emit dataChanged(index(0, IdNumberColumn), index(rowCount() - 1, MobileColumn), {Qt::DisplayRole});
    return true;
}

void RosterModel::rebuildQuery()
{
    m_query = std::make_unique<RosterQuery>(m_db, m_scope, m_filter, m_sort, m_order);
}

void RosterModel::refresh()
{
    beginResetModel();
    m_pages.clear();
    m_pageUse.clear();
    if (m_db.isValid() && m_scope.isValid()) {
        rebuildQuery();
        m_count = m_query->count();
    } else {
        m_query.reset();
        m_count = 0;
    }
    endResetModel();
    emit countChanged(m_count);
}

int RosterModel::rowOfMember(const QString& memberId) const
{
    if (!m_query)
        return -1;
    return static_cast<int>(m_query->positionOf(memberId));
}

QString RosterModel::memberIdAt(int row) const
{
    const RosterRow* r = rowAt(row);
    return r ? r->id : QString();
}

bool RosterModel::isSortable(int column)
{
    switch (column) {
    case NameColumn:
    case IdNumberColumn:
    case MobileColumn:
    case JoinDateColumn:
    case CardNumberColumn:
    case StatusColumn:
        return true;
    default:
        return false;
    }
}

int RosterModel::rowCount(const QModelIndex& parent) const
{
    // Views address rows with int; a store beyond 2^31 members is not a union roster.
    return parent.isValid() ? 0
                            : static_cast<int>(std::min<qint64>(m_count, std::numeric_limits<int>::max()));
}

int RosterModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const QList<RosterRow>& RosterModel::loadPage(int page) const
{
    auto it = m_pages.find(page);
    if (it != m_pages.end()) {
        m_pageUse.removeOne(page);
        m_pageUse.append(page);
        return *it;
    }
    QList<RosterRow> rows;
    if (page == 0) {
        rows = m_query->first(PageSize);
    } else if (auto previous = m_pages.constFind(page - 1);
               previous != m_pages.constEnd() && previous->size() == PageSize) {
        rows = m_query->after(RosterQuery::keyOf(previous->last()), PageSize);
    } else if (auto next = m_pages.constFind(page + 1); next != m_pages.constEnd() && !next->isEmpty()) {
        rows = m_query->before(RosterQuery::keyOf(next->first()), PageSize);
    } else if (auto key = m_query->keyAt(qint64(page) * PageSize - 1)) {
        // A jump (scrollbar dragged): find the key just above the page once, then read by keyset.
        rows = m_query->after(*key, PageSize);
    }
    if (m_pageUse.size() >= MaxCachedPages)
        m_pages.remove(m_pageUse.takeFirst());
    m_pageUse.append(page);
    return *m_pages.insert(page, rows);
}

const RosterRow* RosterModel::rowAt(int row) const
{
    if (!m_query || row < 0 || row >= m_count)
        return nullptr;
    const QList<RosterRow>& rows = loadPage(row / PageSize);
    const int offset = row % PageSize;
    return offset < rows.size() ? &rows.at(offset) : nullptr;
}

QVariant RosterModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != MemberIdRole && role != StatusKeyRole &&
        role != Qt::ForegroundRole)
        return {};
    const RosterRow* r = rowAt(index.row());
    if (!r)
        return {};
    if (role == MemberIdRole)
        return r->id;
    if (role == StatusKeyRole)
        return r->status;
    if (role == Qt::ForegroundRole) {
        // Members who no longer count as active are greyed so the eye finds the active ones.
        const bool inactive = r->status != QLatin1String("active") && r->status != QLatin1String("retained");
        return inactive ? QVariant(QBrush(QColor(0x80, 0x80, 0x80))) : QVariant();
    }
    switch (index.column()) {
    case NameColumn:
        return r->name;
    case GenderColumn:
        return codes::gender().label(r->gender);
    case IdNumberColumn:
        return m_unmasked ? r->idNumber : IdNumber::masked(r->idNumber);
    case MobileColumn:
        return m_unmasked ? r->mobile : MobileNumber::masked(r->mobile);
    case OrganisationColumn:
        return r->organisationName;
    case EmploymentFormColumn:
        return codes::employmentForm().label(r->employmentForm);
    case JoinDateColumn:
        return r->joinDate;
    case CardNumberColumn:
        return r->cardNumber;
    case StatusColumn:
        return codes::memberStatus().label(r->status);
    case VerifiedColumn:
        return r->verified ? tr("Verified") : tr("Not verified");
    default:
        return {};
    }
}

QVariant RosterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case GenderColumn:
        return tr("Gender");
    case IdNumberColumn:
        return tr("ID number");
    case MobileColumn:
        return tr("Mobile");
    case OrganisationColumn:
        return tr("Organisation");
    case EmploymentFormColumn:
        return tr("Employment form");
    case JoinDateColumn:
        return tr("Join date");
    case CardNumberColumn:
        return tr("Card number");
    case StatusColumn:
        return tr("Status");
    case VerifiedColumn:
        return tr("Real name");
    default:
        return {};
    }
}

void RosterModel::sort(int column, Qt::SortOrder order)
{
    RosterSort sort = RosterSort::Name;
    switch (column) {
    case IdNumberColumn:
        sort = RosterSort::IdNumber;
        break;
    case MobileColumn:
        sort = RosterSort::Mobile;
        break;
    case JoinDateColumn:
        sort = RosterSort::JoinDate;
        break;
    case CardNumberColumn:
        sort = RosterSort::CardNumber;
        break;
    case StatusColumn:
        sort = RosterSort::Status;
        break;
    case NameColumn:
        break;
    default:
        return; // not indexed: sorting a million rows by it would freeze the window
    }
    if (sort == m_sort && order == m_order && m_query)
        return;
    m_sort = sort;
    m_order = order;
    refresh();
}

} // namespace ud
