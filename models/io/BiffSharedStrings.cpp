#include "io/BiffSharedStrings.h"

#include "io/BiffStreamMends.h"

#include <QList>
#include <QtEndian>

#include <optional>

namespace ud {

namespace {

constexpr quint16 kBof = 0x0809;
constexpr quint16 kEof = 0x000A;
constexpr quint16 kBoundSheet = 0x0085;
constexpr quint16 kSst = 0x00FC;
constexpr quint16 kContinue = 0x003C;
constexpr quint16 kExtSst = 0x00FF;
// The most data one BIFF8 record may hold.
constexpr qsizetype kMaxRecordData = 8224;
constexpr quint8 kHighByte = 0x01;
constexpr quint8 kExtended = 0x04; // phonetic data follows the characters
constexpr quint8 kRichText = 0x08; // formatting runs follow the characters

struct Record
{
    qsizetype pos = 0;
    quint16 type = 0;
    quint16 size = 0;
};

// One string of the table: its characters as stored (one or two bytes each) and what follows them.
struct SharedString
{
    quint8 flags = 0;
    quint16 length = 0; // characters
    QByteArray characters;
    quint16 runs = 0;
    quint32 extSize = 0;
    QByteArray tail; // formatting runs and phonetic data, as they were
};

// Reads across the SST and its CONTINUE records as BIFF8 lays them out: a string's characters may go
// on in the next record, which then starts with a byte saying whether they are one or two bytes
// each.
class SstCursor
{
public:
    SstCursor(const QByteArray& stream, const QList<Record>& records)
        : m_stream(stream)
        , m_records(records)
    {
    }

    bool bytes(qsizetype count, QByteArray* out)
    {
        while (count > 0) {
            if (!nextRecordIfAtEnd())
                return false;
            const qsizetype take = qMin(count, left());
            out->append(m_stream.constData() + here(), take);
            m_offset += take;
            count -= take;
        }
        return true;
    }

    // `count` characters; at a record boundary a fresh flags byte says their width from there on.
    bool characters(quint16 count, bool* highByte, QByteArray* out)
    {
        QByteArray wide;
        for (quint16 read = 0; read < count;) {
            if (left() == 0) {
                if (!nextRecord())
                    return false;
                QByteArray flags;
                if (!bytes(1, &flags))
                    return false;
                *highByte = quint8(flags.at(0)) & kHighByte;
            }
            const int width = *highByte ? 2 : 1;
            const qsizetype fit = qMin<qsizetype>(count - read, left() / width);
            if (fit == 0)
                return false;
            for (qsizetype i = 0; i < fit; ++i) {
                const char* p = m_stream.constData() + here() + i * width;
                wide.append(p[0]);
                wide.append(width == 2 ? p[1] : '\0');
            }
            m_offset += fit * width;
            read += quint16(fit);
        }
        *out = wide; // always two bytes a character from here on
        return true;
    }

    bool atEnd() const { return m_index + 1 >= m_records.size() && left() == 0; }

private:
    qsizetype here() const { return m_records.at(m_index).pos + 4 + m_offset; }
    qsizetype left() const { return m_records.at(m_index).size - m_offset; }
    bool nextRecord()
    {
        if (m_index + 1 >= m_records.size())
            return false;
        ++m_index;
        m_offset = 0;
        return true;
    }
    bool nextRecordIfAtEnd() { return left() > 0 || nextRecord(); }

    const QByteArray& m_stream;
    const QList<Record>& m_records;
    qsizetype m_index = 0;
    qsizetype m_offset = 0;
};

// Writes the table again in records of at most kMaxRecordData bytes: a string's header never split,
// its characters split between whole characters with a flags byte leading the next record.
class SstWriter
{
public:
    explicit SstWriter(const QByteArray& head) { m_records.append(head); }

    void append(const SharedString& s)
    {
        const bool high = s.flags & kHighByte;
        const int width = high ? 2 : 1;
        const qsizetype header = 3 + ((s.flags & kRichText) ? 2 : 0) + ((s.flags & kExtended) ? 4 : 0);
        if (room() < header + qMin<qsizetype>(width, qsizetype(s.length) * width))
            m_records.append(QByteArray());
        QByteArray& current = m_records.last();
        current.append(char(s.length & 0xFF)).append(char(s.length >> 8)).append(char(s.flags));
        if (s.flags & kRichText)
            current.append(char(s.runs & 0xFF)).append(char(s.runs >> 8));
        if (s.flags & kExtended) {
            QByteArray size(4, Qt::Uninitialized);
            qToLittleEndian(s.extSize, size.data());
            current.append(size);
        }
        for (qsizetype c = 0; c < s.length;) {
            if (room() < width)
                m_records.append(QByteArray(1, char(high ? kHighByte : 0)));
            const qsizetype fit = qMin<qsizetype>(s.length - c, room() / width);
            m_records.last().append(s.characters.mid(c * width, fit * width));
            c += fit;
        }
        for (qsizetype t = 0; t < s.tail.size();) {
            if (room() == 0)
                m_records.append(QByteArray());
            const qsizetype fit = qMin(s.tail.size() - t, room());
            m_records.last().append(s.tail.mid(t, fit));
            t += fit;
        }
    }

