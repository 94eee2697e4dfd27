#include "io/Rc4.h"

#include <utility>

namespace ud {

Rc4::Rc4(QByteArrayView key)
{
    for (int i = 0; i < 256; ++i)
        m_state[static_cast<size_t>(i)] = static_cast<quint8>(i);
    if (key.isEmpty())
        return;
    quint8 j = 0;
    for (int i = 0; i < 256; ++i) {
        const auto index = static_cast<size_t>(i);
        j = static_cast<quint8>(j + m_state[index] + static_cast<quint8>(key[i % key.size()]));
        std::swap(m_state[index], m_state[j]);
    }
}

quint8 Rc4::next()
{
    m_i = static_cast<quint8>(m_i + 1);
    m_j = static_cast<quint8>(m_j + m_state[m_i]);
    std::swap(m_state[m_i], m_state[m_j]);
    return m_state[static_cast<quint8>(m_state[m_i] + m_state[m_j])];
}

void Rc4::apply(char* data, qsizetype size)
{
    for (qsizetype k = 0; k < size; ++k)
        data[k] = static_cast<char>(static_cast<quint8>(data[k]) ^ next());
}

void Rc4::skip(qsizetype count)
{
    for (qsizetype k = 0; k < count; ++k)
        next();
}

} // namespace ud
