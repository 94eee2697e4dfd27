#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace ud {

// Opens the parts of an OpenDocument spreadsheet (.ods) saved with a password (ODF 1.2, part 3,
// 3.4): LibreOffice, OpenOffice and WPS encrypt each part (content.xml, styles.xml …) on its own,
// compressed with deflate and then with AES-256 in CBC mode under a key derived by PBKDF2 from a
// SHA-256 (or SHA-1) hash of the password; META-INF/manifest.xml, never encrypted, says how. The
// older Blowfish method of OpenOffice 2 and 3, and the whole-package encryption of LibreOffice 24.2
// (AES-GCM, Argon2) are not read.
class OdfDecryption
{
public:
    enum class Outcome
    {
        Decrypted,
        WrongPassword,
        UnknownMethod,
        Damaged
    };

    // From the package's META-INF/manifest.xml.
    explicit OdfDecryption(const QByteArray& manifest);

    // Whether any part is encrypted.
    bool isEncrypted() const { return !m_parts.isEmpty() || m_unknownMethod; }
    bool encrypts(const QString& part) const { return m_parts.contains(part); }

    // The part as it was before it was compressed and encrypted.
    Outcome decrypt(const QString& part, const QByteArray& stored, const QString& password,
                    QByteArray* plain) const;

private:
    struct Part
    {
        qint64 size = -1;
        QString checksumType;
        QByteArray checksum;
        QString algorithm;
        QByteArray iv;
        QString startKey;
        QString derivation;
        int keySize = 0;
        int iterations = 0;
        QByteArray salt;
    };

    QHash<QString, Part> m_parts;
    bool m_unknownMethod = false;
};

} // namespace ud
