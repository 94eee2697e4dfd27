#include "print/LetterCanvas.h"

#include "print/QrCode.h"

#include <QPaintDevice>
#include <QPainter>
#include <QTextLayout>

namespace ud {

namespace {

constexpr qreal MillimetresPerPoint = 25.4 / 72;

} // namespace

LetterCanvas::LetterCanvas(QPainter& painter, const QRectF& page, LetterFont font)
    : m_painter(painter)
    , m_page(page)
    , m_font(std::move(font))
    , m_scale(page.width() / PageWidth)
    , m_deviceDpi(painter.device() ? painter.device()->logicalDpiY() : 72)
{
}

QFont LetterCanvas::deviceFont(qreal pointSize) const
{
    // Qt turns points into device pixels at the device's dpi; the page may be drawn at any scale
    // on it, so ask for the size that comes out as `pointSize` on the page.
    return m_font.font(pointSize * MillimetresPerPoint * m_scale * 72 / m_deviceDpi);
}

QRectF LetterCanvas::toDevice(const QRectF& rect) const
{
    return {toDevice(rect.topLeft()), rect.size() * m_scale};
}

QPointF LetterCanvas::toDevice(QPointF point) const
{
    return m_page.topLeft() + point * m_scale;
}

// Wraps the text set in `layout` (made with the paragraph's font) into lines; returns its height.
qreal LetterCanvas::layOut(QTextLayout& layout, const Paragraph& paragraph, qreal width) const
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setAlignment(paragraph.alignment);
    layout.setTextOption(option);
    QList<QTextLayout::FormatRange> formats;
    for (const auto& [start, length] : paragraph.underlined) {
        QTextLayout::FormatRange range;
        range.start = start;
        range.length = length;
        range.format.setFontUnderline(true);
        formats.append(range);
    }
    layout.setFormats(formats);

    const qreal size = paragraph.pointSize * MillimetresPerPoint * m_scale;
    const qreal pitch = size * paragraph.lineSpacing;
    const qreal deviceWidth = width * m_scale;
    const qreal indent = paragraph.firstLineIndent * size;
    qreal y = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        const qreal lineIndent = line.lineNumber() == 0 ? indent : 0;
        line.setLineWidth(deviceWidth - lineIndent);
        // Centre the font's own line box in the line pitch.
        line.setPosition(QPointF(lineIndent, y + (pitch - line.height()) / 2));
        y += pitch;
    }
    layout.endLayout();
    return y / m_scale;
}

qreal LetterCanvas::height(const Paragraph& paragraph, qreal width) const
{
    QTextLayout layout(paragraph.text, deviceFont(paragraph.pointSize), m_painter.device());
    return layOut(layout, paragraph, width);
}

qreal LetterCanvas::text(const Paragraph& paragraph, qreal x, qreal top, qreal width)
{
    if (!m_missing) {
        if (const char32_t missing = m_font.missingCharacter(paragraph.text)) {
            m_missing = missing;
            m_missingIn = paragraph.text;
        }
    }
    QTextLayout layout(paragraph.text, deviceFont(paragraph.pointSize), m_painter.device());
    const qreal height = layOut(layout, paragraph, width);
    if (!m_measuring) {
        m_painter.setPen(Qt::black);
        layout.draw(&m_painter, toDevice(QPointF(x, top)));
        m_printed += paragraph.text;
    }
    return top + height;
}

qreal LetterCanvas::text(const QString& text, qreal pointSize, Qt::Alignment alignment, qreal x, qreal top,
                         qreal width)
{
    Paragraph paragraph;
    paragraph.text = text;
    paragraph.pointSize = pointSize;
    paragraph.alignment = alignment;
    return this->text(paragraph, x, top, width);
}

qreal LetterCanvas::advance(const QString& text, qreal pointSize) const
{
    QTextLayout layout(text, deviceFont(pointSize), m_painter.device());
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setNumColumns(int(text.size()));
    layout.endLayout();
    return line.naturalTextWidth() / m_scale;
}

void LetterCanvas::line(QPointF from, QPointF to, qreal penWidth, Qt::PenStyle style)
{
    if (m_measuring)
        return;
    QPen pen(Qt::black, penWidth * m_scale, style);
    pen.setCapStyle(Qt::FlatCap);
    m_painter.setPen(pen);
    m_painter.drawLine(toDevice(from), toDevice(to));
}

void LetterCanvas::frame(const QRectF& rect, qreal penWidth)
{
    if (m_measuring)
        return;
    m_painter.setPen(QPen(Qt::black, penWidth * m_scale));
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawRect(toDevice(rect));
}

void LetterCanvas::qrCode(const QrCode& code, const QRectF& rect)
{
    if (!m_measuring)
        code.paint(m_painter, toDevice(rect));
}

} // namespace ud
