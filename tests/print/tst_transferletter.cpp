#include "print/LetterFont.h"
#include "print/TransferLetter.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace ud;

class TstTransferLetter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void textLayerReadsBackExactly();
    void rareCharactersReadBackInPlace_data();
    void rareCharactersReadBackInPlace();
    void hungMemberIsAddressedToTheHoldingUnion();
    void longContentWrapsAndDropsTheSlip();
    void embedsOnlyTheLetterFont();
    void pageIsOneDrawnA4Page();
    void qrCodeOnThePageReadsBackTheTransferId();
    void paintsOntoAnyDevice();
    void failedWriteLeavesNoFile();
    void missingFontsNameThePackage();
    void fontWithoutACharacterIsRefused();
    void characterNoFontHasIsRefusedWithoutAFile();

private:
    QTemporaryDir m_dir;
};

namespace {

// A name outside the Basic Multilingual Plane, written as UTF-8 bytes (U+201D4).
const QString RareCharacter = QString::fromUtf8("\xF0\xA0\x87\x94");

TransferLetterContent sample()
{
    TransferLetterContent c;
    c.letterNumber = QStringLiteral("20260042");
    c.transferId = QStringLiteral("3f2a9c4e-1b7d-4e8a-9c61-0d5e7f8a2b14");
    c.memberName = QStringLiteral("金日长") + RareCharacter;
    c.genderLabel = QStringLiteral("女");
    c.idNumber = QStringLiteral("44010619900101123X");
    c.birthDate = QDate(1990, 1, 1);
    c.joinDate = QDate(2015, 3, 8);
    c.fromName = QStringLiteral("甲厂工会");
    c.toName = QStringLiteral("广州市天河区长兴街道金日长入工业园区乙厂电子科技股份有限公司第一分厂工会委员会"
                              "（联合工会）");
    c.holdingName = QStringLiteral("天河区长兴街道总工会");
    c.reasonLabel = QStringLiteral("工作调动");
    c.issuerName = QStringLiteral("甲厂工会");
    c.issuedOn = QDate(2026, 11, 27);
    c.note = QStringLiteral("入会日期以原会员登记表为准");
    return c;
}

// Runs a tool to its end; its standard output, or nothing when it failed.
std::optional<QByteArray> run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        qWarning().noquote() << program << arguments << process.readAllStandardError();
        return std::nullopt;
    }
    return process.readAllStandardOutput();
}

// What a clerk copies from the PDF, without the layout's spaces and line breaks: printed words
// must come back whole, character for character.
QString withoutSpace(const QString& text)
{
    QString out;
    for (const char32_t c : text.toUcs4()) {
        if (!QChar::isSpace(c))
            out += QString::fromUcs4(&c, 1);
    }
    return out;
}

QString pdfText(const QString& pdf, bool layout = true)
{
    QStringList arguments = {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")};
    if (layout)
        arguments.prepend(QStringLiteral("-layout"));
    return QString::fromUtf8(run(QStringLiteral("pdftotext"), arguments).value_or(QByteArray()));
}

// The Kangxi radicals and CJK radicals supplement, which a broken text layer puts in place of
// 工, 厂, 日, 金, 长, 入 ...
QString radicalsIn(const QString& text)
{
    QString found;
    for (const char32_t c : text.toUcs4()) {
        if (c >= 0x2E80 && c <= 0x2FDF)
            found += QStringLiteral("U+%1 ").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
    }
    return found;
}

QImage renderPage(const QString& pdf, int dpi, const QString& prefix)
{
    if (!run(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QString::number(dpi),
                                          QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                          QStringLiteral("1"), QStringLiteral("-singlefile"), pdf, prefix})) {
        return {};
    }
    return QImage(prefix + QStringLiteral(".png"));
}

// With UNIONDESK_LETTER_SAMPLE=/path/name.png, keeps a sample to look at: the page as an image
// and the PDF beside it (name<suffix>.png, name<suffix>.pdf).
void keepSample(const QString& pdf, const QString& suffix)
{
    const QString keep = qEnvironmentVariable("UNIONDESK_LETTER_SAMPLE");
    if (keep.isEmpty())
        return;
    const QString base = keep.left(keep.lastIndexOf(QLatin1Char('.'))) + suffix;
    QFile::remove(base + QStringLiteral(".png"));
    QFile::remove(base + QStringLiteral(".pdf"));
    QFile::copy(pdf, base + QStringLiteral(".pdf"));
    renderPage(pdf, 100, base);
}

