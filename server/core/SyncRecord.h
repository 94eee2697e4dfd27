#pragma once

#include "FieldVersions.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QVariant>

namespace ud::sync {
struct EntitySpec;
}

namespace ud::server {

// One row of a synced table as the server holds it: the catalogue's columns (by column name) and
// the sync columns.
struct SyncRecord
{
    bool found = false;
    QString id;
    QString path; // the materialised path of the organisation the record lies under
    qint64 version = 0;
    bool deleted = false;
    QString updatedAt;
    QString updatedBy;
    FieldVersions fieldVersions;
    QHash<QString, QVariant> columns;

    // Every catalogue field as its wire value.
    QJsonObject wireFields(const sync::EntitySpec& spec) const;
};

} // namespace ud::server
