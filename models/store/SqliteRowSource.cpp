#include "store/SqliteRowSource.h"

#include "store/SqliteStatement.h"

#include <QStringEncoder>

#include <cstring>
#include <sqlite3.h>

namespace ud {

namespace {

const char kPointerType[] = "ud_row_source";

// The table a statement reads: its columns, then the hidden one that takes the source.
struct SourceTable
{
    sqlite3_vtab base;
    int columns;
};

struct SourceCursor
{
    sqlite3_vtab_cursor base;
    const SqliteRowSource* source;
    qint64 row;
    qint64 rows;
};

int connectTable(sqlite3* db, void* aux, int, const char* const*, sqlite3_vtab** table, char**)
{
    const char* columns = static_cast<const char*>(aux);
    const QByteArray schema = QByteArray("CREATE TABLE x(") + columns + ", source HIDDEN)";
    const int rc = sqlite3_declare_vtab(db, schema.constData());
    if (rc != SQLITE_OK)
        return rc;
    auto* t = static_cast<SourceTable*>(sqlite3_malloc(sizeof(SourceTable)));
    if (!t)
        return SQLITE_NOMEM;
    std::memset(t, 0, sizeof(SourceTable));
    t->columns = int(QByteArrayView(columns).count(',')) + 1;
    *table = &t->base;
    return SQLITE_OK;
}

int disconnectTable(sqlite3_vtab* table)
{
    sqlite3_free(table);
    return SQLITE_OK;
}

// Only a plan with the source given (`name(?)`) can run; rows come out in their order.
int bestIndex(sqlite3_vtab* table, sqlite3_index_info* info)
{
    const int sourceColumn = reinterpret_cast<SourceTable*>(table)->columns;
    for (int i = 0; i < info->nConstraint; ++i) {
        const auto& c = info->aConstraint[i];
        if (c.iColumn != sourceColumn || c.op != SQLITE_INDEX_CONSTRAINT_EQ)
            continue;
        if (!c.usable)
            return SQLITE_CONSTRAINT;
        info->aConstraintUsage[i].argvIndex = 1;
        info->aConstraintUsage[i].omit = 1;
        info->estimatedCost = 1000;
        return SQLITE_OK;
    }
    return SQLITE_CONSTRAINT;
}

int openCursor(sqlite3_vtab*, sqlite3_vtab_cursor** cursor)
{
    auto* c = static_cast<SourceCursor*>(sqlite3_malloc(sizeof(SourceCursor)));
    if (!c)
        return SQLITE_NOMEM;
    std::memset(c, 0, sizeof(SourceCursor));
    *cursor = &c->base;
    return SQLITE_OK;
}

int closeCursor(sqlite3_vtab_cursor* cursor)
{
    sqlite3_free(cursor);
    return SQLITE_OK;
}

int filter(sqlite3_vtab_cursor* cursor, int, const char*, int argc, sqlite3_value** argv)
{
    auto* c = reinterpret_cast<SourceCursor*>(cursor);
    c->source = argc > 0 ? static_cast<const SqliteRowSource*>(sqlite3_value_pointer(argv[0], kPointerType))
                         : nullptr;
    c->row = 0;
    c->rows = c->source ? c->source->rowCount() : 0;
    return SQLITE_OK;
}

int next(sqlite3_vtab_cursor* cursor)
{
    ++reinterpret_cast<SourceCursor*>(cursor)->row;
    return SQLITE_OK;
}

int atEnd(sqlite3_vtab_cursor* cursor)
{
    const auto* c = reinterpret_cast<SourceCursor*>(cursor);
    return c->row >= c->rows;
}

int column(sqlite3_vtab_cursor* cursor, sqlite3_context* context, int index)
{
    const auto* c = reinterpret_cast<SourceCursor*>(cursor);
    const auto* table = reinterpret_cast<const SourceTable*>(cursor->pVtab);
    if (index >= table->columns) {
        sqlite3_result_null(context);
        return SQLITE_OK;
    }
    SqliteRowSource::Cell cell(context);
    c->source->column(c->row, index, cell);
    return SQLITE_OK;
}

int rowId(sqlite3_vtab_cursor* cursor, sqlite3_int64* id)
{
    *id = reinterpret_cast<SourceCursor*>(cursor)->row;
    return SQLITE_OK;
}

const sqlite3_module kModule = {
    0,               // iVersion
    nullptr,         // xCreate: eponymous only, never CREATE VIRTUAL TABLE
    connectTable,    // xConnect
    bestIndex,       // xBestIndex
    disconnectTable, // xDisconnect
    nullptr,         // xDestroy
    openCursor,      // xOpen
    closeCursor,     // xClose
    filter,          // xFilter
    next,            // xNext
    atEnd,           // xEof
    column,          // xColumn
    rowId,           // xRowid
    nullptr,         // xUpdate: read-only
    nullptr,         // xBegin
    nullptr,         // xSync
    nullptr,         // xCommit
    nullptr,         // xRollback
    nullptr,         // xFindFunction
    nullptr,         // xRename
    nullptr,         // xSavepoint
    nullptr,         // xRelease
    nullptr,         // xRollbackTo
    nullptr,         // xShadowName
};

void freeColumns(void* columns)
{
    sqlite3_free(columns);
}

} // namespace

void SqliteRowSource::Cell::text(QStringView text)
{
    // Given as UTF-8, which the store keeps: SQLite's own conversion from UTF-16 goes a character at
    // a time and showed in the profile of an import. Most cells are short and need no allocation.
    char buffer[512];
    if (text.size() * 3 <= qsizetype(sizeof buffer)) {
        QStringEncoder encoder(QStringEncoder::Utf8, QStringConverter::Flag::Stateless);
        const char* end = encoder.appendToBuffer(buffer, text);
        sqlite3_result_text(m_context, buffer, int(end - buffer), SQLITE_TRANSIENT);
        return;
    }
    const QByteArray utf8 = text.toUtf8();
    sqlite3_result_text(m_context, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteRowSource::Cell::utf8(QByteArrayView text)
{
    sqlite3_result_text(m_context, text.isEmpty() ? "" : text.data(), int(text.size()), SQLITE_STATIC);
}

void SqliteRowSource::Cell::copyUtf8(QByteArrayView text)
{
    sqlite3_result_text(m_context, text.isEmpty() ? "" : text.data(), int(text.size()), SQLITE_TRANSIENT);
}

void SqliteRowSource::Cell::blob(QByteArrayView blob)
{
    sqlite3_result_blob(m_context, blob.isEmpty() ? "" : blob.data(), int(blob.size()), SQLITE_STATIC);
}

void SqliteRowSource::Cell::integer(qint64 value)
{
    sqlite3_result_int64(m_context, value);
}

bool SqliteRowSource::install(const QSqlDatabase& db, const char* name, const char* columns, QString* error)
{
    sqlite3* handle = SqliteStatement::handleOf(db);
    if (!handle) {
        if (error)
            *error = QStringLiteral("not an open SQLite connection");
        return false;
    }
    const int length = int(std::strlen(columns));
    char* copy = static_cast<char*>(sqlite3_malloc(length + 1));
    if (!copy) {
        if (error)
            *error = QStringLiteral("out of memory");
        return false;
    }
    std::memcpy(copy, columns, size_t(length) + 1);
    // SQLite frees the column list with the module, also when the call fails.
    if (sqlite3_create_module_v2(handle, name, &kModule, copy, freeColumns) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(handle));
        return false;
    }
    return true;
}

const char* SqliteRowSource::pointerType()
{
    return kPointerType;
}

} // namespace ud