// The share of pixels that are not white in a band of rows.
qreal inkIn(const QImage& image, int top, int bottom)
{
    qint64 ink = 0;
    for (int y = top; y < bottom; ++y) {
        for (int x = 0; x < image.width(); ++x)
            ink += qGray(image.pixel(x, y)) < 200;
    }
    return qreal(ink) / (qint64(bottom - top) * image.width());
}

} // namespace

void TstTransferLetter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const char* tool : {"pdftotext", "pdftoppm", "pdffonts"}) {
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1 is missing: scripts/setup installs poppler-utils")
                                 .arg(QLatin1String(tool))));
    }
    QVERIFY2(LetterFont::find().isValid(), qPrintable(LetterFont::find().error()));
}

void TstTransferLetter::textLayerReadsBackExactly()
{
    const TransferLetterContent c = sample();
    const QString pdf = m_dir.filePath(QStringLiteral("letter.pdf"));
    QString error;
    QVERIFY2(TransferLetter(c).writePdf(pdf, &error), qPrintable(error));
    const QString raw = pdfText(pdf);
    QVERIFY(!raw.isEmpty());
    QVERIFY2(radicalsIn(raw).isEmpty(), qPrintable(radicalsIn(raw)));
    const QString text = withoutSpace(raw);

    const QStringList printed = {
        // The stub.
        QStringLiteral("会员组织关系接转介绍信（存根）"),
        QStringLiteral("姓名") + c.memberName + QStringLiteral("性别女"),
        QStringLiteral("身份证号码44010619900101123X出生日期1990年1月1日"),
        QStringLiteral("入会日期2015年3月8日转出原因工作调动"),
        QStringLiteral("转出工会甲厂工会"),
        QStringLiteral("转入工会") + c.toName,
        QStringLiteral("开具日期2026年11月27日经办人"),
        QStringLiteral("（以上存根由转出工会留存）"),
        // The letter.
        QStringLiteral("会员组织关系接转介绍信工转字〔2026〕第20260042号") + c.toName + QStringLiteral("："),
        QStringLiteral("兹介绍") + c.memberName +
            QStringLiteral(
                "同志（女，身份证号码44010619900101123X），系我会会员，于2015年3月8日加入工会，因工作调动，"
                "现将其会员组织关系转至你处，请予接转。会龄连续计算。"),
        QStringLiteral("备注：入会日期以原会员登记表为准"),
        QStringLiteral("此致敬礼！"),
        QStringLiteral("甲厂工会"),
        QStringLiteral("（盖章）"),
        QStringLiteral("2026年11月27日"),
        QStringLiteral("扫码或输入20260042查询接转信息"),
        // The return slip.
        QStringLiteral("会员组织关系接转回执"),
        QStringLiteral("甲厂工会："),
        QStringLiteral("你会介绍的") + c.memberName +
            QStringLiteral(
                "同志（女，身份证号码44010619900101123X）的会员组织关系已于年月日转入我会，特此回执。"),
        QStringLiteral("接收工会（盖章）"),
    };
    for (const QString& expected : printed)
        QVERIFY2(text.contains(expected),
                 qPrintable(QStringLiteral("missing: %1\nin:\n%2").arg(expected, raw)));
    QCOMPARE(text.count(QStringLiteral("工转字〔2026〕第20260042号")), 3);
    QCOMPARE(text.count(c.memberName), 3); // the stub, the letter, the slip
    QVERIFY(text.contains(RareCharacter));
    // Spaces come back as spaces (Qt's writer alone gives the tab that shares their glyph).
    QVERIFY(!pdfText(pdf, false).contains(QLatin1Char('\t')));

    // A masked letter prints the birth year only: the date would give the masked digits back.
    TransferLetterContent masked = c;
    masked.idNumber = QStringLiteral("440106********123X");
    masked.birthYearOnly = true;
    const QString maskedPdf = m_dir.filePath(QStringLiteral("masked.pdf"));
    QVERIFY2(TransferLetter(masked).writePdf(maskedPdf, &error), qPrintable(error));
    const QString maskedText = withoutSpace(pdfText(maskedPdf));
    QVERIFY2(maskedText.contains(QStringLiteral("身份证号码440106********123X出生日期1990年")),
             qPrintable(maskedText));
    QVERIFY(!maskedText.contains(QStringLiteral("1990年1月1日")));
}

