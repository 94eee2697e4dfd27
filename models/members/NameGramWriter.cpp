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
    SqliteStatement insert(db,
                           "INSERT OR IGNORE INTO member_name_gram(gram, name_key, member_local_id, name, "
                           "organisation_id) VALUES(?, ?, ?, ?, ?)");
    if (!insert.isValid()) {
        if (error)
            *error = insert.error();
        return false;
    }
    quint64 lastGram = 0;
    QString gram;
    for (const Piece& piece : m_pieces) {
        if (piece.gram != lastGram || gram.isEmpty()) {
            lastGram = piece.gram;
            gram = gramText(piece.gram);
        }
        const quint32 m = piece.member;
        // Bound without copying: the arrays outlive the loop.
        insert.bind(1, gram);
        insert.bindBlob(2, QByteArrayView(m_keys.constData() + m_keyAt[m], m_keyAt[m + 1] - m_keyAt[m]));
        insert.bind(3, m_localIds[m]);
        insert.bind(4, QStringView(m_names.constData() + m_nameAt[m], m_nameAt[m + 1] - m_nameAt[m]));
        insert.bind(5, m_organisations.at(m_organisationOf[m]));
        if (!insert.run(error))
            return false;
    }
    return true;
}

} // namespace ud
