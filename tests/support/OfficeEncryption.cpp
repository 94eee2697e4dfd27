#include "OfficeEncryption.h"

#include "io/AesBlocks.h"
#include "io/CompoundFile.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QtEndian>

namespace ud::test {

namespace {

QByteArray le16(quint16 v)
{
    QByteArray b(2, Qt::Uninitialized);
    qToLittleEndian(v, b.data());
    return b;
}

QByteArray le32(quint32 v)
{
    QByteArray b(4, Qt::Uninitialized);
    qToLittleEndian(v, b.data());
    return b;
}

QByteArray le64(quint64 v)
{
    QByteArray b(8, Qt::Uninitialized);
    qToLittleEndian(v, b.data());
    return b;
}

QByteArray randomBytes(int size)
{
    QByteArray b(size, Qt::Uninitialized);
    for (char& c : b)
        c = char(QRandomGenerator::global()->bounded(256));
    return b;
}

QByteArray passwordBytes(const QString& password)
{
    QByteArray b;
    for (const QChar c : password)
        b += le16(c.unicode());
    return b;
}

QCryptographicHash::Algorithm algorithmNamed(const QString& name)
{
    if (name == QLatin1String("SHA1"))
        return QCryptographicHash::Sha1;
    if (name == QLatin1String("SHA256"))
        return QCryptographicHash::Sha256;
    if (name == QLatin1String("SHA384"))
        return QCryptographicHash::Sha384;
    return QCryptographicHash::Sha512;
}

QByteArray hashOf(const QByteArray& data, QCryptographicHash::Algorithm algorithm)
{
    return QCryptographicHash::hash(data, algorithm);
}

QByteArray zeroPadded(QByteArray data, int block)
{
    if (data.size() % block)
        data.append(QByteArray(block - data.size() % block, '\0'));
    return data;
}

QByteArray sized(QByteArray data, int size, char fill)
{
    if (data.size() < size)
        data.append(QByteArray(size - data.size(), fill));
    return data.left(size);
}

bool writeContainer(const QString& path, const QByteArray& info, const QByteArray& package)
{
    return CompoundFile::write(
        path, {{QStringLiteral("EncryptionInfo"), info}, {QStringLiteral("EncryptedPackage"), package}});
}

} // namespace

bool OfficeEncryption::writeAgile(const QString& path, const QByteArray& package, const QString& password,
                                  const Agile& options)
{
    const QCryptographicHash::Algorithm algorithm = algorithmNamed(options.hashAlgorithm);
    const int hashSize = int(QCryptographicHash::hashLength(algorithm));
    const int keyBytes = options.keyBits / 8;
    const QByteArray keyDataSalt = randomBytes(16);
    const QByteArray passwordSalt = randomBytes(16);
    const QByteArray secretKey = randomBytes(keyBytes);

    // The password's key: H(salt + password), then spinCount rounds of H(i + previous).
    QByteArray h = hashOf(passwordSalt + passwordBytes(password), algorithm);
    for (int i = 0; i < options.spinCount; ++i)
        h = hashOf(le32(quint32(i)) + h, algorithm);
    auto derived = [&](const char* blockHex) {
        return sized(hashOf(h + QByteArray::fromHex(blockHex), algorithm), keyBytes, '\x36');
    };
    const QByteArray verifierInput = randomBytes(16);
    const QByteArray encryptedVerifierHashInput =
        AesBlocks::encryptCbc(derived("fea7d2763b4b9e79"), passwordSalt, verifierInput);
    const QByteArray encryptedVerifierHashValue = AesBlocks::encryptCbc(
        derived("d7aa0f6d3061344e"), passwordSalt, zeroPadded(hashOf(verifierInput, algorithm), 16));
    const QByteArray encryptedKeyValue =
        AesBlocks::encryptCbc(derived("146e0be7abacd0d6"), passwordSalt, zeroPadded(secretKey, 16));

    // The package in 4096-byte segments, each with the IV H(keyDataSalt + segment number).
    QByteArray encrypted = le64(quint64(package.size()));
    for (qsizetype offset = 0, segment = 0; offset < package.size(); offset += 4096, ++segment) {
        const QByteArray iv = sized(hashOf(keyDataSalt + le32(quint32(segment)), algorithm), 16, '\x36');
        encrypted += AesBlocks::encryptCbc(secretKey, iv, zeroPadded(package.mid(offset, 4096), 16));
    }

    // Data integrity: an HMAC of the whole EncryptedPackage stream under a random key.
    const QByteArray hmacKey = randomBytes(hashSize);
    const QByteArray hmacKeyIv =
        sized(hashOf(keyDataSalt + QByteArray::fromHex("5fb2ad010cb9e1f6"), algorithm), 16, '\x36');
    const QByteArray hmacValueIv =
        sized(hashOf(keyDataSalt + QByteArray::fromHex("a0677f02b22c8433"), algorithm), 16, '\x36');
    const QByteArray hmac = QMessageAuthenticationCode::hash(encrypted, hmacKey, algorithm);
    const QByteArray encryptedHmacKey = AesBlocks::encryptCbc(secretKey, hmacKeyIv, zeroPadded(hmacKey, 16));
    const QByteArray encryptedHmacValue = AesBlocks::encryptCbc(secretKey, hmacValueIv, zeroPadded(hmac, 16));

    const QString parameters = QStringLiteral(R"(saltSize="16" blockSize="16" keyBits="%1" hashSize="%2" )"
                                              R"(cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" )"
                                              R"(hashAlgorithm="%3")")
                                   .arg(options.keyBits)
                                   .arg(hashSize)
                                   .arg(options.hashAlgorithm);
    auto b64 = [](const QByteArray& bytes) {
        return QString::fromLatin1(bytes.toBase64());
    };
    const QString xml =
        QStringLiteral(
            R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
            "\r\n"
            R"(<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" )"
            R"(xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" )"
            R"(xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate">)"
            R"(<keyData %1 saltValue="%2"/>)"
            R"(<dataIntegrity encryptedHmacKey="%3" encryptedHmacValue="%4"/>)"
            R"(<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">)"
            R"(<p:encryptedKey spinCount="%5" %1 saltValue="%6" encryptedVerifierHashInput="%7" )"
            R"(encryptedVerifierHashValue="%8" encryptedKeyValue="%9"/></keyEncryptor></keyEncryptors></encryption>)")
            .arg(parameters, b64(keyDataSalt), b64(encryptedHmacKey), b64(encryptedHmacValue),
                 QString::number(options.spinCount), b64(passwordSalt), b64(encryptedVerifierHashInput),
                 b64(encryptedVerifierHashValue), b64(encryptedKeyValue));
    const QByteArray info = le16(4) + le16(4) + le32(0x40) + xml.toUtf8();
    return writeContainer(path, info, encrypted);
}

