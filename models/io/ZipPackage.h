#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

namespace ud {

// The parts of a zip package (.xlsx, .ods) through liborcus's zip reader, for the readers that look
// at a workbook's XML after liborcus has read it. Part names are found whatever their case (OPC
// names are case-insensitive; zip entry names are not).
class ZipPackage
{
public:
    // Loads the archive's directory; throws std::exception for a broken archive.
    explicit ZipPackage(const QString& path);
    ~ZipPackage();
    ZipPackage(const ZipPackage&) = delete;
    ZipPackage& operator=(const ZipPackage&) = delete;

    // The uncompressed part, or empty when the package has none of that name.
    QByteArray part(const QString& name) const;
    // Whether a part of that name, or a part under that folder ("xl/"), is there; case-insensitive.
    bool has(const QString& name) const;
    bool hasFolder(const QString& folder) const;

private:
    struct Archive;
    std::unique_ptr<Archive> m_archive;
};

} // namespace ud
