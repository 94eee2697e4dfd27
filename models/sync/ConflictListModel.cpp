#include "sync/ConflictListModel.h"

#include "store/Database.h"
#include "store/Sql.h"
#include "sync/SyncConflictRepository.h"
#include "sync/SyncEntities.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlQuery>

namespace ud::sync {

ConflictListModel::ConflictListModel(Database& store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    reload();
}

void ConflictListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    for (const SyncConflict& c : SyncConflictRepository(m_store).open())
        m_rows.append({c, recordText(c), c.isRejection() && neverSynced(c)});
    endResetModel();
}

SyncConflict ConflictListModel::conflictAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).conflict : SyncConflict();
}

int ConflictListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConflictListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConflictListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows.at(index.row());
    const SyncConflict& c = row.conflict;
    if (role == IdRole)
        return c.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case RecordColumn:
        return row.record;
    case FieldColumn:
        return c.isOperation() ? tr("The whole change") : fieldLabel(c.entity, c.field);
    case MineColumn:
        if (c.isOperation()) {
            const QJsonObject fields = c.op.value(QStringLiteral("fields")).toObject();
            if (c.op.value(QStringLiteral("delete")).toBool())
                return tr("Deleted");
            QStringList parts;
            for (auto it = fields.begin(); it != fields.end(); ++it)
                parts.append(tr("%1: %2").arg(fieldLabel(c.entity, it.key()), valueText(it.value())));
            // Changes that joined this one (the history written with it) are decided with it.
            const qsizetype joined = SyncConflictRepository::operationsOf(c).size() - 1;
            if (joined > 0)
                parts.append(tr("and %n more change(s) made with it", nullptr, int(joined)));
            return parts.join(tr("; "));
        }
        return valueText(c.mine);
    case TheirsColumn:
        if (!c.isRejection())
            return valueText(c.theirs);
        return row.removedByTheirs ? tr("Not on the server: taking its side removes this record here")
                                   : tr("Not accepted");
    case ReasonColumn:
        return c.reason.isEmpty() ? tr("Changed on the server since this computer last synced") : c.reason;
    case WhenColumn:
        return QLocale().toString(QDateTime::fromString(c.createdAt, Qt::ISODateWithMs).toLocalTime(),
                                  QLocale::ShortFormat);
    }
    return {};
}

QVariant ConflictListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RecordColumn:
        return tr("Record");
    case FieldColumn:
        return tr("Field");
    case MineColumn:
        return tr("On this computer");
    case TheirsColumn:
        return tr("On the server");
    case ReasonColumn:
        return tr("Why");
    case WhenColumn:
        return tr("Found");
    }
    return {};
}

QString ConflictListModel::recordText(const SyncConflict& conflict) const
{
    // A name makes the record recognisable; ids mean nothing to a clerk.
    QString statement;
    if (conflict.entity == QLatin1String("member") || conflict.entity == QLatin1String("organisation") ||
        conflict.entity == QLatin1String("cadre"))
        statement = QStringLiteral("SELECT name FROM %1 WHERE id = ?").arg(conflict.entity);
    else if (conflict.entity == QLatin1String("member_event"))
        statement = QStringLiteral(
            "SELECT m.name FROM member_event e JOIN member m ON m.id = e.member_id WHERE e.id = ?");
    else if (conflict.entity == QLatin1String("organisation_request"))
        statement = QStringLiteral("SELECT o.name FROM organisation_request r JOIN organisation o ON o.id = "
                                   "r.organisation_id WHERE r.id = ?");
    QString name;
    if (!statement.isEmpty()) {
        QSqlQuery query(m_store.connection());
        if (sql::execBound(query, statement, {conflict.recordId}, nullptr) && query.next())
            name = query.value(0).toString();
    }
    const QString kind = entityLabel(conflict.entity);
    return name.isEmpty() ? kind : tr("%1 %2").arg(kind, name);
}

bool ConflictListModel::neverSynced(const SyncConflict& conflict) const
{
    const EntitySpec* spec = entity(conflict.entity);
    if (!spec)
        return false;
    QSqlQuery query(m_store.connection());
    return sql::execBound(query, QStringLiteral("SELECT version FROM %1 WHERE id = ?").arg(spec->table),
                          {conflict.recordId}, nullptr) &&
           query.next() && query.value(0).toLongLong() == 0;
}

QString ConflictListModel::valueText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return tr("(empty)");
    case QJsonValue::Bool:
        return value.toBool() ? tr("Yes") : tr("No");
    case QJsonValue::Double:
        return QLocale().toString(value.toDouble(), 'g', 15);
    case QJsonValue::String:
        return value.toString().isEmpty() ? tr("(empty)") : value.toString();
    case QJsonValue::Array:
    case QJsonValue::Object:
        return QString::fromUtf8(value.isArray()
                                     ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                     : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

} // namespace ud::sync
