#pragma once

#include "ServerDatabase.h"

#include <QMutex>
#include <QObject>
#include <QString>

#include <memory>
#include <unordered_map>
#include <unordered_set>

class QThread;

namespace ud::server {

// The server's connections, one per thread: a QSqlDatabase connection may only be used by the
// thread that opened it, and the server answers requests on several threads at once. Each thread
// that asks gets its own connection to the configured database (a ServerDatabase, uniquely named),
// opened on first use and closed on that thread when it ends; whatever is still open when this
// goes (the connections of threads that are still running, such as the one that made it) is
// closed then. Every method may be called from any thread.
class ThreadDatabases : public QObject
{
    Q_OBJECT

public:
    explicit ThreadDatabases(QString url, QObject* parent = nullptr);
    ~ThreadDatabases() override;

    // The calling thread's connection, opened now when it has none; null with the reason when the
    // database cannot be reached. Valid on the calling thread until resetLocal() or its end.
    ServerDatabase* local(QString* error);
    // The calling thread's connection if it answers a trivial query, else a fresh one (PostgreSQL
    // was restarted, say); null with the reason when none can be had.
    ServerDatabase* alive(QString* error);
    // Closes the calling thread's connection; the next local() opens another.
    void resetLocal();

private:
    // The calling thread's connection, or null; never opens one.
    ServerDatabase* current() const;
    void closeFor(QThread* thread);

    const QString m_url;
    mutable QMutex m_mutex;
    std::unordered_map<QThread*, std::unique_ptr<ServerDatabase>> m_connections;
    std::unordered_set<QThread*> m_watched; // threads whose end closes their connection
};

} // namespace ud::server
