#include "SyncRecord.h"

#include "sync/SyncEntities.h"

namespace ud::server {

QJsonObject SyncRecord::wireFields(const sync::EntitySpec& spec) const
{
    QJsonObject fields;
    for (const sync::FieldSpec& field : spec.fields)
        fields.insert(field.field, sync::toWire(field, columns.value(field.column)));
    return fields;
}

} // namespace ud::server
