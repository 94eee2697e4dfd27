#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QVariant>

namespace ud::sync {

// How a synced field travels: as JSON on the wire (DESIGN.md "The HTTP API") and as a column in the
// client's and the server's tables, which share column names.
enum class FieldKind
{
    Text,      // TEXT NOT NULL, '' for unknown; a JSON string
    Integer,   // INTEGER/BIGINT; a JSON number
    Boolean,   // INTEGER 0/1; a JSON bool
    Json,      // TEXT holding a compact JSON object; a JSON object on the wire
    Reference, // TEXT holding another record's id, NULL when none; a JSON string or null
};

struct FieldSpec
{
    QString field;  // the wire name (camelCase), as in Member::toFields() and friends
    QString column; // the column in both stores
    FieldKind kind = FieldKind::Text;
};

// One synced entity. Every record of it lies under one organisation, which decides who may see it:
// `scopeField` names the field that holds that organisation's id, or is empty for the organisation
// itself (its own path), or is "member" for a member event (the member's organisation).
struct EntitySpec
{
    QString entity; // the API name: organisation, member, member_event, cadre, organisation_request, transfer
    QString table;
    QList<FieldSpec> fields;
    QString scopeField;
    // Fields a push may only set when it creates the record (an organisation's parent, an event's
    // member, what a request is about). A member or cadre may move between organisations of one
    // account's subtree; across subtrees only a transfer moves a member.
    QStringList createOnly;

    const FieldSpec* field(const QString& name) const;
};

// The synced entities, parents before children (organisation, member, member_event, cadre,
// organisation_request, transfer): a store applying records in this order meets references it
// already has.
const QList<EntitySpec>& entities();
// Null for an unknown entity name.
const EntitySpec* entity(const QString& name);

// What a clerk calls an entity ("会员") and one of its fields ("手机号码"), translated, for reasons and
// the conflicts view; an unknown name comes back as it is.
QString entityLabel(const QString& entity);
QString fieldLabel(const QString& entity, const QString& field);

// A wire value as the value to bind for its column (an invalid QVariant for SQL NULL); a value of
// the wrong JSON type gives *ok = false.
QVariant toColumn(const FieldSpec& spec, const QJsonValue& value, bool* ok = nullptr);
// A column value read back as its wire value.
QJsonValue toWire(const FieldSpec& spec, const QVariant& value);

} // namespace ud::sync
