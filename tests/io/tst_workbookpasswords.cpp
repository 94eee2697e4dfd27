#include "OfficeEncryption.h"
#include "TestStore.h"
#include "io/AesBlocks.h"
#include "io/CompoundFile.h"
#include "io/FileFormat.h"
#include "io/FreeXlReader.h"
#include "io/ImportPlan.h"
#include "io/OdfDecryption.h"
#include "io/OoxmlDecryption.h"
#include "io/RosterImport.h"
#include "io/SheetReader.h"
#include "io/WorkbookCodec.h"
#include "io/XlsxWriter.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ud;
using namespace ud::test;

// Rosters hold ID numbers, and clerks are told to send them with a password to open. The clerk who
// has the password imports such a workbook (.xlsx as Excel 2010+, WPS or Excel 2007 encrypt it; .xls
// with RC4); without it, or with a wrong one, she is asked for it — and told which it was.
class TstWorkbookPasswords : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aesMatchesTheStandardVectors();
    void encryptorAgreesWithMsoffcrypto_data();
    void encryptorAgreesWithMsoffcrypto();
    void readsEncryptedXlsxWithThePassword_data();
    void readsEncryptedXlsxWithThePassword();
    void readsXlsxEncryptedWithTheBuiltInPassword();
    void refusesDamagedOrUnknownEncryption();
    void readsXlsWithThePassword_data();
    void readsXlsWithThePassword();
    void readsOdsWithThePassword_data();
    void readsOdsWithThePassword();
    void refusesDamagedOds();

private:
    QTemporaryDir m_dir;
    QByteArray m_package; // a plain .xlsx roster
    Workbook m_plain;     // as read from m_package
};

namespace {

const QString kCorpus = QStringLiteral(QT_TESTCASE_SOURCEDIR "/../fuzz/corpus");
const QString kChinesePassword = QStringLiteral("工会Ab12！");

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// msoffcrypto-tool (Debian's python3-msoffcrypto-tool, installed by scripts/setup) decrypts `path`
// with `password`, checking the password and, for agile encryption, the data integrity HMAC.
QByteArray decryptWithMsoffcrypto(const QString& path, const QString& password, bool agile, QString* log)
{
    const QString out = path + QStringLiteral(".plain");
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import sys, msoffcrypto\n"
                                 "f = msoffcrypto.OfficeFile(open(sys.argv[1], 'rb'))\n"
                                 "f.load_key(password=sys.argv[2], verify_password=True)\n"
                                 "f.decrypt(open(sys.argv[3], 'wb'), verify_integrity=sys.argv[4] == '1')\n"),
                  path, password, out, agile ? QStringLiteral("1") : QStringLiteral("0")});
    if (!python.waitForFinished(120'000) || python.exitStatus() != QProcess::NormalExit ||
        python.exitCode() != 0) {
        *log = QString::fromUtf8(python.readAllStandardError()) + python.errorString();
        return {};
    }
    return readAll(out);
}

} // namespace

void TstWorkbookPasswords::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("plain.xlsx"));
    XlsxWriter book(path);
    QVERIFY(book.addSheet(QStringLiteral("会员")));
    book.mergeText(0, 0, 3, QStringLiteral("XX公司工会会员花名册"));
    const QStringList headers{QStringLiteral("姓名"), QStringLiteral("身份证号码"), QStringLiteral("手机号"),
                              QStringLiteral("入会日期")};
    for (int c = 0; c < headers.size(); ++c)
        book.writeText(1, c, headers.at(c), XlsxWriter::Style::Header);
    // Enough rows that the package spans many 4096-byte segments of agile encryption.
    for (int r = 0; r < 400; ++r) {
        book.writeText(2 + r, 0, TestStore::sampleName(r));
        book.writeText(2 + r, 1, TestStore::sampleIdNumber(r), XlsxWriter::Style::Text);
        book.writeText(2 + r, 2, QStringLiteral("138%1").arg(10'000'000 + r));
        book.writeDate(2 + r, 3, QDate(2020, 1, 5).addDays(r));
    }
    QString error;
    QVERIFY2(book.close(&error), qPrintable(error));
    m_package = readAll(path);
    QVERIFY(m_package.size() > 3 * 4096);
    QVERIFY2(SheetReader::readFile(path, &m_plain, &error), qPrintable(error));
}

