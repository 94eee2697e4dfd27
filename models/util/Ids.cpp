#include "util/Ids.h"

#include <QUuid>

namespace ud {

QString newRecordId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace ud
