#pragma once

#include <QJsonObject>
#include <QString>

namespace ud::server {

// Who last wrote each field of a synced record: the field_versions column, a JSON object
// {field: [version, clientId]}. A field without an entry has not changed since the record was
// created, which every client that knows the record has already seen.
class FieldVersions
{
public:
    static FieldVersions fromJson(const QString& text);
    QString toJson() const;

    // True when `field` was written after `baseVersion` by a client other than `clientId`: the
    // pusher cannot have seen that value. A client's own earlier edit is never held against it.
    bool changedByOtherSince(const QString& field, qint64 baseVersion, const QString& clientId) const;
    void set(const QString& field, qint64 version, const QString& clientId);

private:
    QJsonObject m_fields;
};

} // namespace ud::server
