#pragma once

#include "store/SqliteRowSource.h"

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <vector>

namespace ud {

// Collects the name pieces of many new members and writes them in key order at the end: a B-tree
// takes keys in order far more cheaply than at random places, and an import, the demo generator or
// a district's first sync adds up to millions of names at once. A name, its sort key and its
// organisation are kept once per member in flat arrays and a piece is 16 bytes, so a million
// members (≈4.5 million pieces) fit in well under 200 MB.
class NameGramWriter : private SqliteRowSource
{
public:
    void add(qint64 localId, const QString& name, const QByteArray& nameKey, const QString& organisationId);
    // Writes everything collected, in the caller's transaction, and forgets it.
    bool write(const QSqlDatabase& db, QString* error);
    bool isEmpty() const { return m_pieces.empty(); }
    void reserve(qsizetype members);

private:
    // The pieces in key order, read by SQLite from the arrays in one statement.
    bool writeSorted(const QSqlDatabase& db, QString* error) const;
    qint64 rowCount() const override { return qint64(m_pieces.size()); }
    void column(qint64 row, int column, Cell& cell) const override;

    struct Piece
    {
        quint64 gram;   // the gram as an integer in the order SQLite sorts its text
        quint32 member; // index into the arrays below
    };
    QString m_names;
    QByteArray m_keys;
    std::vector<qsizetype> m_nameAt{0};
    std::vector<qsizetype> m_keyAt{0};
    std::vector<qint64> m_localIds;
    std::vector<quint32> m_organisationOf;
    QStringList m_organisations;
    QHash<QString, quint32> m_organisationIndex;
    std::vector<Piece> m_pieces;
};

} // namespace ud
