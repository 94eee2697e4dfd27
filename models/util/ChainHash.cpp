#include "util/ChainHash.h"

#include <QCryptographicHash>

namespace ud {

QString chainHash(const QStringList& fields)
{
    QByteArray canonical;
    for (const QString& field : fields) {
        const QByteArray utf8 = field.toUtf8();
        canonical += QByteArray::number(utf8.size()) + ':' + utf8;
    }
    return QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}

} // namespace ud
