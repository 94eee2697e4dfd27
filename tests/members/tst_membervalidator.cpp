// MemberValidator: how a member's fields are normalised the way clerks type them, and every problem
// it reports, each naming its field. No store is needed: the validator works on the record alone.

#include "TestStore.h"
#include "domain/CodeList.h"
#include "domain/Ethnicity.h"
#include "domain/IdNumber.h"
#include "members/MemberValidator.h"
#include "util/Clock.h"

#include <QTest>

#include <algorithm>

using namespace ud;
using ud::test::TestStore;

namespace {

const QDateTime kNow(QDate(2024, 6, 1), QTime(9, 0), Qt::UTC);

// A valid member (organisation, name, ID number) to change one thing at a time.
Member valid()
{
    return TestStore::sampleMember(42, QStringLiteral("org-1"));
}

QStringList fieldsOf(const QList<FieldProblem>& problems, FieldProblem::Severity severity)
{
    QStringList out;
    for (const FieldProblem& p : problems) {
        if (p.severity == severity)
            out.append(p.field);
    }
    out.sort();
    return out;
}

QStringList errorsOf(const QList<FieldProblem>& problems)
{
    return fieldsOf(problems, FieldProblem::Severity::Error);
}

QStringList warningsOf(const QList<FieldProblem>& problems)
{
    return fieldsOf(problems, FieldProblem::Severity::Warning);
}

} // namespace

class TestMemberValidator : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void sampleMemberIsValid();
    void idNumberFillsGenderAndBirthDate();
    void legacyIdNumber();
    void normalisesFreeText();
    void limitsTheLengthOfFreeText();
    void codedFields_data();
    void codedFields();
    void unknownCodeListsTheAllowedValues();
    void aliasesNameOneCodeEach();
    void emptyCodesAreCleared();
    void otherDocumentTypes_data();
    void otherDocumentTypes();
    void warnsOfWordsJoinedIntoAName();
    void ethnicGroupsByTheirOfficialNames();
    void mobile_data();
    void mobile();
    void dates_data();
    void dates();
    void joinDateAgainstBirth();
    void birthDateAndGenderWarnings();
    void verificationIsClearedWhenNotVerified();
    void errorsComeBeforeWarnings();
    void everyErrorNamesItsField();
    void describeErrors();
    void fieldLabels();
};

void TestMemberValidator::init()
{
    Clock::setFixed(kNow);
}

void TestMemberValidator::cleanup()
{
    Clock::reset();
}

void TestMemberValidator::sampleMemberIsValid()
{
    Member m = valid();
    const QList<FieldProblem> problems = MemberValidator::normaliseAndCheck(m);
    QVERIFY2(problems.isEmpty(), qPrintable(MemberValidator::describeErrors(problems)));
    QVERIFY(!MemberValidator::hasErrors(problems));
    QCOMPARE(m.status, QStringLiteral("active"));
    QCOMPARE(m.idType, QStringLiteral("resident"));
    // Normalising twice changes nothing.
    const Member once = m;
    QVERIFY(MemberValidator::normaliseAndCheck(m).isEmpty());
    QCOMPARE(m.toFields(), once.toFields());
}

void TestMemberValidator::idNumberFillsGenderAndBirthDate()
{
    Member m = valid();
    m.idNumber = TestStore::idNumber(QStringLiteral("440106"), QDate(1988, 8, 8), 337).toLower();
    m.gender.clear();
    m.birthDate.clear();
    m.joinDate = QStringLiteral("2012-01-01");
    QVERIFY(!MemberValidator::hasErrors(MemberValidator::normaliseAndCheck(m)));
    QCOMPARE(m.idNumber, TestStore::idNumber(QStringLiteral("440106"), QDate(1988, 8, 8), 337));
    QCOMPARE(m.gender, QStringLiteral("male"));
    QCOMPARE(m.birthDate, QStringLiteral("1988-08-08"));

    m.idNumber = TestStore::idNumber(QStringLiteral("440106"), QDate(1988, 8, 8), 338);
    m.gender.clear();
    m.birthDate.clear();
    QVERIFY(!MemberValidator::hasErrors(MemberValidator::normaliseAndCheck(m)));
    QCOMPARE(m.gender, QStringLiteral("female"));
}

