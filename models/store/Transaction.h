#pragma once

#include <QSqlDatabase>
#include <QString>

namespace ud {

// An immediate write transaction that rolls back unless commit() succeeds, so an early return or a
// failed statement can never leave half an edit in the store. A second Transaction on a connection
// that already has one is refused (inactive) — unless the outer one was opened with
// Nesting::AllowSavepoints: then every Transaction opened inside it becomes a savepoint, whose commit
// keeps its work for the outer transaction to commit and whose rollback undoes only its own work. An
// import writes all its rows through the repositories inside one outer transaction this way.
class Transaction
{
public:
    enum class Nesting
    {
        Refuse,
        AllowSavepoints,
    };

    explicit Transaction(const QSqlDatabase& db, Nesting nesting = Nesting::Refuse);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool isActive() const { return m_active; }
    QString error() const { return m_error; }
    bool commit(QString* error = nullptr);
    void rollback();

private:
    void finished();

    QSqlDatabase m_db;
    QString m_savepoint; // set when this one is a savepoint inside an outer transaction
    bool m_allowsSavepoints = false;
    bool m_active = false;
    QString m_error;
};

} // namespace ud
