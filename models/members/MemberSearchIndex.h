#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace ud {

// Keeps the search columns and tables that let a roster of a million members answer a name
// fragment, the last digits of an ID number or a mobile in milliseconds (see schema v2).
class MemberSearchIndex
{
public:
    // Every distinct one- and two-character piece of a name, by code point (a character beyond
    // the BMP is one piece, never half of a surrogate pair), lower-cased.
    static QStringList gramsOf(const QString& name);
    // The gram a query is looked up by: the query itself up to two characters, else its first two.
    static QString lookupGram(const QString& query);
    static int codePointLength(const QString& text);
    static QString reversed(const QString& text);

    // Replaces the grams of one member from its row in the member table (call inside the edit's
    // transaction, after the row has its new name and organisation).
    static bool index(const QSqlDatabase& db, qint64 localId, const QString& name, QString* error);
    // The pieces of a member just inserted (none exist yet), on a store of the latest schema: the
    // quick path of an import, with the name's sort key and the organisation already known.
    static bool indexNew(const QSqlDatabase& db, qint64 localId, const QString& name,
                         const QByteArray& nameKey, const QString& organisationId, QString* error);
    static bool unindex(const QSqlDatabase& db, qint64 localId, QString* error);
    // Rebuilds everything from the member table (used by the migration, after bulk loads and when
    // the sort keys were made by another collation version), in the caller's transaction.
    static bool rebuild(const QSqlDatabase& db, QString* error);
    static bool isCollationCurrent(const QSqlDatabase& db);
    static bool setCollationVersion(const QSqlDatabase& db, QString* error);
    static constexpr auto CollationMetaKey = "name_collation";
};

} // namespace ud