void TestMemberValidator::legacyIdNumber()
{
    Member m = valid();
    m.idNumber = QStringLiteral("440106880808337");
    m.birthDate.clear();
    m.joinDate = QStringLiteral("2012-01-01");
    QVERIFY(!MemberValidator::hasErrors(MemberValidator::normaliseAndCheck(m)));
    QCOMPARE(m.idNumber, TestStore::idNumber(QStringLiteral("440106"), QDate(1988, 8, 8), 337));
    QCOMPARE(m.birthDate, QStringLiteral("1988-08-08"));
}

void TestMemberValidator::normalisesFreeText()
{
    Member m = valid();
    m.name = QStringLiteral(" 阿依古丽•买买提 ");
    m.employer = QStringLiteral("  ＡＢＣ　物流（北京）  有限公司 ");
    m.jobTitle = QStringLiteral("车间主任，兼：安全员");
    m.cardNumber = QStringLiteral(" ＧＨ０００１ ");
    m.ethnicity = QStringLiteral(" 维吾尔族 ");
    m.notes = QStringLiteral("  第一行\n第二行  ");
    QVERIFY(!MemberValidator::hasErrors(MemberValidator::normaliseAndCheck(m)));
    QCOMPARE(m.name, QStringLiteral("阿依古丽\u00B7买买提"));
    QVERIFY2(m.employer.startsWith(QStringLiteral("ABC")), qPrintable(m.employer));
    // Chinese punctuation is written full-width and stays so.
    QCOMPARE(m.employer, QStringLiteral("ABC 物流（北京） 有限公司"));
    QCOMPARE(m.jobTitle, QStringLiteral("车间主任，兼：安全员"));
    QVERIFY2(!m.employer.startsWith(QLatin1Char(' ')) && !m.employer.endsWith(QLatin1Char(' ')),
             qPrintable(m.employer));
    QCOMPARE(m.cardNumber, QStringLiteral("GH0001"));
    QCOMPARE(m.ethnicity, QStringLiteral("维吾尔族"));
    QCOMPARE(m.notes, QStringLiteral("第一行\n第二行"));
}

void TestMemberValidator::limitsTheLengthOfFreeText()
{
    Member m = valid();
    m.employer = QString(100, QChar(0x5382)); // 厂
    m.notes = QString(1000, QChar(0x6CE8));   // 注
    QVERIFY(!MemberValidator::hasErrors(MemberValidator::normaliseAndCheck(m)));
    // Counted in characters: 1000 outside the BMP are 2000 UTF-16 units and still allowed.
    m.notes = QString::fromUtf8("\xF0\xA0\xAE\xB7").repeated(1000);
    QVERIFY(!MemberValidator::hasErrors(MemberValidator::normaliseAndCheck(m)));
    m.employer += QChar(0x5382);
    m.notes += QChar(0x6CE8);
    const QList<FieldProblem> problems = MemberValidator::normaliseAndCheck(m);
    QStringList fields;
    for (const FieldProblem& p : problems) {
        if (p.isError()) {
            fields.append(p.field);
            QVERIFY2(p.message.contains(QStringLiteral("at most")), qPrintable(p.message));
        }
    }
    QCOMPARE(fields, (QStringList{QStringLiteral("employer"), QStringLiteral("notes")}));
}

