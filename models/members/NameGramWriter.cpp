#include "members/NameGramWriter.h"

#include "members/MemberSearchIndex.h"
#include "store/SqliteStatement.h"

#include <algorithm>

namespace ud {

namespace {

// A one- or two-character gram as an integer whose order equals SQLite's BINARY (UTF-8 byte) order
// of the text: code point order, with "no second character" first.
quint64 gramKey(const QString& gram)
{
    const QList<uint> cps = gram.toUcs4();
    return (quint64(cps.value(0)) << 21) | quint64(cps.size() > 1 ? cps.at(1) : 0);
}

} // namespace

void NameGramWriter::reserve(qsizetype members)
{
    m_localIds.reserve(size_t(members));
    m_organisationOf.reserve(size_t(members));
    m_nameAt.reserve(size_t(members) + 1);
    m_keyAt.reserve(size_t(members) + 1);
    // About four and a half pieces a name.
    m_pieces.reserve(size_t(members) * 5);
}

void NameGramWriter::add(qint64 localId, const QString& name, const QByteArray& nameKey,
                         const QString& organisationId)
{
    const quint32 member = quint32(m_localIds.size());
    m_localIds.push_back(localId);
    m_names += name;
    m_nameAt.push_back(m_names.size());
    m_keys += nameKey;
    m_keyAt.push_back(m_keys.size());
    auto found = m_organisationIndex.constFind(organisationId);
    if (found == m_organisationIndex.constEnd()) {
        found = m_organisationIndex.insert(organisationId, quint32(m_organisations.size()));
        m_organisations.append(organisationId);
    }
    m_organisationOf.push_back(*found);
    for (const QString& gram : MemberSearchIndex::gramsOf(name))
        m_pieces.push_back({gramKey(gram), member});
}

bool NameGramWriter::write(const QSqlDatabase& db, QString* error)
{
    const auto keyOf = [this](quint32 member) {
        return QByteArrayView(m_keys.constData() + m_keyAt[member], m_keyAt[member + 1] - m_keyAt[member]);
    };
    std::sort(m_pieces.begin(), m_pieces.end(), [&](const Piece& a, const Piece& b) {
        if (a.gram != b.gram)
            return a.gram < b.gram;
        const int order = keyOf(a.member).compare(keyOf(b.member));
        if (order != 0)
            return order < 0;
        return m_localIds[a.member] < m_localIds[b.member];
    });
    if (!writeSorted(db, error))
        return false;
    *this = NameGramWriter();
    return true;
}

bool NameGramWriter::writeSorted(const QSqlDatabase& db, QString* error) const
{
    if (!install(db, "ud_name_pieces", "gram, name_key, member_local_id, name, organisation_id", error))
        return false;
    SqliteStatement insert(db,
                           "INSERT OR IGNORE INTO member_name_gram(gram, name_key, member_local_id, name, "
                           "organisation_id) SELECT gram, name_key, member_local_id, name, organisation_id "
                           "FROM ud_name_pieces(?1)");
    insert.bindSource(1, this);
    return insert.run(error);
}

void NameGramWriter::column(qint64 row, int column, Cell& cell) const
{
    const Piece& piece = m_pieces[size_t(row)];
    const quint32 m = piece.member;
    switch (column) {
    case 0: {
        // One or two characters as UTF-8, for SQLite to copy.
        char utf8[8];
        int length = 0;
        for (const char32_t c : {char32_t(piece.gram >> 21), char32_t(piece.gram & 0x1FFFFF)}) {
            if (c == 0)
                continue;
            if (c < 0x80) {
                utf8[length++] = char(c);
            } else if (c < 0x800) {
                utf8[length++] = char(0xC0 | (c >> 6));
                utf8[length++] = char(0x80 | (c & 0x3F));
            } else if (c < 0x10000) {
                utf8[length++] = char(0xE0 | (c >> 12));
                utf8[length++] = char(0x80 | ((c >> 6) & 0x3F));
                utf8[length++] = char(0x80 | (c & 0x3F));
            } else {
                utf8[length++] = char(0xF0 | (c >> 18));
                utf8[length++] = char(0x80 | ((c >> 12) & 0x3F));
                utf8[length++] = char(0x80 | ((c >> 6) & 0x3F));
                utf8[length++] = char(0x80 | (c & 0x3F));
            }
        }
        cell.copyUtf8(QByteArrayView(utf8, length));
        return;
    }
    case 1:
        cell.blob(QByteArrayView(m_keys.constData() + m_keyAt[m], m_keyAt[m + 1] - m_keyAt[m]));
        return;
    case 2:
        cell.integer(m_localIds[m]);
        return;
    case 3:
        cell.text(QStringView(m_names.constData() + m_nameAt[m], m_nameAt[m + 1] - m_nameAt[m]));
        return;
    default:
        cell.text(m_organisations.at(m_organisationOf[m]));
        return;
    }
}

} // namespace ud
