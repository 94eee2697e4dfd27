#include "SyncCompare.h"

#include "store/Scope.h"
#include "sync/SyncEntities.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

namespace ud::test {

namespace {

const QString PathField = QStringLiteral("path");

QString key(const QString& entity, const QString& id)
{
    return entity + QLatin1Char(' ') + id;
}

QString text(const QJsonValue& value)
{
    if (value.isString())
        return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

// Reads every row of each entity's table matching `where` (bound to `values`) into the snapshot.
bool readTables(const QSqlDatabase& db, const QString& where, const QVariantList& values,
                SyncSnapshot* snapshot, QString* error)
{
    for (const sync::EntitySpec& spec : sync::entities()) {
        const bool organisation = spec.scopeField.isEmpty();
        QStringList columns{QStringLiteral("id"), QStringLiteral("version"), QStringLiteral("deleted")};
        if (organisation)
            columns.append(PathField);
        for (const sync::FieldSpec& field : spec.fields)
            columns.append(field.column);
        QString tableWhere = where;
        QVariantList tableValues = values;
        // A transfer lies under three organisations (server/API.md "Transfers"): the server keeps the
        // holding one's path in `path`, the other two beside it, and shows the record to each subtree.
        if (!where.isEmpty() && spec.entity == QLatin1String("transfer")) {
            tableWhere =
                QStringLiteral("WHERE (path >= ? AND path < ?) OR (from_path >= ? AND from_path < ?) OR "
                               "(to_path >= ? AND to_path < ?)");
            tableValues = values + values + values;
        }
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT %1 FROM %2 %3")
                          .arg(columns.join(QLatin1String(", ")), spec.table, tableWhere));
        for (const QVariant& value : std::as_const(tableValues))
            query.addBindValue(value);
        if (!query.exec()) {
            *error = QStringLiteral("%1 %2: %3").arg(snapshot->side, spec.table, query.lastError().text());
            return false;
        }
        const int first = organisation ? 4 : 3;
        while (query.next()) {
            SyncSnapshot::Record record;
            record.entity = spec.entity;
            record.id = query.value(0).toString();
            record.version = query.value(1).toLongLong();
            record.deleted = query.value(2).toLongLong() != 0;
            if (organisation)
                record.fields.insert(PathField, query.value(3).toString());
            for (int i = 0; i < spec.fields.size(); ++i)
                record.fields.insert(spec.fields.at(i).field,
                                     sync::toWire(spec.fields.at(i), query.value(first + i)));
            snapshot->records.insert(key(spec.entity, record.id), record);
        }
    }
    return true;
}

qint64 scalar(const QSqlDatabase& db, const QString& statement, QString* error)
{
    QSqlQuery query(db);
    if (!query.exec(statement) || !query.next()) {
        *error = query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

bool readDangling(const QSqlDatabase& db, QStringList* dangling, QString* error)
{
    QSqlQuery check(db);
    if (!check.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
        *error = check.lastError().text();
        return false;
    }
    // table, rowid, parent table, constraint index
    QList<std::pair<QString, qint64>> rows;
    while (check.next())
        rows.append({check.value(0).toString(), check.value(1).toLongLong()});
    for (const auto& [table, rowid] : rows) {
        QSqlQuery row(db);
        row.prepare(QStringLiteral("SELECT id FROM %1 WHERE rowid = ?").arg(table));
        row.addBindValue(rowid);
        const QString id = row.exec() && row.next() ? row.value(0).toString() : QString::number(rowid);
        dangling->append(table + QLatin1Char(' ') + id);
    }
    return true;
}

// What a record is, for a message: its entity, id and, for a member, the name and ID number.
QString describe(const SyncSnapshot::Record& r)
{
    QString what = r.entity + QLatin1Char(' ') + r.id;
    if (r.entity == QLatin1String("member"))
        what += QStringLiteral(" (%1 %2)")
                    .arg(r.fields.value(QLatin1String("name")).toString(),
                         r.fields.value(QLatin1String("idNumber")).toString());
    return what +
           QStringLiteral(" v%1%2").arg(r.version).arg(r.deleted ? QStringLiteral(" deleted") : QString());
}

} // namespace

int SyncSnapshot::count(const QString& entity, bool liveOnly) const
{
    return int(std::count_if(records.cbegin(), records.cend(), [&](const Record& r) {
        return r.entity == entity && (!liveOnly || !r.deleted);
    }));
}

const SyncSnapshot::Record* SyncSnapshot::find(const QString& entity, const QString& id) const
{
    const auto it = records.constFind(key(entity, id));
    return it == records.cend() ? nullptr : &*it;
}

QStringList SyncSnapshot::liveIdNumbers() const
{
    QStringList numbers;
    for (const Record& r : records) {
        if (r.entity == QLatin1String("member") && !r.deleted)
            numbers.append(r.fields.value(QLatin1String("idNumber")).toString());
    }
    numbers.sort();
    return numbers;
}

QStringList SyncSnapshot::duplicateIdNumbers() const
{
    QStringList duplicates;
    const QStringList numbers = liveIdNumbers();
    for (qsizetype i = 1; i < numbers.size(); ++i) {
        if (numbers.at(i) == numbers.at(i - 1) && !duplicates.contains(numbers.at(i)))
            duplicates.append(numbers.at(i));
    }
    return duplicates;
}

bool SyncCompare::readClient(const QString& storePath, SyncSnapshot* snapshot, QString* error)
{
    snapshot->side = QStringLiteral("client ") + storePath;
    snapshot->records.clear();
    const QString name = QStringLiteral("synccompare_") + QUuid::createUuid().toString(QUuid::Id128);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(storePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            *error = QStringLiteral("%1: %2").arg(storePath, db.lastError().text());
        } else if (readTables(db, QString(), {}, snapshot, error)) {
            snapshot->pendingOperations = scalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox"), error);
            snapshot->openConflicts = scalar(
                db, QStringLiteral("SELECT COUNT(*) FROM sync_conflict WHERE resolved_at = ''"), error);
            ok = snapshot->pendingOperations >= 0 && snapshot->openConflicts >= 0 &&
                 readDangling(db, &snapshot->danglingReferences, error);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool SyncCompare::readServer(const QSqlDatabase& db, const QString& scopeId, SyncSnapshot* snapshot,
                             QString* error)
{
    snapshot->side = QStringLiteral("server");
    snapshot->records.clear();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT path FROM organisation WHERE id = ?"));
    query.addBindValue(scopeId);
    if (!query.exec() || !query.next()) {
        *error = QStringLiteral("server: no organisation %1 %2").arg(scopeId, query.lastError().text());
        return false;
    }
    const QString path = query.value(0).toString();
    if (!readTables(db, QStringLiteral("WHERE path >= ? AND path < ?"), {path, Scope::upperBound(path)},
                    snapshot, error))
        return false;
    // A client keeps its account's organisation as its root, without the parent it never sees.
    const auto root = snapshot->records.find(key(QStringLiteral("organisation"), scopeId));
    if (root != snapshot->records.end())
        root->fields.insert(QStringLiteral("parent"), QJsonValue());
    return true;
}

QStringList SyncCompare::differences(const SyncSnapshot& client, const SyncSnapshot& server, int limit)
{
    QStringList found;
    qsizetype more = 0;
    const auto note = [&](const QString& line) {
        if (found.size() < limit)
            found.append(line);
        else
            ++more;
    };
    QStringList keys = client.records.keys() + server.records.keys();
    keys.removeDuplicates();
    std::sort(keys.begin(), keys.end());
    for (const QString& k : std::as_const(keys)) {
        const auto c = client.records.constFind(k);
        const auto s = server.records.constFind(k);
        if (c == client.records.cend()) {
            if (!s->deleted)
                note(QStringLiteral("missing on the client: %1").arg(describe(*s)));
            continue;
        }
        if (s == server.records.cend()) {
            note(QStringLiteral("only on the client: %1").arg(describe(*c)));
            continue;
        }
        if (c->version != s->version || c->deleted != s->deleted) {
            note(QStringLiteral("%1 on the client, %2 on the server").arg(describe(*c), describe(*s)));
            continue;
        }
        if (c->deleted)
            continue;
        QStringList fields = c->fields.keys() + s->fields.keys();
        fields.removeDuplicates();
        for (const QString& field : std::as_const(fields)) {
            const QJsonValue mine = c->fields.value(field);
            const QJsonValue theirs = s->fields.value(field);
            if (mine != theirs)
                note(QStringLiteral("%1: %2 is %3 on the client, %4 on the server")
                         .arg(describe(*c), field, text(mine), text(theirs)));
        }
    }
    for (const SyncSnapshot* side : {&client, &server}) {
        const QStringList duplicates = side->duplicateIdNumbers();
        if (!duplicates.isEmpty())
            note(QStringLiteral("%1 has more than one live member with the ID number %2")
                     .arg(side->side, duplicates.join(QLatin1String(", "))));
    }
    if (more > 0)
        found.append(QStringLiteral("… and %1 more differences").arg(more));
    return found;
}

} // namespace ud::test
