#include "domain/TextNormaliser.h"

#include <QTest>

using ud::TextNormaliser;

class TstTextNormaliser : public QObject
{
    Q_OBJECT

private slots:
    void toHalfWidth_data();
    void toHalfWidth();
    void everyFullWidthFormMaps();
    void normalise_data();
    void normalise();
    void identifier_data();
    void identifier();
    void withoutSpaces();
    void freeTextKeepsChinesePunctuation();
    void looksScientific_data();
    void looksScientific();
    void maskMiddle_data();
    void maskMiddle();
    void visible_data();
    void visible();
    void visibleAtJoinsSurrogates();
};

void TstTextNormaliser::toHalfWidth_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("digits") << QStringLiteral("０１２３４５６７８９") << QStringLiteral("0123456789");
    QTest::newRow("letters") << QStringLiteral("ＡＢＣｘｙｚ") << QStringLiteral("ABCxyz");
    QTest::newRow("first and last of the block") << QStringLiteral("！～") << QStringLiteral("!~");
    QTest::newRow("punctuation") << QStringLiteral("（＋８６）－．，＇") << QStringLiteral("(+86)-.,'");
    QTest::newRow("ideographic space") << QStringLiteral("张\u3000三") << QStringLiteral("张 三");
    QTest::newRow("Chinese unchanged") << QStringLiteral("工会桌面通") << QStringLiteral("工会桌面通");
    QTest::newRow("Chinese punctuation unchanged") << QStringLiteral("，。、") << QStringLiteral(",。、");
    QTest::newRow("U+FF5F is outside the block") << QStringLiteral("\uFF5F") << QStringLiteral("\uFF5F");
    QTest::newRow("half-width katakana unchanged") << QStringLiteral("\uFF65") << QStringLiteral("\uFF65");
    QTest::newRow("beyond the BMP") << QStringLiteral("𠇔䶮𰻞") << QStringLiteral("𠇔䶮𰻞");
    QTest::newRow("empty") << QString() << QString();
}

void TstTextNormaliser::toHalfWidth()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(TextNormaliser::toHalfWidth(input), expected);
}

void TstTextNormaliser::everyFullWidthFormMaps()
{
    for (char16_t u = 0xFF01; u <= 0xFF5E; ++u)
        QCOMPARE(TextNormaliser::toHalfWidth(QChar(u)).unicode(), static_cast<char16_t>(u - 0xFEE0));
}

void TstTextNormaliser::normalise_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QStringLiteral("工会") << QStringLiteral("工会");
    QTest::newRow("trim") << QStringLiteral("  工会  ") << QStringLiteral("工会");
    QTest::newRow("collapse") << QStringLiteral("a   b \t c") << QStringLiteral("a b c");
    QTest::newRow("line breaks in a cell") << QStringLiteral("a\r\nb\n") << QStringLiteral("a b");
    QTest::newRow("ideographic spaces")
        << QStringLiteral("\u3000张\u3000\u3000三\u3000") << QStringLiteral("张 三");
    QTest::newRow("no-break space") << QStringLiteral("a\u00A0b") << QStringLiteral("a b");
    QTest::newRow("zero-width space") << QStringLiteral("张\u200B三") << QStringLiteral("张三");
    QTest::newRow("zero-width joiners") << QStringLiteral("\u200C张\u200D三") << QStringLiteral("张三");
    QTest::newRow("soft hyphen") << QStringLiteral("Mary\u00ADJane 张\u00AD三")
                                 << QStringLiteral("MaryJane 张三");
    QTest::newRow("word joiner") << QStringLiteral("张\u2060三") << QStringLiteral("张三");
    QTest::newRow("byte order mark") << QStringLiteral("\uFEFF工会") << QStringLiteral("工会");
    QTest::newRow("zero-width between spaces") << QStringLiteral("a \u200B b") << QStringLiteral("a b");
    QTest::newRow("full-width") << QStringLiteral("ＵｎｉｏｎＤｅｓｋ　１２３")
                                << QStringLiteral("UnionDesk 123");
    QTest::newRow("beyond the BMP survives") << QStringLiteral(" 刘䶮 𠇔 ") << QStringLiteral("刘䶮 𠇔");
    QTest::newRow("only spaces") << QStringLiteral(" \t\u3000 ") << QString();
    QTest::newRow("only invisible") << QStringLiteral("\u200B\uFEFF") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TstTextNormaliser::normalise()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QString out = TextNormaliser::normalise(input);
    QCOMPARE(out, expected);
    QCOMPARE(TextNormaliser::normalise(out), out); // idempotent
}

