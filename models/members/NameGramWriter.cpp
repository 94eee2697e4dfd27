#include "members/NameGramWriter.h"

#include "members/MemberSearchIndex.h"
#include "store/Sql.h"

#include <QSqlQuery>

#include <algorithm>
#include <tuple>

namespace ud {

namespace {

// A one- or two-character gram as an integer whose order equals SQLite's BINARY (UTF-8 byte) order
// of the text: code point order, with "no second character" first.
quint64 gramKey(const QString& gram)
{
    const QList<uint> cps = gram.toUcs4();
    return (quint64(cps.value(0)) << 21) | quint64(cps.size() > 1 ? cps.at(1) : 0);
}

QString gramText(quint64 key)
{
    const char32_t first = char32_t(key >> 21);
    const char32_t second = char32_t(key & 0x1FFFFF);
    QString text = QString::fromUcs4(&first, 1);
    if (second)
        text += QString::fromUcs4(&second, 1);
    return text;
}

} // namespace

bool NameGramWriter::Row::operator<(const Row& other) const
{
    return std::tie(key, nameKey, localId) < std::tie(other.key, other.nameKey, other.localId);
}

void NameGramWriter::add(qint64 localId, const QString& name, const QByteArray& nameKey,
                         const QString& organisationId)
{
    for (const QString& gram : MemberSearchIndex::gramsOf(name))
        m_rows.push_back({gramKey(gram), localId, name, nameKey, organisationId});
}

bool NameGramWriter::write(const QSqlDatabase& db, QString* error)
{
    std::sort(m_rows.begin(), m_rows.end());
    QSqlQuery insert(db);
    if (!sql::prepare(
            insert,
            QStringLiteral("INSERT OR IGNORE INTO member_name_gram(gram, name_key, member_local_id, "
                           "name, organisation_id) VALUES(?, ?, ?, ?, ?)"),
            error))
        return false;
    for (const Row& row : m_rows) {
        insert.bindValue(0, gramText(row.key));
        insert.bindValue(1, row.nameKey);
        insert.bindValue(2, row.localId);
        insert.bindValue(3, row.name);
        insert.bindValue(4, row.organisationId);
        if (!sql::exec(insert, error))
            return false;
    }
    m_rows.clear();
    m_rows.shrink_to_fit();
    return true;
}

} // namespace ud
