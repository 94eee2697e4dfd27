#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace ud::sql {

// Every value reaches SQLite bound as a parameter; these helpers keep the error reporting in one
// place so a failed statement always says which statement and why.

// Prepares `statement`; on failure fills *error and returns false.
bool prepare(QSqlQuery& query, const QString& statement, QString* error);
// Executes a prepared query; on failure fills *error.
bool exec(QSqlQuery& query, QString* error);
// Prepares and runs a statement without parameters.
bool run(const QSqlDatabase& db, const QString& statement, QString* error);
// Prepares `statement`, binds `values` in order and executes it.
bool execBound(QSqlQuery& query, const QString& statement, const QVariantList& values, QString* error);
// Binds `values` in order to a query prepared before and executes it.
bool execPrepared(QSqlQuery& query, const QVariantList& values, QString* error);
// A statement prepared once per connection and kept until the connection closes (see
// dropCached()), for the statements written once per record of a bulk write: compiling them again
// for every row of an import cost a third of its time. Null, with the reason, if it cannot be
// prepared. Use on the connection's own thread; finish() a SELECT after reading it.
QSqlQuery* cached(const QSqlDatabase& db, const QString& statement, QString* error);
// Runs a statement without parameters through the cache (BEGIN, COMMIT, SAVEPOINT …).
bool runCached(const QSqlDatabase& db, const QString& statement, QString* error);
// Forgets the cached statements of a connection; Database calls it before closing.
void dropCached(const QString& connectionName);
// Runs several statements separated by ';' followed by a newline (no parameters).
bool runScript(const QSqlDatabase& db, const QString& script, QString* error);

// Qt binds a null QString as SQL NULL, but our text columns are NOT NULL with '' for "unknown":
// every bound value passes through here, so only an invalid QVariant() (see null()) becomes NULL.
QVariant bindable(const QVariant& value);
inline QVariant null()
{
    return QVariant();
}

// Escapes % _ and the escape character itself, for LIKE ... ESCAPE '\'.
QString escapeLike(const QString& text);

} // namespace ud::sql