void TstTextNormaliser::freeTextKeepsChinesePunctuation()
{
    QCOMPARE(TextNormaliser::freeText(u" 东方红（商贸）有限公司　第３车间 "),
             QStringLiteral("东方红（商贸）有限公司 第3车间"));
    QCOMPARE(TextNormaliser::freeText(u"ＡＢＣ，主任；兼！"), QStringLiteral("ABC，主任；兼！"));
    QCOMPARE(TextNormaliser::freeText(u"张​三		四"), QStringLiteral("张三 四"));
    // normalise() makes the punctuation half-width: for comparing, not for keeping.
    QCOMPARE(TextNormaliser::normalise(u"东方红（商贸）"), QStringLiteral("东方红(商贸)"));
}

void TstTextNormaliser::withoutSpaces()
{
    QCOMPARE(TextNormaliser::withoutSpaces(u"张\u3000三"), QStringLiteral("张三"));
    QCOMPARE(TextNormaliser::withoutSpaces(u" 第 二\t分会\u200B "), QStringLiteral("第二分会"));
    QCOMPARE(TextNormaliser::withoutSpaces(u"Ｓｈｅｅｔ1 (2)"), QStringLiteral("Sheet1(2)"));
}

void TstTextNormaliser::identifier_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QStringLiteral("ABC123") << QStringLiteral("ABC123");
    QTest::newRow("spaces") << QStringLiteral(" 138 0013 8000 ") << QStringLiteral("13800138000");
    QTest::newRow("tab") << QStringLiteral("\t123\t") << QStringLiteral("123");
    QTest::newRow("hyphens") << QStringLiteral("138-0013-8000") << QStringLiteral("13800138000");
    QTest::newRow("full-width hyphen") << QStringLiteral("138－0013") << QStringLiteral("1380013");
    QTest::newRow("dashes") << QStringLiteral("1\u20102\u20133\u20144\u22125") << QStringLiteral("12345");
    QTest::newRow("leading apostrophe") << QStringLiteral("'0123") << QStringLiteral("0123");
    QTest::newRow("tab then apostrophe") << QStringLiteral("\t'0123") << QStringLiteral("0123");
    QTest::newRow("full-width apostrophe") << QStringLiteral("＇0123") << QStringLiteral("0123");
    QTest::newRow("curly apostrophe") << QStringLiteral("\u20180123") << QStringLiteral("0123");
    QTest::newRow("only one apostrophe removed") << QStringLiteral("''0123") << QStringLiteral("'0123");
    QTest::newRow("inner apostrophe kept") << QStringLiteral("01'23") << QStringLiteral("01'23");
    QTest::newRow("zero-width") << QStringLiteral("\uFEFF01\u200B23") << QStringLiteral("0123");
    QTest::newRow("full-width digits") << QStringLiteral("０１２３") << QStringLiteral("0123");
    QTest::newRow("parentheses kept") << QStringLiteral("(010)") << QStringLiteral("(010)");
    QTest::newRow("empty") << QString() << QString();
}

void TstTextNormaliser::identifier()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(TextNormaliser::identifier(input), expected);
}

void TstTextNormaliser::looksScientific_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("scientific");

    QTest::newRow("4.40106E+17") << QStringLiteral("4.40106E+17") << true;
    QTest::newRow("4.4011E17") << QStringLiteral("4.4011E17") << true;
    QTest::newRow("comma") << QStringLiteral("4,40106E+17") << true;
    QTest::newRow("lower case") << QStringLiteral("4.40106e+17") << true;
    QTest::newRow("no fraction") << QStringLiteral("4E+17") << true;
    QTest::newRow("mobile") << QStringLiteral("1.38001E+10") << true;
    QTest::newRow("full-width") << QStringLiteral("４．４０１０６Ｅ＋１７") << true;
    QTest::newRow("surrounding spaces") << QStringLiteral("  4.40106E+17 ") << true;
    QTest::newRow("apostrophe") << QStringLiteral("'4.40106E+17") << true;
    QTest::newRow("negative exponent") << QStringLiteral("4.4E-17") << true;
    QTest::newRow("digits") << QStringLiteral("440106199001011235") << false;
    QTest::newRow("decimal") << QStringLiteral("4.40106") << false;
    QTest::newRow("ends with X") << QStringLiteral("11010519491231002X") << false;
    QTest::newRow("E alone") << QStringLiteral("E+17") << false;
    QTest::newRow("no exponent") << QStringLiteral("4.4E+") << false;
    QTest::newRow("two points") << QStringLiteral("4.4.1E17") << false;
    QTest::newRow("point without fraction") << QStringLiteral("4.E17") << false;
    QTest::newRow("trailing text") << QStringLiteral("4.4E17X") << false;
    QTest::newRow("letters") << QStringLiteral("EXE") << false;
    QTest::newRow("empty") << QString() << false;
}

