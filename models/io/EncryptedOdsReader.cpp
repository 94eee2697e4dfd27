#include "io/EncryptedOdsReader.h"

#include "io/OdfDecryption.h"
#include "io/OrcusReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QPair>
#include <QTemporaryDir>

#include <memory>
#include <zip.h>

namespace ud {

namespace {

const QString kManifest = QStringLiteral("META-INF/manifest.xml");
// A part larger than this is no spreadsheet part but a zip bomb.
constexpr zip_uint64_t kMaxPartSize = zip_uint64_t(1) << 30;

using Entries = QList<QPair<QString, QByteArray>>;

// Every file of the package, in its order, as stored (an encrypted part still encrypted); false when
// the package cannot be read.
bool readEntries(const QString& path, Entries* entries)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = file.readAll();
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.constData(), zip_uint64_t(bytes.size()), 0, &error);
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
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        const auto index = zip_uint64_t(i);
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(archive, index, 0, &stat) != 0 || !stat.name || !(stat.valid & ZIP_STAT_SIZE) ||
            stat.size > kMaxPartSize)
            return false;
        const QString name = QString::fromUtf8(stat.name);
        if (name.endsWith(QLatin1Char('/')))
            continue; // a folder
        zip_file_t* entry = zip_fopen_index(archive, index, 0);
        if (!entry)
            return false;
        QByteArray data(qsizetype(stat.size), Qt::Uninitialized);
        const zip_int64_t read = zip_fread(entry, data.data(), stat.size);
        // Read on to the end, where libzip checks the entry's CRC: nothing more, or an error.
        char beyond = 0;
        const zip_int64_t more = zip_fread(entry, &beyond, 1);
        zip_fclose(entry);
        if (read != zip_int64_t(stat.size) || more != 0)
            return false;
        entries->append({name, data});
    }
    return true;
}

QByteArray entry(const Entries& entries, const QString& name)
{
    for (const auto& [entryName, data] : entries) {
        if (entryName == name)
            return data;
    }
    return {};
}

// The package again: mimetype first and uncompressed, as ODF asks, the rest compressed.
bool writePackage(const QString& path, const Entries& entries)
{
    int errorCode = 0;
    zip_t* archive = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &errorCode);
    if (!archive)
        return false;
    for (const auto& [name, data] : entries) {
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

} // namespace

bool EncryptedOdsReader::isEncrypted(const QString& path)
{
    Entries entries;
    return readEntries(path, &entries) && OdfDecryption(entry(entries, kManifest)).isEncrypted();
}

bool EncryptedOdsReader::read(const QString& path, Workbook* workbook, QString* error)
{
    workbook->sheets.clear();
    const QString name = QFileInfo(path).fileName();
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    auto damaged = [&] {
        return fail(tr("%1 is damaged: it is a spreadsheet saved with a password, and parts of it cannot be "
                       "read (as after an interrupted copy or download). Copy or download it again.")
                        .arg(name));
    };
    Entries entries;
    if (!readEntries(path, &entries))
        return damaged();
    const OdfDecryption decryption(entry(entries, kManifest));
    if (password().isEmpty())
        return fail(passwordRefused(name, PasswordProblem::Needed));
    // Entries are sorted so that the mimetype goes first; their data is kept until the package is written.
    Entries plainEntries;
    for (const auto& [entryName, data] : std::as_const(entries)) {
        if (!decryption.encrypts(entryName)) {
            plainEntries.append({entryName, data});
            continue;
        }
        QByteArray plain;
        switch (decryption.decrypt(entryName, data, password(), &plain)) {
        case OdfDecryption::Outcome::Decrypted:
            plainEntries.append({entryName, plain});
            break;
        case OdfDecryption::Outcome::WrongPassword:
            return fail(passwordRefused(name, PasswordProblem::Wrong));
        case OdfDecryption::Outcome::UnknownMethod:
            return fail(
                tr("%1 is saved with a password in a way that cannot be read here (an older "
                   "OpenOffice's, or a newer LibreOffice's). Open it in LibreOffice or WPS, remove the "
                   "password (File > Properties > Security) and save it as .xlsx; then import that file.")
                    .arg(name));
        case OdfDecryption::Outcome::Damaged:
            return damaged();
        }
    }
    std::stable_sort(plainEntries.begin(), plainEntries.end(), [](const auto& a, const auto& b) {
        return a.first == QLatin1String("mimetype") && b.first != QLatin1String("mimetype");
    });

    QTemporaryDir folder;
    const QString plainPath = folder.filePath(name);
    if (!folder.isValid() || !writePackage(plainPath, plainEntries))
        return fail(tr("%1: reading this encrypted workbook needs a temporary file, which could not be "
                       "written in %2. Check the free disk space and that folder's permissions, then try "
                       "again.")
                        .arg(name, QDir::toNativeSeparators(QDir::tempPath())));
    return OrcusReader(OrcusReader::Format::Ods).read(plainPath, workbook, error);
}

} // namespace ud
