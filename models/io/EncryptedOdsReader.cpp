#include "io/EncryptedOdsReader.h"

#include "io/OdfDecryption.h"
#include "io/OrcusReader.h"
#include "io/ZipEntries.h"
#include "io/ZipPackage.h"

#include <QFileInfo>

#include <exception>

namespace ud {

namespace {

const QString kManifest = QStringLiteral("META-INF/manifest.xml");
using Entries = ZipEntries::Entries;

QByteArray entry(const Entries& entries, const QString& name)
{
    for (const auto& [entryName, data] : entries) {
        if (entryName == name)
            return data;
    }
    return {};
}

} // namespace

bool EncryptedOdsReader::isEncrypted(const QString& path)
{
    try {
        return OdfDecryption(ZipPackage(path).part(kManifest)).isEncrypted();
    } catch (const std::exception&) {
        return false; // a damaged package: OrcusReader says what is wrong with it
    }
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
    if (!ZipEntries::read(path, &entries))
        return damaged();
    const OdfDecryption decryption(entry(entries, kManifest));
    if (password().isEmpty())
        return fail(passwordRefused(name, PasswordProblem::Needed));
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
    return readCopy(
        path, [&plainEntries](const QString& copy) { return ZipEntries::write(copy, plainEntries); },
        [&](const QString& copy) {
            return OrcusReader(OrcusReader::Format::Ods).read(copy, workbook, error);
        },
        error);
}

} // namespace ud