void TestMemberValidator::codedFields_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("key");

    const auto row = [](const char* name, const char* field, const QString& typed, const char* key) {
        QTest::newRow(name) << QString::fromLatin1(field) << typed << QString::fromLatin1(key);
    };
    row("gender key", "gender", QStringLiteral("male"), "male");
    row("gender Chinese", "gender", QStringLiteral("男"), "male");
    row("gender label", "gender", QStringLiteral("Male"), "male");
    row("education alias", "education", QStringLiteral("本科"), "bachelor");
    row("education label", "education", QStringLiteral("Junior college"), "college");
    row("political status", "politicalStatus", QStringLiteral("党员"), "cpc");
    row("employment form", "employmentForm", QStringLiteral("外卖骑手"), "food-delivery");
    row("employment form, full-width spaces", "employmentForm", QStringLiteral("　快递员　"), "courier");
    row("household", "household", QStringLiteral("农民工"), "rural");
    row("status alias", "status", QStringLiteral("保留会籍"), "retained");
    row("status key", "status", QStringLiteral("deceased"), "deceased");
    row("status 在册", "status", QStringLiteral("在册"), "active");
    row("status 离退休", "status", QStringLiteral("离退休"), "retained");
    // What rosters write besides the list's own words.
    row("status 已退会", "status", QStringLiteral("已退会"), "withdrawn");
    row("status 内退", "status", QStringLiteral("内退"), "retained");
    row("status 病故", "status", QStringLiteral("病故"), "deceased");
    row("political 民盟会员", "politicalStatus", QStringLiteral("民盟会员"), "democratic-party");
    row("gender code (GB/T 2261.1)", "gender", QStringLiteral("1"), "male");
    row("gender 女士", "gender", QStringLiteral("女士"), "female");
    row("education 高职", "education", QStringLiteral("高职"), "college");
    row("employment form 劳务派遣", "employmentForm", QStringLiteral("劳务派遣"), "employee");
    row("id type 二代身份证", "idType", QStringLiteral("二代身份证"), "resident");
    row("verification method", "verifiedMethod", QStringLiteral("读卡器"), "id-card-reader");
    // As rosters write the level with its kind of study or with 学历 after it.
    row("education 本科学历", "education", QStringLiteral("本科学历"), "bachelor");
    row("education 函授本科", "education", QStringLiteral("函授本科"), "bachelor");
    row("education 在职研究生", "education", QStringLiteral("在职研究生"), "master");
    row("education 大专学历", "education", QStringLiteral("大专学历"), "college");
    row("education 中等专科", "education", QStringLiteral("中等专科"), "vocational");
    row("political 共产党员", "politicalStatus", QStringLiteral("共产党员"), "cpc");
    row("employment form 网约配送员", "employmentForm", QStringLiteral("网约配送员"), "food-delivery");
    row("employment form 非全日制", "employmentForm", QStringLiteral("非全日制"), "employee");
    row("household 农业户口", "household", QStringLiteral("农业户口"), "rural");
    row("household 非农业户口", "household", QStringLiteral("非农业户口"), "urban");
    row("status 在岗", "status", QStringLiteral("在岗"), "active");
    row("status 会籍保留", "status", QStringLiteral("会籍保留"), "retained");
    // 工会章程: members who retire or lose their work keep their membership.
    row("status 失业", "status", QStringLiteral("失业"), "retained");
}

void TestMemberValidator::codedFields()
{
    QFETCH(QString, field);
    QFETCH(QString, typed);
    QFETCH(QString, key);
    QJsonObject fields = valid().toFields();
    fields.insert(field, typed);
    fields.insert(QStringLiteral("verified"), true); // keeps verifiedMethod
    Member m = Member::fromFields(QString(), fields);
    const QList<FieldProblem> problems = MemberValidator::normaliseAndCheck(m);
    QVERIFY2(!MemberValidator::hasErrors(problems), qPrintable(MemberValidator::describeErrors(problems)));
    QCOMPARE(m.toFields().value(field).toString(), key);
}

// A word clerks type must stand for one value only: an alias listed under two codes would silently
// take the first.
void TestMemberValidator::aliasesNameOneCodeEach()
{
    const QList<const CodeList*> lists{
        &codes::memberStatus(),    &codes::gender(),    &codes::employmentForm(), &codes::education(),
        &codes::politicalStatus(), &codes::household(), &codes::idType()};
    for (const CodeList* list : lists) {
        QHash<QString, QString> owner;
        for (int i = 0; i < list->size(); ++i) {
            const QString key = QString::fromLatin1(list->at(i).key);
            for (const QString& alias : QString::fromUtf8(list->at(i).aliases).split(QLatin1Char('|'))) {
                QVERIFY2(!owner.contains(alias) || owner.value(alias) == key,
                         qPrintable(alias + QStringLiteral(": ") + owner.value(alias) + QStringLiteral(", ") +
                                    key));
                owner.insert(alias, key);
                QCOMPARE(list->keyFor(alias), key);
            }
        }
    }
}

void TestMemberValidator::unknownCodeListsTheAllowedValues()
{
    Member m = valid();
    m.employmentForm = QStringLiteral("宇航员");
    const QList<FieldProblem> problems = MemberValidator::normaliseAndCheck(m);
    QCOMPARE(errorsOf(problems), QStringList{QStringLiteral("employmentForm")});
    const QString message = problems.first().message;
    QVERIFY2(message.startsWith(QStringLiteral("Employment form: ")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("宇航员")), qPrintable(message));
    for (const QString& key : codes::employmentForm().keys())
        QVERIFY2(message.contains(codes::employmentForm().label(key)), qPrintable(key));
    // The value is left as typed, so the clerk sees what was wrong.
    QCOMPARE(m.employmentForm, QStringLiteral("宇航员"));
}

