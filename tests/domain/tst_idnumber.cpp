#include "domain/IdNumber.h"
#include "util/Clock.h"

#include <QTest>

using ud::Gender;
using ud::IdNumber;
using Error = ud::IdNumber::Error;

// Check characters in these vectors were computed independently of the code under test (and the
// first two are the examples printed in GB 11643-1999).
class TstIdNumber : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void defaultIsInvalid();
    void parse_data();
    void parse();
    void checkCharacter_data();
    void checkCharacter();
    void everySingleDigitErrorIsCaught_data();
    void everySingleDigitErrorIsCaught();
    void messages_data();
    void messages();
    void looksScientific_data();
    void looksScientific();
    void masked_data();
    void masked();
    void genderMismatch();
    void birthDateMismatch();
};

void TstIdNumber::initTestCase()
{
    // "Today" is pinned so that the future-date rows stay future and today's row stays valid.
    ud::Clock::setFixed(QDateTime(QDate(2025, 6, 15), QTime(12, 0), Qt::UTC));
}

void TstIdNumber::cleanupTestCase()
{
    ud::Clock::reset();
}

void TstIdNumber::defaultIsInvalid()
{
    const IdNumber id;
    QVERIFY(!id.isValid());
    QCOMPARE(id.error(), Error::Empty);
    QVERIFY(id.value().isEmpty());
    QCOMPARE(id.gender(), Gender::Unknown);
}

