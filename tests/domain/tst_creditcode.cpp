#include "domain/CreditCode.h"

#include <QTest>

using ud::CreditCode;
using Error = ud::CreditCode::Error;

// Check characters in these vectors were computed independently of the code under test;
// 91350100M000100Y43 is the code most often cited as an example of a valid one.
class TstCreditCode : public QObject
{
    Q_OBJECT

private slots:
    void defaultIsInvalid();
    void parse_data();
    void parse();
    void checkCharacter_data();
    void checkCharacter();
    void everySingleErrorIsCaught();
    void messages_data();
    void messages();
    void isUnionCode_data();
    void isUnionCode();
};

void TstCreditCode::defaultIsInvalid()
{
    const CreditCode code;
    QVERIFY(!code.isValid());
    QCOMPARE(code.error(), Error::Empty);
    QVERIFY(!code.isUnionCode());
}

void TstCreditCode::parse_data()
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

    valid("cited example", QStringLiteral("91350100M000100Y43"), "91350100M000100Y43");
    valid("base union", QStringLiteral("81440106MC00000016"), "81440106MC00000016");
    valid("base union 2", QStringLiteral("81440106MC00000029"), "81440106MC00000029");
    valid("base union, check J", QStringLiteral("81110000MC123456XJ"), "81110000MC123456XJ");
    valid("base union, digits only", QStringLiteral("81440300051234567H"), "81440300051234567H");
    valid("other union", QStringLiteral("89310000MC0001234D"), "89310000MC0001234D");
    valid("other union 2", QStringLiteral("89440106MC0000001D"), "89440106MC0000001D");
    valid("authority 1, public institution", QStringLiteral("121000004000003980"), "121000004000003980");
    valid("authority 2", QStringLiteral("21110000MA0000001U"), "21110000MA0000001U");
    valid("authority 3", QStringLiteral("31110000MA0000001T"), "31110000MA0000001T");
    valid("authority 4", QStringLiteral("41110000MA0000001R"), "41110000MA0000001R");
    valid("authority 5, social organisation", QStringLiteral("511000005000001238"), "511000005000001238");
    valid("authority 5, private non-enterprise", QStringLiteral("52440106MJ0000001J"), "52440106MJ0000001J");
    valid("authority 6", QStringLiteral("61110000MA0000001P"), "61110000MA0000001P");
    valid("authority 7", QStringLiteral("71110000MA0000001N"), "71110000MA0000001N");
    valid("authority 9, enterprise", QStringLiteral("91110000600037341L"), "91110000600037341L");
    valid("authority 9, sole trader", QStringLiteral("92440106MA0000001X"), "92440106MA0000001X");
    valid("authority 9, cooperative", QStringLiteral("93440106MA0000001T"), "93440106MA0000001T");
    valid("authority A", QStringLiteral("A1110000MA0000001K"), "A1110000MA0000001K");
    valid("authority N", QStringLiteral("N2440106MA0000001G"), "N2440106MA0000001G");
    valid("authority Y, check 0", QStringLiteral("Y14401060000000005"), "Y14401060000000005");
    valid("check H", QStringLiteral("91350100000000000H"), "91350100000000000H");

    valid("lower case", QStringLiteral("91350100m000100y43"), "91350100M000100Y43");
    valid("full-width", QStringLiteral("９１３５０１００Ｍ０００１００Ｙ４３"), "91350100M000100Y43");
    valid("full-width lower case", QStringLiteral("８１４４０１０６ｍｃ００００００１６"),
          "81440106MC00000016");
    valid("spaces", QStringLiteral(" 9135 0100 M000 100Y 43 "), "91350100M000100Y43");
    valid("hyphens", QStringLiteral("913501-00M000100-Y43"), "91350100M000100Y43");
    valid("leading apostrophe", QStringLiteral("'91350100M000100Y43"), "91350100M000100Y43");
    valid("tab and apostrophe", QStringLiteral("\t'91350100M000100Y43"), "91350100M000100Y43");
    valid("zero-width", QStringLiteral("\uFEFF91350100M000100Y43\u200B"), "91350100M000100Y43");

    invalid("empty", QString(), Error::Empty);
    invalid("spaces only", QStringLiteral("\u3000 "), Error::Empty);
    invalid("letter I", QStringLiteral("91350100MI00100Y43"), Error::BadCharacter);
    invalid("letter O", QStringLiteral("91350100MO00100Y43"), Error::BadCharacter);
    invalid("letter S", QStringLiteral("91350100MS00100Y43"), Error::BadCharacter);
    invalid("letter V", QStringLiteral("91350100MV00100Y43"), Error::BadCharacter);
    invalid("letter Z", QStringLiteral("91350100MZ00100Y43"), Error::BadCharacter);
    invalid("lower-case o", QStringLiteral("91350100mo00100y43"), Error::BadCharacter);
    invalid("Chinese", QStringLiteral("统一社会信用代码"), Error::BadCharacter);
    invalid("asterisk", QStringLiteral("91350100M000100Y4*"), Error::BadCharacter);
    invalid("scientific", QStringLiteral("9.1E+17"), Error::BadCharacter);
    invalid("17 characters", QStringLiteral("91350100M000100Y4"), Error::BadLength);
    invalid("19 characters", QStringLiteral("91350100M000100Y433"), Error::BadLength);
    invalid("old registration number", QStringLiteral("440101000123456"), Error::BadLength);
    invalid("organisation code", QStringLiteral("M000100Y4"), Error::BadLength);
    invalid("authority 0", QStringLiteral("01350100M000100Y4C"), Error::BadAuthority);
    invalid("authority B", QStringLiteral("B1350100M000100Y41"), Error::BadAuthority);
    invalid("authority W", QStringLiteral("W1350100M000100Y4F"), Error::BadAuthority);
    invalid("letter in region", QStringLiteral("9135A100M000100Y4Y"), Error::BadRegion);
    invalid("wrong check", QStringLiteral("91350100M000100Y44"), Error::BadCheck);
    invalid("wrong check letter", QStringLiteral("91350100M000100Y4Y"), Error::BadCheck);
    invalid("neighbours swapped", QStringLiteral("91350100M001000Y43"), Error::BadCheck);
    invalid("union code, wrong check", QStringLiteral("81440106MC00000017"), Error::BadCheck);
}