void TestMemberValidator::emptyCodesAreCleared()
{
    Member m = valid();
    m.gender = QStringLiteral("  ");
    m.education = QStringLiteral(" ");
    m.status = QString();
    m.idType = QString();
    QVERIFY(!MemberValidator::hasErrors(MemberValidator::normaliseAndCheck(m)));
    QCOMPARE(m.education, QString());
    QCOMPARE(m.status, QStringLiteral("active"));
    QCOMPARE(m.idType, QStringLiteral("resident"));
    QCOMPARE(m.gender, QStringLiteral("male")); // from the ID number (sample 42 is a man)
}

void TestMemberValidator::otherDocumentTypes_data()
{
    QTest::addColumn<QString>("idType");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("stored");     // empty: refused
    QTest::addColumn<QString>("storedType"); // the key kept
    QTest::addColumn<QString>("gender");     // from the number: identity cards and residence permits
    QTest::addColumn<bool>("typeWarning");
    QTest::newRow("passport") << QStringLiteral("护照") << QStringLiteral(" e 1234-5678 ")
                              << QStringLiteral("E12345678") << QStringLiteral("passport") << QString()
                              << false;
    QTest::newRow("residence permit") << QStringLiteral("hmt-permit") << QStringLiteral("830000199001011234")
                                      << QStringLiteral("830000199001011234") << QStringLiteral("hmt-permit")
                                      << QStringLiteral("male") << false;
    // Without a type, a permit's number says what it is; under 居民身份证 it does too, with a warning.
    QTest::newRow("permit number, no type")
        << QString() << QStringLiteral("810000198512030041") << QStringLiteral("810000198512030041")
        << QStringLiteral("hmt-permit") << QStringLiteral("female") << false;
    QTest::newRow("permit number as identity card")
        << QStringLiteral("居民身份证") << QStringLiteral("820000197006150064")
        << QStringLiteral("820000197006150064") << QStringLiteral("hmt-permit") << QStringLiteral("female")
        << true;
    QTest::newRow("permit by the name printed on it")
        << QStringLiteral("台湾居民居住证") << QStringLiteral("830000199001011234")
        << QStringLiteral("830000199001011234") << QStringLiteral("hmt-permit") << QStringLiteral("male")
        << false;
    QTest::newRow("permit with a bad check digit")
        << QStringLiteral("港澳台居民居住证") << QStringLiteral("830000199001011235") << QString()
        << QString() << QString() << false;
    QTest::newRow("permit with an identity card's number")
        << QStringLiteral("港澳台居民居住证") << QStringLiteral("11010519491231002X") << QString()
        << QString() << QString() << false;
    QTest::newRow("too short") << QStringLiteral("passport") << QStringLiteral("E12") << QString()
                               << QString() << QString() << false;
    QTest::newRow("too long") << QStringLiteral("passport") << QString(31, QLatin1Char('1')) << QString()
                              << QString() << QString() << false;
    QTest::newRow("unknown type") << QStringLiteral("library card") << QStringLiteral("E1234567") << QString()
                                  << QString() << QString() << false;
    // The card's own printed name, and an unknown type before a valid identity card number: the
    // number tells (with a warning for the unknown type).
    QTest::newRow("identity card by its full name")
        << QStringLiteral("中华人民共和国居民身份证") << QStringLiteral("11010519491231002X")
        << QStringLiteral("11010519491231002X") << QStringLiteral("resident") << QStringLiteral("female")
        << false;
    QTest::newRow("unknown type, identity card number")
        << QStringLiteral("居民身份证（18位）") << QStringLiteral("11010519491231002X")
        << QStringLiteral("11010519491231002X") << QStringLiteral("resident") << QStringLiteral("female")
        << true;
    QTest::newRow("ordinary passport")
        << QStringLiteral("普通护照") << QStringLiteral("E12345678") << QStringLiteral("E12345678")
        << QStringLiteral("passport") << QString() << false;
    QTest::newRow("travel permit") << QStringLiteral("港澳居民来往内地通行证") << QStringLiteral("H12345678")
                                   << QString() << QString() << QString() << false;
    // A foreigner's permanent residence card of 2023: 9, the province, the nationality, then as an
    // identity card (birth date, order, check character); without a type its number says what it is.
    QTest::newRow("foreigner card") << QStringLiteral("外国人永久居留身份证")
                                    << QStringLiteral("931840198503120013")
                                    << QStringLiteral("931840198503120013") << QStringLiteral("foreigner")
                                    << QStringLiteral("male") << false;
    QTest::newRow("foreigner card, no type")
        << QString() << QStringLiteral("931840198503120013") << QStringLiteral("931840198503120013")
        << QStringLiteral("foreigner") << QStringLiteral("male") << false;
    QTest::newRow("foreigner card, bad check")
        << QStringLiteral("外国人永久居留身份证") << QStringLiteral("931840198503120010") << QString()
        << QString() << QString() << false;
    QTest::newRow("foreigner card, no such day")
        << QStringLiteral("外国人永久居留身份证") << QStringLiteral("931840199913450013") << QString()
        << QString() << QString() << false;
    QTest::newRow("foreigner card, words")
        << QStringLiteral("外国人永久居留身份证") << QStringLiteral("hello world") << QString() << QString()
        << QString() << false;
    QTest::newRow("foreigner card, no province")
        << QStringLiteral("外国人永久居留身份证") << QStringLiteral("999999999999999999") << QString()
        << QString() << QString() << false;
    // The card of 2004: three letters and twelve digits, its shape only.
    QTest::newRow("foreigner card of 2004")
        << QStringLiteral("外国人永久居留证") << QStringLiteral("usa310085031201")
        << QStringLiteral("USA310085031201") << QStringLiteral("foreigner") << QString() << false;
    QTest::newRow("foreigner card of 2004, no type")
        << QString() << QStringLiteral("USA310085031201") << QStringLiteral("USA310085031201")
        << QStringLiteral("foreigner") << QString() << false;
}