bool OfficeEncryption::writeStandard(const QString& path, const QByteArray& package, const QString& password)
{
    const QByteArray salt = randomBytes(16);
    QByteArray h = hashOf(salt + passwordBytes(password), QCryptographicHash::Sha1);
    for (int i = 0; i < 50'000; ++i)
        h = hashOf(le32(quint32(i)) + h, QCryptographicHash::Sha1);
    const QByteArray final = hashOf(h + le32(0), QCryptographicHash::Sha1);
    auto half = [&final](char fill) {
        QByteArray buffer(64, fill);
        for (int i = 0; i < final.size(); ++i)
            buffer[i] = char(buffer.at(i) ^ final.at(i));
        return QCryptographicHash::hash(buffer, QCryptographicHash::Sha1);
    };
    const QByteArray key = QByteArray(half('\x36') + half('\x5c')).left(16);

    const QByteArray verifier = randomBytes(16);
    const QByteArray verifierHash = QCryptographicHash::hash(verifier, QCryptographicHash::Sha1);
    QByteArray cspName;
    for (const QChar c : QStringLiteral("Microsoft Enhanced RSA and AES Cryptographic Provider"))
        cspName += le16(c.unicode());
    cspName += le16(0);
    constexpr quint32 flags = 0x24; // fCryptoAPI | fAES
    const QByteArray header = le32(flags) + le32(0) + le32(0x660E) + le32(0x8004) + le32(128) + le32(0x18) +
                              le32(0) + le32(0) + cspName;
    const QByteArray info = le16(3) + le16(2) + le32(flags) + le32(quint32(header.size())) + header +
                            le32(16) + salt + AesBlocks::encryptEcb(key, verifier) + le32(20) +
                            AesBlocks::encryptEcb(key, zeroPadded(verifierHash, 32));
    const QByteArray encrypted =
        le64(quint64(package.size())) + AesBlocks::encryptEcb(key, zeroPadded(package, 16));
    return writeContainer(path, info, encrypted);
}

} // namespace ud::test
