#include "FaultProxy.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>

namespace ud::test {

struct FaultProxy::Connection
{
    QTcpSocket* client = nullptr;
    QTcpSocket* server = nullptr;
    QByteArray pending; // the start of a request still arriving
    Fault answerFault = Fault::None;
    qint64 answerBytes = 0;
    qint64 cutAfter = 0;
    bool holding = false;
    bool closed = false;
};

FaultProxy::FaultProxy(quint16 serverPort, QObject* parent)
    : QObject(parent)
    , m_serverPort(serverPort)
    , m_listener(new QTcpServer(this))
{
    connect(m_listener, &QTcpServer::newConnection, this, &FaultProxy::accept);
}

FaultProxy::~FaultProxy()
{
    for (const auto& c : m_connections) {
        c->client->disconnect(this);
        c->server->disconnect(this);
        c->client->abort();
        c->server->abort();
    }
}

bool FaultProxy::listen(QString* error)
{
    if (m_listener->listen(QHostAddress::LocalHost, 0))
        return true;
    *error = m_listener->errorString();
    return false;
}

quint16 FaultProxy::port() const
{
    return m_listener->serverPort();
}

QString FaultProxy::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

void FaultProxy::setRule(const Rule& rule)
{
    m_rule = rule;
    m_matched = 0;
    m_faults = 0;
}

QList<QByteArray> FaultProxy::bodies(const QByteArray& request) const
{
    QList<QByteArray> found;
    for (const auto& [line, body] : m_requests) {
        if (line.startsWith(request))
            found.append(body);
    }
    return found;
}

int FaultProxy::requests(const QByteArray& request) const
{
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(),
                             [&](const auto& r) { return r.first.startsWith(request); }));
}

void FaultProxy::accept()
{
    while (QTcpSocket* client = m_listener->nextPendingConnection()) {
        auto owned = std::make_unique<Connection>();
        Connection* c = owned.get();
        c->client = client;
        c->server = new QTcpSocket(this);
        m_connections.push_back(std::move(owned));
        connect(client, &QTcpSocket::readyRead, this, [this, c] { fromClient(c); });
        connect(client, &QTcpSocket::disconnected, this, [this, c] { close(c); });
        connect(c->server, &QTcpSocket::readyRead, this, [this, c] { fromServer(c); });
        connect(c->server, &QTcpSocket::disconnected, this, [this, c] { close(c); });
        connect(c->server, &QTcpSocket::errorOccurred, this, [this, c] { close(c); });
        // What the client writes before this connects is kept in the socket's buffer.
        c->server->connectToHost(QHostAddress::LocalHost, m_serverPort);
        fromClient(c);
    }
}

void FaultProxy::fromClient(Connection* c)
{
    if (c->closed)
        return;
    c->pending += c->client->readAll();
    if (c->holding)
        return;
    for (;;) {
        const qsizetype headerEnd = c->pending.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        qint64 length = 0;
        const QList<QByteArray> lines = c->pending.left(headerEnd).split('\n');
        for (const QByteArray& line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        const qint64 total = headerEnd + 4 + length;
        if (c->pending.size() < total)
            return;
        const QByteArray request = c->pending.left(total);
        c->pending.remove(0, total);
        const QByteArray requestLine = lines.value(0).trimmed();
        m_requests.append({requestLine, request.mid(headerEnd + 4)});

        Fault fault = Fault::None;
        if (!m_rule.request.isEmpty() && requestLine.startsWith(m_rule.request)) {
            ++m_matched;
            if (m_rule.occurrence == 0 || m_matched == m_rule.occurrence)
                fault = m_rule.fault;
            if (fault != Fault::None)
                ++m_faults;
        }
        if (fault == Fault::HoldRequest) {
            c->holding = true;
            ++m_holding;
            return;
        }
        c->answerFault = fault;
        c->answerBytes = 0;
        c->cutAfter = m_rule.afterBytes;
        c->server->write(request);
    }
}

void FaultProxy::fromServer(Connection* c)
{
    if (c->closed)
        return;
    const QByteArray data = c->server->readAll();
    switch (c->answerFault) {
    case Fault::None:
    case Fault::HoldRequest:
        c->client->write(data);
        return;
    case Fault::CutAnswer: {
        const qint64 room = c->cutAfter - c->answerBytes;
        if (room > 0)
            c->client->write(data.left(room));
        c->answerBytes += data.size();
        if (c->answerBytes >= c->cutAfter)
            close(c);
        return;
    }
    case Fault::HoldAnswer:
        if (!c->holding) {
            c->holding = true;
            ++m_holding;
        }
        return;
    case Fault::DropAnswer:
        close(c);
        return;
    }
}

void FaultProxy::close(Connection* c)
{
    if (c->closed)
        return;
    // The server may close right after its last bytes: they go on to the client first.
    if (c->server->bytesAvailable() > 0) {
        fromServer(c);
        if (c->closed)
            return;
    }
    c->closed = true;
    if (c->holding) {
        c->holding = false;
        --m_holding;
    }
    // What was already written to the client still reaches it before the connection ends.
    c->client->disconnectFromHost();
    c->server->abort();
    // Not from inside the socket's own signal.
    QMetaObject::invokeMethod(
        this, [this, c] { forget(c); }, Qt::QueuedConnection);
}

void FaultProxy::forget(Connection* c)
{
    const auto it = std::find_if(m_connections.begin(), m_connections.end(),
                                 [c](const std::unique_ptr<Connection>& owned) { return owned.get() == c; });
    if (it == m_connections.end())
        return;
    c->client->disconnect(this);
    c->server->disconnect(this);
    c->client->deleteLater();
    c->server->deleteLater();
    m_connections.erase(it);
}

} // namespace ud::test