void TestMemberValidator::otherDocumentTypes()
{
    QFETCH(QString, idType);
    QFETCH(QString, number);
    QFETCH(QString, stored);
    QFETCH(QString, storedType);
    QFETCH(QString, gender);
    QFETCH(bool, typeWarning);
    Member m = valid();
    m.idType = idType;
    m.idNumber = number;
    m.gender.clear();
    m.birthDate.clear();
    m.joinDate.clear();
    const QList<FieldProblem> problems = MemberValidator::normaliseAndCheck(m);
    if (stored.isEmpty()) {
        QVERIFY(MemberValidator::hasErrors(problems));
        // A travel permit is not refused as merely unknown: the clerk is told which document to use.
        if (idType.contains(QStringLiteral("通行证")))
            QVERIFY2(MemberValidator::describeErrors(problems).contains(QStringLiteral("居住证")),
                     qPrintable(MemberValidator::describeErrors(problems)));
        QVERIFY2(errorsOf(problems).contains(QStringLiteral("idNumber")) ||
                     errorsOf(problems).contains(QStringLiteral("idType")),
                 qPrintable(MemberValidator::describeErrors(problems)));
        return;
    }
    QVERIFY2(!MemberValidator::hasErrors(problems), qPrintable(MemberValidator::describeErrors(problems)));
    QCOMPARE(m.idNumber, stored);
    QCOMPARE(m.idType, storedType);
    QCOMPARE(m.gender, gender);
    QCOMPARE(m.birthDate.isEmpty(), gender.isEmpty());
    const bool warned = std::any_of(problems.cbegin(), problems.cend(), [](const FieldProblem& p) {
        return !p.isError() && p.field == QLatin1String("idType");
    });
    QCOMPARE(warned, typeWarning);
}

void TestMemberValidator::warnsOfWordsJoinedIntoAName()
{
    Member m = valid();
    m.name = QStringLiteral("王芳 女");
    QList<FieldProblem> problems = MemberValidator::normaliseAndCheck(m);
    QVERIFY(!MemberValidator::hasErrors(problems));
    QCOMPARE(m.name, QStringLiteral("王芳女"));
    QVERIFY(std::any_of(problems.cbegin(), problems.cend(), [](const FieldProblem& p) {
        return p.field == QLatin1String("name") && !p.isError();
    }));
    m = valid();
    m.name = QStringLiteral("张　三");
    problems = MemberValidator::normaliseAndCheck(m);
    QVERIFY(std::none_of(problems.cbegin(), problems.cend(),
                         [](const FieldProblem& p) { return p.field == QLatin1String("name"); }));
}

