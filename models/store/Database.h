#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace ud {

// The local store: one SQLite file in WAL mode with foreign keys on, migrated to the newest schema
// when opened. Each Database owns one named connection and must be used on the thread that opened
// it; a worker thread opens its own Database on the same file.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(ud::Database)

public:
    enum class OpenMode
    {
        CreateIfMissing,
        MustExist,
    };

    // Opens (and, if allowed, creates) the store at `path` and migrates it. Returns null with a
    // message for the clerk in *error when the file cannot be used.
    static std::unique_ptr<Database> open(const QString& path, OpenMode mode, QString* error);
    // The user's own store in the application data folder.
    static QString defaultPath();
    // The schema version of the file at `path` without opening it as a store (nothing is changed):
    // -1 when it does not exist or cannot be read. Lets a program warn before a long upgrade.
    static int storedSchemaVersion(const QString& path);
    // True when opening `path` would upgrade the schema of a store already in use.
    static bool needsUpgrade(const QString& path);

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QSqlDatabase connection() const;
    QString path() const { return m_path; }
    int schemaVersion() const;

    // Small key/value facts about this store (its root organisation, client id, …).
    QString meta(const QString& key) const;
    bool setMeta(const QString& key, const QString& value, QString* error = nullptr);

    // Refreshes the statistics SQLite's planner uses; cheap, and worth running after bulk loads.
    void optimise();

private:
    Database(QString path, QString connectionName);

    QString m_path;
    QString m_connectionName;
};

namespace meta {
inline constexpr auto RootOrganisation = "root_organisation";
inline constexpr auto ClientId = "client_id";
inline constexpr auto StoreKind = "store_kind"; // "demo" for generated sample data
} // namespace meta

} // namespace ud
