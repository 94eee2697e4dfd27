#include "store/SqliteStatement.h"

#include "store/SqliteRowSource.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace ud {

sqlite3* SqliteStatement::handleOf(const QSqlDatabase& db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

bool SqliteStatement::exec(const QSqlDatabase& db, const char* statements, QString* error)
{
    sqlite3* handle = handleOf(db);
    if (!handle) {
        if (error)
            *error = QStringLiteral("not an open SQLite connection");
        return false;
    }
    char* message = nullptr;
    if (sqlite3_exec(handle, statements, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    if (error)
        *error = QString::fromUtf8(message ? message : sqlite3_errmsg(handle));
    sqlite3_free(message);
    return false;
}

SqliteStatement::SqliteStatement(const QSqlDatabase& db, const char* statement)
    : m_db(handleOf(db))
{
    if (!m_db) {
        m_error = QStringLiteral("not an open SQLite connection");
        return;
    }
    if (sqlite3_prepare_v3(m_db, statement, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr) !=
        SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db)) + QStringLiteral(" (") +
                  QString::fromUtf8(statement) + QLatin1Char(')');
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::bind(int index, QStringView text)
{
    // Our text columns are NOT NULL with '' for "unknown"; a null QString binds as ''.
    static const char16_t empty = 0;
    const void* data =
        text.isNull() ? static_cast<const void*>(&empty) : static_cast<const void*>(text.utf16());
    sqlite3_bind_text16(m_statement, index, data, int(text.size() * 2), SQLITE_STATIC);
}

void SqliteStatement::bindUtf8(int index, QByteArrayView text)
{
    sqlite3_bind_text(m_statement, index, text.isNull() ? "" : text.data(), int(text.size()), SQLITE_STATIC);
}

void SqliteStatement::bindBlob(int index, QByteArrayView blob)
{
    sqlite3_bind_blob(m_statement, index, blob.isNull() ? "" : blob.data(), int(blob.size()), SQLITE_STATIC);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bindSource(int index, const SqliteRowSource* source)
{
    // SQLite hands the pointer only to a reader that asks for the same type.
    sqlite3_bind_pointer(m_statement, index, const_cast<SqliteRowSource*>(source),
                         SqliteRowSource::pointerType(), nullptr);
}

bool SqliteStatement::run(QString* error)
{
    if (!m_statement) {
        if (error)
            *error = m_error;
        return false;
    }
    const int rc = sqlite3_step(m_statement);
    const bool ok = rc == SQLITE_DONE || rc == SQLITE_ROW;
    if (!ok && error)
        *error = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_statement);
    return ok;
}

bool SqliteStatement::nextRow()
{
    return m_statement && sqlite3_step(m_statement) == SQLITE_ROW;
}

QString SqliteStatement::text(int column) const
{
    const auto* data = static_cast<const char16_t*>(sqlite3_column_text16(m_statement, column));
    return QString::fromUtf16(data, sqlite3_column_bytes16(m_statement, column) / 2);
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

void SqliteStatement::reset()
{
    if (m_statement)
        sqlite3_reset(m_statement);
}

} // namespace ud
