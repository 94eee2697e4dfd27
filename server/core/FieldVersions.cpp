#include "FieldVersions.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ud::server {

FieldVersions FieldVersions::fromJson(const QString& text)
{
    FieldVersions versions;
    versions.m_fields = QJsonDocument::fromJson(text.toUtf8()).object();
    return versions;
}

QString FieldVersions::toJson() const
{
    return QString::fromUtf8(QJsonDocument(m_fields).toJson(QJsonDocument::Compact));
}

bool FieldVersions::changedByOtherSince(const QString& field, qint64 baseVersion,
                                        const QString& clientId) const
{
    const QJsonArray entry = m_fields.value(field).toArray();
    if (entry.size() < 2)
        return false;
    return entry.at(0).toInteger() > baseVersion && entry.at(1).toString() != clientId;
}

void FieldVersions::set(const QString& field, qint64 version, const QString& clientId)
{
    m_fields.insert(field, QJsonArray{version, clientId});
}

} // namespace ud::server
