#include "io/OoxmlDecryption.h"

#include "io/AesBlocks.h"

#include <QCryptographicHash>
#include <QXmlStreamReader>
#include <QtEndian>

#include <optional>

namespace ud {

namespace {

constexpr quint16 kAgileMajor = 4;
constexpr quint16 kAgileMinor = 4;
constexpr quint16 kStandardMinor = 2;
// EncryptionHeader.Flags ([MS-OFFCRYPTO] 2.3.1): AES, and an extensible (third-party) method.
constexpr quint32 kFlagAes = 0x20;
constexpr quint32 kFlagExternal = 0x10;
constexpr quint32 kAlgAes128 = 0x660E;
constexpr quint32 kAlgAes192 = 0x660F;
constexpr quint32 kAlgAes256 = 0x6610;
constexpr quint32 kAlgSha1 = 0x8004;
constexpr int kStandardSpinCount = 50'000;
// Agile encryption encrypts the package in segments of this size, each with an IV of its own.
constexpr qsizetype kSegmentSize = 4096;
// A spin count beyond this is no Office file but a way to keep the program busy for hours.
constexpr qint64 kMaxSpinCount = 10'000'000;

// The "block keys" of [MS-OFFCRYPTO] 2.3.4.13 that turn the password's hash into three keys.
const QByteArray kVerifierInputBlock = QByteArray::fromHex("fea7d2763b4b9e79");
const QByteArray kVerifierValueBlock = QByteArray::fromHex("d7aa0f6d3061344e");
const QByteArray kKeyValueBlock = QByteArray::fromHex("146e0be7abacd0d6");

QByteArray littleEndian32(quint32 value)
{
    QByteArray bytes(4, Qt::Uninitialized);
    qToLittleEndian(value, bytes.data());
    return bytes;
}

QByteArray utf16le(const QString& password)
{
    const QString cut = password.left(OoxmlDecryption::kMaxPasswordLength);
    QByteArray bytes(cut.size() * 2, Qt::Uninitialized);
    qToLittleEndian<quint16>(cut.utf16(), cut.size(), bytes.data());
    return bytes;
}

std::optional<QCryptographicHash::Algorithm> hashNamed(const QString& name)
{
    const QString upper = name.toUpper().remove(QLatin1Char('-'));
    if (upper == QLatin1String("SHA512"))
        return QCryptographicHash::Sha512;
    if (upper == QLatin1String("SHA384"))
        return QCryptographicHash::Sha384;
    if (upper == QLatin1String("SHA256"))
        return QCryptographicHash::Sha256;
    if (upper == QLatin1String("SHA1"))
        return QCryptographicHash::Sha1;
    if (upper == QLatin1String("MD5"))
        return QCryptographicHash::Md5;
    return std::nullopt;
}

// H0 = H(salt + password); Hn = H(iterator + Hn-1), as both methods begin.
QByteArray iteratedHash(QCryptographicHash::Algorithm algorithm, const QByteArray& salt,
                        const QString& password, qint64 spinCount)
{
    QCryptographicHash hash(algorithm);
    hash.addData(salt);
    hash.addData(utf16le(password));
    QByteArray value = hash.result();
    QByteArray iterator(4, Qt::Uninitialized);
    for (qint64 i = 0; i < spinCount; ++i) {
        qToLittleEndian(quint32(i), iterator.data());
        hash.reset();
        hash.addData(iterator);
        hash.addData(value);
        value = hash.result();
    }
    return value;
}

// Cut to `size` bytes, or filled up with 0x36 to it ([MS-OFFCRYPTO] 2.3.4.11 and .12).
QByteArray fitted(QByteArray bytes, qsizetype size)
{
    if (bytes.size() < size)
        bytes.append(QByteArray(size - bytes.size(), '\x36'));
    return bytes.left(size);
}

// ---- Agile encryption ([MS-OFFCRYPTO] 2.3.4.10) ---------------------------------------------------

struct AgileParameters
{
    QByteArray salt;
    int blockSize = 0;
    int keyBits = 0;
    int hashSize = 0;
    QString cipher;
    QString chaining;
    QString hashAlgorithm;
};

struct AgileInfo
{
    AgileParameters keyData;
    AgileParameters passwordKey;
    qint64 spinCount = -1;
    QByteArray encryptedVerifierHashInput;
    QByteArray encryptedVerifierHashValue;
    QByteArray encryptedKeyValue;
    bool hasPasswordKey = false;
};

AgileParameters parametersOf(const QXmlStreamAttributes& attributes)
{
    AgileParameters p;
    p.salt = QByteArray::fromBase64(attributes.value(QLatin1String("saltValue")).toLatin1());
    p.blockSize = attributes.value(QLatin1String("blockSize")).toInt();
    p.keyBits = attributes.value(QLatin1String("keyBits")).toInt();
    p.hashSize = attributes.value(QLatin1String("hashSize")).toInt();
    p.cipher = attributes.value(QLatin1String("cipherAlgorithm")).toString();
    p.chaining = attributes.value(QLatin1String("cipherChaining")).toString();
    p.hashAlgorithm = attributes.value(QLatin1String("hashAlgorithm")).toString();
    return p;
}

bool readAgileInfo(const QByteArray& xml, AgileInfo* info)
{
    QXmlStreamReader reader(xml);
    bool hasKeyData = false;
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QXmlStreamAttributes attributes = reader.attributes();
        if (reader.name() == QLatin1String("keyData")) {
            info->keyData = parametersOf(attributes);
            hasKeyData = true;
        } else if (reader.name() == QLatin1String("encryptedKey") &&
                   reader.namespaceUri().endsWith(QLatin1String("keyEncryptor/password"))) {
            info->passwordKey = parametersOf(attributes);
            info->spinCount = attributes.value(QLatin1String("spinCount")).toLongLong();
            info->encryptedVerifierHashInput = QByteArray::fromBase64(
                attributes.value(QLatin1String("encryptedVerifierHashInput")).toLatin1());
            info->encryptedVerifierHashValue = QByteArray::fromBase64(
                attributes.value(QLatin1String("encryptedVerifierHashValue")).toLatin1());
            info->encryptedKeyValue =
                QByteArray::fromBase64(attributes.value(QLatin1String("encryptedKeyValue")).toLatin1());
            info->hasPasswordKey = true;
        }
    }
    return hasKeyData && !reader.hasError();
}

bool isAesCbc(const AgileParameters& p)
{
    return p.cipher.compare(QLatin1String("AES"), Qt::CaseInsensitive) == 0 &&
           p.chaining.compare(QLatin1String("ChainingModeCBC"), Qt::CaseInsensitive) == 0 &&
           p.blockSize == AesBlocks::kBlockSize &&
           (p.keyBits == 128 || p.keyBits == 192 || p.keyBits == 256) &&
           hashNamed(p.hashAlgorithm).has_value();
}

OoxmlDecryption::Outcome decryptAgile(const QByteArray& xml, const QByteArray& encryptedPackage,
                                      const QString& password, QByteArray* package)
{
    using Outcome = OoxmlDecryption::Outcome;
    AgileInfo info;
    if (!readAgileInfo(xml, &info))
        return Outcome::Damaged;
    // A workbook encrypted for certificates only has no password key encryptor.
    if (!info.hasPasswordKey || !isAesCbc(info.keyData) || !isAesCbc(info.passwordKey))
        return Outcome::UnknownMethod;
    const AgileParameters& key = info.passwordKey;
    if (info.spinCount < 0 || info.spinCount > kMaxSpinCount || key.salt.size() != key.blockSize)
        return Outcome::Damaged;
    const QCryptographicHash::Algorithm keyHash = *hashNamed(key.hashAlgorithm);
    const QByteArray hashed = iteratedHash(keyHash, key.salt, password, info.spinCount);
    auto keyFor = [&](const QByteArray& blockKey) {
        return fitted(QCryptographicHash::hash(QByteArray(hashed + blockKey), keyHash), key.keyBits / 8);
    };
    const QByteArray verifierInput =
        AesBlocks::decryptCbc(keyFor(kVerifierInputBlock), key.salt, info.encryptedVerifierHashInput);
    const QByteArray verifierHash =
        AesBlocks::decryptCbc(keyFor(kVerifierValueBlock), key.salt, info.encryptedVerifierHashValue);
    const QByteArray secret = AesBlocks::decryptCbc(keyFor(kKeyValueBlock), key.salt, info.encryptedKeyValue);
    if (verifierInput.size() < key.salt.size() || verifierHash.size() < key.hashSize || key.hashSize <= 0 ||
        secret.size() < info.keyData.keyBits / 8)
        return Outcome::Damaged;
    const QByteArray expected = QCryptographicHash::hash(verifierInput.left(key.salt.size()), keyHash);
    if (expected.left(key.hashSize) != verifierHash.left(key.hashSize))
        return Outcome::WrongPassword;

    if (encryptedPackage.size() < 8)
        return Outcome::Damaged;
    const quint64 size = qFromLittleEndian<quint64>(encryptedPackage.constData());
    const QByteArray body = encryptedPackage.mid(8);
    if (size > quint64(body.size()))
        return Outcome::Damaged;
    const QByteArray packageKey = secret.left(info.keyData.keyBits / 8);
    const QCryptographicHash::Algorithm ivHash = *hashNamed(info.keyData.hashAlgorithm);
    QByteArray plain;
    plain.reserve(body.size());
    for (qsizetype offset = 0, segment = 0; offset < qsizetype(size); offset += kSegmentSize, ++segment) {
        QByteArray chunk = body.mid(offset, kSegmentSize);
        // The last segment is padded to whole blocks; a writer that left the padding out is read too.
        chunk.truncate(chunk.size() - chunk.size() % AesBlocks::kBlockSize);
        const QByteArray iv =
            fitted(QCryptographicHash::hash(QByteArray(info.keyData.salt + littleEndian32(quint32(segment))),
                                            ivHash),
                   info.keyData.blockSize);
        const QByteArray decrypted = AesBlocks::decryptCbc(packageKey, iv, chunk);
        if (decrypted.isNull())
            return Outcome::Damaged;
        plain += decrypted;
    }
    if (quint64(plain.size()) < size)
        return Outcome::Damaged;
    plain.truncate(qsizetype(size));
    *package = plain;
    return Outcome::Decrypted;
}

// ---- Standard encryption ([MS-OFFCRYPTO] 2.3.4.5–2.3.4.9) -----------------------------------------

OoxmlDecryption::Outcome decryptStandard(const QByteArray& info, const QByteArray& encryptedPackage,
                                         const QString& password, QByteArray* package)
{
    using Outcome = OoxmlDecryption::Outcome;
    // Version (4 bytes), flags, header size, then the header and the verifier.
    if (info.size() < 12)
        return Outcome::Damaged;
    const char* data = info.constData();
    const quint32 flags = qFromLittleEndian<quint32>(data + 4);
    const quint32 headerSize = qFromLittleEndian<quint32>(data + 8);
    if (flags & kFlagExternal)
        return Outcome::UnknownMethod;
    if (headerSize < 32 || quint64(headerSize) + 12 > quint64(info.size()))
        return Outcome::Damaged;
    const char* header = data + 12;
    const quint32 algorithm = qFromLittleEndian<quint32>(header + 8);
    const quint32 hashAlgorithm = qFromLittleEndian<quint32>(header + 12);
    const quint32 keyBits = qFromLittleEndian<quint32>(header + 16);
    // Office 2007's .xlsx is always AES; RC4 here is a writer this reader does not know.
    if (!(flags & kFlagAes) ||
        (algorithm != kAlgAes128 && algorithm != kAlgAes192 && algorithm != kAlgAes256) ||
        (hashAlgorithm != 0 && hashAlgorithm != kAlgSha1) ||
        (keyBits != 128 && keyBits != 192 && keyBits != 256))
        return Outcome::UnknownMethod;
    // EncryptionVerifier: salt size, salt, verifier, verifier hash size, encrypted verifier hash.
    const qsizetype verifierAt = 12 + qsizetype(headerSize);
    if (info.size() < verifierAt + 4 + 16 + 16 + 4 + 32)
        return Outcome::Damaged;
    if (qFromLittleEndian<quint32>(data + verifierAt) != 16)
        return Outcome::Damaged;
    const QByteArray salt = info.mid(verifierAt + 4, 16);
    const QByteArray encryptedVerifier = info.mid(verifierAt + 20, 16);
    const quint32 verifierHashSize = qFromLittleEndian<quint32>(data + verifierAt + 36);
    const QByteArray encryptedVerifierHash = info.mid(verifierAt + 40, 32);
    if (verifierHashSize != 20)
        return Outcome::Damaged;

    const QByteArray hashed = iteratedHash(QCryptographicHash::Sha1, salt, password, kStandardSpinCount);
    const QByteArray final =
        QCryptographicHash::hash(QByteArray(hashed + littleEndian32(0)), QCryptographicHash::Sha1);
    auto padded = [&final](char fill) {
        QByteArray buffer(64, fill);
        for (qsizetype i = 0; i < final.size(); ++i)
            buffer[i] = char(buffer.at(i) ^ final.at(i));
        return QCryptographicHash::hash(buffer, QCryptographicHash::Sha1);
    };
    const QByteArray key = QByteArray(padded('\x36') + padded('\x5c')).left(keyBits / 8);
    const QByteArray verifier = AesBlocks::decryptEcb(key, encryptedVerifier);
    const QByteArray verifierHash = AesBlocks::decryptEcb(key, encryptedVerifierHash);
    if (verifier.isEmpty() || verifierHash.isEmpty())
        return Outcome::Damaged;
    if (QCryptographicHash::hash(verifier, QCryptographicHash::Sha1) != verifierHash.left(20))
        return Outcome::WrongPassword;

    if (encryptedPackage.size() < 8)
        return Outcome::Damaged;
    const quint64 size = qFromLittleEndian<quint64>(encryptedPackage.constData());
    QByteArray body = encryptedPackage.mid(8);
    body.truncate(body.size() - body.size() % AesBlocks::kBlockSize);
    if (size > quint64(body.size()))
        return Outcome::Damaged;
    QByteArray plain = AesBlocks::decryptEcb(key, body);
    if (plain.isNull())
        return Outcome::Damaged;
    plain.truncate(qsizetype(size));
    *package = plain;
    return Outcome::Decrypted;
}

} // namespace

OoxmlDecryption::Outcome OoxmlDecryption::decrypt(const QByteArray& encryptionInfo,
                                                  const QByteArray& encryptedPackage, const QString& password,
                                                  QByteArray* package)
{
    if (encryptionInfo.size() < 8)
        return Outcome::Damaged;
    const quint16 major = qFromLittleEndian<quint16>(encryptionInfo.constData());
    const quint16 minor = qFromLittleEndian<quint16>(encryptionInfo.constData() + 2);
    if (major == kAgileMajor && minor == kAgileMinor)
        return decryptAgile(encryptionInfo.mid(8), encryptedPackage, password, package);
    if ((major == 2 || major == 3 || major == 4) && minor == kStandardMinor)
        return decryptStandard(encryptionInfo, encryptedPackage, password, package);
    // 3.3 and 4.3: extensible encryption.
    return Outcome::UnknownMethod;
}

} // namespace ud
