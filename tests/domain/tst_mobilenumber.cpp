#include "domain/MobileNumber.h"

#include <QTest>

using ud::MobileNumber;
using Error = ud::MobileNumber::Error;

class TstMobileNumber : public QObject
{
    Q_OBJECT

private slots:
    void defaultIsInvalid();
    void parse_data();
    void parse();
    void messages_data();
    void messages();
    void looksOdd_data();
    void looksOdd();
    void masked_data();
    void masked();
};

void TstMobileNumber::defaultIsInvalid()
{
    const MobileNumber m;
    QVERIFY(!m.isValid());
    QCOMPARE(m.error(), Error::Empty);
    QVERIFY(!m.looksOdd());
}

void TstMobileNumber::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("value");

    const auto valid = [](const char* row, const QString& input, const char* value) {
        QTest::newRow(row) << input << Error::None << QString::fromLatin1(value);
    };
    const auto invalid = [](const char* row, const QString& input, Error error) {
        QTest::newRow(row) << input << error << QString();
    };

    valid("plain", QStringLiteral("13812345678"), "13812345678");
    for (char second = '3'; second <= '9'; ++second) {
        const QByteArray number = QByteArray("1") + second + "012345678";
        const QByteArray row = "second digit " + QByteArray(1, second);
        valid(row.constData(), QString::fromLatin1(number), number.constData());
    }
    valid("3-4-4 spaces", QStringLiteral("138 1234 5678"), "13812345678");
    valid("3-4-4 hyphens", QStringLiteral("138-1234-5678"), "13812345678");
    valid("full-width", QStringLiteral("１３８１２３４５６７８"), "13812345678");
    valid("full-width with ideographic spaces", QStringLiteral("１３８\u3000１２３４\u3000５６７８"),
          "13812345678");
    valid("+86", QStringLiteral("+8613812345678"), "13812345678");
    valid("+86 spaced", QStringLiteral("+86 138 1234 5678"), "13812345678");
    valid("+86-", QStringLiteral("+86-138-1234-5678"), "13812345678");
    valid("(+86)", QStringLiteral("(+86) 138 1234 5678"), "13812345678");
    valid("full-width (+86)", QStringLiteral("（＋８６）１３８１２３４５６７８"), "13812345678");
    valid("(0) trunk prefix", QStringLiteral("(0)13812345678"), "13812345678");
    valid("0 trunk prefix", QStringLiteral("013812345678"), "13812345678");
    valid("0086", QStringLiteral("008613812345678"), "13812345678");
    valid("0086 spaced", QStringLiteral("0086 138 1234 5678"), "13812345678");
    valid("86 and 11 digits", QStringLiteral("8613812345678"), "13812345678");
    valid("86 spaced", QStringLiteral("86 13812345678"), "13812345678");
    valid("parentheses", QStringLiteral("(138)12345678"), "13812345678");
    valid("leading apostrophe", QStringLiteral("'13812345678"), "13812345678");
    valid("tab and apostrophe", QStringLiteral("\t'13812345678"), "13812345678");
    valid("zero-width", QStringLiteral("\u200B13812345678\uFEFF"), "13812345678");
    valid("trailing newline", QStringLiteral("13812345678\n"), "13812345678");

    invalid("empty", QString(), Error::Empty);
    invalid("spaces", QStringLiteral("  "), Error::Empty);
    invalid("+86 only", QStringLiteral("+86"), Error::Empty);
    invalid("scientific", QStringLiteral("1.38123E+10"), Error::ScientificNotation);
    invalid("scientific lower case", QStringLiteral("1.38123e10"), Error::ScientificNotation);
    invalid("Hong Kong", QStringLiteral("+852 9123 4567"), Error::NotMainland);
    invalid("United States", QStringLiteral("+1 202 555 0143"), Error::NotMainland);
    invalid("plus in the middle", QStringLiteral("138+12345678"), Error::BadCharacter);
    invalid("letter O", QStringLiteral("138O0138000"), Error::BadCharacter);
    invalid("decimal", QStringLiteral("13812345678.0"), Error::BadCharacter);
    invalid("extension", QStringLiteral("13812345678#12"), Error::BadCharacter);
    invalid("a name", QStringLiteral("张三"), Error::BadCharacter);
    invalid("slash between two numbers", QStringLiteral("13812345678/13912345678"), Error::BadCharacter);
    invalid("10 digits", QStringLiteral("1381234567"), Error::BadLength);
    invalid("12 digits", QStringLiteral("138123456789"), Error::BadLength);
    invalid("two numbers", QStringLiteral("13812345678 13912345678"), Error::BadLength);
    invalid("86 and 10 digits", QStringLiteral("861381234567"), Error::BadLength);
    invalid("+86 and 10 digits", QStringLiteral("+861381234567"), Error::BadLength);
    invalid("landline, 12 digits", QStringLiteral("0755-12345678"), Error::BadLength);
    invalid("landline with area code", QStringLiteral("010-12345678"), Error::BadPrefix);
    invalid("landline, 11 digits", QStringLiteral("0755-1234567"), Error::BadPrefix);
    invalid("second digit 0", QStringLiteral("10012345678"), Error::BadPrefix);
    invalid("second digit 1", QStringLiteral("11012345678"), Error::BadPrefix);
    invalid("second digit 2", QStringLiteral("12345678901"), Error::BadPrefix);
    invalid("first digit 2", QStringLiteral("23812345678"), Error::BadPrefix);
    invalid("86 prefix kept when 11 digits", QStringLiteral("86138123456"), Error::BadPrefix);
}

