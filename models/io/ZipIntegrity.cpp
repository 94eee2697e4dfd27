#include "io/ZipIntegrity.h"

#include <QByteArray>
#include <QFile>
#include <QStringDecoder>

#include <array>
#include <memory>
#include <optional>
#include <zip.h>

namespace ud {

namespace {

struct ArchiveCloser
{
    void operator()(zip_t* archive) const { zip_discard(archive); }
};

struct EntryCloser
{
    void operator()(zip_file_t* entry) const { zip_fclose(entry); }
};

// Damage, as opposed to what libzip does not support (an encryption or compression method), which
// liborcus then reports in its own way.
bool isDamage(const zip_error_t* error)
{
    switch (zip_error_code_zip(error)) {
    case ZIP_ER_CRC:
    case ZIP_ER_ZLIB:
    case ZIP_ER_INCONS:
    case ZIP_ER_EOF:
        return true;
    default:
        return false;
    }
}

constexpr qsizetype kHead = 4096;
constexpr qsizetype kTail = 256;

bool isXmlPart(const char* name)
{
    const QByteArray lower = QByteArray(name).toLower();
    return lower.endsWith(".xml") || lower.endsWith(".rels");
}

// Whether XML that begins with `head` is UTF-8: declared so, or declaring no encoding and starting
// with no UTF-16 byte-order mark.
bool declaresUtf8(const QByteArray& head)
{
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF") || head.left(64).contains('\0'))
        return false;
    if (!head.startsWith("<?xml") && !head.startsWith("\xEF\xBB\xBF<?xml"))
        return true;
    const qsizetype end = head.indexOf("?>");
    const QByteArray declaration = head.left(end < 0 ? head.size() : end).toLower();
    const qsizetype at = declaration.indexOf("encoding");
    if (at < 0)
        return true;
    const QByteArray rest = declaration.mid(at + 8);
    return rest.contains("utf-8") || rest.contains("utf8");
}

// Inflates one entry to its end, which is where libzip compares the checksum; an XML part's first
// and last bytes are kept for xmlLooksWhole().
ZipIntegrity::Damage readEntry(zip_t* archive, zip_uint64_t index, bool xml, bool checkEncoding)
{
    zip_stat_t stat;
    zip_stat_init(&stat);
    const bool statted = zip_stat_index(archive, index, 0, &stat) == 0;
    if (statted && (stat.valid & ZIP_STAT_COMP_METHOD) && stat.comp_method != ZIP_CM_STORE &&
        stat.comp_method != ZIP_CM_DEFLATE)
        return ZipIntegrity::Damage::Compression;
    std::unique_ptr<zip_file_t, EntryCloser> entry(zip_fopen_index(archive, index, 0));
    if (!entry)
        return isDamage(zip_get_error(archive)) ? ZipIntegrity::Damage::Checksum : ZipIntegrity::Damage::None;
    // liborcus reads as many bytes as the archive says the part holds; libzip inflates to the end of
    // the data. A part holding more than it says would lose the rest in liborcus.
    const bool sized = statted && (stat.valid & ZIP_STAT_SIZE);
    std::array<char, 64 * 1024> buffer{};
    QByteArray head;
    QByteArray tail;
    zip_uint64_t total = 0;
    // liborcus reads a cell with bytes that are no UTF-8 as empty, without a word; an XML part in
    // UTF-8 (the declaration says so, or says nothing) must be valid UTF-8 throughout.
    std::optional<QStringDecoder> utf8;
    for (;;) {
        const zip_int64_t read = zip_fread(entry.get(), buffer.data(), buffer.size());
        if (read < 0)
            return isDamage(zip_file_get_error(entry.get())) ? ZipIntegrity::Damage::Checksum
                                                             : ZipIntegrity::Damage::None;
        if (read == 0)
            break;
        total += static_cast<zip_uint64_t>(read);
        if (xml) {
            const auto n = static_cast<qsizetype>(read);
            if (head.size() < kHead)
                head.append(buffer.data(), std::min(n, kHead - head.size()));
            tail.append(buffer.data(), n);
            if (tail.size() > kTail)
                tail.remove(0, tail.size() - kTail);
            if (checkEncoding && total == static_cast<zip_uint64_t>(n) && declaresUtf8(head))
                utf8.emplace(QStringDecoder::Utf8);
            if (utf8) {
                // decode() is lazy: only the conversion to a string decodes, and sets hasError().
                const QString text = utf8->decode(QByteArrayView(buffer.data(), n));
                Q_UNUSED(text);
            }
        }
    }
    if (sized && total != stat.size)
        return ZipIntegrity::Damage::Checksum;
    if (xml && !ZipIntegrity::xmlLooksWhole(head, tail))
        return ZipIntegrity::Damage::Incomplete;
    if (utf8 && utf8->hasError())
        return ZipIntegrity::Damage::Encoding;
    return ZipIntegrity::Damage::None;
}

bool isNameCharacter(char c)
{
    return c != '>' && c != '/' && c != ' ' && c != '\t' && c != '\r' && c != '\n';
}

} // namespace

bool ZipIntegrity::xmlLooksWhole(const QByteArray& head, const QByteArray& tail)
{
    if (head.contains('\0') || tail.contains('\0'))
        return true; // UTF-16: not checked
    // The root element: the first tag that is no declaration, processing instruction, comment or
    // document type.
    qsizetype at = 0;
    QByteArray root;
    while (root.isEmpty()) {
        at = head.indexOf('<', at);
        if (at < 0 || at + 1 >= head.size())
            return true;
        const char next = head.at(at + 1);
        if (next == '?' || next == '!') {
            at = head.indexOf('>', at);
            if (at < 0)
                return true;
            continue;
        }
        qsizetype end = at + 1;
        while (end < head.size() && isNameCharacter(head.at(end)))
            ++end;
        if (end >= head.size())
            return true;
        root = head.mid(at + 1, end - at - 1);
        // A root element that closes itself (<sst count="0"/>) is all there is.
        const qsizetype close = head.indexOf('>', end);
        if (close > 0 && head.at(close - 1) == '/')
            return true;
    }
    const QByteArray trimmed = tail.trimmed();
    if (trimmed.endsWith("-->") || trimmed.endsWith("?>"))
        return true;
    if (!trimmed.endsWith('>'))
        return false;
    const qsizetype open = trimmed.lastIndexOf("</");
    if (open < 0)
        return false;
    return trimmed.mid(open + 2, trimmed.size() - open - 3).trimmed() == root;
}

ZipIntegrity::ZipIntegrity(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() == 0)
        return;
    // A mapped buffer spares the file name's encoding (libzip's and Windows' disagree).
    const uchar* bytes = file.map(0, file.size());
    if (!bytes)
        return;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes, static_cast<zip_uint64_t>(file.size()), 0, &error);
    zip_error_fini(&error);
    if (!source)
        return;
    zip_error_init(&error);
    std::unique_ptr<zip_t, ArchiveCloser> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
    zip_error_fini(&error);
    if (!archive) {
        zip_source_free(source);
        return;
    }
    const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        const auto index = static_cast<zip_uint64_t>(i);
        const char* name = zip_get_name(archive.get(), index, ZIP_FL_ENC_GUESS);
        // Only the parts that hold cells: the shared strings are spared (liborcus keeps a bad byte
        // there as U+FFFD, and the importer refuses the one row holding it with a message), and a
        // document property written in GBK harms no member row.
        const bool xml = name && isXmlPart(name);
        const QByteArray lower = xml ? QByteArray(name).toLower() : QByteArray();
        const bool encoding = lower.contains("worksheets/") || lower == "content.xml";
        const Damage damage = readEntry(archive.get(), index, xml, encoding);
        if (damage != Damage::None) {
            m_damage = damage;
            m_damagedPart = name ? QString::fromUtf8(name) : QString::number(i + 1);
            return;
        }
    }
}

} // namespace ud