void TstTransferLetter::rareCharactersReadBackInPlace_data()
{
    // Two characters beyond U+FFFF, each in a different field, in both orders: each must come back
    // where it was printed, not swapped.
    const QString other = QString::fromUtf8("\xF0\xA4\xA8\x92"); // U+24A12
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("from");
    QTest::newRow("name first") << QStringLiteral("李") + RareCharacter
                                << other + QStringLiteral("山甲厂工会");
    QTest::newRow("union first") << QStringLiteral("李") + other
                                 << RareCharacter + QStringLiteral("山甲厂工会");
}

void TstTransferLetter::rareCharactersReadBackInPlace()
{
    QFETCH(QString, name);
    QFETCH(QString, from);
    TransferLetterContent c = sample();
    c.memberName = name;
    c.fromName = from;
    c.issuerName = from;
    const QString pdf = m_dir.filePath(QStringLiteral("rare.pdf"));
    QString error;
    QVERIFY2(TransferLetter(c).writePdf(pdf, &error), qPrintable(error));
    const QString raw = pdfText(pdf);
    const QString text = withoutSpace(raw);
    QVERIFY2(text.contains(QStringLiteral("姓名") + name + QStringLiteral("性别女")), qPrintable(raw));
    QVERIFY2(text.contains(QStringLiteral("转出工会") + from), qPrintable(raw));
    QVERIFY2(text.contains(QStringLiteral("兹介绍") + name + QStringLiteral("同志")), qPrintable(raw));
    QVERIFY2(text.contains(from + QStringLiteral("：你会介绍的") + name), qPrintable(raw));
    QVERIFY2(radicalsIn(raw).isEmpty(), qPrintable(radicalsIn(raw)));
}

void TstTransferLetter::hungMemberIsAddressedToTheHoldingUnion()
{
    TransferLetterContent c = sample();
    c.toName.clear();
    c.joinDate = QDate();
    const QString pdf = m_dir.filePath(QStringLiteral("hung.pdf"));
    QString error;
    QVERIFY2(TransferLetter(c).writePdf(pdf, &error), qPrintable(error));
    const QString raw = pdfText(pdf);
    QVERIFY2(radicalsIn(raw).isEmpty(), qPrintable(radicalsIn(raw)));
    const QString text = withoutSpace(raw);
    for (const QString& expected : {
             QStringLiteral("上挂工会天河区长兴街道总工会（上挂管理）"),
             QStringLiteral("第20260042号天河区长兴街道总工会："),
             // An unknown date is a blank to fill in by hand.
             QStringLiteral(
                 "系我会会员，于年月日加入工会，因工作调动，现将其会员组织关系转至你处上挂管理，请予接转。"),
             QStringLiteral("的会员组织关系已于年月日由我会接收上挂管理，特此回执。"),
         }) {
        QVERIFY2(text.contains(expected),
                 qPrintable(QStringLiteral("missing: %1\nin:\n%2").arg(expected, raw)));
    }
    QVERIFY(!text.contains(QStringLiteral("转入工会")));
    keepSample(pdf, QStringLiteral("-hung"));

    // Printed before the first sync told the store which union holds her: lines to fill in by hand.
    c.holdingName.clear();
    const QString unsynced = m_dir.filePath(QStringLiteral("hung-unsynced.pdf"));
    QVERIFY2(TransferLetter(c).writePdf(unsynced, &error), qPrintable(error));
    const QString blank = withoutSpace(pdfText(unsynced));
    QVERIFY2(blank.contains(QStringLiteral("号____________________：兹介绍")), qPrintable(blank));
    QVERIFY2(!blank.contains(QStringLiteral("（上挂管理）")), qPrintable(blank));
}

