#include "members/MemberSearchIndex.h"

#include "members/NameSortKey.h"
#include "store/Sql.h"

#include <QSet>
#include <QSqlQuery>

namespace ud {

namespace {
// Schema v5 added the member's organisation to each piece; the v2 migration, which builds the
// first index, runs before it exists.
bool hasOrganisationColumn(const QSqlDatabase& db)
{
    QSqlQuery q(db);
    return sql::execBound(q,
                          QStringLiteral("SELECT 1 FROM pragma_table_info('member_name_gram') "
                                         "WHERE name = 'organisation_id'"),
                          {}, nullptr) &&
           q.next();
}

QString insertGramStatement(bool withOrganisation)
{
    return withOrganisation ? QStringLiteral("INSERT OR IGNORE INTO member_name_gram(gram, name_key, "
                                             "member_local_id, name, organisation_id) VALUES(?, ?, ?, ?, ?)")
                            : QStringLiteral("INSERT OR IGNORE INTO member_name_gram(gram, name_key, "
                                             "member_local_id, name) VALUES(?, ?, ?, ?)");
}

QStringList codePoints(const QString& text)
{
    QStringList out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out.append(text.mid(i, 2));
            ++i;
        } else {
            out.append(QString(text.at(i)));
        }
    }
    return out;
}
} // namespace

QStringList MemberSearchIndex::gramsOf(const QString& name)
{
    const QStringList chars = codePoints(name.toLower());
    QStringList grams;
    QSet<QString> seen;
    auto add = [&](const QString& g) {
        if (!g.trimmed().isEmpty() && !seen.contains(g)) {
            seen.insert(g);
            grams.append(g);
        }
    };
    for (qsizetype i = 0; i < chars.size(); ++i) {
        add(chars.at(i));
        if (i + 1 < chars.size())
            add(chars.at(i) + chars.at(i + 1));
    }
    return grams;
}

QString MemberSearchIndex::lookupGram(const QString& query)
{
    const QStringList chars = codePoints(query.toLower());
    if (chars.size() <= 2)
        return chars.join(QString());
    return chars.at(0) + chars.at(1);
}

int MemberSearchIndex::codePointLength(const QString& text)
{
    return static_cast<int>(codePoints(text).size());
}

QString MemberSearchIndex::reversed(const QString& text)
{
    // ID numbers and mobiles are ASCII once validated, so reversing code units is safe here.
    QString out;
    out.reserve(text.size());
    for (qsizetype i = text.size() - 1; i >= 0; --i)
        out.append(text.at(i));
    return out;
}

bool MemberSearchIndex::index(const QSqlDatabase& db, qint64 localId, const QString& name, QString* error)
{
    if (!unindex(db, localId, error))
        return false;
    const bool withOrganisation = hasOrganisationColumn(db);
    QString organisationId;
    if (withOrganisation) {
        QSqlQuery member(db);
        if (!sql::execBound(member, QStringLiteral("SELECT organisation_id FROM member WHERE local_id = ?"),
                            {localId}, error))
            return false;
        if (!member.next())
            return true;
        organisationId = member.value(0).toString();
    }
    const QByteArray key = NameSortKey::of(name);
    QSqlQuery insert(db);
    if (!sql::prepare(insert, insertGramStatement(withOrganisation), error))
        return false;
    for (const QString& gram : gramsOf(name)) {
        insert.bindValue(0, gram);
        insert.bindValue(1, key);
        insert.bindValue(2, localId);
        insert.bindValue(3, name);
        if (withOrganisation)
            insert.bindValue(4, organisationId);
        if (!sql::exec(insert, error))
            return false;
    }
    return true;
}

bool MemberSearchIndex::indexNew(const QSqlDatabase& db, qint64 localId, const QString& name,
                                 const QByteArray& nameKey, const QString& organisationId, QString* error)
{
    QSqlQuery* insert = sql::cached(db, insertGramStatement(true), error);
    if (!insert)
        return false;
    for (const QString& gram : gramsOf(name)) {
        if (!sql::execPrepared(*insert, {gram, nameKey, localId, name, organisationId}, error))
            return false;
    }
    return true;
}

