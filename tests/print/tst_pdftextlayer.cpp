#include "print/PdfTextLayer.h"

#include <QBuffer>
#include <QFile>
#include <QFontDatabase>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextLayout>

using namespace ud;

// PdfTextLayer on its own, with the font whose text layer Qt gets most wrong: Noto Sans CJK SC,
// where 工, 厂, 日, 金, 长, 入 share their glyphs with Kangxi radicals (see shared/TOOLCHAIN.md).
class TstPdfTextLayer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void repairsRadicalsRareCharactersAndSpaces();
    void leavesACorrectTextLayerAlone();
    void refusesWhatItCannotMatch();

private:
    QTemporaryDir m_dir;
};

namespace {

const QString Family = QStringLiteral("Noto Sans CJK SC");

QFont notoFont()
{
    QFont font(Family);
    font.setPointSize(14);
    font.setStyleStrategy(QFont::NoFontMerging);
    return font;
}

// One line of text per entry, drawn in order, as a PDF in memory.
QByteArray drawPdf(const QStringList& lines, const QFont& font)
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    QPainter painter(&writer);
    painter.setFont(font);
    qreal y = 1000;
    for (const QString& line : lines) {
        painter.drawText(QPointF(500, y), line);
        y += 600;
    }
    painter.end();
    return pdf;
}

QString textOf(const QString& path, const QByteArray& pdf)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size())
        return {};
    file.close();
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

bool hasRadical(const QString& text)
{
    for (const char32_t c : text.toUcs4()) {
        if (c >= 0x2E80 && c <= 0x2FDF)
            return true;
    }
    return false;
}

} // namespace

void TstPdfTextLayer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QFAIL("pdftotext is missing: scripts/setup installs poppler-utils");
    if (!QFontDatabase::hasFamily(Family))
        QFAIL("Noto Sans CJK SC is missing: scripts/setup installs fonts-noto-cjk");
}

void TstPdfTextLayer::repairsRadicalsRareCharactersAndSpaces()
{
    const QStringList lines = {QStringLiteral("甲厂工会 入会日期"), QStringLiteral("金日长入"),
                               QStringLiteral("李") + QString::fromUtf8("\xF0\xA0\x87\x94") +
                                   QStringLiteral("明")};
    QByteArray pdf = drawPdf(lines, notoFont());
    const QString before = textOf(m_dir.filePath(QStringLiteral("before.pdf")), pdf);
    // What Qt's writer gives on its own: radicals, and the rare character lost.
    QVERIFY2(hasRadical(before), qPrintable(before));
    QVERIFY2(!before.contains(lines[2]), qPrintable(before));

    const QByteArray written = pdf;
    QString error;
    QVERIFY2(PdfTextLayer::repair(pdf, QRawFont::fromFont(notoFont()), lines.join(QString()), &error),
             qPrintable(error));
    QVERIFY(pdf.size() > written.size());
    const QString after = textOf(m_dir.filePath(QStringLiteral("after.pdf")), pdf);
    QVERIFY2(!hasRadical(after), qPrintable(after));
    for (const QString& line : lines)
        QVERIFY2(after.contains(line), qPrintable(after));
    QVERIFY(!after.contains(QLatin1Char('\t')));
    // An incremental update: what Qt wrote is kept byte for byte.
    QCOMPARE(pdf.left(written.size()), written);
}

void TstPdfTextLayer::leavesACorrectTextLayerAlone()
{
    // Only characters whose glyphs no lower code point shares: nothing to change, nothing appended.
    QByteArray pdf = drawPdf({QStringLiteral("会员组织关系")}, notoFont());
    const QByteArray written = pdf;
    QString error;
    QVERIFY2(
        PdfTextLayer::repair(pdf, QRawFont::fromFont(notoFont()), QStringLiteral("会员组织关系"), &error),
        qPrintable(error));
    QCOMPARE(pdf, written);
}

void TstPdfTextLayer::refusesWhatItCannotMatch()
{
    QString error;
    QByteArray notPdf = "not a PDF";
    QVERIFY(!PdfTextLayer::repair(notPdf, QRawFont::fromFont(notoFont()), QStringLiteral("甲"), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(notPdf, QByteArray("not a PDF"));

    // Told the wrong text: the glyphs drawn cannot be matched to it.
    QByteArray pdf = drawPdf({QStringLiteral("工会")}, notoFont());
    error.clear();
    QVERIFY(!PdfTextLayer::repair(pdf, QRawFont::fromFont(notoFont()), QStringLiteral("会员"), &error));
    QVERIFY2(error.contains(QStringLiteral("U+2F2F")), qPrintable(error));
}

QTEST_MAIN(TstPdfTextLayer)
#include "tst_pdftextlayer.moc"
