#pragma once

#include <QString>

namespace ud {

// Records get their UUID where they are created, so rows made offline on two PCs never collide.
QString newRecordId();

} // namespace ud
