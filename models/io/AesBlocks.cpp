#include "io/AesBlocks.h"

#include <memory>
#include <openssl/evp.h>

namespace ud {

namespace {

enum class Mode
{
    Cbc,
    Ecb
};

const EVP_CIPHER* cipherFor(Mode mode, qsizetype keySize)
{
    switch (keySize) {
    case 16:
        return mode == Mode::Cbc ? EVP_aes_128_cbc() : EVP_aes_128_ecb();
    case 24:
        return mode == Mode::Cbc ? EVP_aes_192_cbc() : EVP_aes_192_ecb();
    case 32:
        return mode == Mode::Cbc ? EVP_aes_256_cbc() : EVP_aes_256_ecb();
    default:
        return nullptr;
    }
}

QByteArray run(Mode mode, bool encrypt, const QByteArray& key, const QByteArray& iv, const QByteArray& data)
{
    const EVP_CIPHER* cipher = cipherFor(mode, key.size());
    if (!cipher || data.size() % AesBlocks::kBlockSize != 0 ||
        (mode == Mode::Cbc && iv.size() != AesBlocks::kBlockSize))
        return {};
    if (data.isEmpty())
        return QByteArray(0, Qt::Uninitialized);
    const std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> context(EVP_CIPHER_CTX_new(),
                                                                                  &EVP_CIPHER_CTX_free);
    const auto* keyBytes = reinterpret_cast<const unsigned char*>(key.constData());
    const auto* ivBytes =
        mode == Mode::Cbc ? reinterpret_cast<const unsigned char*>(iv.constData()) : nullptr;
    if (!context ||
        EVP_CipherInit_ex(context.get(), cipher, nullptr, keyBytes, ivBytes, encrypt ? 1 : 0) != 1)
        return {};
    // Office pads the data itself, to whole blocks; OpenSSL must neither add nor expect padding.
    EVP_CIPHER_CTX_set_padding(context.get(), 0);
    QByteArray out(data.size(), Qt::Uninitialized);
    auto* outBytes = reinterpret_cast<unsigned char*>(out.data());
    int written = 0;
    if (EVP_CipherUpdate(context.get(), outBytes, &written,
                         reinterpret_cast<const unsigned char*>(data.constData()), int(data.size())) != 1)
        return {};
    int last = 0;
    if (EVP_CipherFinal_ex(context.get(), outBytes + written, &last) != 1 || written + last != data.size())
        return {};
    return out;
}

} // namespace

QByteArray AesBlocks::decryptCbc(const QByteArray& key, const QByteArray& iv, const QByteArray& data)
{
    return run(Mode::Cbc, false, key, iv, data);
}

QByteArray AesBlocks::decryptEcb(const QByteArray& key, const QByteArray& data)
{
    return run(Mode::Ecb, false, key, {}, data);
}

QByteArray AesBlocks::encryptCbc(const QByteArray& key, const QByteArray& iv, const QByteArray& data)
{
    return run(Mode::Cbc, true, key, iv, data);
}

QByteArray AesBlocks::encryptEcb(const QByteArray& key, const QByteArray& data)
{
    return run(Mode::Ecb, true, key, {}, data);
}

} // namespace ud
