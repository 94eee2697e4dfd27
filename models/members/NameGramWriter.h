#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <vector>

namespace ud {

// Collects the name pieces of many new members and writes them in key order at the end: a B-tree
// takes keys in order far more cheaply than at random places, and an import or the demo generator
// adds tens of thousands of names at once.
class NameGramWriter
{
public:
    void add(qint64 localId, const QString& name, const QByteArray& nameKey, const QString& organisationId);
    // Writes everything collected, in the caller's transaction, and forgets it.
    bool write(const QSqlDatabase& db, QString* error);
    bool isEmpty() const { return m_rows.empty(); }

private:
    struct Row
    {
        quint64 key; // the gram, as an integer in the order SQLite sorts its text
        qint64 localId;
        QString name;
        QByteArray nameKey; // shared by every gram of one name
        QString organisationId;
        bool operator<(const Row& other) const;
    };
    std::vector<Row> m_rows;
};

} // namespace ud
