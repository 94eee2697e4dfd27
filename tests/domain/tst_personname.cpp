#include "domain/PersonName.h"

#include <QTest>

using ud::PersonName;
using Error = ud::PersonName::Error;

class TstPersonName : public QObject
{
    Q_OBJECT

private slots:
    void defaultIsInvalid();
    void parse_data();
    void parse();
    void lengthCountsCodePoints();
    void joinedWords_data();
    void joinedWords();
    void messages_data();
    void messages();
    void cjkRanges_data();
    void cjkRanges();
};

namespace {

QString repeated(const QString& part, int times)
{
    QString out;
    for (int i = 0; i < times; ++i)
        out += part;
    return out;
}

} // namespace

void TstPersonName::defaultIsInvalid()
{
    const PersonName name;
    QVERIFY(!name.isValid());
    QCOMPARE(name.error(), Error::Empty);
    QCOMPARE(name.length(), 0);
}

void TstPersonName::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("value");

    const auto valid = [](const char* row, const QString& input, const QString& value) {
        QTest::newRow(row) << input << Error::None << value;
    };
    const auto invalid = [](const char* row, const QString& input, Error error) {
        QTest::newRow(row) << input << error << QString();
    };
    const QString aygul = QStringLiteral("阿依古丽\u00B7买买提");

    valid("two characters", QStringLiteral("张三"), QStringLiteral("张三"));
    // GB18030-2005's private-use stand-ins for characters GB18030-2022 maps to their own code points.
    valid("GB18030-2005 stand-in", QStringLiteral("张\uE816"), QStringLiteral("张\U00020087"));
    valid("GB18030-2005 stand-in in the BMP", QStringLiteral("李\uE81E"), QStringLiteral("李\u9FB4"));
    invalid("input method's own character", QStringLiteral("\uE000明"), Error::PrivateUse);
    invalid("supplementary private use", QStringLiteral("王\U000F0001"), Error::PrivateUse);
    invalid("description", QStringLiteral("\u2FF0木乔娟"), Error::Description);
    invalid("stand-in of a GBK file", QStringLiteral("王?"), Error::StandIn);
    invalid("full-width stand-in", QStringLiteral("王？明"), Error::StandIn);
    valid("one character", QStringLiteral("张"), QStringLiteral("张"));
    valid("compound surname", QStringLiteral("欧阳娜娜"), QStringLiteral("欧阳娜娜"));
    valid("trimmed", QStringLiteral("  张三\t"), QStringLiteral("张三"));
    valid("padded with an ideographic space", QStringLiteral("张\u3000三"), QStringLiteral("张三"));
    valid("padded with spaces", QStringLiteral("张  三"), QStringLiteral("张三"));
    valid("zero-width inside", QStringLiteral("张\u200B三\uFEFF"), QStringLiteral("张三"));

    valid("middle dot", aygul, aygul);
    valid("bullet", QStringLiteral("阿依古丽\u2022买买提"), aygul);
    valid("hyphenation point", QStringLiteral("阿依古丽\u2027买买提"), aygul);
    valid("katakana middle dot", QStringLiteral("阿依古丽\u30FB买买提"), aygul);
    valid("half-width katakana middle dot", QStringLiteral("阿依古丽\uFF65买买提"), aygul);
    valid("bullet operator", QStringLiteral("阿依古丽\u2219买买提"), aygul);
    valid("dot operator", QStringLiteral("阿依古丽\u22C5买买提"), aygul);
    valid("full-width full stop", QStringLiteral("阿依古丽\uFF0E买买提"), aygul);
    valid("full stop between Chinese", QStringLiteral("阿依古丽.买买提"), aygul);
    valid("spaces around the dot", QStringLiteral("阿依古丽 · 买买提"), aygul);
    valid("spaces around a full stop", QStringLiteral("阿依古丽 . 买买提"), aygul);
    valid("two dots", QStringLiteral("米尔扎·阿不都·热合曼"),
          QStringLiteral("米尔扎\u00B7阿不都\u00B7热合曼"));
    valid("dot between Latin names", QStringLiteral("Anna\u2022Maria"), QStringLiteral("Anna\u00B7Maria"));

    valid("Extension A", QStringLiteral("刘\u4DAE"), QStringLiteral("刘\u4DAE"));
    valid("Extension B", QStringLiteral("刘\U000201D4"), QStringLiteral("刘\U000201D4"));
    valid("Extension B, padded", QStringLiteral("\U000201D4\u3000\U00020000"),
          QStringLiteral("\U000201D4\U00020000"));
    valid("Extension G (biang)", QStringLiteral("王\U00030EDE"), QStringLiteral("王\U00030EDE"));
    valid("compatibility ideograph kept as typed", QStringLiteral("山\uFA11"), QStringLiteral("山\uFA11"));
    valid("compatibility supplement", QStringLiteral("李\U0002F800"), QStringLiteral("李\U0002F800"));
    valid("Kangxi radical from a PDF", QStringLiteral("\u2F47明"), QStringLiteral("日明"));
    valid("Kangxi radicals and a full stop", QStringLiteral("\u2FA6.\u2F47"), QStringLiteral("金\u00B7日"));
    valid("radical supplement with a mapping", QStringLiteral("王\u2E9F"), QStringLiteral("王母"));
    valid("ideographic zero", QStringLiteral("王〇"), QStringLiteral("王〇"));

    valid("Latin", QStringLiteral("John Smith"), QStringLiteral("John Smith"));
    valid("Latin, spaces collapsed", QStringLiteral(" john   smith "), QStringLiteral("john smith"));
    valid("Latin, full-width", QStringLiteral("ＪＯＨＮ\u3000ＳＭＩＴＨ"), QStringLiteral("JOHN SMITH"));
    valid("Latin with accents", QStringLiteral("José Müller"), QStringLiteral("José Müller"));
    valid("pinyin with u umlaut", QStringLiteral("LÜ XIAOMING"), QStringLiteral("LÜ XIAOMING"));
    valid("Chinese and Latin", QStringLiteral("李 John"), QStringLiteral("李 John"));
    valid("30 characters", repeated(QStringLiteral("张"), 30), repeated(QStringLiteral("张"), 30));
    valid("30 characters beyond the BMP", repeated(QStringLiteral("\U000201D4"), 30),
          repeated(QStringLiteral("\U000201D4"), 30));

    invalid("empty", QString(), Error::Empty);
    invalid("spaces", QStringLiteral(" \u3000 "), Error::Empty);
    invalid("invisible only", QStringLiteral("\u200B"), Error::Empty);
    invalid("digit", QStringLiteral("张三1"), Error::BadCharacter);
    invalid("full-width digit", QStringLiteral("张三１"), Error::BadCharacter);
    invalid("exclamation", QStringLiteral("张三!"), Error::BadCharacter);
    invalid("parentheses", QStringLiteral("张三(大)"), Error::Note);
    invalid("hyphen", QStringLiteral("张-三"), Error::BadCharacter);
    invalid("apostrophe", QStringLiteral("O'Brien"), Error::BadCharacter);
    invalid("full stop between Latin", QStringLiteral("John F. Kennedy"), Error::BadCharacter);
    invalid("full stop at the end", QStringLiteral("张三."), Error::BadCharacter);
    invalid("two names", QStringLiteral("张三，李四"), Error::BadCharacter);
    invalid("slash", QStringLiteral("张三/李四"), Error::BadCharacter);
    invalid("emoji", QStringLiteral("张三\U0001F600"), Error::BadCharacter);
    invalid("control character", QStringLiteral("张\u0001三"), Error::BadCharacter);
    invalid("private use", QStringLiteral("张\uE000"), Error::PrivateUse);
    invalid("Hangul", QStringLiteral("김철수"), Error::BadCharacter);
    invalid("kana", QStringLiteral("さくら"), Error::BadCharacter);
    invalid("combining accent", QStringLiteral("Jose\u0301"), Error::BadCharacter);
    invalid("Cyrillic", QStringLiteral("Иван"), Error::BadCharacter);
    invalid("radical without an ideograph", QStringLiteral("\u2ED3江"), Error::Radical);
    invalid("dot first", QStringLiteral("·张三"), Error::DotAtEdge);
    invalid("dot last", QStringLiteral("张三·"), Error::DotAtEdge);
    invalid("bullet last", QStringLiteral("张三 •"), Error::DotAtEdge);
    invalid("dot only", QStringLiteral("·"), Error::DotAtEdge);
    invalid("doubled dot", QStringLiteral("阿依古丽··买买提"), Error::DoubledDot);
    invalid("dot and bullet", QStringLiteral("阿依古丽·•买买提"), Error::DoubledDot);
    invalid("dots apart by a space", QStringLiteral("阿依古丽 · · 买买提"), Error::DoubledDot);
    invalid("31 characters", repeated(QStringLiteral("张"), 31), Error::TooLong);
    invalid("31 characters beyond the BMP", repeated(QStringLiteral("\U000201D4"), 31), Error::TooLong);
    invalid("note in brackets", QStringLiteral("李四（已故）"), Error::Note);
    invalid("note in half-width brackets", QStringLiteral("李五 (退休)"), Error::Note);
    invalid("a bracket alone", QStringLiteral("李(四"), Error::BadCharacter);
}

