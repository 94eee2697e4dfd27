#include "TransferRecord.h"

#include "SessionAccount.h"
#include "sync/SyncEntities.h"

namespace ud::server {

namespace {
const QString FromPath = QStringLiteral("from_path");
const QString ToPath = QStringLiteral("to_path");

// The columns are NOT NULL, and a null QString binds as NULL.
QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}
} // namespace

const sync::EntitySpec& TransferRecord::spec()
{
    static const sync::EntitySpec& transfer = *sync::entity(QStringLiteral("transfer"));
    return transfer;
}

const QStringList& TransferRecord::pathColumns()
{
    static const QStringList columns{FromPath, ToPath};
    return columns;
}

TransferRecord::TransferRecord(SyncRecord row)
    : m_row(std::move(row))
{
}

QString TransferRecord::value(const QString& field) const
{
    const sync::FieldSpec* spec = TransferRecord::spec().field(field);
    return spec ? m_row.columns.value(spec->column).toString() : QString();
}

void TransferRecord::set(const QString& field, const QString& value)
{
    const sync::FieldSpec* spec = TransferRecord::spec().field(field);
    Q_ASSERT(spec);
    m_row.columns.insert(spec->column, notNull(value));
}

QJsonObject TransferRecord::fields() const
{
    return m_row.wireFields(spec());
}

QString TransferRecord::fromPath() const
{
    return m_row.columns.value(FromPath).toString();
}

QString TransferRecord::toPath() const
{
    return m_row.columns.value(ToPath).toString();
}

void TransferRecord::setPaths(const QString& holding, const QString& from, const QString& to)
{
    m_row.path = notNull(holding);
    m_row.columns.insert(FromPath, notNull(from));
    m_row.columns.insert(ToPath, notNull(to));
}

bool TransferRecord::isOpen() const
{
    const QString current = state();
    return current == QLatin1String("hung") || current == QLatin1String("requested");
}

bool TransferRecord::isSeenBy(const SessionAccount& account) const
{
    for (const QString& path : {holdingPath(), fromPath(), toPath()}) {
        if (!path.isEmpty() && account.covers(path))
            return true;
    }
    return false;
}

} // namespace ud::server
