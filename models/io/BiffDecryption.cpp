#include "io/BiffDecryption.h"

#include "io/BiffStreamMends.h"
#include "io/Rc4.h"

#include <QCryptographicHash>
#include <QList>
#include <QtEndian>

#include <algorithm>
#include <optional>

namespace ud {

namespace {

constexpr quint16 kBof = 0x0809;
constexpr quint16 kEof = 0x000A;
constexpr quint16 kFilePass = 0x002F;
constexpr quint16 kBoundSheet = 0x0085;
// Where FILEPASS stood: FreeXL refuses a stream holding FILEPASS.
constexpr quint16 kSkippedRecord = BiffStreamMends::kSkippedRecord;
// Records [MS-XLS] 2.2.10 leaves unencrypted in an encrypted stream.
constexpr quint16 kPlainRecords[] = {kBof,
                                     kFilePass,
                                     0x0194 /* UsrExcl */,
                                     0x0195 /* FileLock */,
                                     0x00E1 /* InterfaceHdr */,
                                     0x0196 /* RRDInfo */,
                                     0x0138 /* RRDHead */};
// BOUNDSHEET's first field, the sheet's stream position, is left plain too.
constexpr qsizetype kBoundSheetPlainBytes = 4;
// The cipher starts afresh with a key of its own every 1024 bytes of the stream.
constexpr qsizetype kBlockSize = 1024;
constexpr quint16 kRc4 = 1;
constexpr int kSaltSize = 16;
constexpr int kVerifierSize = 16;
constexpr quint32 kAlgRc4 = 0x6801;

quint16 le16(const char* p)
{
    return qFromLittleEndian<quint16>(p);
}

quint32 le32(const char* p)
{
    return qFromLittleEndian<quint32>(p);
}

QByteArray littleEndian32(quint32 value)
{
    QByteArray bytes(4, Qt::Uninitialized);
    qToLittleEndian(value, bytes.data());
    return bytes;
}

QByteArray utf16le(const QString& password)
{
    QByteArray bytes;
    bytes.reserve(password.size() * 2);
    for (const QChar c : password) {
        bytes.append(static_cast<char>(c.unicode() & 0xFF));
        bytes.append(static_cast<char>(c.unicode() >> 8));
    }
    return bytes;
}

QByteArray hash(QCryptographicHash::Algorithm algorithm, const QByteArray& data)
{
    return QCryptographicHash::hash(data, algorithm);
}

// How the key of each 1024-byte block is made, read from the FILEPASS record.
struct KeySchedule
{
    QCryptographicHash::Algorithm algorithm = QCryptographicHash::Md5;
    QByteArray base;   // hashed with the block number for each block's key
    int keyBytes = 16; // of that hash
    bool padKey = false;

    QByteArray blockKey(quint32 block) const
    {
        QByteArray key = hash(algorithm, base + littleEndian32(block)).left(keyBytes);
        if (padKey)
            key.append(QByteArray(16 - key.size(), '\0'));
        return key;
    }
};

// Whether the verifier the record holds decrypts to a hash of itself: the password is right.
bool verifies(const KeySchedule& schedule, QByteArray verifier, QByteArray verifierHash)
{
    Rc4 cipher(schedule.blockKey(0));
    cipher.apply(verifier.data(), verifier.size());
    cipher.apply(verifierHash.data(), verifierHash.size());
    return hash(schedule.algorithm, verifier).left(verifierHash.size()) == verifierHash;
}

// Office 97's RC4 ([MS-OFFCRYPTO] 2.3.6): FILEPASS holds the salt, the verifier and its MD5.
std::optional<KeySchedule> standardSchedule(const char* data, int size, const QString& password,
                                            bool* wrongPassword)
{
    constexpr int kNeeded = 6 + kSaltSize + kVerifierSize + 16;
    if (size < kNeeded)
        return std::nullopt;
    const QByteArray salt(data + 6, kSaltSize);
    const QByteArray truncated = hash(QCryptographicHash::Md5, utf16le(password)).left(5);
    QByteArray intermediate;
    for (int i = 0; i < 16; ++i)
        intermediate += truncated + salt;
    KeySchedule schedule;
    schedule.base = hash(QCryptographicHash::Md5, intermediate).left(5);
    if (!verifies(schedule, QByteArray(data + 6 + kSaltSize, kVerifierSize),
                  QByteArray(data + 6 + kSaltSize + kVerifierSize, 16))) {
        *wrongPassword = true;
        return std::nullopt;
    }
    return schedule;
}

// Office 2003's and later RC4 through CryptoAPI ([MS-OFFCRYPTO] 2.3.5): an encryption header naming
// the key size, then the salt, the verifier and its SHA-1.
std::optional<KeySchedule> cryptoApiSchedule(const char* data, int size, const QString& password,
                                             bool* wrongPassword)
{
    constexpr int kHeaderStart = 14;
    if (size < kHeaderStart)
        return std::nullopt;
    const quint32 headerSize = le32(data + 10);
    if (headerSize < 32 || headerSize > static_cast<quint32>(size - kHeaderStart))
        return std::nullopt;
    const char* header = data + kHeaderStart;
    if (le32(header + 8) != kAlgRc4)
        return std::nullopt;
    quint32 keyBits = le32(header + 16);
    if (keyBits == 0)
        keyBits = 40;
    if (keyBits < 40 || keyBits > 128 || keyBits % 8 != 0)
        return std::nullopt;
    const qsizetype verifierAt = kHeaderStart + static_cast<qsizetype>(headerSize);
    if (size < verifierAt + 4 + kSaltSize + kVerifierSize + 4)
        return std::nullopt;
    const char* verifier = data + verifierAt;
    if (le32(verifier) != kSaltSize)
        return std::nullopt;
    const quint32 hashSize = le32(verifier + 4 + kSaltSize + kVerifierSize);
    if (hashSize != 20 || size < verifierAt + 4 + kSaltSize + kVerifierSize + 4 + 20)
        return std::nullopt;
    const QByteArray salt(verifier + 4, kSaltSize);
    const QByteArray encryptedVerifier(verifier + 4 + kSaltSize, kVerifierSize);
    const QByteArray encryptedHash(verifier + 4 + kSaltSize + kVerifierSize + 4, 20);

    KeySchedule schedule;
    schedule.algorithm = QCryptographicHash::Sha1;
    schedule.base = hash(QCryptographicHash::Sha1, salt + utf16le(password));
    schedule.keyBytes = static_cast<int>(keyBits / 8);
    // Office pads a 40-bit key with zeros to 128 bits; some writers do not: the verifier tells.
    for (const bool pad : {keyBits == 40, false}) {
        schedule.padKey = pad;
        if (verifies(schedule, encryptedVerifier, encryptedHash))
            return schedule;
    }
    *wrongPassword = true;
    return std::nullopt;
}

// The key stream at any place of the stream, for places that only move forward.
class StreamCipher
{
public:
    explicit StreamCipher(KeySchedule schedule)
        : m_schedule(std::move(schedule))
    {
    }

