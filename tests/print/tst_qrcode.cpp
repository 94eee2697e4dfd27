#include "print/QrCode.h"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace ud;

class TstQrCode : public QObject
{
    Q_OBJECT

private slots:
    void matrixIsSquareWithFinderPatterns();
    void matrixChangesWithTheText();
    void refusesEmptyAndOversizedText();
    void paintsTheQuietZoneWhite();
    void readsBackExactly_data();
    void readsBackExactly();
};

namespace {

QString uuidText()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// The 7×7 finder pattern with its top-left module at (left, top): a dark ring, a light ring, a dark
// 3×3 centre.
bool hasFinderAt(const QrCode& code, int left, int top)
{
    for (int y = 0; y < 7; ++y) {
        for (int x = 0; x < 7; ++x) {
            const int ring = qMin(qMin(x, y), qMin(6 - x, 6 - y));
            const bool dark = ring != 1;
            if (code.isDark(left + x, top + y) != dark)
                return false;
        }
    }
    return true;
}

QString decode(const QString& pngPath)
{
    QProcess zbar;
    zbar.start(QStringLiteral("zbarimg"), {QStringLiteral("--raw"), QStringLiteral("-q"), pngPath});
    if (!zbar.waitForFinished(30000))
        return QStringLiteral("<zbarimg did not finish>");
    return QString::fromUtf8(zbar.readAllStandardOutput()).trimmed();
}

} // namespace

void TstQrCode::matrixIsSquareWithFinderPatterns()
{
    const QString id = uuidText();
    const QrCode code = QrCode::encode(id);
    QVERIFY(!code.isNull());
    QCOMPARE(code.text(), id);
    // Version n has 17 + 4n modules a side; 36 bytes at level M need version 3.
    QCOMPARE(code.size(), 29);
    QCOMPARE((code.size() - 17) % 4, 0);
    QVERIFY(hasFinderAt(code, 0, 0));
    QVERIFY(hasFinderAt(code, code.size() - 7, 0));
    QVERIFY(hasFinderAt(code, 0, code.size() - 7));
    QVERIFY(!hasFinderAt(code, code.size() - 7, code.size() - 7)); // only three corners
    // The timing pattern between the finders alternates, starting dark.
    for (int i = 8; i < code.size() - 8; ++i) {
        QCOMPARE(code.isDark(i, 6), i % 2 == 0);
        QCOMPARE(code.isDark(6, i), i % 2 == 0);
    }
    QVERIFY(!code.isDark(-1, 0));
    QVERIFY(!code.isDark(0, code.size()));
}

void TstQrCode::matrixChangesWithTheText()
{
    const QString id = uuidText();
    QString other = id;
    other[other.size() - 1] = other.back() == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
    const QrCode a = QrCode::encode(id);
    const QrCode b = QrCode::encode(other);
    QCOMPARE(a.size(), b.size());
    int differing = 0;
    for (int y = 0; y < a.size(); ++y) {
        for (int x = 0; x < a.size(); ++x)
            differing += a.isDark(x, y) != b.isDark(x, y);
    }
    QVERIFY2(differing > 10, qPrintable(QString::number(differing)));
    // The same text gives the same symbol.
    const QrCode again = QrCode::encode(id);
    for (int y = 0; y < a.size(); ++y) {
        for (int x = 0; x < a.size(); ++x)
            QCOMPARE(again.isDark(x, y), a.isDark(x, y));
    }
    QVERIFY(QrCode::encode(id + id).size() > a.size()); // more data, a larger version
}

void TstQrCode::refusesEmptyAndOversizedText()
{
    QVERIFY(QrCode::encode(QString()).isNull());
    QCOMPARE(QrCode::encode(QString()).size(), 0);
    // Version 40 at level M holds 2331 bytes.
    QVERIFY(!QrCode::encode(QString(2331, QLatin1Char('a'))).isNull());
    QVERIFY(QrCode::encode(QString(2332, QLatin1Char('a'))).isNull());
}

void TstQrCode::paintsTheQuietZoneWhite()
{
    const QrCode code = QrCode::encode(uuidText());
    const int modules = code.size() + 2 * QrCode::QuietZone;
    const int module = 5;
    QImage image(modules * module + 20, modules * module, QImage::Format_RGB32);
    image.fill(Qt::red);
    QPainter painter(&image);
    code.paint(painter, QRectF(0, 0, image.width(), image.height()));
    painter.end();
    // A square centred horizontally: 10 red columns either side, then the white quiet zone.
    QCOMPARE(image.pixelColor(9, 0), QColor(Qt::red));
    QCOMPARE(image.pixelColor(10, 0), QColor(Qt::white));
    QCOMPARE(image.pixelColor(10 + QrCode::QuietZone * module - 1, QrCode::QuietZone * module - 1),
             QColor(Qt::white));
    // The first module of the symbol is the finder's dark corner.
    QCOMPARE(image.pixelColor(10 + QrCode::QuietZone * module + 2, QrCode::QuietZone * module + 2),
             QColor(Qt::black));
}

void TstQrCode::readsBackExactly_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("transfer id") << uuidText();
    QTest::newRow("another id") << uuidText();
    QTest::newRow("letter number") << QStringLiteral("20260042");
}

void TstQrCode::readsBackExactly()
{
    QFETCH(QString, text);
    if (QStandardPaths::findExecutable(QStringLiteral("zbarimg")).isEmpty())
        QFAIL("zbarimg is missing: scripts/setup installs zbar-tools");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QrCode code = QrCode::encode(text);
    QImage image(300, 300, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    code.paint(painter, QRectF(0, 0, 300, 300));
    painter.end();
    const QString png = dir.filePath(QStringLiteral("code.png"));
    QVERIFY(image.save(png));
    QCOMPARE(decode(png), text);
}

QTEST_MAIN(TstQrCode)
#include "tst_qrcode.moc"
