#include "SyncPushOperation.h"

#include "ChangeSequence.h"
#include "DepartureLog.h"
#include "MemberMove.h"
#include "ReusedQuery.h"
#include "ServerAudit.h"
#include "ServerDatabase.h"
#include "ServerTransaction.h"
#include "SyncRecordStore.h"
#include "TransferPush.h"
#include "UniqueViolation.h"
#include "members/Member.h"
#include "members/MemberValidator.h"
#include "sync/SyncEntities.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

#include <optional>

namespace ud::server {

namespace {

const QString Applied = QStringLiteral("applied");
const QString Conflict = QStringLiteral("conflict");
const QString Duplicate = QStringLiteral("duplicate");

const sync::EntitySpec& organisationSpec()
{
    return *sync::entity(QStringLiteral("organisation"));
}

const sync::EntitySpec& memberSpec()
{
    return *sync::entity(QStringLiteral("member"));
}

// The fields every record of an entity must have (a member's are the validator's business).
QStringList requiredFields(const QString& entity)
{
    if (entity == QLatin1String("organisation"))
        return {QStringLiteral("name"), QStringLiteral("level")};
    if (entity == QLatin1String("member_event"))
        return {QStringLiteral("member")};
    if (entity == QLatin1String("cadre"))
        return {QStringLiteral("organisation"), QStringLiteral("name"), QStringLiteral("position")};
    if (entity == QLatin1String("organisation_request"))
        return {QStringLiteral("submittedFrom")};
    return {};
}

} // namespace

SyncPushOperation::SyncPushOperation(ServerDatabase& database, const SessionAccount& account,
                                     const QString& clientId)
    : m_database(database)
    , m_account(account)
    , m_clientId(clientId)
{
}

QJsonObject SyncPushOperation::resultOf(const QString& opId, const PushAnswer& answer)
{
    return QJsonObject{{QStringLiteral("opId"), opId},
                       {QStringLiteral("status"), answer.status},
                       {QStringLiteral("version"), answer.version},
                       {QStringLiteral("conflicts"), answer.conflicts},
                       {QStringLiteral("reason"), answer.reason}};
}

QString SyncPushOperation::noSuchRecord()
{
    return tr("There is no such record in your organisation.");
}

QString SyncPushOperation::createOnlyReason(const sync::EntitySpec& spec, const QString& field)
{
    return tr("The field \"%1\" of %2 is set when the record is created and cannot change.")
        .arg(sync::fieldLabel(spec.entity, field), sync::entityLabel(spec.entity));
}

QString SyncPushOperation::parse(const QJsonValue& value, PushedOperation* op) const
{
    if (!value.isObject())
        return tr("The operation is not a JSON object.");
    const QJsonObject object = value.toObject();
    op->opId = object.value(QLatin1String("opId")).toString();
    if (op->opId.isEmpty())
        return tr("The operation has no opId.");
    const QString entity = object.value(QLatin1String("entity")).toString();
    op->spec = sync::entity(entity);
    if (op->spec == nullptr)
        return tr("Unknown entity \"%1\".").arg(entity);
    op->id = object.value(QLatin1String("id")).toString();
    // Ids go into materialised paths, so only a UUID will do (no '/', nothing to escape).
    if (QUuid::fromString(op->id).isNull())
        return tr("The record id \"%1\" is not a UUID.").arg(op->id);
    const QJsonValue base = object.value(QLatin1String("baseVersion"));
    if (!base.isUndefined() && !base.isNull() && (!base.isDouble() || base.toDouble() < 0))
        return tr("baseVersion must be a number of 0 or more.");
    op->baseVersion = base.toInteger();
    const QJsonValue fields = object.value(QLatin1String("fields"));
    if (!fields.isUndefined() && !fields.isNull() && !fields.isObject())
        return tr("fields must be a JSON object.");
    op->fields = fields.toObject();
    const QJsonValue remove = object.value(QLatin1String("delete"));
    if (!remove.isUndefined() && !remove.isNull() && !remove.isBool())
        return tr("delete must be true or false.");
    op->isDelete = remove.toBool();
    return {};
}

bool SyncPushOperation::apply(const QJsonValue& operation, QJsonObject* result, QString* error)
{
    PushedOperation op;
    const QString parseError = parse(operation, &op);
    if (!parseError.isEmpty()) {
        *result = resultOf(operation.toObject().value(QLatin1String("opId")).toString(),
                           PushAnswer::rejected(parseError));
        return true;
    }
    if (!m_account.mayWrite()) {
        *result =
            resultOf(op.opId, PushAnswer::rejected(tr("This account may read records but not change them.")));
        return true;
    }

    std::optional<ServerTransaction> transaction;
    transaction.emplace(m_database);
    if (!transaction->isActive()) {
        *error = transaction->error();
        return false;
    }
    // Every operation queues here first, so two instances never check and write the same record,
    // ID number or opId at once.
    if (!ChangeSequence(m_database).lock(error))
        return false;

    QJsonObject stored;
    bool found = false;
    if (!findApplied(op.opId, &stored, &found, error))
        return false;
    if (found) {
        *result = stored;
        return true;
    }

    PushAnswer answer;
    if (op.spec->entity == QLatin1String("transfer")) {
        if (!TransferPush(m_database, m_account, m_clientId).apply(op, &answer, error))
            return false;
    } else if (!applyRecord(op, &answer, error)) {
        return false;
    }
    *result = resultOf(op.opId, answer);
    if (answer.isRejected())
        return true;

    bool recorded = false;
    if (!recordApplied(op, *result, &recorded, error))
        return false;
    if (!recorded) {
        // Another instance applied the same operation meanwhile: undo ours and answer as it did.
        transaction.reset();
        if (!findApplied(op.opId, &stored, &found, error))
            return false;
        *result = stored;
        return true;
    }
    return transaction->commit(error);
}

bool SyncPushOperation::applyRecord(const PushedOperation& op, PushAnswer* answer, QString* error)
{
    SyncRecord current;
    if (!SyncRecordStore(m_database, *op.spec).load(op.id, &current, error))
        return false;
    if (!current.found || !m_account.covers(current.path)) {
        if (current.found || op.isDelete || op.baseVersion > 0) {
            *answer = PushAnswer::rejected(noSuchRecord());
            return true;
        }
        return create(op, answer, error);
    }
    if (op.isDelete)
        return remove(op, current, answer, error);
    return update(op, current, answer, error);
}

bool SyncPushOperation::findApplied(const QString& opId, QJsonObject* stored, bool* found,
                                    QString* error) const
{
    ReusedQuery reused(m_database, QStringLiteral("SELECT result FROM applied_op WHERE op_id = ?"));
    QSqlQuery& query = reused.query();
    query.bindValue(0, opId);
    if (!reused.isPrepared() || !query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    *found = query.next();
    if (*found) {
        const QJsonObject first = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
        PushAnswer answer;
        answer.status = Duplicate;
        answer.version = first.value(QLatin1String("version")).toInteger();
        answer.conflicts = first.value(QLatin1String("conflicts")).toObject();
        *stored = resultOf(opId, answer);
    }
    return true;
}

bool SyncPushOperation::recordApplied(const PushedOperation& op, const QJsonObject& result, bool* recorded,
                                      QString* error) const
{
    // No savepoint needed: a clash on the operation's id is no error but no row.
    ReusedQuery reused(
        m_database, QStringLiteral("INSERT INTO applied_op(op_id, account_id, client_id, entity, record_id, "
                                   "status, result, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                   "ON CONFLICT (op_id) DO NOTHING"));
    QSqlQuery& query = reused.query();
    int position = 0;
    for (const QVariant& value :
         {QVariant(op.opId), QVariant(m_account.id), QVariant(m_clientId), QVariant(op.spec->entity),
          QVariant(op.id), QVariant(result.value(QLatin1String("status")).toString()),
          QVariant(compactJson(result)), QVariant(Clock::nowIso())})
        query.bindValue(position++, value);
    if (!reused.isPrepared() || !query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    *recorded = query.numRowsAffected() > 0;
    return true;
}

QString SyncPushOperation::readFields(const sync::EntitySpec& spec, const QJsonObject& pushed,
                                      QJsonObject* wire)
{
    for (auto it = pushed.constBegin(); it != pushed.constEnd(); ++it) {
        // The client stores an organisation's path from a pull; the server alone decides it.
        if (it.key() == QLatin1String("path"))
            continue;
        const sync::FieldSpec* field = spec.field(it.key());
        if (field == nullptr)
            return tr("Unknown field \"%1\" of %2.").arg(it.key(), sync::entityLabel(spec.entity));
        bool ok = false;
        const QVariant column = sync::toColumn(*field, it.value(), &ok);
        if (!ok)
            return tr("The field \"%1\" of %2 has a value of the wrong type.")
                .arg(sync::fieldLabel(spec.entity, it.key()), sync::entityLabel(spec.entity));
        wire->insert(it.key(), sync::toWire(*field, column));
    }
    return {};
}

bool SyncPushOperation::pathInScope(const sync::EntitySpec& spec, const QString& id, QString* path,
                                    QString* error) const
{
    path->clear();
    if (id.isEmpty())
        return true;
    SyncRecord record;
    if (!SyncRecordStore(m_database, spec).load(id, &record, error))
        return false;
    if (record.found && !record.deleted && m_account.covers(record.path))
        *path = record.path;
    return true;
}

bool SyncPushOperation::checkIdNumber(const QString& idNumber, const QString& memberId, QString* reason,
                                      QString* error) const
{
    ReusedQuery reused(
        m_database,
        QStringLiteral("SELECT COALESCE(o.name, '') FROM member m LEFT JOIN organisation o ON "
                       "o.id = m.organisation_id WHERE m.id_number = ? AND m.deleted = 0 AND m.id <> ?"));
    QSqlQuery& query = reused.query();
    query.bindValue(0, idNumber);
    query.bindValue(1, memberId);
    if (!reused.isPrepared() || !query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    if (query.next())
        *reason = tr("A member with this ID number already belongs to %1. One person holds one membership: "
                     "ask for a transfer of the member instead of adding them again.")
                      .arg(query.value(0).toString());
    return true;
}

QString SyncPushOperation::violationReason(const QSqlError& sqlError) const
{
    if (UniqueViolation::matches(sqlError, QStringLiteral("member_id_number"),
                                 QStringLiteral("member.id_number")))
        return tr(
            "A member with this ID number already belongs to another organisation on the server. One "
            "person holds one membership: ask for a transfer of the member instead of adding them again.");
    if (UniqueViolation::matches(sqlError, QStringLiteral("cadre_one_chair"),
                                 QStringLiteral("cadre.organisation_id")))
        return tr("The organisation already has a chair in office; end that term before recording another "
                  "chair.");
    return {};
}

bool SyncPushOperation::placeRecord(const PushedOperation& op, QJsonObject* merged, const SyncRecord& current,
                                    QString* path, QString* reason, QString* error) const
{
    const QString entity = op.spec->entity;
    const QJsonObject before = current.found ? current.wireFields(*op.spec) : QJsonObject();
    // A reference is checked when it is set, not each time another field of the record changes.
    const auto isNew = [&](const char* field) {
        const QString key = QLatin1String(field);
        return !current.found || merged->value(key) != before.value(key);
    };
    const auto text = [&](const char* field) {
        return merged->value(QLatin1String(field)).toString();
    };
    const QString noOrganisation = tr("There is no such organisation in your organisation's tree.");

    for (const QString& field : requiredFields(entity)) {
        if (merged->value(field).toString().trimmed().isEmpty()) {
            *reason = tr("The field \"%1\" of %2 may not be empty.")
                          .arg(sync::fieldLabel(entity, field), sync::entityLabel(entity));
            return true;
        }
    }
    *path = current.path;

    if (entity == QLatin1String("organisation")) {
        if (!current.found) {
            QString parentPath;
            if (!pathInScope(organisationSpec(), text("parent"), &parentPath, error))
                return false;
            if (parentPath.isEmpty())
                *reason = text("parent").isEmpty() ? tr("A new organisation needs its parent organisation.")
                                                   : noOrganisation;
            *path = parentPath + op.id + QLatin1Char('/');
        }
    } else if (entity == QLatin1String("member")) {
        Member member = Member::fromFields(op.id, *merged);
        const QList<FieldProblem> problems = MemberValidator::normaliseAndCheck(member);
        if (MemberValidator::hasErrors(problems)) {
            *reason = MemberValidator::describeErrors(problems);
            return true;
        }
        // The server keeps what the client would have kept: the normalised record.
        *merged = member.toFields();
        if (isNew("organisation")) {
            if (!pathInScope(organisationSpec(), member.organisationId, path, error))
                return false;
            if (path->isEmpty()) {
                *reason = noOrganisation;
                return true;
            }
        }
        if (isNew("idNumber"))
            return checkIdNumber(member.idNumber, op.id, reason, error);
    } else if (entity == QLatin1String("member_event")) {
        if (!current.found) {
            if (!pathInScope(memberSpec(), text("member"), path, error))
                return false;
            if (path->isEmpty())
                *reason = tr("There is no such member in your organisation's tree.");
        }
    } else if (entity == QLatin1String("cadre")) {
        if (isNew("organisation")) {
            if (!pathInScope(organisationSpec(), text("organisation"), path, error))
                return false;
            if (path->isEmpty()) {
                *reason = noOrganisation;
                return true;
            }
        }
        if (isNew("member") && !text("member").isEmpty()) {
            QString memberPath;
            if (!pathInScope(memberSpec(), text("member"), &memberPath, error))
                return false;
            if (memberPath.isEmpty())
                *reason = tr("There is no such member in your organisation's tree.");
        }
    } else if (entity == QLatin1String("organisation_request")) {
        if (!current.found) {
            if (!pathInScope(organisationSpec(), text("submittedFrom"), path, error))
                return false;
            if (path->isEmpty())
                *reason = noOrganisation;
        }
    }
    return true;
}

bool SyncPushOperation::create(const PushedOperation& op, PushAnswer* answer, QString* error)
{
    QJsonObject fields;
    QString reason = readFields(*op.spec, op.fields, &fields);
    QString path;
    if (reason.isEmpty() && !placeRecord(op, &fields, SyncRecord(), &path, &reason, error))
        return false;
    if (!reason.isEmpty()) {
        *answer = PushAnswer::rejected(reason);
        return true;
    }
    const qint64 version = ChangeSequence(m_database).next(error);
    if (version < 0)
        return false;
    SyncRecord record;
    record.id = op.id;
    record.path = path;
    record.version = version;
    record.updatedAt = Clock::nowIso();
    record.updatedBy = m_account.login;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        record.columns.insert(op.spec->field(it.key())->column,
                              sync::toColumn(*op.spec->field(it.key()), *it));
    QSqlError sqlError;
    if (!SyncRecordStore(m_database, *op.spec).insert(record, &sqlError)) {
        reason = violationReason(sqlError);
        if (reason.isEmpty()) {
            *error = sqlError.text();
            return false;
        }
        *answer = PushAnswer::rejected(reason);
        return true;
    }
    if (!audit(QStringLiteral("create"), op, QJsonObject{{QStringLiteral("after"), fields}}, error))
        return false;
    answer->status = Applied;
    answer->version = version;
    return true;
}

bool SyncPushOperation::update(const PushedOperation& op, SyncRecord current, PushAnswer* answer,
                               QString* error)
{
    if (current.deleted) {
        *answer = PushAnswer::rejected(tr("This record has been deleted; the change was not applied."));
        return true;
    }
    QJsonObject pushed;
    QString reason = readFields(*op.spec, op.fields, &pushed);
    if (!reason.isEmpty()) {
        *answer = PushAnswer::rejected(reason);
        return true;
    }
    const QJsonObject before = current.wireFields(*op.spec);
    QJsonObject merged = before;
    QJsonObject conflicts;
    for (auto it = pushed.constBegin(); it != pushed.constEnd(); ++it) {
        const QJsonValue serverValue = before.value(it.key());
        if (*it == serverValue)
            continue;
        if (op.spec->createOnly.contains(it.key())) {
            *answer = PushAnswer::rejected(createOnlyReason(*op.spec, it.key()));
            return true;
        }
        // Changed on the server since the client last saw it, by someone else: the clerk decides.
        if (current.fieldVersions.changedByOtherSince(it.key(), op.baseVersion, m_clientId)) {
            conflicts.insert(it.key(), serverValue);
            continue;
        }
        merged.insert(it.key(), *it);
    }
    QString path;
    if (!placeRecord(op, &merged, current, &path, &reason, error))
        return false;
    if (!reason.isEmpty()) {
        *answer = PushAnswer::rejected(reason);
        return true;
    }

    QStringList changed;
    for (const sync::FieldSpec& field : op.spec->fields) {
        if (!conflicts.contains(field.field) && merged.value(field.field) != before.value(field.field))
            changed.append(field.field);
    }
    // A request is decided by a level above the union that submitted it, never by that union itself
    // (its clerk sees the request, so scope alone would let her approve her own).
    if (op.spec->entity == QLatin1String("organisation_request") &&
        changed.contains(QStringLiteral("state"))) {
        const QString state = merged.value(QStringLiteral("state")).toString();
        if ((state == QLatin1String("approved") || state == QLatin1String("rejected")) &&
            current.path == m_account.organisationPath) {
            *answer = PushAnswer::rejected(
                tr("Only an organisation above the one that submitted a request may approve or "
                   "reject it."));
            return true;
        }
    }
    answer->status = conflicts.isEmpty() ? Applied : Conflict;
    answer->conflicts = conflicts;
    answer->version = current.version;
    if (changed.isEmpty())
        return true;

    const ChangeSequence sequence(m_database);
    const qint64 version = sequence.next(error);
    if (version < 0)
        return false;
    SyncRecord record = current;
    QStringList columns;
    QJsonObject beforeChanged;
    QJsonObject afterChanged;
    for (const QString& key : changed) {
        const sync::FieldSpec* field = op.spec->field(key);
        record.columns.insert(field->column, sync::toColumn(*field, merged.value(key)));
        record.fieldVersions.set(key, version, m_clientId);
        columns.append(field->column);
        beforeChanged.insert(key, before.value(key));
        afterChanged.insert(key, merged.value(key));
    }
    record.path = path;
    record.version = version;
    record.updatedAt = Clock::nowIso();
    record.updatedBy = m_account.login;
    QSqlError sqlError;
    if (!SyncRecordStore(m_database, *op.spec).update(record, columns, &sqlError)) {
        reason = violationReason(sqlError);
        if (reason.isEmpty()) {
            *error = sqlError.text();
            return false;
        }
        *answer = PushAnswer::rejected(reason);
        return true;
    }
    if (path != current.path) {
        if (!DepartureLog(m_database).record(op.spec->entity, op.id, current.path, error))
            return false;
        // A member's history goes where the member goes.
        if (op.spec->entity == QLatin1String("member") &&
            !MemberMove(m_database, m_account.login, m_clientId).rewriteHistory(op.id, path, error))
            return false;
    }
    QJsonObject detail{{QStringLiteral("before"), beforeChanged}, {QStringLiteral("after"), afterChanged}};
    if (!conflicts.isEmpty())
        detail.insert(QStringLiteral("conflicts"), QJsonArray::fromStringList(conflicts.keys()));
    if (!audit(QStringLiteral("update"), op, detail, error))
        return false;
    answer->version = version;
    return true;
}

bool SyncPushOperation::remove(const PushedOperation& op, SyncRecord current, PushAnswer* answer,
                               QString* error)
{
    answer->status = Applied;
    answer->version = current.version;
    if (current.deleted)
        return true;
    const qint64 version = ChangeSequence(m_database).next(error);
    if (version < 0)
        return false;
    // A delete wins over edits the client had not seen; the audit entry names them.
    QStringList overridden;
    for (const sync::FieldSpec& field : op.spec->fields) {
        if (current.fieldVersions.changedByOtherSince(field.field, op.baseVersion, m_clientId))
            overridden.append(field.field);
    }
    SyncRecord record = current;
    record.deleted = true;
    record.version = version;
    record.updatedAt = Clock::nowIso();
    record.updatedBy = m_account.login;
    QSqlError sqlError;
    if (!SyncRecordStore(m_database, *op.spec).update(record, {}, &sqlError)) {
        *error = sqlError.text();
        return false;
    }
    QJsonObject detail{{QStringLiteral("before"), QJsonObject{{QStringLiteral("deleted"), false}}},
                       {QStringLiteral("after"), QJsonObject{{QStringLiteral("deleted"), true}}},
                       {QStringLiteral("baseVersion"), op.baseVersion}};
    if (!overridden.isEmpty())
        detail.insert(QStringLiteral("changedByOthersSinceBase"), QJsonArray::fromStringList(overridden));
    if (!audit(QStringLiteral("delete"), op, detail, error))
        return false;
    if (op.spec->entity == QLatin1String("member") &&
        !MemberMove(m_database, m_account.login, m_clientId).rewriteHistory(op.id, QString(), error))
        return false;
    answer->version = version;
    return true;
}

bool SyncPushOperation::audit(const QString& action, const PushedOperation& op, const QJsonObject& detail,
                              QString* error)
{
    ServerAuditEntry entry;
    entry.actor = m_account.login;
    entry.action = action;
    entry.entity = op.spec->entity;
    entry.recordId = op.id;
    entry.detail = compactJson(detail);
    return ServerAudit(m_database).append(entry, error);
}

} // namespace ud::server
