#pragma once

#include <QByteArray>
#include <QString>

namespace ud {

// Reads a legacy workbook's record stream that Excel encrypted. Excel encrypts an .xls not only when
// the clerk sets a password to open it: a workbook whose structure is protected (审阅 > 保护工作簿),
// as the forms upper-level unions hand out often are, is encrypted with Excel's built-in password
// "VelvetSweatshop", and Excel, WPS and LibreOffice open it without asking. FreeXL reads neither, so
// the stream is decrypted here and given to it as a plain workbook.
//
// Both RC4 methods of [MS-XLS] 2.4.117 (FilePass) and [MS-OFFCRYPTO] are read: Office 97's ("RC4",
// MD5) and Office 2003's and later ("RC4 CryptoAPI", SHA-1). XOR obfuscation (Excel 95 and an option
// of 97) is not: such a workbook is reported as protected with a password.
class BiffDecryption
{
public:
    enum class Outcome
    {
        Plain,         // no FILEPASS record: nothing to do
        Decrypted,     // the stream is plain now
        WrongPassword, // encrypted with another password: one the clerk has to remove
        UnknownMethod  // XOR obfuscation, or a FILEPASS record that is damaged
    };

    static QString builtInPassword();

    // Decrypts a BIFF8 record stream in place with `password`. Record headers stay as they are (they
    // are never encrypted, so every record keeps its place and the sheets' offsets stay right); the
    // FILEPASS record is renamed to a record readers skip. The stream is left untouched unless
    // the outcome is Decrypted.
    static Outcome decrypt(QByteArray* stream, const QString& password);
};

} // namespace ud
