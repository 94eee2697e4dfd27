#pragma once

#include <QByteArrayView>

#include <array>

namespace ud {

// The RC4 stream cipher, as Office 97–2003 encrypts a legacy workbook with it (BiffDecryption). It is
// long broken as a cipher; it is here only to read workbooks Excel encrypted with a password everyone
// knows, not to protect anything.
class Rc4
{
public:
    explicit Rc4(QByteArrayView key);
    // XORs the next `size` bytes of the key stream into `data`.
    void apply(char* data, qsizetype size);
    // Moves the key stream on by `count` bytes.
    void skip(qsizetype count);

private:
    quint8 next();

    std::array<quint8, 256> m_state{};
    quint8 m_i = 0;
    quint8 m_j = 0;
};

} // namespace ud
