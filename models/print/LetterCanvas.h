#pragma once

#include "print/LetterFont.h"

#include <QList>
#include <QPair>
#include <QPointF>
#include <QRectF>
#include <QString>

class QPainter;
class QTextLayout;

namespace ud {

class QrCode;

// A sheet of A4 paper to lay a letter out on, measured in millimetres from its top-left corner and
// with type sizes in points as printed, whatever the device: the canvas maps both onto the
// rectangle the page occupies on the painter's device. Text wraps at the given width (between any
// two Chinese characters, never before closing punctuation) and is drawn in the letter font only.
// In measuring mode nothing is drawn, so a block can be sized before it is placed.
class LetterCanvas
{
public:
    static constexpr qreal PageWidth = 210;
    static constexpr qreal PageHeight = 297;

    struct Paragraph
    {
        QString text;
        qreal pointSize = 12;
        Qt::Alignment alignment = Qt::AlignLeft;
        qreal firstLineIndent = 0;         // in characters (em)
        qreal lineSpacing = 1.5;           // line pitch as a multiple of the type size
        QList<QPair<int, int>> underlined; // (start, length) ranges: the values filled into a form
    };

    LetterCanvas(QPainter& painter, const QRectF& page, LetterFont font);

    // While measuring, text() and the drawing calls only compute where things would go.
    void setMeasuring(bool measuring) { m_measuring = measuring; }

    // Lays the paragraph out in the column [x, x + width] from `top`; returns its bottom.
    qreal text(const Paragraph& paragraph, qreal x, qreal top, qreal width);
    qreal text(const QString& text, qreal pointSize, Qt::Alignment alignment, qreal x, qreal top,
               qreal width);
    // The height the paragraph takes in a column `width` wide; never draws.
    qreal height(const Paragraph& paragraph, qreal width) const;
    // The width of a single line of text, for blocks sized by their content.
    qreal advance(const QString& text, qreal pointSize) const;

    void line(QPointF from, QPointF to, qreal penWidth, Qt::PenStyle style = Qt::SolidLine);
    void frame(const QRectF& rect, qreal penWidth);
    void qrCode(const QrCode& code, const QRectF& rect);

    // The first character drawn that the font lacks (0 if none) and the text it was in.
    char32_t missingCharacter() const { return m_missing; }
    QString missingIn() const { return m_missingIn; }
    // Every text drawn so far, in drawing order (PdfTextLayer matches the PDF's glyphs to it).
    QString printed() const { return m_printed; }

private:
    qreal layOut(QTextLayout& layout, const Paragraph& paragraph, qreal width) const;
    QRectF toDevice(const QRectF& rect) const;
    QPointF toDevice(QPointF point) const;
    QFont deviceFont(qreal pointSize) const;

    QPainter& m_painter;
    QRectF m_page;
    LetterFont m_font;
    qreal m_scale;     // device units per millimetre
    qreal m_deviceDpi; // the dpi Qt sizes fonts for on this device
    bool m_measuring = false;
    char32_t m_missing = 0;
    QString m_missingIn;
    QString m_printed;
};

} // namespace ud