void TstTransferLetter::longContentWrapsAndDropsTheSlip()
{
    TransferLetterContent c = sample();
    const QString longName = QStringLiteral("广东省广州市天河区长兴街道金日长入工业园区");
    c.fromName = longName + QStringLiteral("甲厂精密机械制造股份有限公司第三分公司工会委员会");
    c.issuerName = c.fromName;
    c.toName = longName.repeated(3) + QStringLiteral("乙厂工会联合会");
    c.memberName = QStringLiteral("阿卜杜热合曼·买买提·艾力") + RareCharacter;
    c.note = QStringLiteral("会员本人申请转出，原单位已结清会费，会籍自入会之日起连续计算。").repeated(4);
    const QString pdf = m_dir.filePath(QStringLiteral("long.pdf"));
    QString error;
    QVERIFY2(TransferLetter(c).writePdf(pdf, &error), qPrintable(error));
    const QString raw = pdfText(pdf);
    const QString text = withoutSpace(raw);
    // Everything wrapped and read back whole, the slip left out for want of room.
    QVERIFY2(text.contains(c.toName + QStringLiteral("：兹介绍") + c.memberName), qPrintable(raw));
    QVERIFY2(text.contains(QStringLiteral("转出工会") + c.fromName), qPrintable(raw));
    QVERIFY2(text.contains(QStringLiteral("备注：") + c.note), qPrintable(raw));
    QVERIFY2(!text.contains(QStringLiteral("回执")), qPrintable(raw));
    const QImage page = renderPage(pdf, 60, m_dir.filePath(QStringLiteral("long")));
    QVERIFY(!page.isNull());
    for (int y = 0; y < page.height(); ++y) {
        for (int x : {0, 1, 2, page.width() - 3, page.width() - 2, page.width() - 1})
            QVERIFY2(qGray(page.pixel(x, y)) > 200, qPrintable(QStringLiteral("ink at %1,%2").arg(x).arg(y)));
    }
    QCOMPARE(inkIn(page, page.height() - 20, page.height()), 0.0); // the bottom 8 mm
    keepSample(pdf, QStringLiteral("-long"));
}

void TstTransferLetter::embedsOnlyTheLetterFont()
{
    const QString pdf = m_dir.filePath(QStringLiteral("fonts.pdf"));
    QString error;
    QVERIFY2(TransferLetter(sample()).writePdf(pdf, &error), qPrintable(error));
    const QString fonts = QString::fromUtf8(run(QStringLiteral("pdffonts"), {pdf}).value_or(QByteArray()));
    const QString family = LetterFont::find().family();
    // pdffonts shows the PostScript name: ARPLUMingCN-Light, WenQuanYiMicroHei ...
    QVERIFY2(fonts.contains(QStringLiteral("UMing")) || fonts.contains(QStringLiteral("WenQuanYi")),
             qPrintable(fonts));
    QVERIFY2(!fonts.contains(QStringLiteral("Noto"), Qt::CaseInsensitive), qPrintable(fonts));
    const QStringList lines = fonts.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3); // the two header lines and one font
    QVERIFY2(!family.isEmpty(), "no family");
}

void TstTransferLetter::pageIsOneDrawnA4Page()
{
    const QString pdf = m_dir.filePath(QStringLiteral("page.pdf"));
    QString error;
    QVERIFY2(TransferLetter(sample()).writePdf(pdf, &error), qPrintable(error));
    const QString info = QString::fromUtf8(run(QStringLiteral("pdfinfo"), {pdf}).value_or(QByteArray()));
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))), qPrintable(info));
    QVERIFY2(info.contains(QRegularExpression(
                 QStringLiteral("Page size:\\s+595(\\.\\d+)? x 84[12](\\.\\d+)? pts \\(A4\\)"))),
             qPrintable(info));

    const QImage page = renderPage(pdf, 60, m_dir.filePath(QStringLiteral("page")));
    QVERIFY(!page.isNull());
    QCOMPARE(page.size(), QSize(496, 702)); // A4 at 60 dpi
    // Ink in every third of the page (stub, letter, return slip), but a page mostly white.
    const int third = page.height() / 3;
    for (int part = 0; part < 3; ++part) {
        const qreal ink = inkIn(page, part * third, (part + 1) * third);
        QVERIFY2(ink > 0.01 && ink < 0.5, qPrintable(QStringLiteral("part %1: %2").arg(part).arg(ink)));
    }
    // Nothing drawn in the side margins: long names wrapped instead of running off the page.
    for (int y = 0; y < page.height(); ++y) {
        for (int x : {0, 1, 2, page.width() - 3, page.width() - 2, page.width() - 1})
            QVERIFY2(qGray(page.pixel(x, y)) > 200, qPrintable(QStringLiteral("ink at %1,%2").arg(x).arg(y)));
    }
    keepSample(pdf, QString());
}

