#include "print/TransferLetter.h"

#include "print/LetterCanvas.h"
#include "print/LetterFont.h"
#include "print/PdfTextLayer.h"
#include "print/QrCode.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRawFont>
#include <QSaveFile>

namespace ud {

// The texts below are the printed document, always in Chinese whatever the interface language:
// they are not user-interface strings and are not translated.
namespace {

constexpr qreal Left = 20;
constexpr qreal Width = LetterCanvas::PageWidth - 2 * Left;
constexpr qreal Bottom = LetterCanvas::PageHeight - 12;

constexpr qreal StubSize = 10.5; // 五号
constexpr qreal TitleSize = 22;  // 二号
constexpr qreal BodySize = 14;   // 四号
constexpr qreal SmallSize = 9;   // the captions
constexpr qreal SlipSize = 12;   // 小四

QString chineseDate(const QDate& date)
{
    // An unknown date is left blank, to be written in by hand.
    if (!date.isValid())
        return QStringLiteral("　　　年　　月　　日");
    return QStringLiteral("%1年%2月%3日").arg(date.year()).arg(date.month()).arg(date.day());
}

QString letterNumberLine(const TransferLetterContent& content)
{
    const QString year =
        content.issuedOn.isValid() ? QString::number(content.issuedOn.year()) : QStringLiteral("　　　　");
    return QStringLiteral("工转字〔%1〕第%2号").arg(year, content.letterNumber);
}

bool isHung(const TransferLetterContent& content)
{
    return content.toName.trimmed().isEmpty();
}

// The union the letter is addressed to: the receiving union, or the one that will hold her. A
// letter printed before the first sync may not know the holding union yet: a line to fill in by hand.
QString addressee(const TransferLetterContent& content)
{
    const QString name = isHung(content) ? content.holdingName : content.toName;
    return name.trimmed().isEmpty() ? QStringLiteral("____________________") : name;
}

// "（女，身份证号码 …）", leaving out what is unknown.
QString personDetails(const TransferLetterContent& content)
{
    QStringList parts;
    if (!content.genderLabel.isEmpty())
        parts.append(content.genderLabel);
    if (!content.idNumber.isEmpty())
        parts.append(QStringLiteral("身份证号码 ") + content.idNumber);
    if (parts.isEmpty())
        return {};
    return QStringLiteral("（") + parts.join(QStringLiteral("，")) + QStringLiteral("）");
}

// A paragraph of a form: fixed wording with the values filled in underlined.
class FormText
{
public:
    FormText& fixed(const QString& text)
    {
        m_paragraph.text += text;
        return *this;
    }
    FormText& filled(const QString& value)
    {
        m_paragraph.underlined.append({int(m_paragraph.text.size()), int(value.size())});
        m_paragraph.text += value;
        return *this;
    }
    LetterCanvas::Paragraph paragraph(qreal pointSize, qreal lineSpacing)
    {
        m_paragraph.pointSize = pointSize;
        m_paragraph.lineSpacing = lineSpacing;
        m_paragraph.firstLineIndent = 2;
        m_paragraph.alignment = Qt::AlignJustify;
        return m_paragraph;
    }

private:
    LetterCanvas::Paragraph m_paragraph;
};

struct Cell
{
    QString text;
    qreal width;
    bool label;
};

// One row of the stub's table; the row grows with the cell that wraps the most.
qreal tableRow(LetterCanvas& canvas, qreal top, const QList<Cell>& cells)
{
    constexpr qreal Padding = 1.2;
    QList<LetterCanvas::Paragraph> paragraphs;
    qreal height = 0;
    for (const Cell& cell : cells) {
        LetterCanvas::Paragraph p;
        p.text = cell.text;
        p.pointSize = StubSize;
        p.lineSpacing = 1.35;
        p.alignment = cell.label ? Qt::AlignHCenter : Qt::AlignLeft;
        height = qMax(height, canvas.height(p, cell.width - 2 * Padding));
        paragraphs.append(p);
    }
    height += 2 * Padding;
    qreal x = Left;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        canvas.text(paragraphs[i], x + Padding, top + Padding, cells[i].width - 2 * Padding);
        canvas.frame(QRectF(x, top, cells[i].width, height), 0.25);
        x += cells[i].width;
    }
    return top + height;
}

// The upper part: what the sending union keeps.
qreal stub(const TransferLetterContent& content, LetterCanvas& canvas, qreal top)
{
    qreal y =
        canvas.text(QStringLiteral("会员组织关系接转介绍信（存根）"), 16, Qt::AlignHCenter, Left, top, Width);
    y = canvas.text(letterNumberLine(content), StubSize, Qt::AlignRight, Left, y + 1, Width) + 1;

    constexpr qreal LabelWidth = 24;
    constexpr qreal HalfValue = Width / 2 - LabelWidth;
    constexpr qreal WideValue = Width - LabelWidth;
    y = tableRow(canvas, y,
                 {{QStringLiteral("姓名"), LabelWidth, true},
                  {content.memberName, HalfValue, false},
                  {QStringLiteral("性别"), LabelWidth, true},
                  {content.genderLabel, HalfValue, false}});
    y = tableRow(canvas, y,
                 {{QStringLiteral("身份证号码"), LabelWidth, true},
                  {content.idNumber, HalfValue, false},
                  {QStringLiteral("出生日期"), LabelWidth, true},
                  {content.birthDate.isValid()
                       ? (content.birthYearOnly ? QStringLiteral("%1年").arg(content.birthDate.year())
                                                : chineseDate(content.birthDate))
                       : QString(),
                   HalfValue, false}});
    y = tableRow(canvas, y,
                 {{QStringLiteral("入会日期"), LabelWidth, true},
                  {content.joinDate.isValid() ? chineseDate(content.joinDate) : QString(), HalfValue, false},
                  {QStringLiteral("转出原因"), LabelWidth, true},
                  {content.reasonLabel, HalfValue, false}});
    y = tableRow(canvas, y,
                 {{QStringLiteral("转出工会"), LabelWidth, true}, {content.fromName, WideValue, false}});
    if (isHung(content)) {
        y = tableRow(
            canvas, y,
            {{QStringLiteral("上挂工会"), LabelWidth, true},
             {content.holdingName.trimmed().isEmpty() ? QString()
                                                      : content.holdingName + QStringLiteral("（上挂管理）"),
              WideValue, false}});
    } else {
        y = tableRow(canvas, y,
                     {{QStringLiteral("转入工会"), LabelWidth, true}, {content.toName, WideValue, false}});
    }
    y = tableRow(canvas, y,
                 {{QStringLiteral("开具日期"), LabelWidth, true},
                  {chineseDate(content.issuedOn), HalfValue, false},
                  {QStringLiteral("经办人"), LabelWidth, true},
                  {QString(), HalfValue, false}});
    return y;
}

// A dashed line across the page to cut along, with a caption in a gap at its middle.
qreal cutLine(LetterCanvas& canvas, qreal top, const QString& caption)
{
    constexpr qreal Height = 8;
    constexpr qreal Gap = 2;
    const qreal middle = top + Height / 2;
    const qreal captionWidth = canvas.advance(caption, SmallSize);
    const qreal captionLeft = Left + (Width - captionWidth) / 2;
    canvas.line({8, middle}, {captionLeft - Gap, middle}, 0.3, Qt::DashLine);
    canvas.line({captionLeft + captionWidth + Gap, middle}, {LetterCanvas::PageWidth - 8, middle}, 0.3,
                Qt::DashLine);
    const qreal captionHeight = SmallSize * 25.4 / 72 * 1.4;
    canvas.text(caption, SmallSize, Qt::AlignLeft, captionLeft, middle - captionHeight / 2, captionWidth + 1);
    return top + Height;
}

// The letter the member takes to the receiving union.
qreal letter(const TransferLetterContent& content, LetterCanvas& canvas, qreal top, qreal gap)
{
    qreal y =
        canvas.text(QStringLiteral("会员组织关系接转介绍信"), TitleSize, Qt::AlignHCenter, Left, top, Width);
    y = canvas.text(letterNumberLine(content), 12, Qt::AlignRight, Left, y + 1, Width) + 2;
    y = canvas.text(addressee(content) + QStringLiteral("："), BodySize, Qt::AlignLeft, Left, y, Width);

    FormText body;
    body.fixed(QStringLiteral("兹介绍")).filled(content.memberName).fixed(QStringLiteral("同志"));
    body.fixed(personDetails(content)).fixed(QStringLiteral("，系我会会员，于"));
    body.filled(chineseDate(content.joinDate)).fixed(QStringLiteral("加入工会，因"));
    body.filled(content.reasonLabel);
    body.fixed(isHung(content)
                   ? QStringLiteral("，现将其会员组织关系转至你处上挂管理，请予接转。会龄连续计算。")
                   : QStringLiteral("，现将其会员组织关系转至你处，请予接转。会龄连续计算。"));
    y = canvas.text(body.paragraph(BodySize, 1.75), Left, y, Width);
    if (!content.note.trimmed().isEmpty()) {
        FormText note;
        note.fixed(QStringLiteral("备注：")).fixed(content.note.trimmed());
        y = canvas.text(note.paragraph(12, 1.6), Left, y, Width);
    }
    LetterCanvas::Paragraph regards;
    regards.text = QStringLiteral("此致");
    regards.pointSize = BodySize;
    regards.lineSpacing = 1.75;
    regards.firstLineIndent = 2;
    y = canvas.text(regards, Left, y, Width);
    y = canvas.text(QStringLiteral("敬礼！"), BodySize, Qt::AlignLeft, Left, y + 0.5, Width) + 3 + gap;

    // The issuer at the right, where the seal goes; the QR code in the lower left corner.
    constexpr qreal IssuerWidth = 78;
    const qreal issuerLeft = Left + Width - IssuerWidth;
    qreal right = canvas.text(content.issuerName, BodySize, Qt::AlignHCenter, issuerLeft, y, IssuerWidth);
    right =
        canvas.text(QStringLiteral("（盖章）"), BodySize, Qt::AlignHCenter, issuerLeft, right, IssuerWidth);
    right = canvas.text(chineseDate(content.issuedOn), BodySize, Qt::AlignHCenter, issuerLeft, right,
                        IssuerWidth);

    constexpr qreal QrSide = 26;
    const QrCode code = QrCode::encode(content.transferId);
    canvas.qrCode(code, QRectF(Left, y - 1, QrSide, QrSide));
    const qreal left =
        canvas.text(QStringLiteral("扫码或输入 %1 查询接转信息").arg(content.letterNumber), SmallSize,
                    Qt::AlignLeft, Left + 1.5, y - 1 + QrSide, Width - IssuerWidth - 10);
    return qMax(left, right);
}

// The return slip (回执) the receiving union fills in and sends back to the sending union.
qreal returnSlip(const TransferLetterContent& content, LetterCanvas& canvas, qreal top)
{
    qreal y = canvas.text(QStringLiteral("会员组织关系接转回执"), 16, Qt::AlignHCenter, Left, top, Width);
    y = canvas.text(letterNumberLine(content), SlipSize - 1.5, Qt::AlignRight, Left, y, Width);
    y = canvas.text(content.fromName + QStringLiteral("："), SlipSize, Qt::AlignLeft, Left, y, Width);
    FormText body;
    body.fixed(QStringLiteral("你会介绍的")).filled(content.memberName).fixed(QStringLiteral("同志"));
    body.fixed(personDetails(content));
    body.fixed(isHung(content)
                   ? QStringLiteral("的会员组织关系已于　　　年　　月　　日由我会接收上挂管理，特此回执。")
                   : QStringLiteral("的会员组织关系已于　　　年　　月　　日转入我会，特此回执。"));
    y = canvas.text(body.paragraph(SlipSize, 1.6), Left, y, Width) + 1;
    constexpr qreal SignWidth = 78;
    const qreal signLeft = Left + Width - SignWidth;
    y = canvas.text(QStringLiteral("接收工会（盖章）"), SlipSize, Qt::AlignHCenter, signLeft, y, SignWidth);
    canvas.text(QStringLiteral("经办人："), SlipSize, Qt::AlignLeft, Left, y, 60);
    return canvas.text(QStringLiteral("　　　年　　月　　日"), SlipSize, Qt::AlignHCenter, signLeft, y,
                       SignWidth);
}

// The whole page, with `gap` millimetres more at each of the four breaks between its parts.
qreal page(const TransferLetterContent& content, LetterCanvas& canvas, qreal gap, bool withSlip)
{
    qreal y = stub(content, canvas, 12);
    y = cutLine(canvas, y + 2 + gap, QStringLiteral("（以上存根由转出工会留存）"));
    y = letter(content, canvas, y + 3 + gap, gap);
    if (!withSlip)
        return y;
    y = cutLine(canvas, y + 2 + gap, QStringLiteral("（以下回执由接收工会填写后寄回转出工会）"));
    return returnSlip(content, canvas, y + 4);
}

void layOut(const TransferLetterContent& content, LetterCanvas& canvas)
{
    // Measured first: the slip is left out when a long letter leaves no room for it, and the room
    // left over is shared between the breaks so the page is filled evenly.
    canvas.setMeasuring(true);
    const bool withSlip = page(content, canvas, 0, true) <= Bottom;
    const qreal slack = Bottom - page(content, canvas, 0, withSlip);
    canvas.setMeasuring(false);
    page(content, canvas, qBound(0.0, slack / (withSlip ? 4 : 3), 8.0), withSlip);
}

} // namespace

