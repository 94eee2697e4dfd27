#include "print/QrCode.h"

#include <QPainter>
#include <QPainterPath>
#include <qrencode.h>

#include <memory>

namespace ud {

QrCode QrCode::encode(const QString& text)
{
    QrCode code;
    const QByteArray data = text.toUtf8();
    if (data.isEmpty())
        return code;
    // Version 0 lets libqrencode choose the smallest version that holds the data.
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> symbol(
        QRcode_encodeData(int(data.size()), reinterpret_cast<const unsigned char*>(data.constData()), 0,
                          QR_ECLEVEL_M),
        &QRcode_free);
    if (!symbol)
        return code;
    code.m_text = text;
    code.m_size = symbol->width;
    code.m_dark.resize(code.m_size * code.m_size);
    for (int i = 0; i < code.m_dark.size(); ++i)
        code.m_dark[i] = (symbol->data[i] & 1) != 0; // bit 0 is the module's colour; the rest say why
    return code;
}

bool QrCode::isDark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_size || y >= m_size)
        return false; // the quiet zone
    return m_dark.at(y * m_size + x);
}

void QrCode::paint(QPainter& painter, const QRectF& target) const
{
    if (isNull())
        return;
    const qreal side = qMin(target.width(), target.height());
    const int modules = m_size + 2 * QuietZone;
    const qreal module = side / modules;
    const QPointF origin(target.center().x() - side / 2, target.center().y() - side / 2);

    QPainterPath dark;
    dark.setFillRule(Qt::WindingFill);
    for (int y = 0; y < m_size; ++y) {
        int x = 0;
        while (x < m_size) {
            if (!isDark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < m_size && isDark(x, y))
                ++x;
            dark.addRect(QRectF(origin.x() + (QuietZone + start) * module,
                                origin.y() + (QuietZone + y) * module, (x - start) * module, module));
        }
    }

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    painter.fillRect(QRectF(origin, QSizeF(side, side)), Qt::white);
    painter.fillPath(dark, Qt::black);
    painter.restore();
}

} // namespace ud