void TstPersonName::parse()
{
    QFETCH(QString, input);
    QFETCH(Error, error);
    QFETCH(QString, value);

    const PersonName name = PersonName::parse(input);
    QCOMPARE(name.error(), error);
    QCOMPARE(name.isValid(), error == Error::None);
    QCOMPARE(name.value(), value);
    QCOMPARE(name.errorMessage().isEmpty(), name.isValid());
    if (name.isValid()) {
        QCOMPARE(PersonName::parse(name.value()).value(), name.value());
        QVERIFY(name.length() >= 1 && name.length() <= PersonName::MaxLength);
    } else {
        QVERIFY2(name.errorMessage().startsWith(QLatin1String("Name: ")), qPrintable(name.errorMessage()));
    }
}

void TstPersonName::lengthCountsCodePoints()
{
    const PersonName name = PersonName::parse(u"刘\U000201D4");
    QVERIFY(name.isValid());
    QCOMPARE(name.length(), 2);
    QCOMPARE(name.value().size(), 3); // the UTF-16 form, for contrast
    QCOMPARE(name.value().toUcs4().last(), 0x201D4u);
}

void TstPersonName::joinedWords_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("joined");
    QTest::newRow("padded to three") << QStringLiteral("张　三") << QStringLiteral("张三") << false;
    QTest::newRow("padded twice") << QStringLiteral("张  三") << QStringLiteral("张三") << false;
    QTest::newRow("a note after") << QStringLiteral("王芳 女") << QStringLiteral("王芳女") << true;
    QTest::newRow("surname apart") << QStringLiteral("欧阳 娜娜") << QStringLiteral("欧阳娜娜") << false;
    QTest::newRow("given name apart") << QStringLiteral("王 小明") << QStringLiteral("王小明") << false;
    QTest::newRow("a note word after") << QStringLiteral("李四 退休") << QStringLiteral("李四退休") << true;
    QTest::newRow("no space") << QStringLiteral("王芳") << QStringLiteral("王芳") << false;
    QTest::newRow("around the dot") << QStringLiteral("阿卜杜 · 热合曼") << QStringLiteral("阿卜杜·热合曼")
                                    << false;
    QTest::newRow("latin name") << QStringLiteral("Anna Li") << QStringLiteral("Anna Li") << false;
    // Transliterated minority names typed with spaces: the spaces are the middle dot.
    QTest::newRow("minority name") << QStringLiteral("阿卜杜 热合曼") << QStringLiteral("阿卜杜·热合曼")
                                   << false;
    QTest::newRow("three words") << QStringLiteral("阿依古丽 买买提 艾力")
                                 << QStringLiteral("阿依古丽·买买提·艾力") << false;
    QTest::newRow("compound surname, long given name")
        << QStringLiteral("欧阳 娜娜娜") << QStringLiteral("欧阳娜娜娜") << false;
    QTest::newRow("two-character words")
        << QStringLiteral("艾力 买买") << QStringLiteral("艾力买买") << false;
    QTest::newRow("minority name and a note")
        << QStringLiteral("阿卜杜热合曼 退休") << QStringLiteral("阿卜杜热合曼退休") << true;
    // A status or political word after a three-character name is a note, not a second name.
    QTest::newRow("party member") << QStringLiteral("张建国 党员") << QStringLiteral("张建国党员") << true;
    QTest::newRow("left the union") << QStringLiteral("张晓明 已退会") << QStringLiteral("张晓明已退会")
                                    << true;
    QTest::newRow("rarer compound surname")
        << QStringLiteral("第五 小明明") << QStringLiteral("第五小明明") << false;
    // Two people in one cell, or one name typed with a space: said, not split.
    QTest::newRow("two names") << QStringLiteral("王芳 李娜") << QStringLiteral("王芳李娜") << false;
    QTest::newRow("two names on two lines")
        << QStringLiteral("王芳\n李娜") << QStringLiteral("王芳李娜") << false;
    // The pinyin after a Chinese name is left out.
    QTest::newRow("pinyin after") << QStringLiteral("陈静\nChen Jing") << QStringLiteral("陈静") << false;
}

