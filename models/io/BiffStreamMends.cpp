#include "io/BiffStreamMends.h"

#include <QtEndian>

namespace ud {

namespace {

constexpr quint16 kLabel = 0x0204;
constexpr int kLabelFixedSize = 6; // row, column, cell format; then the string's length
constexpr int kStringLengthSize = 2;

} // namespace

int BiffStreamMends::mend(QByteArray* stream)
{
    int mended = 0;
    qsizetype pos = 0;
    char* bytes = nullptr;
    while (pos + 4 <= stream->size()) {
        const char* header = stream->constData() + pos;
        const auto type = qFromLittleEndian<quint16>(header);
        const auto size = qFromLittleEndian<quint16>(header + 2);
        if (pos + 4 + size > stream->size())
            break;
        if (type == kLabel && size >= kLabelFixedSize + kStringLengthSize &&
            qFromLittleEndian<quint16>(header + 4 + kLabelFixedSize) == 0) {
            if (!bytes)
                bytes = stream->data();
            qToLittleEndian(kSkippedRecord, bytes + pos);
            ++mended;
        }
        pos += 4 + size;
    }
    return mended;
}

} // namespace ud
