#pragma once

#include <QByteArrayView>
#include <QSqlDatabase>
#include <QString>
#include <QStringView>

struct sqlite3_context;

namespace ud {

// Rows held in memory that SQLite reads as a table: `INSERT INTO t(…) SELECT … FROM name(?1)`, the
// source bound to ?1 with SqliteStatement::bindSource. A bulk write then runs one statement for many
// rows. Inserting row by row through a prepared statement made SQLite set up the target's indexes,
// triggers and foreign keys again for every row, and staging the rows in a temporary table first
// wrote every value twice.
//
// A subclass says how many rows it has and sets one cell at a time; the text and blobs it gives
// must stay where they are until the statement has run (they are not copied).
class SqliteRowSource
{
public:
    // One cell's value, set once by column().
    class Cell
    {
    public:
        explicit Cell(sqlite3_context* context)
            : m_context(context)
        {
        }
        void text(QStringView text);        // a null or empty view is ''
        void utf8(QByteArrayView text);     // UTF-8 that stays put
        void copyUtf8(QByteArrayView text); // UTF-8 that SQLite copies (a temporary)
        void blob(QByteArrayView blob);
        void integer(qint64 value);

    private:
        sqlite3_context* m_context;
    };

    virtual ~SqliteRowSource() = default;
    virtual qint64 rowCount() const = 0;
    // Columns count from 0, in the order given to install().
    virtual void column(qint64 row, int column, Cell& cell) const = 0;

    // Makes `name(?)` a table on the connection with the given comma-separated column names;
    // installing the same name again replaces it. False, with SQLite's reason, when it cannot.
    static bool install(const QSqlDatabase& db, const char* name, const char* columns, QString* error);
    // The pointer type SQLite checks when the source is bound (SqliteStatement::bindSource).
    static const char* pointerType();
};

} // namespace ud
