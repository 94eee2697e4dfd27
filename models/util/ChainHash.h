#pragma once

#include <QStringList>

namespace ud {

// The SHA-256 (hex) of an audit entry's fields, each prefixed by its length so that no choice of
// text can make two different entries hash alike. The client's and the server's hash-chained audit
// logs both use it.
QString chainHash(const QStringList& fields);

} // namespace ud
