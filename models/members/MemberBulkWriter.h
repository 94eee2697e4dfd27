#pragma once

#include "members/Member.h"
#include "members/MemberRepository.h"
#include "members/NameGramWriter.h"
#include "store/Scope.h"
#include "store/SqliteRowSource.h"
#include "store/SqliteStatement.h"

#include <QString>

#include <algorithm>
#include <memory>
#include <vector>

namespace ud {

class Database;

// Adds many new members that the caller has already normalised and checked (ImportPlan does,
// against the store) inside the caller's transaction: the same rows MemberRepository::add writes —
// the member, its "joined" history event, both outbox operations and the name pieces — through
// statements prepared once on SQLite's own API, with one timestamp for the whole batch. The two
// outbox operations are snapshots without fields (Outbox), which the push fills in. A hundred
// thousand rows spent most of their time in Qt's value binding and QJsonObject before.
//
// The members of a chunk are kept in memory and moved into the store with one INSERT … SELECT per
// table (member, history event, outbox), SQLite reading them through SqliteRowSource: a member row
// touches ten indexes and a trigger, and SQLite sets all of that up again for every execution of a
// one-row statement (about half the cost of the row); the chunks keep memory bounded. The name
// pieces are written in key order at the end. Each organisation is checked against the scope once;
// the unique index refuses an ID number stored since the caller's check, and refusedMember() says
// which member it was, with the reason MemberRepository gives.
class MemberBulkWriter
{
public:
    // Construct inside the caller's write transaction.
    MemberBulkWriter(Database& store, Scope scope, const QString& actor);
    ~MemberBulkWriter();

    // False, with the reason, when a statement could not be prepared (not a SQLite store).
    bool isReady(QString* error) const;
    void reserve(qsizetype members);
    // Members held before they are moved into the store (16,384 unless set).
    void setChunkSize(int members) { m_chunkSize = std::max(members, 1); }
    // Takes one member; fills its id and sync columns.
    bool add(Member& member, QString* error);
    // Moves the rest of the members taken into the store with their events and name pieces; once,
    // before the caller commits.
    bool finish(QString* error);
    // After add() or finish() failed: the place among the members added (from 0) of the member the
    // store refused, or -1 when the failure was not one member's.
    int refusedMember() const { return m_refused; }
    // When that member's ID number reached the store after the caller's check (another import, the
    // member form, a sync): the number; empty otherwise.
    const QString& refusedIdNumber() const { return m_refusedIdNumber; }

private:
    // A member taken and what is written with it.
    struct Staged
    {
        Member member;
        QString idNumberReversed;
        QString mobileReversed;
        QByteArray nameKey;
        qint64 localId = 0;
        QString eventId;
        QString occurredOn;
        QString memberOpId;
        QString eventOpId;
    };
    // The chunk as one of the three tables SQLite reads.
    class ChunkRows : public SqliteRowSource
    {
    public:
        enum class Table
        {
            Member,
            Event,
            Outbox
        };
        ChunkRows(const std::vector<Staged>& chunk, Table table)
            : m_chunk(chunk)
            , m_table(table)
        {
        }
        qint64 rowCount() const override;
        void column(qint64 row, int column, Cell& cell) const override;

    private:
        void memberColumn(const Staged& s, int column, Cell& cell) const;
        const std::vector<Staged>& m_chunk;
        Table m_table;
    };

    bool moveMembers(QString* error);
    bool move(const char* statement, ChunkRows::Table table, QString* error);
    // After the unique index refused the chunk: which member, and why in the member form's words.
    void findRefused(QString* reason);

    Database& m_store;
    MemberRepository m_members; // the scope's checks and their reasons
    QString m_actor;
    QString m_now;
    QString m_today;
    QString m_setUpError;
    qint64 m_firstLocalId = 0;
    qint64 m_added = 0;
    int m_refused = -1;
    QString m_refusedIdNumber;
    qint64 m_chunkSize = 16384;
    std::vector<Staged> m_chunk;
    NameGramWriter m_grams;
};

} // namespace ud
