#include "ThreadDatabases.h"

#include <QMutexLocker>
#include <QSqlQuery>
#include <QThread>

namespace ud::server {

ThreadDatabases::ThreadDatabases(QString url, QObject* parent)
    : QObject(parent)
    , m_url(std::move(url))
{
}

ThreadDatabases::~ThreadDatabases()
{
    // The owner stops its worker threads first, so each closed its own connection; what is left
    // belongs to threads still running (normally only this one's).
    std::unordered_map<QThread*, std::unique_ptr<ServerDatabase>> left;
    {
        const QMutexLocker lock(&m_mutex);
        left.swap(m_connections);
    }
    left.clear();
}

ServerDatabase* ThreadDatabases::current() const
{
    const QMutexLocker lock(&m_mutex);
    const auto found = m_connections.find(QThread::currentThread());
    return found == m_connections.end() ? nullptr : found->second.get();
}

ServerDatabase* ThreadDatabases::local(QString* error)
{
    if (ServerDatabase* database = current())
        return database;
    QThread* const thread = QThread::currentThread();
    // Opened outside the lock: connecting to PostgreSQL takes a round trip (or a timeout), and
    // only this thread can be asking for this thread's connection.
    std::unique_ptr<ServerDatabase> database = ServerDatabase::open(m_url, error);
    if (!database)
        return nullptr;
    ServerDatabase* const result = database.get();
    bool watch = false;
    {
        const QMutexLocker lock(&m_mutex);
        m_connections[thread] = std::move(database);
        // The thread that made this object outlives it and is not watched.
        watch = thread != this->thread() && m_watched.insert(thread).second;
    }
    // Closed on the thread itself as it ends (a direct connection runs there), because the
    // connection belongs to it.
    if (watch)
        connect(
            thread, &QThread::finished, this, [this, thread] { closeFor(thread); }, Qt::DirectConnection);
    return result;
}

ServerDatabase* ThreadDatabases::alive(QString* error)
{
    if (ServerDatabase* database = current()) {
        QSqlQuery probe(database->db());
        if (probe.exec(QStringLiteral("SELECT 1")) && probe.next())
            return database;
        probe = QSqlQuery(); // released before its connection goes
        resetLocal();
    }
    return local(error);
}

void ThreadDatabases::resetLocal()
{
    std::unique_ptr<ServerDatabase> gone;
    {
        const QMutexLocker lock(&m_mutex);
        const auto found = m_connections.find(QThread::currentThread());
        if (found == m_connections.end())
            return;
        gone = std::move(found->second);
        m_connections.erase(found);
    }
}

void ThreadDatabases::closeFor(QThread* thread)
{
    std::unique_ptr<ServerDatabase> gone;
    {
        const QMutexLocker lock(&m_mutex);
        // A later thread may be made at the same address: it is to be watched again.
        m_watched.erase(thread);
        const auto found = m_connections.find(thread);
        if (found == m_connections.end())
            return;
        gone = std::move(found->second);
        m_connections.erase(found);
    }
}

} // namespace ud::server
