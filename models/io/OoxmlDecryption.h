#pragma once

#include <QByteArray>
#include <QString>

namespace ud {

// Opens an .xlsx that Excel or WPS encrypted with a password to open ([MS-OFFCRYPTO] 2.3.4): such a
// workbook travels inside a compound document, as the streams "EncryptionInfo" (how it was encrypted
// and a check of the password) and "EncryptedPackage" (the .xlsx package, encrypted). Rosters hold ID
// numbers, and clerks are told to send them with a password; the clerk who has it can import them.
//
// Two methods are read: agile encryption (Excel 2010 and later, WPS; AES in CBC mode, the key derived
// with SHA-512 or another SHA hash from a salted, 100,000 times iterated hash of the password) and
// standard encryption (Excel 2007; AES in ECB mode, SHA-1). Extensible encryption and rights
// management (IRM, where a server hands out the key) are not: no password opens those.
class OoxmlDecryption
{
public:
    enum class Outcome
    {
        Decrypted,     // *package holds the plain .xlsx package
        WrongPassword, // the password does not open it
        UnknownMethod, // encrypted in a way not read here
        Damaged        // the streams are cut short or do not agree with each other
    };

    static Outcome decrypt(const QByteArray& encryptionInfo, const QByteArray& encryptedPackage,
                           const QString& password, QByteArray* package);

    // Office's own limit: a longer password is cut to this many UTF-16 units.
    static constexpr int kMaxPasswordLength = 255;
};

} // namespace ud
