#pragma once

#include "store/Outbox.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// The bodies of the sync API (DESIGN.md "The HTTP API (version 1)") as plain values, read from
// and written to JSON in one place so the client and its tests agree on the shapes.
namespace ud::sync {

struct SessionAccount
{
    QString login;
    QString organisation;     // the id of the organisation whose subtree the account sees
    QString organisationPath; // its path on the server ("…/id/"), when the server sends it
    QString organisationName; // for messages; empty when the server sends only the id
    QString role;
};

struct Session
{
    QString token;
    QString expiresAt;
    SessionAccount account;

    // Null token when the answer lacks one.
    static Session fromJson(const QJsonObject& answer);
};

struct PushResult
{
    QString opId;
    QString status; // applied, duplicate, conflict, rejected
    qint64 version = 0;
    QJsonObject conflicts; // field → the server's value
    QString reason;

    static PushResult fromJson(const QJsonObject& result);
};

// One pulled change: a record's whole state (fields), a tombstone (deleted, no fields) or a record
// that left the account's scope (gone).
struct RemoteChange
{
    QString entity;
    QString id;
    qint64 version = 0;
    bool deleted = false;
    bool gone = false;
    QString updatedAt;
    QString updatedBy;
    QJsonObject fields;
};

struct PullPage
{
    QList<RemoteChange> changes;
    QString cursor; // as the server sent it; given back unchanged
    bool more = false;

    // False, with the reason, when a change has no entity or id or the cursor is missing.
    static bool fromJson(const QJsonObject& answer, PullPage* page, QString* error);
};

// An outbox operation as the push body carries it.
QJsonObject operationToJson(const OutboxOperation& op);
// The push body {"clientId", "operations"}.
QJsonObject pushRequest(const QString& clientId, const QList<OutboxOperation>& operations);

} // namespace ud::sync