void TstTransferLetter::qrCodeOnThePageReadsBackTheTransferId()
{
    if (QStandardPaths::findExecutable(QStringLiteral("zbarimg")).isEmpty())
        QFAIL("zbarimg is missing: scripts/setup installs zbar-tools");
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    TransferLetterContent c = sample();
    c.transferId = id;
    const QString pdf = m_dir.filePath(QStringLiteral("qr.pdf"));
    QString error;
    QVERIFY2(TransferLetter(c).writePdf(pdf, &error), qPrintable(error));
    const QString prefix = m_dir.filePath(QStringLiteral("qr"));
    QVERIFY(!renderPage(pdf, 150, prefix).isNull());
    const QString decoded =
        QString::fromUtf8(run(QStringLiteral("zbarimg"), {QStringLiteral("--raw"), QStringLiteral("-q"),
                                                          prefix + QStringLiteral(".png")})
                              .value_or(QByteArray()));
    QCOMPARE(decoded.trimmed(), id); // exactly one code on the page, and exactly the id
}

void TstTransferLetter::paintsOntoAnyDevice()
{
    // The desktop client prints through QPrinter with paint(): the page may sit anywhere on the
    // device at any scale. Here an A4 page at 50 dpi drawn 40 px into a larger image.
    QImage image(413 + 80, 585 + 80, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    TransferLetter(sample()).paint(painter, QRectF(40, 40, 413, 585));
    painter.end();
    QCOMPARE(inkIn(image, 0, 40), 0.0);
    QCOMPARE(inkIn(image, image.height() - 40, image.height()), 0.0);
    QVERIFY(inkIn(image, 40, image.height() - 40) > 0.02);
}

void TstTransferLetter::failedWriteLeavesNoFile()
{
    const QString pdf = m_dir.filePath(QStringLiteral("no-such-folder/letter.pdf"));
    QString error;
    QVERIFY(!TransferLetter(sample()).writePdf(pdf, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(pdf)), qPrintable(error));
    QVERIFY(!QFile::exists(pdf));
    QVERIFY(!QDir(m_dir.filePath(QStringLiteral("no-such-folder"))).exists());
}

void TstTransferLetter::missingFontsNameThePackage()
{
    const LetterFont none = LetterFont::find(
        {{QStringLiteral("UnionDesk No Such Face"), m_dir.filePath(QStringLiteral("missing.ttf")),
          QStringLiteral("fonts-uniondesk-missing")}});
    QVERIFY(!none.isValid());
    QVERIFY2(none.error().contains(QStringLiteral("fonts-uniondesk-missing")), qPrintable(none.error()));
    QVERIFY(LetterFont::defaultCandidates().constFirst().family == QStringLiteral("AR PL UMing CN"));
}

void TstTransferLetter::fontWithoutACharacterIsRefused()
{
    // WenQuanYi Micro Hei, the fallback face, has no glyph for the rare character: with merging off
    // it is reported instead of being borrowed from a font whose text layer is wrong.
    const LetterFont wqy = LetterFont::find({LetterFont::defaultCandidates().constLast()});
    QVERIFY2(wqy.isValid(), "WenQuanYi Micro Hei is missing: scripts/setup installs fonts-wqy-microhei");
    QCOMPARE(wqy.missingCharacter(QStringLiteral("甲厂工会 金日长入")), char32_t(0));
    QCOMPARE(wqy.missingCharacter(QStringLiteral("李") + RareCharacter), char32_t(0x201D4));
    QCOMPARE(LetterFont::find().missingCharacter(QStringLiteral("李") + RareCharacter), char32_t(0));
}

void TstTransferLetter::characterNoFontHasIsRefusedWithoutAFile()
{
    // A character no font has (U+2FFF0, unassigned in the ideographs' plane) stands for a rare one
    // the letter fonts lack: the letter is refused rather than printed with a box or with a glyph
    // borrowed from a font whose text layer is wrong.
    const QString missing = QString::fromUcs4(U"\U0002FFF0", 1);
    QCOMPARE(LetterFont::find().missingCharacter(missing), char32_t(0x2FFF0));
    TransferLetterContent c = sample();
    c.memberName = missing + QStringLiteral("田");
    const QString pdf = m_dir.filePath(QStringLiteral("refused.pdf"));
    QString error;
    QVERIFY(!TransferLetter(c).writePdf(pdf, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(pdf)), qPrintable(error));
    QVERIFY2(error.contains(missing), qPrintable(error));
    QVERIFY(!QFile::exists(pdf));
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("refused*")}, QDir::Files | QDir::Hidden),
             QStringList());
}

QTEST_MAIN(TstTransferLetter)
#include "tst_transferletter.moc"
