#include "ApiRequest.h"

namespace ud::server {

ApiRequest ApiRequest::copyOf(const QHttpServerRequest& request)
{
    ApiRequest copy;
    copy.method = request.method();
    copy.query = request.query();
    copy.headers = request.headers();
    copy.body = request.body();
    copy.remoteAddress = request.remoteAddress();
    return copy;
}

QByteArray ApiRequest::header(const QByteArray& name) const
{
    for (const auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QString ApiRequest::bearerToken() const
{
    const QByteArray value = header(QByteArrayLiteral("authorization")).trimmed();
    if (value.size() > 7 && value.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        return QString::fromLatin1(value.mid(7).trimmed());
    return {};
}

} // namespace ud::server
