#pragma once

#include <QByteArray>
#include <QString>

namespace ud::test {

// Encrypts an .xlsx package with a password to open, as Excel and WPS do ([MS-OFFCRYPTO] 2.3.4),
// into the compound document they write. Written from the specification apart from the reader
// (OoxmlDecryption), and checked against an independent decryptor (msoffcrypto-tool) in the tests,
// so that a mistake shared by both sides cannot pass unseen.
class OfficeEncryption
{
public:
    struct Agile
    {
        QString hashAlgorithm = QStringLiteral("SHA512"); // SHA1, SHA256, SHA384 or SHA512
        int keyBits = 256;
        int spinCount = 100'000;
    };

    // Excel 2010 and later, WPS: agile encryption, with the data integrity check Excel verifies.
    static bool writeAgile(const QString& path, const QByteArray& package, const QString& password,
                           const Agile& options);
    static bool writeAgile(const QString& path, const QByteArray& package, const QString& password)
    {
        return writeAgile(path, package, password, Agile());
    }
    // Excel 2007: standard encryption, AES-128 in ECB mode.
    static bool writeStandard(const QString& path, const QByteArray& package, const QString& password);
};

} // namespace ud::test