void TstIdNumber::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("converted");
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<Gender>("gender");

    const auto valid = [](const char* row, const QString& input, const char* value, QDate birth, Gender g,
                          bool converted = false) {
        QTest::newRow(row) << input << Error::None << QString::fromLatin1(value) << converted << birth << g;
    };
    const auto invalid = [](const char* row, const QString& input, Error error) {
        QTest::newRow(row) << input << error << QString() << false << QDate() << Gender::Unknown;
    };

    // Valid, one per province-code boundary, both genders, X and digit check characters.
    valid("standard example X", QStringLiteral("11010519491231002X"), "11010519491231002X",
          QDate(1949, 12, 31), Gender::Female);
    valid("15 Inner Mongolia", QStringLiteral("150102198001010014"), "150102198001010014", QDate(1980, 1, 1),
          Gender::Male);
    valid("21 Liaoning", QStringLiteral("210203197511110027"), "210203197511110027", QDate(1975, 11, 11),
          Gender::Female);
    valid("23 Heilongjiang", QStringLiteral("230102196606060031"), "230102196606060031", QDate(1966, 6, 6),
          Gender::Male);
    valid("31 Shanghai X", QStringLiteral("31011519880808004X"), "31011519880808004X", QDate(1988, 8, 8),
          Gender::Female);
    // X as input methods give it: the multiplication sign, the Roman numeral ten.
    valid("X typed as ×", QStringLiteral("31011519880808004×"), "31011519880808004X", QDate(1988, 8, 8),
          Gender::Female);
    valid("X typed as Ⅹ", QStringLiteral("31011519880808004Ⅹ"), "31011519880808004X", QDate(1988, 8, 8),
          Gender::Female);
    invalid("× not at the end", QStringLiteral("3101151988080×0041"), Error::BadCharacter);
    valid("37 Shandong", QStringLiteral("370202199303030054"), "370202199303030054", QDate(1993, 3, 3),
          Gender::Male);
    valid("41 Henan", QStringLiteral("41010519550505006X"), "41010519550505006X", QDate(1955, 5, 5),
          Gender::Female);
    valid("46 Hainan", QStringLiteral("46010619990909007X"), "46010619990909007X", QDate(1999, 9, 9),
          Gender::Male);
    valid("50 Chongqing", QStringLiteral("500103197007070082"), "500103197007070082", QDate(1970, 7, 7),
          Gender::Female);
    valid("54 Tibet", QStringLiteral("540102198510100096"), "540102198510100096", QDate(1985, 10, 10),
          Gender::Male);
    valid("61 Shaanxi leap 1960", QStringLiteral("61010319600229001X"), "61010319600229001X",
          QDate(1960, 2, 29), Gender::Male);
    valid("65 Xinjiang", QStringLiteral("650102197208153411"), "650102197208153411", QDate(1972, 8, 15),
          Gender::Male);
    valid("71 Taiwan", QStringLiteral("710000198001010010"), "710000198001010010", QDate(1980, 1, 1),
          Gender::Male);
    valid("81 Hong Kong, ends in 000", QStringLiteral("810000198812030000"), "810000198812030000",
          QDate(1988, 12, 3), Gender::Female);
    valid("82 Macao", QStringLiteral("820000199001010029"), "820000199001010029", QDate(1990, 1, 1),
          Gender::Female);
    valid("83 Taiwan residence permit", QStringLiteral("830000199506071128"), "830000199506071128",
          QDate(1995, 6, 7), Gender::Female);
    valid("leap day 2000", QStringLiteral("440106200002290024"), "440106200002290024", QDate(2000, 2, 29),
          Gender::Female);
    valid("leap day 2024", QStringLiteral("440106202402290049"), "440106202402290049", QDate(2024, 2, 29),
          Gender::Female);
    valid("first day allowed", QStringLiteral("440106190001010012"), "440106190001010012", QDate(1900, 1, 1),
          Gender::Male);
    valid("born today", QStringLiteral("440106202506150016"), "440106202506150016", QDate(2025, 6, 15),
          Gender::Male);

    // What clerks and spreadsheets do to a valid number.
    valid("lower-case x", QStringLiteral("11010519491231002x"), "11010519491231002X", QDate(1949, 12, 31),
          Gender::Female);
    valid("full-width", QStringLiteral("１１０１０５１９４９１２３１００２ｘ"), "11010519491231002X",
          QDate(1949, 12, 31), Gender::Female);
    valid("full-width capital X", QStringLiteral("１１０１０５１９４９１２３１００２Ｘ"),
          "11010519491231002X", QDate(1949, 12, 31), Gender::Female);
    valid("grouped with spaces", QStringLiteral("110105 19491231 002X"), "11010519491231002X",
          QDate(1949, 12, 31), Gender::Female);
    valid("grouped with hyphens", QStringLiteral("110105-19491231-002X"), "11010519491231002X",
          QDate(1949, 12, 31), Gender::Female);
    valid("ideographic spaces", QStringLiteral("110105\u300019491231\u3000002X"), "11010519491231002X",
          QDate(1949, 12, 31), Gender::Female);
    valid("leading tab", QStringLiteral("\t11010519491231002X"), "11010519491231002X", QDate(1949, 12, 31),
          Gender::Female);
    valid("trailing newline", QStringLiteral("11010519491231002X\r\n"), "11010519491231002X",
          QDate(1949, 12, 31), Gender::Female);
    valid("leading apostrophe", QStringLiteral("'11010519491231002X"), "11010519491231002X",
          QDate(1949, 12, 31), Gender::Female);
    valid("tab then apostrophe", QStringLiteral("\t'11010519491231002X"), "11010519491231002X",
          QDate(1949, 12, 31), Gender::Female);
    valid("curly apostrophe", QStringLiteral("\u201911010519491231002X"), "11010519491231002X",
          QDate(1949, 12, 31), Gender::Female);
    valid("zero-width space and BOM", QStringLiteral("\uFEFF1101051949\u200B1231002X"), "11010519491231002X",
          QDate(1949, 12, 31), Gender::Female);

    // Legacy 15-digit numbers become 18.
    valid("15 to 18, standard example", QStringLiteral("110105491231002"), "11010519491231002X",
          QDate(1949, 12, 31), Gender::Female, true);
    valid("15 to 18, male", QStringLiteral("440106900101123"), "440106199001011235", QDate(1990, 1, 1),
          Gender::Male, true);
    valid("15 to 18, Hebei", QStringLiteral("130503670401001"), "130503196704010016", QDate(1967, 4, 1),
          Gender::Male, true);
    valid("15 to 18, Jiangsu", QStringLiteral("320311770706001"), "320311197707060018", QDate(1977, 7, 6),
          Gender::Male, true);
    valid("15 to 18, spaced and full-width", QStringLiteral("３２０３１１ 770706 001"), "320311197707060018",
          QDate(1977, 7, 6), Gender::Male, true);

    // Nothing there.
    invalid("empty", QString(), Error::Empty);
    invalid("spaces", QStringLiteral("   "), Error::Empty);
    invalid("ideographic space", QStringLiteral("\u3000"), Error::Empty);
    invalid("apostrophe only", QStringLiteral("'"), Error::Empty);

    // Damaged by a numeric Excel cell: never repaired, always refused with its own reason.
    invalid("scientific", QStringLiteral("4.40106E+17"), Error::ScientificNotation);
    invalid("scientific without plus", QStringLiteral("4.4011E17"), Error::ScientificNotation);
    invalid("scientific lower-case e", QStringLiteral("1.10105e+17"), Error::ScientificNotation);
    invalid("scientific, comma decimal", QStringLiteral("4,40106E+17"), Error::ScientificNotation);
    invalid("scientific, 15 digits", QStringLiteral("4.40106199001011E+17"), Error::ScientificNotation);
    invalid("scientific, full-width", QStringLiteral("４．４０１０６Ｅ＋１７"), Error::ScientificNotation);
    invalid("scientific after apostrophe", QStringLiteral("'4.40106E+17"), Error::ScientificNotation);
    invalid("zeroed last digits", QStringLiteral("440106199001011000"), Error::ZeroedDigits);
    invalid("zeroed last digits 2", QStringLiteral("110105194912310000"), Error::ZeroedDigits);
    invalid("zeroed last digits 3", QStringLiteral("440106199001015000"), Error::ZeroedDigits);

    // Characters.
    invalid("letter Y", QStringLiteral("11010519491231002Y"), Error::BadCharacter);
    invalid("letter O for zero", QStringLiteral("11010519491231O02X"), Error::BadCharacter);
    invalid("decimal point", QStringLiteral("440106199001011235.0"), Error::BadCharacter);
    invalid("a name", QStringLiteral("张三"), Error::BadCharacter);
    invalid("character beyond the BMP", QStringLiteral("11010519491231002𠇔"), Error::BadCharacter);
    invalid("X in the middle", QStringLiteral("1101051949123100X2"), Error::MisplacedX);
    invalid("X first", QStringLiteral("X10105194912310021"), Error::MisplacedX);
    invalid("X ending 15 characters", QStringLiteral("11010549123100X"), Error::MisplacedX);

    // Lengths.
    invalid("one digit", QStringLiteral("1"), Error::BadLength);
    invalid("14 digits", QStringLiteral("11010549123100"), Error::BadLength);
    invalid("16 digits", QStringLiteral("1101054912310021"), Error::BadLength);
    invalid("17 digits", QStringLiteral("11010519491231002"), Error::BadLength);
    invalid("17 characters with X", QStringLiteral("1101051949123102X"), Error::BadLength);
    invalid("19 digits", QStringLiteral("1101051949123100211"), Error::BadLength);
    invalid("two numbers in one cell", QStringLiteral("11010519491231002X 440106199001011235"),
            Error::BadLength);

    // Region: the first two digits.
    const char* badRegions[] = {
        "000106199001010011", "100106199001010015", "160106199001010016", "200106199001010019",
        "240106199001010016", "300106199001010012", "380106199001010017", "400106199001010016",
        "470106199001010019", "550106199001010019", "600106199001010013", "660106199001010014",
        "700106199001010017", "720106199001010010", "800106199001010010", "840106199001010018",
        "900106199001010014", "910106199001010016", "990106199001010010",
    };
    for (const char* id : badRegions) {
        const QByteArray row = "region " + QByteArray(id, 2);
        invalid(row.constData(), QString::fromLatin1(id), Error::BadRegion);
    }
    invalid("region 10, 15 digits", QStringLiteral("100105491231002"), Error::BadRegion);
    // Residence permits carry their region whole; a check digit that fits does not make 810100 one.
    invalid("permit region 810100", QStringLiteral("810100199001010014"), Error::BadRegion);
    invalid("permit region 830200", QStringLiteral("830200199001010013"), Error::BadRegion);

    // Birth dates (check characters correct, so only the date can be at fault).
    invalid("month 13", QStringLiteral("440106199013010010"), Error::BadDate);
    invalid("month 00", QStringLiteral("440106199000010011"), Error::BadDate);
    invalid("day 00", QStringLiteral("440106199001000018"), Error::BadDate);
    invalid("day 32", QStringLiteral("440106199001320011"), Error::BadDate);
    invalid("30 February", QStringLiteral("440106199002300012"), Error::BadDate);
    invalid("31 April", QStringLiteral("440106199004310011"), Error::BadDate);
    invalid("29 February 1900, not a leap year", QStringLiteral("44010619000229001X"), Error::BadDate);
    invalid("29 February 2023", QStringLiteral("440106202302290017"), Error::BadDate);
    invalid("30 February, 15 digits", QStringLiteral("110105490230002"), Error::BadDate);
    invalid("tomorrow", QStringLiteral("440106202506160011"), Error::FutureDate);
    invalid("2030", QStringLiteral("440106203001010012"), Error::FutureDate);
    invalid("1899", QStringLiteral("440106189912310018"), Error::TooOld);
    invalid("1880, the standard's second example", QStringLiteral("440524188001010014"), Error::TooOld);

    // Check character.
    invalid("check X typed as 5", QStringLiteral("110105194912310025"), Error::BadCheck);
    invalid("check X typed as 1", QStringLiteral("110105194912310021"), Error::BadCheck);
    invalid("check 5 typed as X", QStringLiteral("44010619900101123X"), Error::BadCheck);
    invalid("two digits swapped", QStringLiteral("440106199001011325"), Error::BadCheck);
    invalid("one digit wrong", QStringLiteral("440106199001011245"), Error::BadCheck);
}