    void decrypt(char* stream, qsizetype from, qsizetype to)
    {
        while (from < to) {
            const qsizetype block = from / kBlockSize;
            if (!m_cipher || block != m_block) {
                m_cipher.emplace(m_schedule.blockKey(static_cast<quint32>(block)));
                m_block = block;
                m_position = block * kBlockSize;
            }
            m_cipher->skip(from - m_position);
            const qsizetype end = std::min(to, (block + 1) * kBlockSize);
            m_cipher->apply(stream + from, end - from);
            m_position = end;
            from = end;
        }
    }

private:
    KeySchedule m_schedule;
    std::optional<Rc4> m_cipher;
    qsizetype m_block = -1;
    qsizetype m_position = 0;
};

struct RecordPlace
{
    qsizetype at = 0; // of the header
    quint16 type = 0;
    int size = 0;
};

// Every whole record from the start of the stream; a record running past its end ends the list.
QList<RecordPlace> records(const QByteArray& stream)
{
    QList<RecordPlace> places;
    qsizetype pos = 0;
    while (pos + 4 <= stream.size()) {
        const RecordPlace place{pos, le16(stream.constData() + pos), le16(stream.constData() + pos + 2)};
        if (pos + 4 + place.size > stream.size())
            break;
        places.append(place);
        pos += 4 + place.size;
    }
    return places;
}

} // namespace

QString BiffDecryption::builtInPassword()
{
    return QStringLiteral("VelvetSweatshop");
}

BiffDecryption::Outcome BiffDecryption::decrypt(QByteArray* stream, const QString& password)
{
    const QList<RecordPlace> places = records(*stream);
    if (places.isEmpty() || places.first().type != kBof)
        return Outcome::Plain;
    qsizetype filePass = -1;
    for (qsizetype i = 1; i < places.size() && places.at(i).type != kEof; ++i) {
        if (places.at(i).type == kFilePass) {
            filePass = i;
            break;
        }
    }
    if (filePass < 0)
        return Outcome::Plain;

    const RecordPlace& record = places.at(filePass);
    const char* data = stream->constData() + record.at + 4;
    if (record.size < 6 || le16(data) != kRc4)
        return Outcome::UnknownMethod;
    const quint16 major = le16(data + 2);
    const quint16 minor = le16(data + 4);
    bool wrongPassword = false;
    std::optional<KeySchedule> schedule;
    if (major == 1 && minor == 1)
        schedule = standardSchedule(data, record.size, password, &wrongPassword);
    else if (major >= 2 && major <= 4 && minor == 2)
        schedule = cryptoApiSchedule(data, record.size, password, &wrongPassword);
    if (!schedule)
        return wrongPassword ? Outcome::WrongPassword : Outcome::UnknownMethod;

    StreamCipher cipher(*schedule);
    char* bytes = stream->data();
    for (qsizetype i = filePass + 1; i < places.size(); ++i) {
        const RecordPlace& place = places.at(i);
        if (std::find(std::begin(kPlainRecords), std::end(kPlainRecords), place.type) !=
            std::end(kPlainRecords))
            continue;
        qsizetype from = place.at + 4;
        if (place.type == kBoundSheet)
            from += std::min<qsizetype>(kBoundSheetPlainBytes, place.size);
        cipher.decrypt(bytes, from, place.at + 4 + place.size);
    }
    qToLittleEndian(kSkippedRecord, bytes + record.at);
    return Outcome::Decrypted;
}

} // namespace ud
