#include "organisations/OrganisationRepository.h"

#include "organisations/OrganisationValidator.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "store/Sql.h"
#include "store/Transaction.h"
#include "util/Clock.h"
#include "util/Ids.h"

#include <QSqlQuery>

#include <algorithm>

namespace ud {

namespace {
bool insertOrganisation(const QSqlDatabase& db, const Organisation& o, QString* error)
{
    QSqlQuery q(db);
    return sql::execBound(
        q,
        QStringLiteral("INSERT INTO organisation(id, parent_id, path, level, kind, name, credit_code, "
                       "founded_on, address, contact, industry, headcount, status, "
                       "legal_person_number, legal_person_registered_on, version, updated_at, "
                       "updated_by, deleted) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)"),
        {o.id, o.parentId.isEmpty() ? sql::null() : QVariant(o.parentId), o.path, o.level, o.kind, o.name,
         o.creditCode, o.foundedOn, o.address, o.contact, o.industry, o.headcount, o.status,
         o.legalPersonNumber, o.legalPersonRegisteredOn, o.version, o.updatedAt, o.updatedBy},
        error);
}
} // namespace

OrganisationRepository::OrganisationRepository(Database& store, Scope scope)
    : m_store(store)
    , m_scope(std::move(scope))
{
}

QSqlDatabase OrganisationRepository::connection() const
{
    return m_store.connection();
}

Scope OrganisationRepository::rootScope(Database& store)
{
    const Scope root = scopeOf(store, store.meta(QString::fromLatin1(meta::RootOrganisation)));
    return root.isValid() ? Scope::wholeStore(root.organisationId(), root.path()) : root;
}

Scope OrganisationRepository::scopeOf(Database& store, const QString& organisationId)
{
    if (organisationId.isEmpty())
        return {};
    QSqlQuery q(store.connection());
    if (sql::execBound(q, QStringLiteral("SELECT path FROM organisation WHERE id = ? AND deleted = 0"),
                       {organisationId}, nullptr) &&
        q.next())
        return Scope(organisationId, q.value(0).toString());
    return {};
}

std::optional<Organisation> OrganisationRepository::createRoot(Database& store, const QString& name,
                                                               const QString& level, const QString& actor,
                                                               QString* error)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        if (error)
            *error = tr("Organisation name: it must not be empty.");
        return std::nullopt;
    }
    if (!store.meta(QString::fromLatin1(meta::RootOrganisation)).isEmpty()) {
        if (error)
            *error = tr("This data file already has a root organisation.");
        return std::nullopt;
    }
    Organisation o;
    o.id = newRecordId();
    o.path = o.id + QLatin1Char('/');
    o.level = level;
    o.name = trimmed;
    o.updatedAt = Clock::nowIso();
    o.updatedBy = actor;
    const QSqlDatabase db = store.connection();
    Transaction tx(db);
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return std::nullopt;
    }
    if (!insertOrganisation(db, o, error) ||
        !Outbox(db).enqueue(entity::Organisation, o.id, 0, o.toFields(), false, error) ||
        !store.setMeta(QString::fromLatin1(meta::RootOrganisation), o.id, error) || !tx.commit(error))
        return std::nullopt;
    return o;
}

bool OrganisationRepository::add(Organisation& org, const QString& actor, QString* error)
{
    Transaction tx(m_store.connection());
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return false;
    }
    return addInTransaction(org, actor, error) && tx.commit(error);
}

bool OrganisationRepository::update(Organisation& org, const QString& actor, QString* error)
{
    Transaction tx(m_store.connection());
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return false;
    }
    return updateInTransaction(org, actor, error) && tx.commit(error);
}

bool OrganisationRepository::addInTransaction(Organisation& org, const QString& actor, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    org.status = QStringLiteral("active");
    if (!OrganisationValidator::normaliseAndCheck(org, error))
        return false;
    const std::optional<Organisation> parent = find(org.parentId);
    if (!parent)
        return fail(tr("Parent organisation: it does not exist or is outside your organisation."));
    if (!parent->isActive())
        return fail(
            tr("Parent organisation: %1 is dissolved; no union can be set up under it.").arg(parent->name));
    org.id = newRecordId();
    org.path = parent->path + org.id + QLatin1Char('/');
    org.version = 0;
    org.updatedAt = Clock::nowIso();
    org.updatedBy = actor;
    const QSqlDatabase db = m_store.connection();
    return insertOrganisation(db, org, error) &&
           Outbox(db).enqueue(entity::Organisation, org.id, 0, org.toFields(), false, error);
}