// FIPS-197 C.1 (ECB) and NIST SP 800-38A F.2.1 (CBC): the cipher under both methods is AES itself.
void TstWorkbookPasswords::aesMatchesTheStandardVectors()
{
    const QByteArray key128 = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f");
    const QByteArray plain = QByteArray::fromHex("00112233445566778899aabbccddeeff");
    QCOMPARE(AesBlocks::encryptEcb(key128, plain).toHex(), QByteArray("69c4e0d86a7b0430d8cdb78070b4c55a"));
    const QByteArray key256 =
        QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    QCOMPARE(AesBlocks::encryptEcb(key256, plain).toHex(), QByteArray("8ea2b7ca516745bfeafc49904b496089"));
    QCOMPARE(AesBlocks::decryptEcb(key256, QByteArray::fromHex("8ea2b7ca516745bfeafc49904b496089")), plain);

    const QByteArray cbcKey = QByteArray::fromHex("2b7e151628aed2a6abf7158809cf4f3c");
    const QByteArray iv = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f");
    const QByteArray text =
        QByteArray::fromHex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51");
    const QByteArray cipher =
        QByteArray::fromHex("7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2");
    QCOMPARE(AesBlocks::encryptCbc(cbcKey, iv, text), cipher);
    QCOMPARE(AesBlocks::decryptCbc(cbcKey, iv, cipher), text);

    // Not whole blocks, a key of no AES size: nothing, rather than a guess.
    QVERIFY(AesBlocks::decryptCbc(cbcKey, iv, text.left(20)).isEmpty());
    QVERIFY(AesBlocks::decryptEcb(cbcKey.left(10), text).isEmpty());
}

void TstWorkbookPasswords::encryptorAgreesWithMsoffcrypto_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("password");
    QTest::newRow("agile SHA-512") << QStringLiteral("agile") << QStringLiteral("Secret123");
    QTest::newRow("agile Chinese password") << QStringLiteral("agile") << kChinesePassword;
    QTest::newRow("standard") << QStringLiteral("standard") << QStringLiteral("Secret123");
}

// The fixtures are what Office writes: a decryptor written by others opens them, checking the
// password and the integrity HMAC.
void TstWorkbookPasswords::encryptorAgreesWithMsoffcrypto()
{
    QFETCH(QString, method);
    QFETCH(QString, password);
    const QString path =
        m_dir.filePath(QStringLiteral("msoffcrypto-%1.xlsx").arg(QString::fromUtf8(QTest::currentDataTag())));
    const bool agile = method == QLatin1String("agile");
    QVERIFY(agile ? OfficeEncryption::writeAgile(path, m_package, password)
                  : OfficeEncryption::writeStandard(path, m_package, password));
    QString log;
    const QByteArray decrypted = decryptWithMsoffcrypto(path, password, agile, &log);
    QVERIFY2(!decrypted.isEmpty(),
             qPrintable(QStringLiteral("msoffcrypto-tool (python3-msoffcrypto-tool; scripts/setup installs "
                                       "it) did not decrypt the fixture: ") +
                        log));
    QCOMPARE(decrypted, m_package);
    QVERIFY(decryptWithMsoffcrypto(path, QStringLiteral("secret123"), agile, &log).isEmpty());
}

void TstWorkbookPasswords::readsEncryptedXlsxWithThePassword_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("hash");
    QTest::addColumn<int>("keyBits");
    QTest::addColumn<QString>("password");
    QTest::newRow("Excel 2010+") << QStringLiteral("agile") << QStringLiteral("SHA512") << 256
                                 << QStringLiteral("Secret123");
    QTest::newRow("Chinese password")
        << QStringLiteral("agile") << QStringLiteral("SHA512") << 256 << kChinesePassword;
    QTest::newRow("SHA-1, AES-128") << QStringLiteral("agile") << QStringLiteral("SHA1") << 128
                                    << QStringLiteral("123456");
    QTest::newRow("SHA-256, AES-192")
        << QStringLiteral("agile") << QStringLiteral("SHA256") << 192 << QStringLiteral("123456");
    QTest::newRow("Excel 2007") << QStringLiteral("standard") << QString() << 128
                                << QStringLiteral("Secret123");
}

