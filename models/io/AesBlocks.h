#pragma once

#include <QByteArray>

namespace ud {

// AES over whole blocks, without padding, through OpenSSL's libcrypto: what Office's encryption of an
// .xlsx ([MS-OFFCRYPTO]) uses, in CBC mode (agile encryption, Office 2010 and later, WPS) and in ECB
// mode (standard encryption, Office 2007). The key's length (16, 24 or 32 bytes) picks AES-128, -192
// or -256. Every function returns an empty array for a key of another length, data that is not a
// whole number of 16-byte blocks, or an IV of another size than 16 bytes.
class AesBlocks
{
public:
    static constexpr int kBlockSize = 16;

    static QByteArray decryptCbc(const QByteArray& key, const QByteArray& iv, const QByteArray& data);
    static QByteArray decryptEcb(const QByteArray& key, const QByteArray& data);
    // The other direction, for the tests that encrypt a workbook as Office does.
    static QByteArray encryptCbc(const QByteArray& key, const QByteArray& iv, const QByteArray& data);
    static QByteArray encryptEcb(const QByteArray& key, const QByteArray& data);
};

} // namespace ud