void TstTextNormaliser::looksScientific()
{
    QFETCH(QString, input);
    QFETCH(bool, scientific);
    QCOMPARE(TextNormaliser::looksScientific(input), scientific);
}

void TstTextNormaliser::maskMiddle_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("head");
    QTest::addColumn<int>("tail");
    QTest::addColumn<QString>("expected");

    QTest::newRow("ID") << QStringLiteral("440106199001011235") << 6 << 4
                        << QStringLiteral("440106********1235");
    QTest::newRow("mobile") << QStringLiteral("13812345678") << 3 << 4 << QStringLiteral("138****5678");
    QTest::newRow("nothing kept") << QStringLiteral("abc") << 0 << 0 << QStringLiteral("***");
    QTest::newRow("everything kept") << QStringLiteral("abc") << 2 << 2 << QStringLiteral("abc");
    QTest::newRow("name beyond the BMP") << QStringLiteral("𠇔䶮𠇔䶮") << 1 << 1 << QStringLiteral("𠇔**䶮");
    QTest::newRow("empty") << QString() << 3 << 4 << QString();
}

void TstTextNormaliser::maskMiddle()
{
    QFETCH(QString, input);
    QFETCH(int, head);
    QFETCH(int, tail);
    QFETCH(QString, expected);
    QCOMPARE(TextNormaliser::maskMiddle(input, head, tail), expected);
}

void TstTextNormaliser::visible_data()
{
    QTest::addColumn<uint>("codePoint");
    QTest::addColumn<QString>("expected");

    QTest::newRow("letter") << uint(U'A') << QStringLiteral("“A”");
    QTest::newRow("Chinese") << uint(U'张') << QStringLiteral("“张”");
    QTest::newRow("beyond the BMP") << uint(0x201D4) << QStringLiteral("“𠇔”");
    QTest::newRow("control") << uint(0x01) << QStringLiteral("an invisible character (U+0001)");
    QTest::newRow("space") << uint(U' ') << QStringLiteral("an invisible character (U+0020)");
    QTest::newRow("zero-width space") << uint(0x200B) << QStringLiteral("an invisible character (U+200B)");
    QTest::newRow("private use") << uint(0xE000) << QStringLiteral("an invisible character (U+E000)");
    QTest::newRow("variation selector")
        << uint(0xE0100) << QStringLiteral("an invisible character (U+E0100)");
    QTest::newRow("combining mark") << uint(0x0301) << QStringLiteral("an invisible character (U+0301)");
    QTest::newRow("Cyrillic like X") << uint(0x0425)
                                     << QStringLiteral("“Х” (a Greek or Cyrillic letter, U+0425)");
    QTest::newRow("Greek like O") << uint(0x039F)
                                  << QStringLiteral("“Ο” (a Greek or Cyrillic letter, U+039F)");
}

void TstTextNormaliser::visible()
{
    QFETCH(uint, codePoint);
    QFETCH(QString, expected);
    QCOMPARE(TextNormaliser::visible(codePoint), expected);
}

void TstTextNormaliser::visibleAtJoinsSurrogates()
{
    const QString text = QStringLiteral("a𠇔b");
    QCOMPARE(TextNormaliser::visibleAt(text, 0), QStringLiteral("“a”"));
    QCOMPARE(TextNormaliser::visibleAt(text, 1), QStringLiteral("“𠇔”"));
    QCOMPARE(TextNormaliser::visibleAt(text, 3), QStringLiteral("“b”"));
    // A lone surrogate is shown by its number, not pasted into a message as broken text.
    const QString lone(QChar(0xD840));
    QCOMPARE(TextNormaliser::visibleAt(lone, 0), QStringLiteral("an invisible character (U+D840)"));
}

QTEST_GUILESS_MAIN(TstTextNormaliser)
#include "tst_textnormaliser.moc"
