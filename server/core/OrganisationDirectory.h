#pragma once

#include <QCoreApplication>
#include <QString>

namespace ud::server {

class ServerDatabase;

// A live organisation as the server holds it.
struct OrganisationEntry
{
    QString id;
    QString parentId; // empty for the root
    QString path;     // materialised: "rootId/…/id/"
    QString name;
    QString status; // active, dissolved
};

// Finds live organisations anywhere on the server, by id or by exact name, inside the caller's
// transaction (administration commands name organisations that way; a direct transfer may name
// the receiving union only by name).
class OrganisationDirectory
{
    Q_DECLARE_TR_FUNCTIONS(ud::server::OrganisationDirectory)

public:
    enum class Match
    {
        Found,
        None,
        Several, // a name that is not unique
        Failed,  // the database failed; `error` says why
    };

    explicit OrganisationDirectory(const ServerDatabase& database);

    Match byId(const QString& id, OrganisationEntry* entry, QString* error) const;
    // By id, else by the exact name (trimmed); `count` is the number of organisations of that name.
    Match byIdOrName(const QString& idOrName, OrganisationEntry* entry, int* count, QString* error) const;

    // "No organisation "X" on this server." or "3 organisations are named "X"; give the id instead."
    static QString problem(Match match, const QString& idOrName, int count);

private:
    Match select(const QString& condition, const QString& value, OrganisationEntry* entry, int* count,
                 QString* error) const;

    const ServerDatabase& m_database;
};

} // namespace ud::server