// 汉 and 汉族 are one group for the statistics; 火星族 is none.
void TestMemberValidator::ethnicGroupsByTheirOfficialNames()
{
    for (const auto& [typed, stored] : {std::pair{QStringLiteral("汉"), QStringLiteral("汉族")},
                                        std::pair{QStringLiteral(" 维吾尔 "), QStringLiteral("维吾尔族")},
                                        std::pair{QStringLiteral("柯尔克孜族"), QStringLiteral("柯尔克孜族")},
                                        std::pair{QStringLiteral("其他"), QStringLiteral("未识别民族")}}) {
        Member m = valid();
        m.ethnicity = typed;
        const QList<FieldProblem> problems = MemberValidator::normaliseAndCheck(m);
        QVERIFY2(!MemberValidator::hasErrors(problems),
                 qPrintable(MemberValidator::describeErrors(problems)));
        QCOMPARE(m.ethnicity, stored);
    }
    QCOMPARE(Ethnicity::names().size(), 58); // the 56 groups, the unidentified, naturalised citizens
    for (const QString& typed : {QStringLiteral("火星族"), QStringLiteral("Han")}) {
        Member m = valid();
        m.ethnicity = typed;
        const QList<FieldProblem> problems = MemberValidator::normaliseAndCheck(m);
        QVERIFY(!MemberValidator::hasErrors(problems));
        QVERIFY(std::any_of(problems.cbegin(), problems.cend(),
                            [](const FieldProblem& p) { return p.field == QLatin1String("ethnicity"); }));
        QCOMPARE(m.ethnicity, typed); // kept as typed
    }
}

void TestMemberValidator::mobile_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("stored");
    QTest::addColumn<bool>("error");
    QTest::addColumn<bool>("warning");
    QTest::newRow("plain") << QStringLiteral("13912345670") << QStringLiteral("13912345670") << false
                           << false;
    QTest::newRow("+86 and separators")
        << QStringLiteral("+86 139-1234-5670") << QStringLiteral("13912345670") << false << false;
    QTest::newRow("full-width") << QStringLiteral("１３９１２３４５６７０") << QStringLiteral("13912345670")
                                << false << false;
    QTest::newRow("blank") << QStringLiteral("   ") << QString() << false << false;
    QTest::newRow("made up") << QStringLiteral("13800000000") << QStringLiteral("13800000000") << false
                             << true;
    QTest::newRow("too short") << QStringLiteral("1391234567") << QString() << true << false;
    QTest::newRow("landline") << QStringLiteral("020-87654321") << QString() << true << false;
    QTest::newRow("foreign") << QStringLiteral("+1 415 555 0100") << QString() << true << false;
}

void TestMemberValidator::mobile()
{
    QFETCH(QString, typed);
    QFETCH(QString, stored);
    QFETCH(bool, error);
    QFETCH(bool, warning);
    Member m = valid();
    m.mobile = typed;
    const QList<FieldProblem> problems = MemberValidator::normaliseAndCheck(m);
    QCOMPARE(errorsOf(problems).contains(QStringLiteral("mobile")), error);
    QCOMPARE(warningsOf(problems).contains(QStringLiteral("mobile")), warning);
    if (!error)
        QCOMPARE(m.mobile, stored);
}

void TestMemberValidator::dates_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("stored"); // empty: an error
    QTest::newRow("join date") << QStringLiteral("joinDate") << QStringLiteral(" 2010-09-01 ")
                               << QStringLiteral("2010-09-01");
    QTest::newRow("join date today") << QStringLiteral("joinDate") << QStringLiteral("2024-06-01")
                                     << QStringLiteral("2024-06-01");
    QTest::newRow("join date tomorrow")
        << QStringLiteral("joinDate") << QStringLiteral("2024-06-02") << QString();
    QTest::newRow("no such month") << QStringLiteral("joinDate") << QStringLiteral("2010-13-01") << QString();
    QTest::newRow("not a date") << QStringLiteral("joinDate") << QStringLiteral("去年") << QString();
    QTest::newRow("verified in the future")
        << QStringLiteral("verifiedAt") << QStringLiteral("2025-01-01") << QString();
    QTest::newRow("verified") << QStringLiteral("verifiedAt") << QStringLiteral("2024-05-31")
                              << QStringLiteral("2024-05-31");
    QTest::newRow("birth in the future")
        << QStringLiteral("birthDate") << QStringLiteral("2030-01-01") << QString();
}

