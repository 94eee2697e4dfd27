#pragma once

#include <QList>
#include <QRectF>
#include <QString>

class QPainter;

namespace ud {

// A QR code symbol made by libqrencode: the text encoded as 8-bit data (UTF-8) at error correction
// level M, the smallest version that holds it. Kept as a plain module matrix so it can be painted
// at any size, into a PDF as well as on screen.
class QrCode
{
public:
    // The white border every reader needs around the symbol, in modules (the standard's minimum).
    static constexpr int QuietZone = 4;

    // A null code when the text is empty or too long for any QR version.
    static QrCode encode(const QString& text);

    bool isNull() const { return m_size == 0; }
    QString text() const { return m_text; }
    // Modules per side, without the quiet zone (21 for version 1, 4 more per version).
    int size() const { return m_size; }
    bool isDark(int x, int y) const;

    // Paints the symbol with its quiet zone as the largest square centred in `target`: a white
    // square, then the dark modules as one filled path so no hairline seams show between them.
    void paint(QPainter& painter, const QRectF& target) const;

private:
    QString m_text;
    int m_size = 0;
    QList<bool> m_dark; // row by row, m_size * m_size
};

} // namespace ud