void TstWorkbookPasswords::readsEncryptedXlsxWithThePassword()
{
    QFETCH(QString, method);
    QFETCH(QString, hash);
    QFETCH(int, keyBits);
    QFETCH(QString, password);
    const QString path =
        m_dir.filePath(QStringLiteral("%1 花名册.xlsx").arg(QString::fromUtf8(QTest::currentDataTag())));
    OfficeEncryption::Agile options;
    options.hashAlgorithm = hash;
    options.keyBits = keyBits;
    QVERIFY(method == QLatin1String("agile")
                ? OfficeEncryption::writeAgile(path, m_package, password, options)
                : OfficeEncryption::writeStandard(path, m_package, password));
    QCOMPARE(FileFormat::detect(path), FileFormat::Kind::Encrypted);
    const QString name = QFileInfo(path).fileName();

    // Without a password: asked for, by the file's name.
    Workbook workbook;
    QString error;
    SheetReader::PasswordProblem problem = SheetReader::PasswordProblem::None;
    QVERIFY(!SheetReader::readFile(path, QString(), &workbook, &error, &problem));
    QCOMPARE(problem, SheetReader::PasswordProblem::Needed);
    QVERIFY2(error.contains(name) && error.contains(QStringLiteral("password")), qPrintable(error));
    QVERIFY(workbook.sheets.isEmpty());
    // The plain readFile() says the same.
    QVERIFY(!SheetReader::readFile(path, &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral("password")), qPrintable(error));

    // A wrong one — the case of a letter, a full-width character — is told apart from none.
    for (const QString& wrong :
         {password.toLower() == password ? password + QLatin1Char('x') : password.toLower(),
          QString(password).replace(QLatin1Char('1'), QChar(0xFF11))}) {
        if (wrong == password)
            continue;
        QVERIFY(!SheetReader::readFile(path, wrong, &workbook, &error, &problem));
        QCOMPARE(problem, SheetReader::PasswordProblem::Wrong);
        QVERIFY2(error.contains(name) && error.contains(QStringLiteral("Caps Lock")), qPrintable(error));
    }

    // The right one: the same workbook as the plain file, down to the last cell; the plain copy
    // lives in a temporary folder only while it is read.
    const QString temporary =
        m_dir.filePath(QStringLiteral("tmp-%1").arg(QString::fromUtf8(QTest::currentDataTag())));
    QVERIFY(QDir().mkpath(temporary));
    const bool hadTemporary = qEnvironmentVariableIsSet("TMPDIR");
    const QByteArray oldTemporary = qgetenv("TMPDIR");
    qputenv("TMPDIR", QFile::encodeName(temporary));
    const bool read = SheetReader::readFile(path, password, &workbook, &error, &problem);
    if (hadTemporary)
        qputenv("TMPDIR", oldTemporary);
    else
        qunsetenv("TMPDIR");
    QVERIFY2(read, qPrintable(error));
    QVERIFY(QDir(temporary).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
    QCOMPARE(problem, SheetReader::PasswordProblem::None);
    QCOMPARE(WorkbookCodec::encode(workbook), WorkbookCodec::encode(m_plain));
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY2(choice, qPrintable(error));
    TestStore t;
    const ImportPlan plan =
        ImportPlan::build(workbook.sheets.at(choice->sheet), choice->map, t.store(), t.root().id);
    QCOMPARE(plan.validCount(), 400);
    QCOMPARE(plan.rejectedCount(), 0);
}

// What Excel does without asking the clerk (as for a workbook marked "read-only recommended" by
// some tools): encrypt with its built-in password, which every program opens by itself.
void TstWorkbookPasswords::readsXlsxEncryptedWithTheBuiltInPassword()
{
    const QString path = m_dir.filePath(QStringLiteral("velvet.xlsx"));
    QVERIFY(OfficeEncryption::writeAgile(path, m_package, QStringLiteral("VelvetSweatshop")));
    Workbook workbook;
    QString error;
    SheetReader::PasswordProblem problem = SheetReader::PasswordProblem::Wrong;
    QVERIFY2(SheetReader::readFile(path, QString(), &workbook, &error, &problem), qPrintable(error));
    QCOMPARE(problem, SheetReader::PasswordProblem::None);
    QCOMPARE(WorkbookCodec::encode(workbook), WorkbookCodec::encode(m_plain));
    // A password typed anyway does no harm.
    QVERIFY2(SheetReader::readFile(path, QStringLiteral("whatever"), &workbook, &error, &problem),
             qPrintable(error));
}

// A damaged encrypted workbook is called damaged, not a wrong password the clerk would try again
// and again; a method no password opens says so.
void TstWorkbookPasswords::refusesDamagedOrUnknownEncryption()
{
    const QString good = m_dir.filePath(QStringLiteral("good.xlsx"));
    QVERIFY(OfficeEncryption::writeAgile(good, m_package, QStringLiteral("Secret123")));
    const CompoundFile compound(good);
    const QByteArray info = compound.stream(QStringLiteral("EncryptionInfo"), 1 << 20);
    const QByteArray package = compound.stream(QStringLiteral("EncryptedPackage"), 1 << 24);
    QVERIFY(!info.isEmpty() && !package.isEmpty());
    QByteArray plain;
    QCOMPARE(OoxmlDecryption::decrypt(info, package, QStringLiteral("Secret123"), &plain),
             OoxmlDecryption::Outcome::Decrypted);
    QCOMPARE(plain, m_package);

    struct Case
    {
        QString name;
        QByteArray info;
        QByteArray package;
        QString says;
    };
    QByteArray extensible = info;
    extensible[2] = 3; // version 4.3
    QByteArray rc4 = info;
    const QList<Case> cases{
        {QStringLiteral("cut.xlsx"), info, package.left(package.size() / 2), QStringLiteral("damaged")},
        {QStringLiteral("noinfo.xlsx"), info.left(40), package, QStringLiteral("damaged")},
        {QStringLiteral("extensible.xlsx"), extensible, package, QStringLiteral("cannot be read here")},
    };
    for (const Case& c : cases) {
        const QString path = m_dir.filePath(c.name);
        QVERIFY(CompoundFile::write(path, {{QStringLiteral("EncryptionInfo"), c.info},
                                           {QStringLiteral("EncryptedPackage"), c.package}}));
        Workbook workbook;
        QString error;
        SheetReader::PasswordProblem problem = SheetReader::PasswordProblem::None;
        QVERIFY2(!SheetReader::readFile(path, QStringLiteral("Secret123"), &workbook, &error, &problem),
                 qPrintable(c.name));
        QCOMPARE(problem, SheetReader::PasswordProblem::None);
        QVERIFY2(error.contains(c.name) && error.contains(c.says), qPrintable(error));
    }
    // Rights management (IRM): an encrypted package and no EncryptionInfo.
    const QString irm = m_dir.filePath(QStringLiteral("irm.xlsx"));
    QVERIFY(CompoundFile::write(irm, {{QStringLiteral("EncryptedPackage"), package},
                                      {QStringLiteral("\u0006DataSpaces"), QByteArray(64, 'x')}}));
    Workbook workbook;
    QString error;
    QVERIFY(!SheetReader::readFile(irm, &workbook, &error));
    QVERIFY2(error.contains(QStringLiteral("rights management")), qPrintable(error));

    // A password that only spins: refused at once rather than hashed for hours.
    QByteArray spinning = info;
    const QByteArray spin = "spinCount=\"100000\"";
    QVERIFY(spinning.contains(spin));
    spinning.replace(spin, "spinCount=\"2000000000\"");
    QCOMPARE(OoxmlDecryption::decrypt(spinning, package, QStringLiteral("Secret123"), &plain),
             OoxmlDecryption::Outcome::Damaged);
}

void TstWorkbookPasswords::readsXlsWithThePassword_data()
{
    QTest::addColumn<QString>("encrypted");
    QTest::addColumn<QString>("password");
    // LibreOffice's Office 97 RC4, and RC4 CryptoAPI as Excel 2003 and later write it.
    QTest::newRow("rc4") << QStringLiteral("roster-password-123.xls") << QStringLiteral("123");
    QTest::newRow("cryptoapi") << QStringLiteral("roster-password-secret-cryptoapi.xls")
                               << QStringLiteral("secret");
}

// A legacy workbook with the clerk's password: read in the helper process (the password goes to it
// on stdin, not on its command line) and in this one, alike.
void TstWorkbookPasswords::readsXlsWithThePassword()
{
    QFETCH(QString, encrypted);
    QFETCH(QString, password);
    const QString path = kCorpus + QLatin1Char('/') + encrypted;
    Workbook workbook;
    QString error;
    SheetReader::PasswordProblem problem = SheetReader::PasswordProblem::None;
    QVERIFY(!SheetReader::readFile(path, QString(), &workbook, &error, &problem));
    QCOMPARE(problem, SheetReader::PasswordProblem::Needed);
    QVERIFY2(error.contains(encrypted), qPrintable(error));
    const QString wrong = password.toUpper() == password ? password + QLatin1Char('4') : password.toUpper();
    QVERIFY(!SheetReader::readFile(path, wrong, &workbook, &error, &problem));
    QCOMPARE(problem, SheetReader::PasswordProblem::Wrong);
    QVERIFY2(error.contains(QStringLiteral("Caps Lock")), qPrintable(error));
    QVERIFY2(SheetReader::readFile(path, password, &workbook, &error, &problem), qPrintable(error));
    QCOMPARE(problem, SheetReader::PasswordProblem::None);
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY2(choice, qPrintable(error));
    TestStore t;
    const ImportPlan plan =
        ImportPlan::build(workbook.sheets.at(choice->sheet), choice->map, t.store(), t.root().id);
    QVERIFY2(plan.validCount() >= 1, qPrintable(QString::number(plan.validCount())));

    FreeXlReader inProcess;
    inProcess.setPassword(password);
    Workbook same;
    QVERIFY2(inProcess.read(path, &same, &error), qPrintable(error));
    QCOMPARE(WorkbookCodec::encode(same), WorkbookCodec::encode(workbook));
    FreeXlReader without;
    QVERIFY(!without.read(path, &same, &error));
    QCOMPARE(without.passwordProblem(), SheetReader::PasswordProblem::Needed);
}

void TstWorkbookPasswords::readsOdsWithThePassword_data()
{
    QTest::addColumn<QString>("encrypted");
    QTest::addColumn<QString>("password");
    // LibreOffice 7.4 saved roster-libreoffice.ods again with a password (File > Save As, "Save with
    // password"): AES-256, PBKDF2, SHA-256 start key.
    QTest::newRow("ascii") << QStringLiteral("roster-password-Secret123.ods") << QStringLiteral("Secret123");
    QTest::newRow("chinese") << QStringLiteral("roster-password-chinese.ods") << QStringLiteral("工会2026");
}

void TstWorkbookPasswords::readsOdsWithThePassword()
{
    QFETCH(QString, encrypted);
    QFETCH(QString, password);
    const QString path = kCorpus + QLatin1Char('/') + encrypted;
    QCOMPARE(FileFormat::detect(path), FileFormat::Kind::Ods);
    Workbook expected;
    QString error;
    QVERIFY2(SheetReader::readFile(kCorpus + QStringLiteral("/roster-libreoffice.ods"), &expected, &error),
             qPrintable(error));

    Workbook workbook;
    SheetReader::PasswordProblem problem = SheetReader::PasswordProblem::None;
    QVERIFY(!SheetReader::readFile(path, QString(), &workbook, &error, &problem));
    QCOMPARE(problem, SheetReader::PasswordProblem::Needed);
    QVERIFY2(error.contains(encrypted), qPrintable(error));
    const QString wrong = password.toLower() == password ? password.chopped(1) : password.toLower();
    QVERIFY(!SheetReader::readFile(path, wrong, &workbook, &error, &problem));
    QCOMPARE(problem, SheetReader::PasswordProblem::Wrong);
    QVERIFY(!SheetReader::readFile(path, password + QLatin1Char(' '), &workbook, &error, &problem));
    QCOMPARE(problem, SheetReader::PasswordProblem::Wrong);
    QVERIFY2(SheetReader::readFile(path, password, &workbook, &error, &problem), qPrintable(error));
    QCOMPARE(problem, SheetReader::PasswordProblem::None);
    QCOMPARE(WorkbookCodec::encode(workbook), WorkbookCodec::encode(expected));
    const auto choice = RosterImport::chooseSheet(workbook, QString(), &error);
    QVERIFY2(choice, qPrintable(error));
    TestStore t;
    const ImportPlan plan =
        ImportPlan::build(workbook.sheets.at(choice->sheet), choice->map, t.store(), t.root().id);
    QCOMPARE(plan.validCount(), 6);
}

// An encrypted .ods cut short or with a bad byte is damaged, not a wrong password; a manifest naming
// a method not read here (an older OpenOffice's Blowfish) says so.
void TstWorkbookPasswords::refusesDamagedOds()
{
    const QByteArray original = readAll(kCorpus + QStringLiteral("/roster-password-Secret123.ods"));
    QVERIFY(!original.isEmpty());
    struct Case
    {
        QString name;
        QByteArray bytes;
        QString says;
    };
    QByteArray flipped = original;
    const qsizetype content = flipped.indexOf("content.xml");
    QVERIFY(content > 0);
    flipped[content + 200] = char(flipped.at(content + 200) ^ 0x55);
    QByteArray blowfish = original;
    const qsizetype manifest = blowfish.indexOf("META-INF/manifest.xml");
    QVERIFY(manifest > 0);
    const QList<Case> cases{
        {QStringLiteral("cut.ods"), original.left(original.size() * 2 / 3), QStringLiteral("damaged")},
        {QStringLiteral("flipped.ods"), flipped, QStringLiteral("damaged")},
    };
    for (const Case& c : cases) {
        const QString path = m_dir.filePath(c.name);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(c.bytes);
        file.close();
        Workbook workbook;
        QString error;
        SheetReader::PasswordProblem problem = SheetReader::PasswordProblem::None;
        QVERIFY2(!SheetReader::readFile(path, QStringLiteral("Secret123"), &workbook, &error, &problem),
                 qPrintable(c.name));
        QVERIFY2(problem == SheetReader::PasswordProblem::None,
                 qPrintable(c.name + QLatin1Char(' ') + error));
        QVERIFY2(error.contains(c.name) && error.contains(c.says), qPrintable(error));
    }

    const QByteArray blowfishManifest =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest "
        "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
        "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\" "
        "manifest:size=\"100\"><manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" "
        "manifest:checksum=\"AAAA\"><manifest:algorithm manifest:algorithm-name=\"Blowfish CFB\" "
        "manifest:initialisation-vector=\"AAAAAAAAAAA=\"/><manifest:key-derivation "
        "manifest:key-derivation-name=\"PBKDF2\" manifest:iteration-count=\"1024\" "
        "manifest:salt=\"AAAAAAAAAAAAAAAAAAAAAA==\"/></manifest:encryption-data></manifest:file-entry>"
        "</manifest:manifest>";
    const OdfDecryption old(blowfishManifest);
    QVERIFY(old.isEncrypted());
    QVERIFY(old.encrypts(QStringLiteral("content.xml")));
    QVERIFY(!old.encrypts(QStringLiteral("styles.xml")));
    QByteArray plain;
    QCOMPARE(old.decrypt(QStringLiteral("content.xml"), QByteArray(112, 'x'), QStringLiteral("p"), &plain),
             OdfDecryption::Outcome::UnknownMethod);
    // LibreOffice 24.2's whole-package encryption.
    QVERIFY(OdfDecryption(
                "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:"
                "1.0\"><manifest:file-entry manifest:full-path=\"encrypted-package\"/></manifest:manifest>")
                .isEncrypted());
    QVERIFY(!OdfDecryption(QByteArray()).isEncrypted());
}

QTEST_GUILESS_MAIN(TstWorkbookPasswords)
#include "tst_workbookpasswords.moc"