void TestMemberValidator::dates()
{
    QFETCH(QString, field);
    QFETCH(QString, typed);
    QFETCH(QString, stored);
    QJsonObject fields = valid().toFields();
    fields.insert(field, typed);
    fields.insert(QStringLiteral("verified"), true);
    Member m = Member::fromFields(QString(), fields);
    const QList<FieldProblem> problems = MemberValidator::normaliseAndCheck(m);
    if (stored.isEmpty()) {
        QVERIFY2(errorsOf(problems).contains(field), qPrintable(MemberValidator::describeErrors(problems)));
    } else {
        QVERIFY2(!MemberValidator::hasErrors(problems),
                 qPrintable(MemberValidator::describeErrors(problems)));
        QCOMPARE(m.toFields().value(field).toString(), stored);
    }
}

void TestMemberValidator::joinDateAgainstBirth()
{
    const QDate birth = TestStore::sampleBirthDate(42);
    Member m = valid();
    m.joinDate = birth.addDays(-1).toString(Qt::ISODate);
    QCOMPARE(errorsOf(MemberValidator::normaliseAndCheck(m)), QStringList{QStringLiteral("joinDate")});

    m = valid();
    m.joinDate = birth.addYears(15).toString(Qt::ISODate);
    QList<FieldProblem> problems = MemberValidator::normaliseAndCheck(m);
    QVERIFY(!MemberValidator::hasErrors(problems));
    QCOMPARE(warningsOf(problems), QStringList{QStringLiteral("joinDate")});

    m = valid();
    m.joinDate = birth.addYears(16).toString(Qt::ISODate);
    QVERIFY(MemberValidator::normaliseAndCheck(m).isEmpty());
}

void TestMemberValidator::birthDateAndGenderWarnings()
{
    Member m = valid();
    m.birthDate = QStringLiteral("1959-01-01");
    m.gender = QStringLiteral("female"); // sample 42 is a man
    const QList<FieldProblem> problems = MemberValidator::normaliseAndCheck(m);
    QVERIFY(!MemberValidator::hasErrors(problems));
    QCOMPARE(warningsOf(problems), (QStringList{QStringLiteral("birthDate"), QStringLiteral("gender")}));
    // The declared values stay: the clerk decides.
    QCOMPARE(m.birthDate, QStringLiteral("1959-01-01"));
    QCOMPARE(m.gender, QStringLiteral("female"));

    // A member of 100 or more, or a child without a join date: most likely a typing slip.
    for (const char* number : {"110105192001010012", "110105201801010019"}) {
        Member odd = valid();
        const QString first17 = QString::fromLatin1(number).left(17);
        odd.idNumber = first17 + IdNumber::checkCharacter(first17);
        odd.birthDate.clear();
        odd.gender.clear();
        odd.joinDate.clear();
        const QList<FieldProblem> found = MemberValidator::normaliseAndCheck(odd);
        QVERIFY2(!MemberValidator::hasErrors(found), qPrintable(MemberValidator::describeErrors(found)));
        QVERIFY2(warningsOf(found).contains(QStringLiteral("birthDate")), number);
    }
    Member adult = valid();
    adult.birthDate.clear();
    QVERIFY(!warningsOf(MemberValidator::normaliseAndCheck(adult)).contains(QStringLiteral("birthDate")));
}

void TestMemberValidator::verificationIsClearedWhenNotVerified()
{
    Member m = valid();
    m.verified = false;
    m.verifiedMethod = QStringLiteral("in-person");
    m.verifiedAt = QStringLiteral("2024-01-01");
    QVERIFY(MemberValidator::normaliseAndCheck(m).isEmpty());
    QCOMPARE(m.verifiedMethod, QString());
    QCOMPARE(m.verifiedAt, QString());

    m.verified = true;
    m.verifiedMethod = QStringLiteral("现场核验");
    m.verifiedAt = QStringLiteral("2024-01-01");
    QVERIFY(MemberValidator::normaliseAndCheck(m).isEmpty());
    QCOMPARE(m.verifiedMethod, QStringLiteral("in-person"));
    QCOMPARE(m.verifiedAt, QStringLiteral("2024-01-01"));
}