bool MemberSearchIndex::unindex(const QSqlDatabase& db, qint64 localId, QString* error)
{
    // The gram table is keyed by gram first, so finding one member's rows means knowing its grams;
    // deleting by the member's current name and sort key keeps this an index lookup per gram.
    QSqlQuery nameQuery(db);
    if (!sql::execBound(nameQuery, QStringLiteral("SELECT name, name_key FROM member WHERE local_id = ?"),
                        {localId}, error))
        return false;
    if (!nameQuery.next())
        return true;
    QSqlQuery remove(db);
    if (!sql::prepare(
            remove,
            QStringLiteral(
                "DELETE FROM member_name_gram WHERE gram = ? AND name_key = ? AND member_local_id = ?"),
            error))
        return false;
    const QString name = nameQuery.value(0).toString();
    const QByteArray key = nameQuery.value(1).toByteArray();
    for (const QString& gram : gramsOf(name)) {
        remove.bindValue(0, gram);
        remove.bindValue(1, key);
        remove.bindValue(2, localId);
        if (!sql::exec(remove, error))
            return false;
    }
    return true;
}

bool MemberSearchIndex::rebuild(const QSqlDatabase& db, QString* error)
{
    if (!sql::run(db, QStringLiteral("DELETE FROM member_name_gram"), error))
        return false;
    QSqlQuery read(db);
    read.setForwardOnly(true);
    if (!sql::execBound(
            read,
            QStringLiteral("SELECT local_id, name, id_number, mobile, deleted, organisation_id FROM member"),
            {}, error))
        return false;
    const bool withOrganisation = hasOrganisationColumn(db);
    QSqlQuery insert(db);
    QSqlQuery update(db);
    if (!sql::prepare(insert, insertGramStatement(withOrganisation), error) ||
        !sql::prepare(update,
                      QStringLiteral("UPDATE member SET id_number_rev = ?, mobile_rev = ?, name_key = ? "
                                     "WHERE local_id = ?"),
                      error))
        return false;
    while (read.next()) {
        const qint64 localId = read.value(0).toLongLong();
        const QString name = read.value(1).toString();
        const QByteArray key = NameSortKey::of(name);
        if (!read.value(4).toBool()) {
            for (const QString& gram : gramsOf(name)) {
                insert.bindValue(0, gram);
                insert.bindValue(1, key);
                insert.bindValue(2, localId);
                insert.bindValue(3, name);
                if (withOrganisation)
                    insert.bindValue(4, read.value(5).toString());
                if (!sql::exec(insert, error))
                    return false;
            }
        }
        update.bindValue(0, sql::bindable(reversed(read.value(2).toString())));
        update.bindValue(1, sql::bindable(reversed(read.value(3).toString())));
        update.bindValue(2, key);
        update.bindValue(3, localId);
        if (!sql::exec(update, error))
            return false;
    }
    return setCollationVersion(db, error);
}

bool MemberSearchIndex::setCollationVersion(const QSqlDatabase& db, QString* error)
{
    QSqlQuery q(db);
    return sql::execBound(q,
                          QStringLiteral("INSERT INTO store_meta(key, value) VALUES(?, ?) "
                                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                          {QString::fromLatin1(CollationMetaKey), NameSortKey::collationVersion()}, error);
}

bool MemberSearchIndex::isCollationCurrent(const QSqlDatabase& db)
{
    QSqlQuery q(db);
    return sql::execBound(q, QStringLiteral("SELECT value FROM store_meta WHERE key = ?"),
                          {QString::fromLatin1(CollationMetaKey)}, nullptr) &&
           q.next() && q.value(0).toString() == NameSortKey::collationVersion();
}

} // namespace ud
