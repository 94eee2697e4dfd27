#include "store/Sql.h"

#include "store/Database.h"
#include "util/LogCategories.h"

#include <QSqlError>

#include <map>
#include <memory>

namespace ud::sql {

namespace {

// What the clerk can do something about — a read-only file or folder, a full disk, a failing drive,
// a damaged file — said in words instead of SQLite's English and the statement (which go to the
// log). Constraint and programming errors keep SQLite's text: callers read it.
QString environmentProblem(const QSqlError& e)
{
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok) & 0xff;
    if (!ok)
        return {};
    switch (code) {
    case 8: // SQLITE_READONLY
        return Database::tr(
            "The data file cannot be written: the file, or the folder it is in, is read-only. "
            "Copy the data file to a folder you may write to (such as Documents), or clear its "
            "read-only attribute, then try again.");
    case 13: // SQLITE_FULL
        return Database::tr(
            "The disk that holds the data file is full. Free some space on it, then try again.");
    case 10: // SQLITE_IOERR
        return Database::tr("The data file could not be read or written (a disk or network error). Check "
                            "that the drive is still there and works, then try again.");
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        return Database::tr("The data file is damaged. Open a backup copy of it, or ask whoever looks after "
                            "UnionDesk for help.");
    default:
        return {};
    }
}

QString describe(const QSqlError& e, const QString& statement)
{
    const QString technical = QStringLiteral("%1 [%2]").arg(e.text(), statement.simplified().left(160));
    const QString problem = environmentProblem(e);
    if (problem.isEmpty())
        return technical;
    qCInfo(lcStore).noquote() << technical;
    return problem;
}

} // namespace

bool prepare(QSqlQuery& query, const QString& statement, QString* error)
{
    if (query.prepare(statement))
        return true;
    const QString message = describe(query.lastError(), statement);
    qCWarning(lcStore).noquote() << "prepare failed:" << message;
    if (error)
        *error = message;
    return false;
}

bool exec(QSqlQuery& query, QString* error)
{
    if (query.exec())
        return true;
    const QString message = describe(query.lastError(), query.lastQuery());
    qCDebug(lcStore).noquote() << "exec failed:" << message;
    if (error)
        *error = message;
    return false;
}

bool run(const QSqlDatabase& db, const QString& statement, QString* error)
{
    QSqlQuery query(db);
    return prepare(query, statement, error) && exec(query, error);
}

bool execBound(QSqlQuery& query, const QString& statement, const QVariantList& values, QString* error)
{
    if (!prepare(query, statement, error))
        return false;
    for (const QVariant& v : values)
        query.addBindValue(bindable(v));
    return exec(query, error);
}

bool execPrepared(QSqlQuery& query, const QVariantList& values, QString* error)
{
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, bindable(values.at(i)));
    return exec(query, error);
}

namespace {
// Per thread, as connections are: connection name → statement text → prepared query.
using StatementCache = std::map<QString, std::map<QString, std::unique_ptr<QSqlQuery>>>;
StatementCache& statementCache()
{
    thread_local StatementCache cache;
    return cache;
}
} // namespace

QSqlQuery* cached(const QSqlDatabase& db, const QString& statement, QString* error)
{
    auto& statements = statementCache()[db.connectionName()];
    auto it = statements.find(statement);
    // A connection closed without dropCached() and opened again under the same name has a new
    // driver: statements of the old one are prepared again.
    if (it != statements.end() && it->second->driver() != db.driver()) {
        statements.erase(it);
        it = statements.end();
    }
    if (it == statements.end()) {
        auto query = std::make_unique<QSqlQuery>(db);
        if (!prepare(*query, statement, error))
            return nullptr;
        it = statements.emplace(statement, std::move(query)).first;
    }
    return it->second.get();
}

bool runCached(const QSqlDatabase& db, const QString& statement, QString* error)
{
    QSqlQuery* query = cached(db, statement, error);
    return query && exec(*query, error);
}

void dropCached(const QString& connectionName)
{
    statementCache().erase(connectionName);
}

bool runScript(const QSqlDatabase& db, const QString& script, QString* error)
{
    // Statements end with ";" at the end of a line; a trigger body holds such lines too, so a
    // CREATE TRIGGER statement runs on until its closing "END;".
    QString statement;
    bool inTrigger = false;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (statement.isEmpty() && line.trimmed().isEmpty())
            continue;
        statement += line + QLatin1Char('\n');
        if (line.trimmed().startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive))
            inTrigger = true;
        const QString trimmed = line.trimmed();
        const bool ends = inTrigger ? trimmed.compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0
                                    : trimmed.endsWith(QLatin1Char(';'));
        if (!ends)
            continue;
        if (!inTrigger)
            statement.chop(2); // the ';' and the newline
        if (!run(db, statement, error))
            return false;
        statement.clear();
        inTrigger = false;
    }
    return statement.trimmed().isEmpty() || run(db, statement, error);
}

QVariant bindable(const QVariant& value)
{
    // (Qt 6 QVariant::isNull() no longer looks inside: ask the string itself.)
    if (value.metaType().id() == QMetaType::QString && value.toString().isNull())
        return QVariant(QStringLiteral(""));
    if (value.metaType().id() == QMetaType::QByteArray && value.toByteArray().isNull())
        return QVariant(QByteArray("", 0));
    return value;
}

QString escapeLike(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            out += u'\\';
        out += c;
    }
    return out;
}

} // namespace ud::sql
