#include "io/EncryptedXlsxReader.h"

#include "io/BiffDecryption.h"
#include "io/CompoundFile.h"
#include "io/FileFormat.h"
#include "io/OoxmlDecryption.h"

#include <QFile>
#include <QFileInfo>

namespace ud {

bool EncryptedXlsxReader::read(const QString& path, Workbook* workbook, QString* error)
{
    workbook->sheets.clear();
    const QString name = QFileInfo(path).fileName();
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    auto damaged = [&] {
        return fail(tr("%1 is damaged: it is an encrypted workbook whose parts do not fit together (as after "
                       "an interrupted copy or download). Copy or download it again.")
                        .arg(name));
    };
    const CompoundFile compound(path);
    const qint64 limit = QFileInfo(path).size();
    const QByteArray info = compound.stream(QStringLiteral("EncryptionInfo"), 1 << 20);
    const QByteArray encrypted = compound.stream(QStringLiteral("EncryptedPackage"), limit);
    if (info.isEmpty() && compound.has(QStringLiteral("EncryptedPackage")) && !encrypted.isEmpty())
        return fail(tr("%1 is protected with rights management (IRM): only Office signed in to the account "
                       "it was shared with can open it, and no password does. Ask the sender for a copy "
                       "without that protection, saved as .xlsx.")
                        .arg(name));
    if (info.isEmpty() || encrypted.isEmpty())
        return fail(tr("%1 is damaged: it is an encrypted workbook, but parts of it are missing (as after an "
                       "interrupted copy or download). Copy or download it again.")
                        .arg(name));

    // Excel's built-in password first: what it uses when it encrypts without the clerk choosing one.
    QStringList candidates{BiffDecryption::builtInPassword()};
    if (!password().isEmpty())
        candidates.prepend(password());
    QByteArray package;
    OoxmlDecryption::Outcome outcome = OoxmlDecryption::Outcome::WrongPassword;
    for (const QString& candidate : std::as_const(candidates)) {
        outcome = OoxmlDecryption::decrypt(info, encrypted, candidate, &package);
        if (outcome != OoxmlDecryption::Outcome::WrongPassword)
            break;
    }
    switch (outcome) {
    case OoxmlDecryption::Outcome::Decrypted:
        break;
    case OoxmlDecryption::Outcome::WrongPassword:
        return fail(
            passwordRefused(name, password().isEmpty() ? PasswordProblem::Needed : PasswordProblem::Wrong));
    case OoxmlDecryption::Outcome::UnknownMethod:
        return fail(
            tr("%1 is encrypted in a way that cannot be read here. Open it in Excel or WPS, remove the "
               "password (in Excel: File > Info > Protect Workbook > Encrypt with Password, and clear "
               "it) and save it; then import it again.")
                .arg(name));
    case OoxmlDecryption::Outcome::Damaged:
        return damaged();
    }

    auto write = [&package](const QString& copy) {
        QFile plain(copy);
        return plain.open(QIODevice::WriteOnly) && plain.write(package) == package.size() && plain.flush();
    };
    auto read = [&](const QString& copy) {
        // Inside is a package of its own kind: an .xlsx, or what else Office encrypts (.docx, .xlsb).
        if (FileFormat::detect(copy) == FileFormat::Kind::Encrypted)
            return damaged();
        const std::unique_ptr<SheetReader> reader = SheetReader::forFile(copy, error);
        return reader && reader->read(copy, workbook, error);
    };
    return readCopy(path, write, read, error);
}

} // namespace ud
