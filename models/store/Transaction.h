#pragma once

#include <QSqlDatabase>
#include <QString>

namespace ud {

// An immediate write transaction that rolls back unless commit() succeeds, so an early return or a
// failed statement can never leave half an edit in the store.
class Transaction
{
public:
    explicit Transaction(const QSqlDatabase& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool isActive() const { return m_active; }
    QString error() const { return m_error; }
    bool commit(QString* error = nullptr);
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};

} // namespace ud
