#include "io/ZipEntries.h"

#include <QFile>

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>
#include <zip.h>

namespace ud {

namespace {

// A part larger than this is no spreadsheet part but a zip bomb.
constexpr zip_uint64_t kMaxPartSize = zip_uint64_t(1) << 30;

// Opens the package at `path` for reading and hands it to `use`; false when it is no zip.
bool withArchive(const QString& path, const std::function<bool(zip_t*)>& use)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() == 0)
        return false;
    // Mapped, not read: the file's name is then no matter for libzip (its encoding and Windows'
    // differ), and a large workbook is not copied into memory to list its parts.
    const uchar* bytes = file.map(0, file.size());
    if (!bytes)
        return false;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes, zip_uint64_t(file.size()), 0, &error);
    zip_error_fini(&error);
    if (!source)
        return false;
    zip_error_init(&error);
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    zip_error_fini(&error);
    if (!archive) {
        zip_source_free(source);
        return false;
    }
    const std::unique_ptr<zip_t, decltype(&zip_discard)> closer(archive, &zip_discard);
    return use(archive);
}

} // namespace

bool ZipEntries::read(const QString& path, Entries* entries)
{
    return withArchive(path, [entries](zip_t* archive) {
        const zip_int64_t count = zip_get_num_entries(archive, 0);
        for (zip_int64_t i = 0; i < count; ++i) {
            const auto index = zip_uint64_t(i);
            zip_stat_t stat;
            zip_stat_init(&stat);
            if (zip_stat_index(archive, index, 0, &stat) != 0 || !stat.name ||
                !(stat.valid & ZIP_STAT_SIZE) || stat.size > kMaxPartSize)
                return false;
            const QString name = QString::fromUtf8(stat.name);
            if (name.endsWith(QLatin1Char('/')) || name.endsWith(QLatin1Char('\\')))
                continue; // a folder
            zip_file_t* entry = zip_fopen_index(archive, index, 0);
            if (!entry)
                return false;
            QByteArray data(qsizetype(stat.size), Qt::Uninitialized);
            const zip_int64_t read = zip_fread(entry, data.data(), stat.size);
            // Read on to the end, where libzip checks the file's CRC: nothing more, or an error.
            char beyond = 0;
            const zip_int64_t more = zip_fread(entry, &beyond, 1);
            zip_fclose(entry);
            if (read != zip_int64_t(stat.size) || more != 0)
                return false;
            entries->append({name, data});
        }
        return true;
    });
}

bool ZipEntries::write(const QString& path, const Entries& entries)
{
    Entries ordered = entries;
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
        return a.first == QLatin1String("mimetype") && b.first != QLatin1String("mimetype");
    });
    int errorCode = 0;
    zip_t* archive = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &errorCode);
    if (!archive)
        return false;
    // libzip reads the buffers when the archive is closed: `ordered` outlives that.
    for (const auto& [name, data] : std::as_const(ordered)) {
        zip_source_t* source = zip_source_buffer(archive, data.constData(), zip_uint64_t(data.size()), 0);
        const zip_int64_t index =
            source ? zip_file_add(archive, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            zip_source_free(source);
            zip_discard(archive);
            return false;
        }
        if (name == QLatin1String("mimetype"))
            zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_STORE, 0);
    }
    return zip_close(archive) == 0;
}

bool ZipEntries::hasBackslashNames(const QString& path)
{
    bool found = false;
    withArchive(path, [&found](zip_t* archive) {
        const zip_int64_t count = zip_get_num_entries(archive, 0);
        for (zip_int64_t i = 0; i < count && !found; ++i) {
            const char* name = zip_get_name(archive, zip_uint64_t(i), ZIP_FL_ENC_RAW);
            found = name && std::strchr(name, '\\');
        }
        return true;
    });
    return found;
}

} // namespace ud