void TstCreditCode::parse()
{
    QFETCH(QString, input);
    QFETCH(Error, error);
    QFETCH(QString, value);

    const CreditCode code = CreditCode::parse(input);
    QCOMPARE(code.error(), error);
    QCOMPARE(code.isValid(), error == Error::None);
    QCOMPARE(code.value(), value);
    QCOMPARE(code.errorMessage().isEmpty(), code.isValid());
    if (code.isValid()) {
        QCOMPARE(CreditCode::parse(code.value()).value(), code.value());
    } else {
        QVERIFY2(code.errorMessage().startsWith(QLatin1String("Unified social credit code: ")),
                 qPrintable(code.errorMessage()));
    }
}

void TstCreditCode::checkCharacter_data()
{
    QTest::addColumn<QString>("first17");
    QTest::addColumn<QChar>("check");

    QTest::newRow("cited example") << QStringLiteral("91350100M000100Y4") << QChar(u'3');
    QTest::newRow("union") << QStringLiteral("81440106MC0000001") << QChar(u'6');
    QTest::newRow("letter") << QStringLiteral("81110000MC123456X") << QChar(u'J');
    QTest::newRow("zero") << QStringLiteral("Y1440106000000000") << QChar(u'5');
    QTest::newRow("sum divisible by 31") << QStringLiteral("00000000000000000") << QChar(u'0');
    QTest::newRow("empty") << QString() << QChar();
    QTest::newRow("16 characters") << QStringLiteral("91350100M000100Y") << QChar();
    QTest::newRow("letter O") << QStringLiteral("91350100MO00100Y4") << QChar();
    QTest::newRow("lower case is not normalised here") << QStringLiteral("91350100m000100y4") << QChar();
}

void TstCreditCode::checkCharacter()
{
    QFETCH(QString, first17);
    QFETCH(QChar, check);
    QCOMPARE(CreditCode::checkCharacter(first17), check);
}

// 31 is prime and the weights are distinct and non-zero modulo 31, so every single substitution
// and every transposition of neighbours among the first 17 characters changes the check.
void TstCreditCode::everySingleErrorIsCaught()
{
    const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKLMNPQRTUWXY");
    const QString code = QStringLiteral("81440106MC00000016");
    QVERIFY(CreditCode::parse(code).isValid());
    for (qsizetype i = 0; i < 17; ++i) {
        for (QChar c : alphabet) {
            if (c == code.at(i))
                continue;
            QString typo = code;
            typo[i] = c;
            QVERIFY2(!CreditCode::parse(typo).isValid(), qPrintable(typo));
        }
        if (i < 16 && code.at(i) != code.at(i + 1)) {
            QString swapped = code;
            std::swap(swapped[i], swapped[i + 1]);
            QVERIFY2(!CreditCode::parse(swapped).isValid(), qPrintable(swapped));
        }
    }
}

void TstCreditCode::messages_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("check") << QStringLiteral("91350100M000100Y44")
                           << QStringLiteral(
                                  "Unified social credit code: the check character should be 3 but is 4.");
    QTest::newRow("character") << QStringLiteral("91350100MO00100Y43")
                               << QStringLiteral(
                                      "Unified social credit code: “O” is not allowed; the code uses digits "
                                      "and capital letters except I, O, S, V and Z.");
    QTest::newRow("length") << QStringLiteral("440101000123456")
                            << QStringLiteral(
                                   "Unified social credit code: it has 15 characters; it should have 18.");
    QTest::newRow("authority") << QStringLiteral("B1350100M000100Y41")
                               << QStringLiteral("Unified social credit code: the first character B is not a "
                                                 "registration authority (1–9, A, N or Y).");
    QTest::newRow("region")
        << QStringLiteral("9135A100M000100Y4Y")
        << QStringLiteral("Unified social credit code: characters 3 to 8 (35A100) should be a six-digit "
                          "region code.");
    QTest::newRow("empty") << QString() << QStringLiteral("Unified social credit code: nothing was entered.");
}

void TstCreditCode::messages()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    QCOMPARE(CreditCode::parse(input).errorMessage(), message);
}

void TstCreditCode::isUnionCode_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("union_");

    QTest::newRow("81") << QStringLiteral("81440106MC00000016") << true;
    QTest::newRow("81 lower case") << QStringLiteral("81110000mc123456xj") << true;
    QTest::newRow("89") << QStringLiteral("89310000MC0001234D") << true;
    QTest::newRow("enterprise") << QStringLiteral("91350100M000100Y43") << false;
    QTest::newRow("social organisation") << QStringLiteral("511000005000001238") << false;
    QTest::newRow("81 but invalid") << QStringLiteral("81440106MC00000017") << false;
}

void TstCreditCode::isUnionCode()
{
    QFETCH(QString, input);
    QFETCH(bool, union_);
    QCOMPARE(CreditCode::parse(input).isUnionCode(), union_);
}

QTEST_GUILESS_MAIN(TstCreditCode)
#include "tst_creditcode.moc"
