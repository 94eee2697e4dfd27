#include "util/Ids.h"

#include <QDateTime>
#include <QRandomGenerator64>

namespace ud {

namespace {

// QUuid::createUuid() asks the processor's random instruction for every id, which on this
// hardware cost more than SQLite's work for the row the id names (an import makes four per
// member). A generator per thread, seeded from the system's random source, is as unique: ids must
// not collide, not be secret (the server checks every write against the sender's scope).
QRandomGenerator64& generator()
{
    thread_local QRandomGenerator64 random = [] {
        quint32 seed[16];
        QRandomGenerator::system()->fillRange(seed);
        return QRandomGenerator64(seed, std::size(seed));
    }();
    return random;
}

QString uuidText(quint64 high, quint64 low)
{
    static const char16_t hex[] = u"0123456789abcdef";
    QString id(36, Qt::Uninitialized);
    char16_t* out = reinterpret_cast<char16_t*>(id.data());
    int at = 0;
    auto digits = [&](quint64 value, int count) {
        for (int shift = (count - 1) * 4; shift >= 0; shift -= 4)
            out[at++] = hex[(value >> shift) & 0xF];
    };
    digits(high >> 32, 8);
    out[at++] = u'-';
    digits(high >> 16, 4);
    out[at++] = u'-';
    digits(high, 4);
    out[at++] = u'-';
    digits(low >> 48, 4);
    out[at++] = u'-';
    digits(low, 12);
    return id;
}

quint64 withVariant(quint64 low)
{
    return (low & ~(quint64(0xC0) << 56)) | (quint64(0x80) << 56); // variant 10xx
}

} // namespace

QString newRecordId()
{
    // A version 4 (random) UUID in its usual text form: 8-4-4-4-12 lower-case hex digits.
    const quint64 high = (generator().generate64() & ~quint64(0xF000)) | 0x4000;
    return uuidText(high, withVariant(generator().generate64()));
}

QString newTimeOrderedId()
{
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    const quint64 high = (ms << 16) | 0x7000 | (generator().generate() & 0x0FFF);
    return uuidText(high, withVariant(generator().generate64()));
}

} // namespace ud