    QByteArray records() const
    {
        QByteArray out;
        for (qsizetype i = 0; i < m_records.size(); ++i) {
            QByteArray header(4, Qt::Uninitialized);
            qToLittleEndian(i == 0 ? kSst : kContinue, header.data());
            qToLittleEndian(quint16(m_records.at(i).size()), header.data() + 2);
            out += header + m_records.at(i);
        }
        return out;
    }

private:
    qsizetype room() const { return kMaxRecordData - m_records.last().size(); }

    QList<QByteArray> m_records;
};

// The characters stored as they were: two bytes each when the string said so or holds a character
// beyond Latin-1 (a continuation may have changed the width half-way), else one.
void storeCharacters(const QByteArray& wide, bool wasWide, SharedString* s)
{
    bool narrow = !wasWide;
    for (qsizetype i = 1; i < wide.size() && narrow; i += 2)
        narrow = wide.at(i) == '\0';
    s->flags = narrow ? quint8(s->flags & ~kHighByte) : quint8(s->flags | kHighByte);
    if (!narrow) {
        s->characters = wide;
        return;
    }
    s->characters.clear();
    for (qsizetype i = 0; i < wide.size(); i += 2)
        s->characters.append(wide.at(i));
}

} // namespace

int BiffSharedStrings::mendEmptyStrings(QByteArray* stream)
{
    // The workbook globals: up to the first EOF.
    QList<Record> globals;
    for (qsizetype pos = 0; pos + 4 <= stream->size();) {
        const char* header = stream->constData() + pos;
        const Record r{pos, qFromLittleEndian<quint16>(header), qFromLittleEndian<quint16>(header + 2)};
        if (pos + 4 + r.size > stream->size())
            return 0;
        if (globals.isEmpty() && r.type != kBof)
            return 0;
        globals.append(r);
        pos += 4 + r.size;
        if (r.type == kEof)
            break;
    }
    qsizetype sstIndex = -1;
    for (qsizetype i = 0; i < globals.size(); ++i) {
        if (globals.at(i).type == kSst) {
            sstIndex = i;
            break;
        }
    }
    if (sstIndex < 0 || globals.at(sstIndex).size < 8)
        return 0;
    QList<Record> table{globals.at(sstIndex)};
    for (qsizetype i = sstIndex + 1; i < globals.size() && globals.at(i).type == kContinue; ++i)
        table.append(globals.at(i));

    const QByteArray head = stream->mid(table.first().pos + 4, 8);
    const quint32 unique = qFromLittleEndian<quint32>(head.constData() + 4);
    SstCursor cursor(*stream, table);
    QByteArray skipHead;
    if (!cursor.bytes(8, &skipHead))
        return 0;
    QList<SharedString> strings;
    int empty = 0;
    for (quint32 i = 0; i < unique; ++i) {
        QByteArray header;
        if (!cursor.bytes(3, &header))
            return 0;
        SharedString s;
        s.length = qFromLittleEndian<quint16>(header.constData());
        s.flags = quint8(header.at(2));
        QByteArray more;
        if ((s.flags & kRichText) && !cursor.bytes(2, &more))
            return 0;
        if (s.flags & kRichText)
            s.runs = qFromLittleEndian<quint16>(more.constData());
        more.clear();
        if ((s.flags & kExtended) && !cursor.bytes(4, &more))
            return 0;
        if (s.flags & kExtended)
            s.extSize = qFromLittleEndian<quint32>(more.constData());
        bool high = s.flags & kHighByte;
        const bool wasWide = high;
        QByteArray wide;
        if (!cursor.characters(s.length, &high, &wide))
            return 0;
        const bool isEmpty = s.length == 0;
        if (isEmpty) {
            wide = QByteArray(" \0", 2);
            s.length = 1;
            ++empty;
        }
        storeCharacters(wide, wasWide && !isEmpty, &s);
        if (!cursor.bytes(qsizetype(s.runs) * 4 + qsizetype(s.extSize), &s.tail))
            return 0;
        strings.append(s);
    }
    // A count that leaves strings behind would lose them in the rewrite.
    if (empty == 0 || !cursor.atEnd())
        return 0;

    SstWriter writer(head);
    for (const SharedString& s : std::as_const(strings))
        writer.append(s);
    const QByteArray rewritten = writer.records();
    const qsizetype start = table.first().pos;
    const qsizetype end = table.last().pos + 4 + table.last().size;
    const qsizetype delta = rewritten.size() - (end - start);
    stream->replace(start, end - start, rewritten);
    // The sheets after the table moved by delta; EXTSST's positions into the table are wrong now.
    for (const Record& r : std::as_const(globals)) {
        const qsizetype pos = r.pos > start ? r.pos + delta : r.pos;
        char* data = stream->data() + pos;
        if (r.type == kBoundSheet && r.size >= 4) {
            const auto offset = qFromLittleEndian<quint32>(data + 4);
            if (qsizetype(offset) > start)
                qToLittleEndian(quint32(qsizetype(offset) + delta), data + 4);
        } else if (r.type == kExtSst && r.pos > start) {
            qToLittleEndian(BiffStreamMends::kSkippedRecord, data);
        }
    }
    return empty;
}

} // namespace ud