void TstPersonName::joinedWords()
{
    QFETCH(QString, input);
    QFETCH(QString, value);
    QFETCH(bool, joined);
    const PersonName name = PersonName::parse(input);
    QVERIFY(name.isValid());
    QCOMPARE(name.value(), value);
    QCOMPARE(name.joinedWords(), joined);
    QCOMPARE(name.spacesAsDots(), value.contains(QChar(0x00B7)) && !input.contains(QChar(0x00B7)));
    QCOMPARE(name.mayBeTwoNames(),
             value == QStringLiteral("王芳李娜") || value == QStringLiteral("艾力买买"));
    QCOMPARE(name.droppedLatin(),
             input.contains(QStringLiteral("Chen")) ? QStringLiteral("Chen Jing") : QString());
}

void TstPersonName::messages_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QString() << QStringLiteral("Name: nothing was entered.");
    QTest::newRow("digit") << QStringLiteral("张三1")
                           << QStringLiteral("Name: “1” is not allowed in a name.");
    QTest::newRow("emoji whole") << QStringLiteral("张三\U0001F600")
                                 << QStringLiteral("Name: “\U0001F600” is not allowed in a name.");
    QTest::newRow("control") << QStringLiteral("张\u0001三")
                             << QStringLiteral(
                                    "Name: an invisible character (U+0001) is not allowed in a name.");
    QTest::newRow("radical") << QStringLiteral("\u2ED3江")
                             << QStringLiteral(
                                    "Name: “\u2ED3” is a radical that only looks like a Chinese "
                                    "character (text copied from a PDF often has them); please retype it.");
    QTest::newRow("private use")
        << QStringLiteral("\uE000明")
        << QStringLiteral("Name: a character in it (U+E000) was made up by an input method on one "
                          "computer (a private-use character): other computers, the server and "
                          "printed forms cannot show it. Type the standard character (rare "
                          "characters are in the input method's 生僻字 list); if there is none, use "
                          "a character that sounds the same and say so in 备注.");
    QTest::newRow("edge") << QStringLiteral("张三·")
                          << QStringLiteral("Name: the middle dot · cannot begin or end a name.");
    QTest::newRow("doubled") << QStringLiteral("阿依古丽··买买提")
                             << QStringLiteral("Name: the middle dot · cannot appear twice in a row.");
    QTest::newRow("too long") << repeated(QStringLiteral("\U000201D4"), 31)
                              << QStringLiteral("Name: it has 31 characters; at most 30 are allowed.");
    QTest::newRow("note") << QStringLiteral("李四（已故）")
                          << QStringLiteral(
                                 "Name: “已故” in brackets is a note, not part of the name; write the "
                                 "name alone and the note in 备注 (or as the membership status, as "
                                 "for 已故).");
}