void TstIdNumber::parse()
{
    QFETCH(QString, input);
    QFETCH(Error, error);
    QFETCH(QString, value);
    QFETCH(bool, converted);
    QFETCH(QDate, birth);
    QFETCH(Gender, gender);

    const IdNumber id = IdNumber::parse(input);
    QCOMPARE(id.error(), error);
    QCOMPARE(id.isValid(), error == Error::None);
    QCOMPARE(id.value(), value);
    QCOMPARE(id.birthDate(), birth);
    QCOMPARE(id.gender(), gender);
    QCOMPARE(id.errorMessage().isEmpty(), id.isValid());
    if (id.isValid()) {
        QCOMPARE(id.wasConverted(), converted);
        QCOMPARE(id.regionCode(), value.left(6));
        // Parsing the normalised value again is a fixed point.
        const IdNumber again = IdNumber::parse(id.value());
        QVERIFY(again.isValid());
        QCOMPARE(again.value(), id.value());
        QVERIFY(!again.wasConverted());
    } else {
        QVERIFY2(id.errorMessage().startsWith(QLatin1String("ID number: ")), qPrintable(id.errorMessage()));
    }
}

void TstIdNumber::checkCharacter_data()
{
    QTest::addColumn<QString>("first17");
    QTest::addColumn<QChar>("check");

    QTest::newRow("X") << QStringLiteral("11010519491231002") << QChar(u'X');
    QTest::newRow("4, the standard's second example") << QStringLiteral("44052418800101001") << QChar(u'4');
    QTest::newRow("0") << QStringLiteral("71000019800101001") << QChar(u'0');
    QTest::newRow("1") << QStringLiteral("65010219720815341") << QChar(u'1');
    QTest::newRow("2") << QStringLiteral("44010620000229003") << QChar(u'2');
    QTest::newRow("4, leap day") << QStringLiteral("44010620000229002") << QChar(u'4');
    QTest::newRow("3") << QStringLiteral("11010519491231000") << QChar(u'3');
    QTest::newRow("5") << QStringLiteral("44010619900101123") << QChar(u'5');
    QTest::newRow("6") << QStringLiteral("13050319670401001") << QChar(u'6');
    QTest::newRow("7") << QStringLiteral("21020319751111002") << QChar(u'7');
    QTest::newRow("8") << QStringLiteral("83000019950607112") << QChar(u'8');
    QTest::newRow("9") << QStringLiteral("44010619900101500") << QChar(u'9');
    QTest::newRow("all zeros") << QStringLiteral("00000000000000000") << QChar(u'1');
    QTest::newRow("empty") << QString() << QChar();
    QTest::newRow("16 digits") << QStringLiteral("1101051949123100") << QChar();
    QTest::newRow("18 digits") << QStringLiteral("110105194912310021") << QChar();
    QTest::newRow("a letter") << QStringLiteral("1101051949123100A") << QChar();
    QTest::newRow("full-width digit") << QStringLiteral("1101051949123100２") << QChar();
}

