#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>
#include <QStringView>

namespace ud {

// Writes one flat JSON object straight as compact UTF-8, for the outbox rows an import writes by
// the hundred thousand: building a QJsonObject and serialising it cost several times more than
// writing the row. Keys are plain ASCII names given by the caller; text is escaped as JSON needs
// (quotes, backslashes, control characters; an unpaired surrogate as \uXXXX, as QJsonDocument
// writes it), so the object reads back equal to the one QJsonObject would have written.
class JsonObjectWriter
{
public:
    void add(QLatin1StringView key, QStringView text);
    void add(QLatin1StringView key, bool value);
    void addNull(QLatin1StringView key);
    // `json` is already a JSON value (such as "{}").
    void addRaw(QLatin1StringView key, QByteArrayView json);
    // The object so far, closed; the writer starts again empty.
    QByteArray take();

private:
    void key(QLatin1StringView key);
    void text(QStringView text);

    QByteArray m_out;
};

} // namespace ud
