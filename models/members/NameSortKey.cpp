#include "members/NameSortKey.h"

#include <memory>
#include <unicode/ucol.h>

namespace ud {

namespace {

struct CollatorCloser
{
    void operator()(UCollator* collator) const { ucol_close(collator); }
};

// A collator per thread: ICU collators are not safe to share between threads.
UCollator* collator()
{
    thread_local const std::unique_ptr<UCollator, CollatorCloser> instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        UCollator* c = ucol_open("zh", &status);
        return std::unique_ptr<UCollator, CollatorCloser>(U_SUCCESS(status) ? c : nullptr);
    }();
    return instance.get();
}

} // namespace

QByteArray NameSortKey::of(const QString& name)
{
    UCollator* c = collator();
    if (name.isEmpty())
        return QByteArray("", 0); // empty but not null: the column is NOT NULL
    if (!c)
        return name.toUtf8(); // no ICU data: code point order, still consistent
    static_assert(sizeof(UChar) == sizeof(QChar));
    const auto* text = reinterpret_cast<const UChar*>(name.utf16());
    const auto length = static_cast<int32_t>(name.size());
    QByteArray key(64, Qt::Uninitialized);
    int32_t needed = ucol_getSortKey(c, text, length, reinterpret_cast<uint8_t*>(key.data()),
                                     static_cast<int32_t>(key.size()));
    if (needed > key.size()) {
        key.resize(needed);
        needed = ucol_getSortKey(c, text, length, reinterpret_cast<uint8_t*>(key.data()), needed);
    }
    // The key ends in a zero byte that adds nothing to the order.
    key.resize(needed > 0 ? needed - 1 : 0);
    return key;
}

QString NameSortKey::collationVersion()
{
    UCollator* c = collator();
    if (!c)
        return QStringLiteral("codepoint");
    UVersionInfo version;
    ucol_getVersion(c, version);
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(version, text);
    return QStringLiteral("icu-zh-") + QString::fromLatin1(text);
}

} // namespace ud
