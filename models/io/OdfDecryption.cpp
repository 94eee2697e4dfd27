#include "io/OdfDecryption.h"

#include "io/AesBlocks.h"

#include <QCryptographicHash>
#include <QXmlStreamReader>

#include <openssl/evp.h>
#include <zlib.h>

namespace ud {

namespace {

const QString kManifestNamespace = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
// More PBKDF2 rounds than any writer uses: a file built to keep the program busy.
constexpr int kMaxIterations = 10'000'000;

QByteArray base64(const QXmlStreamAttributes& attributes, const QString& name)
{
    return QByteArray::fromBase64(attributes.value(kManifestNamespace, name).toLatin1());
}

// A raw deflate stream (no zlib header), as zip entries and ODF's encrypted parts hold.
bool inflateRaw(const QByteArray& compressed, qint64 expectedSize, QByteArray* out)
{
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
        return false;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.constData()));
    stream.avail_in = uInt(compressed.size());
    QByteArray result;
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
        stream.avail_out = uInt(buffer.size());
        status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END)
            break;
        result.append(buffer.constData(), buffer.size() - qsizetype(stream.avail_out));
        // Far more than the manifest said: not this part.
        if (expectedSize >= 0 && result.size() > expectedSize)
            break;
        if (status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0)
            break;
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END || (expectedSize >= 0 && result.size() != expectedSize))
        return false;
    *out = result;
    return true;
}

} // namespace

OdfDecryption::OdfDecryption(const QByteArray& manifest)
{
    QXmlStreamReader reader(manifest);
    QString path;
    Part part;
    bool encrypted = false;
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::EndElement && reader.name() == QLatin1String("file-entry")) {
            if (encrypted)
                m_parts.insert(path, part);
            encrypted = false;
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QXmlStreamAttributes a = reader.attributes();
        const auto name = reader.name();
        if (name == QLatin1String("file-entry")) {
            path = a.value(kManifestNamespace, QStringLiteral("full-path")).toString();
            part = Part();
            encrypted = false;
            bool ok = false;
            const qint64 size = a.value(kManifestNamespace, QStringLiteral("size")).toLongLong(&ok);
            part.size = ok ? size : -1;
            // LibreOffice 24.2's whole-package encryption: one encrypted part holding the rest.
            if (path == QLatin1String("encrypted-package"))
                m_unknownMethod = true;
        } else if (name == QLatin1String("encryption-data")) {
            encrypted = true;
            part.checksumType = a.value(kManifestNamespace, QStringLiteral("checksum-type")).toString();
            part.checksum = base64(a, QStringLiteral("checksum"));
        } else if (name == QLatin1String("algorithm")) {
            part.algorithm = a.value(kManifestNamespace, QStringLiteral("algorithm-name")).toString();
            part.iv = base64(a, QStringLiteral("initialisation-vector"));
        } else if (name == QLatin1String("start-key-generation")) {
            part.startKey =
                a.value(kManifestNamespace, QStringLiteral("start-key-generation-name")).toString();
        } else if (name == QLatin1String("key-derivation")) {
            part.derivation = a.value(kManifestNamespace, QStringLiteral("key-derivation-name")).toString();
            part.keySize = a.value(kManifestNamespace, QStringLiteral("key-size")).toInt();
            part.iterations = a.value(kManifestNamespace, QStringLiteral("iteration-count")).toInt();
            part.salt = base64(a, QStringLiteral("salt"));
        }
    }
}

OdfDecryption::Outcome OdfDecryption::decrypt(const QString& partName, const QByteArray& stored,
                                              const QString& password, QByteArray* plain) const
{
    const auto found = m_parts.constFind(partName);
    if (found == m_parts.constEnd())
        return Outcome::Damaged;
    const Part& part = *found;
    if (!part.algorithm.endsWith(QLatin1String("aes256-cbc")) || part.derivation != QLatin1String("PBKDF2"))
        return Outcome::UnknownMethod;
    if (part.keySize != 32 || part.iv.size() != AesBlocks::kBlockSize || part.iterations <= 0 ||
        part.iterations > kMaxIterations || part.salt.isEmpty())
        return Outcome::Damaged;
    // The start key: the password's hash (UTF-8), SHA-1 when the manifest names none.
    const QByteArray utf8 = password.toUtf8();
    const QByteArray startKey = part.startKey.contains(QLatin1String("sha256"), Qt::CaseInsensitive)
                                    ? QCryptographicHash::hash(utf8, QCryptographicHash::Sha256)
                                    : QCryptographicHash::hash(utf8, QCryptographicHash::Sha1);
    QByteArray key(part.keySize, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC_SHA1(startKey.constData(), int(startKey.size()),
                               reinterpret_cast<const unsigned char*>(part.salt.constData()),
                               int(part.salt.size()), part.iterations, int(key.size()),
                               reinterpret_cast<unsigned char*>(key.data())) != 1)
        return Outcome::Damaged;
    if (stored.isEmpty() || stored.size() % AesBlocks::kBlockSize != 0)
        return Outcome::Damaged;
    const QByteArray decrypted = AesBlocks::decryptCbc(key, part.iv, stored);
    if (decrypted.isEmpty())
        return Outcome::Damaged;
    // W3C XML Encryption padding: the last byte says how many bytes were added.
    const int padding = quint8(decrypted.back());
    const bool padded = padding >= 1 && padding <= AesBlocks::kBlockSize;
    const QByteArray compressed = padded ? decrypted.left(decrypted.size() - padding) : decrypted;

    // The checksum of the first kilobyte says whether the password was right. Writers differ on
    // whether the padding counts; either is taken.
    if (!part.checksum.isEmpty()) {
        const QCryptographicHash::Algorithm hash =
            part.checksumType.contains(QLatin1String("sha256"), Qt::CaseInsensitive)
                ? QCryptographicHash::Sha256
                : QCryptographicHash::Sha1;
        if (QCryptographicHash::hash(compressed.left(1024), hash) != part.checksum &&
            QCryptographicHash::hash(decrypted.left(1024), hash) != part.checksum)
            return Outcome::WrongPassword;
    }
    if (!padded)
        return part.checksum.isEmpty() ? Outcome::WrongPassword : Outcome::Damaged;
    if (!inflateRaw(compressed, part.size, plain))
        return part.checksum.isEmpty() ? Outcome::WrongPassword : Outcome::Damaged;
    return Outcome::Decrypted;
}

} // namespace ud
