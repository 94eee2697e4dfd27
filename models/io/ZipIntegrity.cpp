#include "io/ZipIntegrity.h"

#include <QFile>

#include <array>
#include <memory>
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

// Inflates one entry to its end, which is where libzip compares the checksum.
bool entryReads(zip_t* archive, zip_uint64_t index)
{
    std::unique_ptr<zip_file_t, EntryCloser> entry(zip_fopen_index(archive, index, 0));
    if (!entry)
        return !isDamage(zip_get_error(archive));
    std::array<char, 64 * 1024> buffer{};
    for (;;) {
        const zip_int64_t read = zip_fread(entry.get(), buffer.data(), buffer.size());
        if (read < 0)
            return !isDamage(zip_file_get_error(entry.get()));
        if (read == 0)
            return true;
    }
}

} // namespace

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
        if (!entryReads(archive.get(), index)) {
            const char* name = zip_get_name(archive.get(), index, ZIP_FL_ENC_GUESS);
            m_damagedPart = name ? QString::fromUtf8(name) : QString::number(i + 1);
            return;
        }
    }
}

} // namespace ud
