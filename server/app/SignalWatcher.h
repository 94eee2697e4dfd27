#pragma once

#include <QObject>

class QSocketNotifier;

namespace ud::server {

// Turns SIGTERM and SIGINT into a queued call of QCoreApplication::quit(), so the server leaves its
// event loop and closes its sockets and database like any normal exit. A signal handler may do
// almost nothing itself, so it only writes a byte to a socket pair the event loop watches.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

    bool isActive() const { return m_notifier != nullptr; }

private:
    static void handle(int signal);
    void readSignal();

    QSocketNotifier* m_notifier = nullptr;
};

} // namespace ud::server