void TestMemberValidator::errorsComeBeforeWarnings()
{
    Member m = valid();
    m.birthDate = QStringLiteral("1970-01-01"); // warning, found first
    m.mobile = QStringLiteral("123");           // error, found later
    m.joinDate = QStringLiteral("2099-01-01");  // error
    const QList<FieldProblem> problems = MemberValidator::normaliseAndCheck(m);
    QCOMPARE(problems.size(), 3);
    QVERIFY(problems.at(0).isError());
    QVERIFY(problems.at(1).isError());
    QVERIFY(!problems.at(2).isError());
    QCOMPARE(problems.at(2).field, QStringLiteral("birthDate"));
    // Among errors, the order they were found in.
    QCOMPARE(problems.at(0).field, QStringLiteral("mobile"));
    QCOMPARE(problems.at(1).field, QStringLiteral("joinDate"));
}

void TestMemberValidator::everyErrorNamesItsField()
{
    Member m;
    m.name = QStringLiteral("张3");
    m.idNumber = QStringLiteral("110105194912310021");
    m.mobile = QStringLiteral("12");
    m.gender = QStringLiteral("x");
    m.education = QStringLiteral("x");
    m.politicalStatus = QStringLiteral("x");
    m.employmentForm = QStringLiteral("x");
    m.household = QStringLiteral("x");
    m.status = QStringLiteral("x");
    m.verified = true;
    m.verifiedMethod = QStringLiteral("x");
    m.verifiedAt = QStringLiteral("x");
    m.birthDate = QStringLiteral("x");
    m.joinDate = QStringLiteral("x");
    const QList<FieldProblem> problems = MemberValidator::normaliseAndCheck(m);
    QCOMPARE(errorsOf(problems),
             (QStringList{QStringLiteral("birthDate"), QStringLiteral("education"),
                          QStringLiteral("employmentForm"), QStringLiteral("gender"),
                          QStringLiteral("household"), QStringLiteral("idNumber"), QStringLiteral("joinDate"),
                          QStringLiteral("mobile"), QStringLiteral("name"), QStringLiteral("organisation"),
                          QStringLiteral("politicalStatus"), QStringLiteral("status"),
                          QStringLiteral("verifiedAt"), QStringLiteral("verifiedMethod")}));
    for (const FieldProblem& p : problems) {
        const QString label = MemberValidator::fieldLabel(p.field) + QStringLiteral(": ");
        QVERIFY2(p.message.startsWith(label), qPrintable(p.field + QStringLiteral(" → ") + p.message));
    }
}

void TestMemberValidator::describeErrors()
{
    const QList<FieldProblem> problems = {
        {QStringLiteral("name"), QStringLiteral("Name: bad."), FieldProblem::Severity::Error},
        {QStringLiteral("mobile"), QStringLiteral("Mobile: odd."), FieldProblem::Severity::Warning},
        {QStringLiteral("joinDate"), QStringLiteral("Join date: bad."), FieldProblem::Severity::Error},
    };
    QVERIFY(MemberValidator::hasErrors(problems));
    QCOMPARE(MemberValidator::describeErrors(problems), QStringLiteral("Name: bad. Join date: bad."));
    QVERIFY(!MemberValidator::hasErrors({problems.at(1)}));
    QCOMPARE(MemberValidator::describeErrors({problems.at(1)}), QString());
    QVERIFY(!MemberValidator::hasErrors({}));
}

void TestMemberValidator::fieldLabels()
{
    QCOMPARE(MemberValidator::fieldLabel(QStringLiteral("idNumber")), QStringLiteral("ID number"));
    QCOMPARE(MemberValidator::fieldLabel(QStringLiteral("employmentForm")),
             QStringLiteral("Employment form"));
    QCOMPARE(MemberValidator::fieldLabel(QStringLiteral("no-such-field")), QStringLiteral("no-such-field"));
    // Every synced field has a label of its own.
    for (const QString& field : valid().toFields().keys())
        QVERIFY2(MemberValidator::fieldLabel(field) != field, qPrintable(field));
}

QTEST_GUILESS_MAIN(TestMemberValidator)
#include "tst_membervalidator.moc"