void TstIdNumber::checkCharacter()
{
    QFETCH(QString, first17);
    QFETCH(QChar, check);
    QCOMPARE(IdNumber::checkCharacter(first17), check);
}

void TstIdNumber::everySingleDigitErrorIsCaught_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("X") << QStringLiteral("11010519491231002X");
    QTest::newRow("5") << QStringLiteral("440106199001011235");
    QTest::newRow("0") << QStringLiteral("710000198001010010");
}

// MOD 11-2 detects every single substitution and every transposition of neighbours: a mistyped
// number must never pass as another person's.
void TstIdNumber::everySingleDigitErrorIsCaught()
{
    QFETCH(QString, id);
    QVERIFY(IdNumber::parse(id).isValid());
    for (qsizetype i = 0; i < 17; ++i) {
        for (char16_t d = u'0'; d <= u'9'; ++d) {
            QString typo = id;
            if (typo.at(i) == QChar(d))
                continue;
            typo[i] = QChar(d);
            QVERIFY2(!IdNumber::parse(typo).isValid(), qPrintable(typo));
        }
        if (i < 16 && id.at(i) != id.at(i + 1)) {
            QString swapped = id;
            std::swap(swapped[i], swapped[i + 1]);
            QVERIFY2(!IdNumber::parse(swapped).isValid(), qPrintable(swapped));
        }
    }
}

