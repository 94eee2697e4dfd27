#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QTcpServer;
class QTcpSocket;

namespace ud::test {

// A small HTTP/1.1 proxy on 127.0.0.1 in front of one server, for the fault tests of the sync
// (DESIGN.md "Sync contract"): it passes everything through, except that one chosen request may
// meet a fault on the way — its answer cut after some bytes, the request held back from the
// server, or the server's answer held back or dropped after the server has acted on it.
//
// It runs on the event loop of the thread that made it, so the test must keep that loop turning
// while a client talks through it (CliProcess does). It understands just enough HTTP for a client
// that sends one request at a time on a connection (QNetworkAccessManager does): a request ends
// after its headers and Content-Length bytes, and everything the server sends after a request is
// that request's answer.
class FaultProxy : public QObject
{
    Q_OBJECT

public:
    enum class Fault
    {
        None,
        // Passes the first `afterBytes` bytes of the answer (headers included), then closes the
        // client's connection: the connection dropped in the middle of an answer.
        CutAnswer,
        // Never passes the request on: the client waits (the test kills it, say) and the server
        // never hears of it.
        HoldRequest,
        // Passes the request on, and keeps the whole answer: the server has acted, the client
        // never hears.
        HoldAnswer,
        // Passes the request on and closes the client's connection when the answer begins: the
        // server has acted, the client hears nothing and may send the request again.
        DropAnswer,
    };

    struct Rule
    {
        // The start of the request line that picks the requests, e.g. "POST /api/v1/sync/push".
        QByteArray request;
        // The n-th such request (from 1) meets the fault; 0: every one.
        int occurrence = 1;
        Fault fault = Fault::None;
        qint64 afterBytes = 0; // CutAnswer only
    };

    explicit FaultProxy(quint16 serverPort, QObject* parent = nullptr);
    ~FaultProxy() override;

    // Listens on 127.0.0.1 on a free port; false with the reason.
    bool listen(QString* error);
    quint16 port() const;
    QString baseUrl() const;

    // Replaces the rule and starts its count anew.
    void setRule(const Rule& rule);
    // How many requests the rule's line picked so far, and how many met its fault.
    int matched() const { return m_matched; }
    int faults() const { return m_faults; }
    // A request or an answer is being held now.
    bool holding() const { return m_holding > 0; }

    // The bodies of the requests whose line starts with `request`, in the order they came.
    QList<QByteArray> bodies(const QByteArray& request) const;
    // How many requests whose line starts with `request` came.
    int requests(const QByteArray& request) const;

private:
    struct Connection;

    void accept();
    void fromClient(Connection* c);
    void fromServer(Connection* c);
    void close(Connection* c);
    void forget(Connection* c);

    quint16 m_serverPort;
    QTcpServer* m_listener;
    std::vector<std::unique_ptr<Connection>> m_connections;
    Rule m_rule;
    int m_matched = 0;
    int m_faults = 0;
    int m_holding = 0;
    QList<QPair<QByteArray, QByteArray>> m_requests; // request line, body
};

} // namespace ud::test
