#pragma once

#include "SyncRecord.h"

#include <QStringList>

namespace ud::sync {
struct EntitySpec;
}

namespace ud::server {

struct SessionAccount;

// One membership transfer as the server holds it (server/API.md "Transfers"): the catalogue's
// fields, every one of them text, and the three organisations' paths it lies under — the holding
// organisation's in the sync column `path`, the union the member leaves in from_path and the one
// taking her in in to_path ('' while unknown). Each of the three subtrees sees the record.
class TransferRecord
{
public:
    static const sync::EntitySpec& spec();
    // The server's columns beyond the catalogue's.
    static const QStringList& pathColumns();

    TransferRecord() = default;
    explicit TransferRecord(SyncRecord row);

    bool found() const { return m_row.found; }
    QString id() const { return m_row.id; }
    const SyncRecord& row() const { return m_row; }
    SyncRecord& row() { return m_row; }

    // A catalogue field by its wire name (kind, state, holdingOrganisation …).
    QString value(const QString& field) const;
    void set(const QString& field, const QString& value);
    QJsonObject fields() const;

    QString holdingPath() const { return m_row.path; }
    QString fromPath() const;
    QString toPath() const;
    void setPaths(const QString& holding, const QString& from, const QString& to);

    QString state() const { return value(QStringLiteral("state")); }
    // hung or requested: the member's place is not settled yet.
    bool isOpen() const;
    // The account's subtree holds one of the three organisations.
    bool isSeenBy(const SessionAccount& account) const;

private:
    SyncRecord m_row;
};

} // namespace ud::server
