#pragma once

#include <QByteArrayView>
#include <QSqlDatabase>
#include <QString>
#include <QStringView>

struct sqlite3;
struct sqlite3_stmt;

namespace ud {

class SqliteRowSource;

// A statement prepared on SQLite's own C API, on the connection a QSqlDatabase holds, for the
// writes an import repeats for every row: through QSqlQuery each value becomes a QVariant that the
// driver converts again, which cost more than SQLite's own work per row. Debian's Qt SQLite driver
// links the system libsqlite3, so the handle it hands out belongs to the library linked here.
// Bound text and blobs are not copied: they must outlive run(). Use on the connection's thread.
class SqliteStatement
{
public:
    SqliteStatement(const QSqlDatabase& db, const char* statement);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    bool isValid() const { return m_statement != nullptr; }
    QString error() const { return m_error; }

    // Parameters count from 1, as in SQL.
    void bind(int index, QStringView text);
    void bindUtf8(int index, QByteArrayView text);
    void bindBlob(int index, QByteArrayView blob);
    void bind(int index, qint64 value);
    // Rows for a SqliteRowSource table (`name(?)`); the source must outlive run().
    void bindSource(int index, const SqliteRowSource* source);
    // Runs the statement once and makes it ready for the next row; on failure fills *error with
    // SQLite's message (which names the constraint, such as member.id_number).
    bool run(QString* error);

    // For a look-up: steps once and says whether a row came; read it with text(), then reset().
    bool nextRow();
    QString text(int column) const; // columns count from 0
    qint64 integer(int column) const;
    void reset();

    // The connection's SQLite handle, or null when the driver is not SQLite.
    static sqlite3* handleOf(const QSqlDatabase& db);
    // Runs statements without parameters, separated by ';'; on failure fills *error.
    static bool exec(const QSqlDatabase& db, const char* statements, QString* error);

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statement = nullptr;
    QString m_error;
};

} // namespace ud