void TstMobileNumber::parse()
{
    QFETCH(QString, input);
    QFETCH(Error, error);
    QFETCH(QString, value);

    const MobileNumber m = MobileNumber::parse(input);
    QCOMPARE(m.error(), error);
    QCOMPARE(m.isValid(), error == Error::None);
    QCOMPARE(m.value(), value);
    QCOMPARE(m.errorMessage().isEmpty(), m.isValid());
    if (m.isValid())
        QCOMPARE(MobileNumber::parse(m.value()).value(), m.value());
    else
        QVERIFY2(m.errorMessage().startsWith(QLatin1String("Mobile: ")), qPrintable(m.errorMessage()));
}

void TstMobileNumber::messages_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QString() << QStringLiteral("Mobile: nothing was entered.");
    QTest::newRow("length") << QStringLiteral("1381234567")
                            << QStringLiteral("Mobile: it has 10 digits; it should have 11.");
    QTest::newRow("prefix") << QStringLiteral("12345678901")
                            << QStringLiteral(
                                   "Mobile: a mainland mobile number begins with 13 to 19, not 12.");
    QTest::newRow("character") << QStringLiteral("138O0138000")
                               << QStringLiteral(
                                      "Mobile: “O” is not allowed; a mobile number has only digits.");
    QTest::newRow("foreign") << QStringLiteral("+852 9123 4567")
                             << QStringLiteral("Mobile: only mainland China numbers (+86) are accepted.");
    QTest::newRow("scientific") << QStringLiteral("1.38123E+10")
                                << QStringLiteral(
                                       "Mobile: Excel stored it as a number and shows 1.38123E+10, so "
                                       "digits are lost. Retype the mobile number as text.");
}

void TstMobileNumber::messages()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    QCOMPARE(MobileNumber::parse(input).errorMessage(), message);
}

void TstMobileNumber::looksOdd_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("odd");

    QTest::newRow("ordinary") << QStringLiteral("13812345670") << false;
    QTest::newRow("ordinary 2") << QStringLiteral("18620001234") << false;
    QTest::newRow("service number") << QStringLiteral("13800138000") << false;
    QTest::newRow("zeros") << QStringLiteral("13800000000") << true;
    QTest::newRow("all threes") << QStringLiteral("13333333333") << true;
    QTest::newRow("nines") << QStringLiteral("15999999999") << true;
    QTest::newRow("ascending") << QStringLiteral("13912345678") << true;
    QTest::newRow("ascending through 0") << QStringLiteral("13945678901") << true;
    QTest::newRow("descending") << QStringLiteral("13987654321") << true;
    QTest::newRow("descending through 9") << QStringLiteral("13921098765") << true;
    QTest::newRow("seven of eight the same") << QStringLiteral("13800000001") << false;
    QTest::newRow("invalid is not odd") << QStringLiteral("12345678901") << false;
}

void TstMobileNumber::looksOdd()
{
    QFETCH(QString, input);
    QFETCH(bool, odd);
    const MobileNumber m = MobileNumber::parse(input);
    QCOMPARE(m.looksOdd(), odd);
    QCOMPARE(m.warningMessage().isEmpty(), !odd);
    if (odd)
        QVERIFY(m.warningMessage().startsWith(QLatin1String("Mobile: ")));
}

void TstMobileNumber::masked_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("masked");

    QTest::newRow("plain") << QStringLiteral("13812345678") << QStringLiteral("138****5678");
    QTest::newRow("+86 spaced") << QStringLiteral("+86 138 1234 5678") << QStringLiteral("138****5678");
    QTest::newRow("full-width") << QStringLiteral("１３８１２３４５６７８") << QStringLiteral("138****5678");
    QTest::newRow("landline 8 digits") << QStringLiteral("12345678") << QStringLiteral("12****78");
    QTest::newRow("12 digits") << QStringLiteral("123456789012") << QStringLiteral("123******012");
    QTest::newRow("short") << QStringLiteral("110") << QStringLiteral("***");
    QTest::newRow("empty") << QString() << QString();
}

void TstMobileNumber::masked()
{
    QFETCH(QString, input);
    QFETCH(QString, masked);
    QCOMPARE(MobileNumber::masked(input), masked);
}

QTEST_GUILESS_MAIN(TstMobileNumber)
#include "tst_mobilenumber.moc"