void TstIdNumber::messages_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("check") << QStringLiteral("110105194912310025")
                           << QStringLiteral("ID number: the check character should be X but is 5.");
    QTest::newRow("empty") << QString() << QStringLiteral("ID number: nothing was entered.");
    QTest::newRow("character") << QStringLiteral("11010519491231O02X")
                               << QStringLiteral(
                                      "ID number: “O” is not allowed; only digits and a final X are.");
    QTest::newRow("character beyond the BMP")
        << QStringLiteral("11010519491231002𠇔")
        << QStringLiteral("ID number: “𠇔” is not allowed; only digits and a final X are.");
    QTest::newRow("length")
        << QStringLiteral("11010519491231002")
        << QStringLiteral(
               "ID number: it has 17 characters; it should have 18 (or 15 for an old-style number).");
    QTest::newRow("region") << QStringLiteral("910106199001010016")
                            << QStringLiteral("ID number: 91 (the first two digits) is not a province code.");
    QTest::newRow("date") << QStringLiteral("440106199002300012")
                          << QStringLiteral("ID number: the birth date 1990-02-30 is not a real date.");
    QTest::newRow("date, 15 digits") << QStringLiteral("110105490230002")
                                     << QStringLiteral(
                                            "ID number: the birth date 1949-02-30 is not a real date.");
    QTest::newRow("future") << QStringLiteral("440106203001010012")
                            << QStringLiteral("ID number: the birth date 2030-01-01 is in the future.");
    QTest::newRow("too old") << QStringLiteral("440524188001010014")
                             << QStringLiteral("ID number: the birth date 1880-01-01 is before 1900.");
    QTest::newRow("scientific") << QStringLiteral(" 4.40106E+17 ")
                                << QStringLiteral(
                                       "ID number: Excel stored it as a number (it shows 4.40106E+17) "
                                       "and kept only 15 significant digits, so the rest are lost. "
                                       "Retype the ID number as text.");
}

