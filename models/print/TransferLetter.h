#pragma once

#include <QDate>
#include <QRectF>
#include <QString>

class QPainter;

namespace ud {

// What a membership transfer letter (会员组织关系接转介绍信) prints. Plain data, filled by the
// caller from its transfer record; the letter formats nothing but the dates.
struct TransferLetterContent
{
    // The serial part of the letter number, e.g. "20260042": the letter prints
    // 工转字〔<year of issuedOn>〕第<letterNumber>号, and the QR caption asks for it to be typed in.
    QString letterNumber;
    // The transfer's UUID without braces; the QR code encodes exactly this text.
    QString transferId;
    QString memberName;
    QString genderLabel; // as printed: 女 / 男
    QString idNumber;    // printed as given: the caller masks it or not
    QDate birthDate;     // an invalid date prints a blank to fill in by hand
    // With a masked ID number only the year is printed: the whole date would give the masked digits back.
    bool birthYearOnly = false;
    QDate joinDate;
    QString fromName; // the sending union
    // The receiving union. Empty when the member is hung (上挂): the letter is then addressed to
    // holdingName and says she is transferred to be held there.
    QString toName;
    QString holdingName;
    QString reasonLabel; // as printed, e.g. 工作调动
    QString issuerName;  // the issuing union, printed above the seal
    QDate issuedOn;
    QString note; // optional, printed under the body
};

// Lays out the transfer letter on an A4 portrait page in the usual official style: the stub kept by
// the sending union, a dashed cut line, the letter itself with its number, body, issuer, seal place
// and a QR code of the transfer id, and a return slip (回执) for the receiving union.
class TransferLetter
{
public:
    explicit TransferLetter(TransferLetterContent content);

    // Paints the whole page into `page` (in the painter's logical units; the layout scales to any
    // rectangle with A4's proportions), so a QPrinter can print it as well as a PDF writer.
    void paint(QPainter& painter, const QRectF& page) const;
    // Writes a one-page A4 PDF whose text layer reads back exactly what was printed (LetterFont,
    // PdfTextLayer). Written aside and renamed into place, so a failure leaves no file; fails with a
    // message naming the path and the reason (no letter font: the package to install; a character
    // the font lacks: that character) when it cannot.
    bool writePdf(const QString& path, QString* error) const;

private:
    TransferLetterContent m_content;
};

} // namespace ud
