#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>

namespace ud {

// An OLE compound document — Office 97–2003's container: an .xls keeps its workbook in the stream
// "Workbook" ("Book" before Excel 97), a .doc in "WordDocument", and an .xlsx with a password to open
// travels as "EncryptedPackage" — read through libgsf. Only the top-level streams are looked at.
// Stream names are found whatever their case, as the format's own rule has it.
class CompoundFile
{
public:
    // Opens the file; isOpen() is false when it is no compound document or too damaged to read.
    explicit CompoundFile(const QString& path);
    ~CompoundFile();
    CompoundFile(const CompoundFile&) = delete;
    CompoundFile& operator=(const CompoundFile&) = delete;

    bool isOpen() const;
    QStringList streamNames() const;
    bool has(const QString& name) const;
    // The stream's bytes; empty when there is no such stream, it cannot be read whole, or it is larger
    // than limit bytes.
    QByteArray stream(const QString& name, qint64 limit) const;

    // Writes a compound document holding `streams` at its top level; false when it cannot be written.
    static bool write(const QString& path, const QList<QPair<QString, QByteArray>>& streams);

private:
    struct Container;
    std::unique_ptr<Container> m_container;
};

} // namespace ud
