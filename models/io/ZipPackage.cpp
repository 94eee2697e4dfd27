#include "io/ZipPackage.h"

#include <QFile>
#include <QHash>

#include <orcus/zip_archive.hpp>
#include <orcus/zip_archive_stream.hpp>
#include <vector>

namespace ud {

struct ZipPackage::Archive
{
    explicit Archive(const QString& path)
        : stream(QFile::encodeName(path).constData())
        , zip(&stream)
    {
        zip.load();
        for (size_t i = 0; i < zip.get_file_entry_count(); ++i) {
            const std::string_view name = zip.get_file_entry_name(i);
            const QString entry = QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
            entries.insert(entry.toLower(), entry);
        }
    }

    orcus::zip_archive_stream_fd stream;
    orcus::zip_archive zip;
    QHash<QString, QString> entries; // lower-case name → name in the archive
};

ZipPackage::ZipPackage(const QString& path)
    : m_archive(std::make_unique<Archive>(path))
{
}

ZipPackage::~ZipPackage() = default;

QByteArray ZipPackage::part(const QString& name) const
{
    const QString entry = m_archive->entries.value(name.toLower());
    std::vector<unsigned char> buffer;
    if (entry.isEmpty() || !m_archive->zip.read_file_entry(entry.toStdString(), buffer))
        return {};
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), static_cast<qsizetype>(buffer.size()));
}

bool ZipPackage::has(const QString& name) const
{
    return m_archive->entries.contains(name.toLower());
}

bool ZipPackage::hasFolder(const QString& folder) const
{
    const QString prefix = folder.toLower();
    for (auto it = m_archive->entries.keyBegin(); it != m_archive->entries.keyEnd(); ++it) {
        if (it->startsWith(prefix))
            return true;
    }
    return false;
}

} // namespace ud