void TstPersonName::messages()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    QCOMPARE(PersonName::parse(input).errorMessage(), message);
}

void TstPersonName::cjkRanges_data()
{
    QTest::addColumn<uint>("codePoint");
    QTest::addColumn<bool>("ideograph");

    QTest::newRow("Ext A first") << 0x3400u << true;
    QTest::newRow("Ext A last") << 0x4DBFu << true;
    QTest::newRow("Yijing hexagram") << 0x4DC0u << false;
    QTest::newRow("URO first") << 0x4E00u << true;
    QTest::newRow("URO last") << 0x9FFFu << true;
    QTest::newRow("Yi syllable") << 0xA000u << false;
    QTest::newRow("compatibility first") << 0xF900u << true;
    QTest::newRow("compatibility last") << 0xFAFFu << true;
    QTest::newRow("Ext B first") << 0x20000u << true;
    QTest::newRow("Ext B last") << 0x2A6DFu << true;
    QTest::newRow("Ext C first") << 0x2A700u << true;
    QTest::newRow("Ext D first") << 0x2B740u << true;
    QTest::newRow("Ext E first") << 0x2B820u << true;
    QTest::newRow("Ext F first") << 0x2CEB0u << true;
    QTest::newRow("Ext I first") << 0x2EBF0u << true;
    QTest::newRow("Ext I last") << 0x2EE5Fu << true;
    QTest::newRow("compatibility supplement") << 0x2F800u << true;
    QTest::newRow("Ext G first") << 0x30000u << true;
    QTest::newRow("Ext H first") << 0x31350u << true;
    QTest::newRow("Ext H last") << 0x323AFu << true;
    QTest::newRow("after Ext H") << 0x323B0u << false;
    QTest::newRow("Kangxi radical") << 0x2F00u << false;
    QTest::newRow("CJK symbol") << 0x3001u << false;
    QTest::newRow("Latin") << uint('A') << false;
}

void TstPersonName::cjkRanges()
{
    QFETCH(uint, codePoint);
    QFETCH(bool, ideograph);
    QCOMPARE(PersonName::isCjkIdeograph(codePoint), ideograph);
}

QTEST_GUILESS_MAIN(TstPersonName)
#include "tst_personname.moc"