TransferLetter::TransferLetter(TransferLetterContent content)
    : m_content(std::move(content))
{
}

void TransferLetter::paint(QPainter& painter, const QRectF& page) const
{
    // Paper only needs the glyphs: without a letter font this still prints, in Qt's default font.
    LetterCanvas canvas(painter, page, LetterFont::find());
    layOut(m_content, canvas);
}

bool TransferLetter::writePdf(const QString& path, QString* error) const
{
    const QString name = QDir::toNativeSeparators(path);
    const auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const LetterFont font = LetterFont::find();
    if (!font.isValid())
        return fail(QCoreApplication::translate("ud::TransferLetter", "%1: the letter cannot be written: %2")
                        .arg(name, font.error()));

    // QSaveFile writes beside the target and renames at commit: a failure leaves no half PDF.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QCoreApplication::translate("ud::TransferLetter", "%1: the file cannot be created (%2).")
                        .arg(name, file.errorString()));
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setTitle(QStringLiteral("会员组织关系接转介绍信 ") + letterNumberLine(m_content));
    writer.setCreator(QStringLiteral("UnionDesk"));
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF()));
    QPainter painter;
    if (!painter.begin(&writer)) {
        file.cancelWriting();
        return fail(
            QCoreApplication::translate("ud::TransferLetter", "%1: the PDF cannot be started.").arg(name));
    }
    const QRectF page(0, 0, writer.width(), writer.height());
    painter.fillRect(page, Qt::white);
    LetterCanvas canvas(painter, page, font);
    layOut(m_content, canvas);
    painter.end();

    if (const char32_t missing = canvas.missingCharacter()) {
        file.cancelWriting();
        QString message =
            QCoreApplication::translate(
                "ud::TransferLetter",
                "%1: the character %2 in \"%3\" cannot be printed: the font %4 has no glyph for it.")
                .arg(name, QString::fromUcs4(&missing, 1), canvas.missingIn(), font.family());
        const LetterFont::Candidate preferred = LetterFont::defaultCandidates().constFirst();
        if (font.family() != preferred.family)
            message += QLatin1Char(' ') + QCoreApplication::translate("ud::TransferLetter",
                                                                      "Installing the package %1 may help.")
                                              .arg(preferred.package);
        return fail(message);
    }
    QString reason;
    if (!PdfTextLayer::repair(pdf, QRawFont::fromFont(font.font(12)), canvas.printed(), &reason)) {
        file.cancelWriting();
        return fail(QCoreApplication::translate("ud::TransferLetter", "%1: the letter cannot be written: %2")
                        .arg(name, reason));
    }
    if (file.write(pdf) != pdf.size() || !file.commit())
        return fail(QCoreApplication::translate("ud::TransferLetter", "%1: the file cannot be written (%2).")
                        .arg(name, file.errorString()));
    return true;
}

} // namespace ud