bool OrganisationRepository::updateInTransaction(Organisation& org, const QString& actor, QString* error)
{
    const std::optional<Organisation> before = find(org.id);
    if (!before) {
        if (error)
            *error = tr("Organisation: it does not exist or is outside your organisation.");
        return false;
    }
    // Where it sits in the tree is not an edit: the parent and path stay as stored.
    org.parentId = before->parentId;
    org.path = before->path;
    if (!OrganisationValidator::normaliseAndCheck(org, error))
        return false;
    const QStringList changed = Organisation::changedFields(*before, org);
    if (changed.isEmpty())
        return true;
    org.version = before->version;
    org.updatedAt = Clock::nowIso();
    org.updatedBy = actor;
    const QJsonObject all = org.toFields();
    QJsonObject fields;
    for (const QString& name : changed)
        fields.insert(name, all.value(name));
    const QSqlDatabase db = m_store.connection();
    QSqlQuery q(db);
    return sql::execBound(
               q,
               QStringLiteral("UPDATE organisation SET level = ?, kind = ?, name = ?, credit_code = ?, "
                              "founded_on = ?, address = ?, contact = ?, industry = ?, headcount = ?, "
                              "status = ?, legal_person_number = ?, legal_person_registered_on = ?, "
                              "updated_at = ?, updated_by = ? WHERE id = ?"),
               {org.level, org.kind, org.name, org.creditCode, org.foundedOn, org.address, org.contact,
                org.industry, org.headcount, org.status, org.legalPersonNumber, org.legalPersonRegisteredOn,
                org.updatedAt, org.updatedBy, org.id},
               error) &&
           Outbox(db).enqueue(entity::Organisation, org.id, org.version, fields, false, error);
}

std::optional<Organisation> OrganisationRepository::find(const QString& id) const
{
    if (id.isEmpty())
        return std::nullopt;
    WhereClause where;
    m_scope.restrictOrganisations(where, QStringLiteral("o"));
    where.add(QStringLiteral("o.id = ? AND o.deleted = 0"), {id});
    const QList<Organisation> found = select(where, QStringLiteral(" LIMIT 1"));
    return found.isEmpty() ? std::nullopt : std::optional<Organisation>(found.first());
}

std::optional<Organisation> OrganisationRepository::resolve(const QString& idOrName, QString* error) const
{
    if (auto byId = find(idOrName.trimmed()))
        return byId;
    WhereClause where;
    m_scope.restrictOrganisations(where, QStringLiteral("o"));
    where.add(QStringLiteral("o.name = ? AND o.deleted = 0"), {idOrName.trimmed()});
    const QList<Organisation> found = select(where, QStringLiteral(" LIMIT 2"));
    if (found.size() == 1)
        return found.first();
    if (error) {
        *error = found.isEmpty()
                     ? tr("Organisation: no organisation \"%1\" in your organisation's tree.").arg(idOrName)
                     : tr("Organisation: more than one organisation is named \"%1\"; use its id, or put its "
                          "parent's name before it (上级工会/%1).")
                           .arg(idOrName);
    }
    return std::nullopt;
}

QList<Organisation> OrganisationRepository::subtree() const
{
    WhereClause where;
    m_scope.restrictOrganisations(where, QStringLiteral("o"));
    where.add(QStringLiteral("o.deleted = 0"));
    return select(where, QStringLiteral(" ORDER BY o.path"));
}

QList<Organisation> OrganisationRepository::subtreeOf(const Organisation& top) const
{
    WhereClause where;
    m_scope.restrictOrganisations(where, QStringLiteral("o"));
    where.add(QStringLiteral("o.path >= ? AND o.path < ? AND o.deleted = 0"),
              {top.path, Scope::upperBound(top.path)});
    return select(where, QStringLiteral(" ORDER BY o.path"));
}

QList<Organisation> OrganisationRepository::search(const QString& text, int limit) const
{
    const QString wanted = text.trimmed();
    WhereClause where;
    m_scope.restrictOrganisations(where, QStringLiteral("o"));
    where.add(QStringLiteral("o.deleted = 0"));
    where.add(QStringLiteral("(o.name LIKE ? ESCAPE '\\' OR o.credit_code LIKE ? ESCAPE '\\')"),
              {QString(QLatin1Char('%') + sql::escapeLike(wanted) + QLatin1Char('%')),
               QString(sql::escapeLike(wanted.toUpper()) + QLatin1Char('%'))});
    return select(where, QStringLiteral(" ORDER BY o.path LIMIT %1").arg(std::max(1, limit)));
}

QList<Organisation> OrganisationRepository::children(const QString& parentId) const
{
    WhereClause where;
    m_scope.restrictOrganisations(where, QStringLiteral("o"));
    where.add(QStringLiteral("o.parent_id = ? AND o.deleted = 0"), {parentId});
    return select(where, QStringLiteral(" ORDER BY o.name"));
}

QList<Organisation> OrganisationRepository::select(const WhereClause& where, const QString& tail) const
{
    QSqlQuery q(m_store.connection());
    q.setForwardOnly(true);
    QList<Organisation> out;
    QString error;
    if (!sql::execBound(q, QStringLiteral("SELECT o.* FROM organisation o") + where.sql() + tail,
                        where.values(), &error))
        return out;
    while (q.next())
        out.append(Organisation::fromRecord(q.record()));
    return out;
}

} // namespace ud