void TstIdNumber::messages()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    QCOMPARE(IdNumber::parse(input).errorMessage(), message);
}

void TstIdNumber::looksScientific_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("scientific");

    QTest::newRow("4.40106E+17") << QStringLiteral("4.40106E+17") << true;
    QTest::newRow("4.4011E17") << QStringLiteral("4.4011E17") << true;
    QTest::newRow("1E+17") << QStringLiteral("1E+17") << true;
    QTest::newRow("tab and apostrophe") << QStringLiteral("\t'4.40106E+17") << true;
    QTest::newRow("an ID number") << QStringLiteral("11010519491231002X") << false;
    QTest::newRow("digits only") << QStringLiteral("440106199001011235") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("no exponent digits") << QStringLiteral("4.40106E+") << false;
}

void TstIdNumber::looksScientific()
{
    QFETCH(QString, input);
    QFETCH(bool, scientific);
    QCOMPARE(IdNumber::looksScientific(input), scientific);
}

void TstIdNumber::masked_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("masked");

    QTest::newRow("18") << QStringLiteral("440106199001011235") << QStringLiteral("440106********1235");
    QTest::newRow("18 with X") << QStringLiteral("11010519491231002X")
                               << QStringLiteral("110105********002X");
    QTest::newRow("lower-case x, spaced")
        << QStringLiteral(" 110105 19491231 002x ") << QStringLiteral("110105********002X");
    QTest::newRow("15") << QStringLiteral("110105491231002") << QStringLiteral("110105******002");
    QTest::newRow("17") << QStringLiteral("11010519491231002") << QStringLiteral("1101*********1002");
    QTest::newRow("8") << QStringLiteral("12345678") << QStringLiteral("12****78");
    QTest::newRow("3") << QStringLiteral("123") << QStringLiteral("***");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("beyond the BMP, never half a pair")
        << QStringLiteral("𠇔𠇔𠇔𠇔𠇔𠇔𠇔𠇔") << QStringLiteral("𠇔𠇔****𠇔𠇔");
}

void TstIdNumber::masked()
{
    QFETCH(QString, input);
    QFETCH(QString, masked);
    QCOMPARE(IdNumber::masked(input), masked);
}

void TstIdNumber::genderMismatch()
{
    const IdNumber woman = IdNumber::parse(u"11010519491231002X");
    const IdNumber man = IdNumber::parse(u"440106199001011235");
    QVERIFY(woman.genderMismatch(Gender::Female).isEmpty());
    QVERIFY(woman.genderMismatch(Gender::Unknown).isEmpty());
    QCOMPARE(woman.genderMismatch(Gender::Male),
             QStringLiteral("ID number: the 17th digit says female, but the gender entered is male; the gender is kept as entered, please check which is right."));
    QVERIFY(man.genderMismatch(Gender::Male).isEmpty());
    QCOMPARE(man.genderMismatch(Gender::Female),
             QStringLiteral("ID number: the 17th digit says male, but the gender entered is female; the gender is kept as entered, please check which is right."));
    // An invalid number has nothing to say about the other fields.
    QVERIFY(IdNumber::parse(u"110105194912310025").genderMismatch(Gender::Male).isEmpty());
    QVERIFY(IdNumber().genderMismatch(Gender::Female).isEmpty());
}

void TstIdNumber::birthDateMismatch()
{
    const IdNumber id = IdNumber::parse(u"110105491231002");
    QVERIFY(id.birthDateMismatch(QDate(1949, 12, 31)).isEmpty());
    QVERIFY(id.birthDateMismatch(QDate()).isEmpty());
    QCOMPARE(id.birthDateMismatch(QDate(1949, 1, 31)),
             QStringLiteral("ID number: it gives the birth date 1949-12-31, but 1949-01-31 was entered."));
    QVERIFY(IdNumber::parse(u"4.40106E+17").birthDateMismatch(QDate(1990, 1, 1)).isEmpty());
}

QTEST_GUILESS_MAIN(TstIdNumber)
#include "tst_idnumber.moc"
