#include "TestStore.h"
#include "TypeText.h"
#include "common/Ask.h"
#include "common/MessageBar.h"
#include "members/MemberDialog.h"
#include "members/MemberRepository.h"
#include "members/RosterQuery.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace ud;
using ud::test::TestStore;
using ud::test::typeText;

namespace {
const QString GoodId = QStringLiteral("11010519491231002X"); // a woman born 1949-12-31
const QString BadCheckId = QStringLiteral("110105194912310021");
} // namespace

class TestMemberDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void testStoreMakesValidNumbers();
    void editorsAreNamedByField();
    void freshFormCannotBeSavedButShowsNoErrors();
    void badIdNumberIsRefused();
    void goodIdNumberIsAccepted();
    void idNumberFillsGenderAndBirthDate();
    void duplicateIdNumberNamesTheExistingMember();
    void warningsDoNotBlockSaving();
    void editStoresTheChange();
    void cancelAsksBeforeDiscarding();

private:
    qint64 memberCount();
    void fill(const QString& field, const QString& text);

    std::unique_ptr<TestStore> m_store;
    Organisation m_factory;
    std::unique_ptr<MemberDialog> m_dialog;
};

void TestMemberDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("UnionDesk-tests"));
    QSettings().clear();
    m_store = std::make_unique<TestStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->error()));
    m_factory = m_store->addOrganisation(QStringLiteral("甲厂工会"));
    QVERIFY2(!m_factory.id.isEmpty(), qPrintable(m_store->error()));
    QVERIFY2(m_store->addMembers(m_factory.id, 10).size() == 10, qPrintable(m_store->error()));
}

void TestMemberDialog::init()
{
    m_dialog = std::make_unique<MemberDialog>(m_store->store(), m_store->scope());
    m_dialog->startNew(m_factory.id);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestMemberDialog::cleanup()
{
    Ask::setHook({});
    m_dialog.reset();
}

qint64 TestMemberDialog::memberCount()
{
    return RosterQuery(m_store->store().connection(), m_store->scope(), RosterFilter()).count();
}

void TestMemberDialog::fill(const QString& field, const QString& text)
{
    QLineEdit* edit = m_dialog->lineEdit(field);
    QVERIFY2(edit, qPrintable(field));
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        typeText(edit, text);
}

void TestMemberDialog::testStoreMakesValidNumbers()
{
    QCOMPARE(TestStore::checkCharacter(QStringLiteral("11010519491231002")), QLatin1Char('X'));
    QCOMPARE(TestStore::idNumber(QStringLiteral("110105"), QDate(1949, 12, 31), 2), GoodId);
}

void TestMemberDialog::editorsAreNamedByField()
{
    for (const char* field :
         {"name",      "gender",         "idType",          "idNumber",         "birthDate",  "mobile",
          "ethnicity", "education",      "politicalStatus", "organisation",     "employer",   "jobTitle",
          "industry",  "employmentForm", "household",       "joinDate",         "cardNumber", "status",
          "verified",  "verifiedMethod", "verifiedAt",      "labourModelLevel", "hardship",   "notes"}) {
        const QString name = QString::fromLatin1(field);
        QWidget* editor = m_dialog->editor(name);
        QVERIFY2(editor, field);
        QCOMPARE(editor->objectName(), name);
        QCOMPARE(m_dialog->findChild<QWidget*>(name), editor);
    }
}

void TestMemberDialog::freshFormCannotBeSavedButShowsNoErrors()
{
    QVERIFY(!m_dialog->okButton()->isEnabled());
    // Nothing typed yet: no red under any field, but the summary says what is needed.
    QVERIFY(!m_dialog->problemLabel(QStringLiteral("name"))->isVisible());
    QVERIFY(!m_dialog->problemLabel(QStringLiteral("idNumber"))->isVisible());
    QVERIFY(m_dialog->summaryLabel()->text().contains(MemberValidator::fieldLabel(QStringLiteral("name"))));
    QVERIFY(
        m_dialog->summaryLabel()->text().contains(MemberValidator::fieldLabel(QStringLiteral("idNumber"))));
    QCOMPARE(m_dialog->formValues().organisationId, m_factory.id);
}

void TestMemberDialog::badIdNumberIsRefused()
{
    const qint64 before = memberCount();
    fill(QStringLiteral("name"), QStringLiteral("李四"));
    fill(QStringLiteral("idNumber"), BadCheckId);

    QLabel* problem = m_dialog->problemLabel(QStringLiteral("idNumber"));
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QLatin1Char('X')),
             qPrintable(problem->text())); // "should be X but is 1"
    QCOMPARE(problem->property("severity").toString(), QStringLiteral("error"));
    QVERIFY(!m_dialog->okButton()->isEnabled());
    // A valid name shows nothing under it.
    QVERIFY(!m_dialog->problemLabel(QStringLiteral("name"))->isVisible());

    // Even when forced, nothing is written.
    QVERIFY(!m_dialog->save());
    QCOMPARE(memberCount(), before);
    QVERIFY(!MemberRepository(m_store->store(), m_store->scope()).findByIdNumber(BadCheckId));

    // A mobile with too few digits is refused too, under its own field.
    fill(QStringLiteral("mobile"), QStringLiteral("1381234"));
    QVERIFY(m_dialog->problemLabel(QStringLiteral("mobile"))->isVisible());
}

void TestMemberDialog::goodIdNumberIsAccepted()
{
    const qint64 before = memberCount();
    fill(QStringLiteral("name"), QStringLiteral("李四"));
    fill(QStringLiteral("idNumber"), BadCheckId);
    QVERIFY(!m_dialog->okButton()->isEnabled());
    fill(QStringLiteral("idNumber"), GoodId.toLower()); // a lower-case x is what clerks type
    QVERIFY(!m_dialog->problemLabel(QStringLiteral("idNumber"))->isVisible());
    QVERIFY(m_dialog->okButton()->isEnabled());

    QTest::mouseClick(m_dialog->okButton(), Qt::LeftButton);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(memberCount(), before + 1);
    const std::optional<Member> stored =
        MemberRepository(m_store->store(), m_store->scope()).findByIdNumber(GoodId);
    QVERIFY(stored);
    QCOMPARE(stored->id, m_dialog->savedMemberId());
    QCOMPARE(stored->name, QStringLiteral("李四"));
    QCOMPARE(stored->organisationId, m_factory.id);
    QCOMPARE(stored->gender, QStringLiteral("female"));
    QCOMPARE(stored->birthDate, QStringLiteral("1949-12-31"));
    QCOMPARE(stored->status, QStringLiteral("active"));
}

void TestMemberDialog::idNumberFillsGenderAndBirthDate()
{
    QComboBox* gender = m_dialog->comboBox(QStringLiteral("gender"));
    QLineEdit* birth = m_dialog->lineEdit(QStringLiteral("birthDate"));
    QCOMPARE(gender->currentData().toString(), QString());
    QVERIFY(birth->text().isEmpty());

    const QString woman = TestStore::idNumber(QStringLiteral("440106"), QDate(1990, 5, 17), 124);
    const QString man = TestStore::idNumber(QStringLiteral("440106"), QDate(1985, 2, 3), 131);
    fill(QStringLiteral("idNumber"), woman);
    QCOMPARE(gender->currentData().toString(), QStringLiteral("female"));
    QCOMPARE(birth->text(), QStringLiteral("1990-05-17"));

    // Correcting the number corrects what it filled in …
    fill(QStringLiteral("idNumber"), man);
    QCOMPARE(gender->currentData().toString(), QStringLiteral("male"));
    QCOMPARE(birth->text(), QStringLiteral("1985-02-03"));

    // … but never what the clerk chose: a disagreement is a warning (amber), not an error.
    gender->setCurrentIndex(gender->findData(QStringLiteral("female")));
    fill(QStringLiteral("idNumber"), TestStore::idNumber(QStringLiteral("440106"), QDate(1985, 2, 3), 133));
    QCOMPARE(gender->currentData().toString(), QStringLiteral("female"));
    QLabel* genderProblem = m_dialog->problemLabel(QStringLiteral("gender"));
    QVERIFY(genderProblem->isVisible());
    QCOMPARE(genderProblem->property("severity").toString(), QStringLiteral("warning"));

    // Dates are accepted the way clerks write them.
    fill(QStringLiteral("joinDate"), QStringLiteral("2010/3/5"));
    QCOMPARE(m_dialog->formValues().joinDate, QStringLiteral("2010-03-05"));
    QVERIFY(!m_dialog->problemLabel(QStringLiteral("joinDate"))->isVisible());
    fill(QStringLiteral("joinDate"), QStringLiteral("next week"));
    QVERIFY(m_dialog->problemLabel(QStringLiteral("joinDate"))->isVisible());
}

void TestMemberDialog::duplicateIdNumberNamesTheExistingMember()
{
    const Member existing = TestStore::sampleMember(3, m_factory.id);
    const qint64 before = memberCount();
    fill(QStringLiteral("name"), QStringLiteral("王五"));
    fill(QStringLiteral("idNumber"), existing.idNumber);
    fill(QStringLiteral("mobile"), QStringLiteral("13912345670"));
    QVERIFY(m_dialog->okButton()->isEnabled());

    QTest::mouseClick(m_dialog->okButton(), Qt::LeftButton);
    // Refused: the dialog stays open with the reason on top, naming who has the number, and where.
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
    QVERIFY(m_dialog->messageBar()->isVisible());
    QCOMPARE(m_dialog->messageBar()->kind(), MessageBar::Kind::Error);
    const QString message = m_dialog->messageBar()->text();
    QVERIFY2(message.contains(existing.name), qPrintable(message));
    QVERIFY2(message.contains(m_factory.name), qPrintable(message));
    QCOMPARE(memberCount(), before);
    // Nothing typed is lost.
    QCOMPARE(m_dialog->lineEdit(QStringLiteral("name"))->text(), QStringLiteral("王五"));
    QCOMPARE(m_dialog->lineEdit(QStringLiteral("mobile"))->text(), QStringLiteral("13912345670"));
    // The refusal stays on the ID number until it changes.
    QVERIFY(m_dialog->problemLabel(QStringLiteral("idNumber"))->isVisible());
    QVERIFY(!m_dialog->okButton()->isEnabled());
    fill(QStringLiteral("idNumber"), TestStore::sampleIdNumber(900));
    QVERIFY(!m_dialog->problemLabel(QStringLiteral("idNumber"))->isVisible());
    QVERIFY(m_dialog->okButton()->isEnabled());
    QVERIFY(m_dialog->save());
    QCOMPARE(memberCount(), before + 1);
}

void TestMemberDialog::warningsDoNotBlockSaving()
{
    fill(QStringLiteral("name"), QStringLiteral("赵六"));
    fill(QStringLiteral("idNumber"), TestStore::sampleIdNumber(901)); // born 1962-06-20
    fill(QStringLiteral("birthDate"), QStringLiteral("1962-06-21"));
    QLabel* birthProblem = m_dialog->problemLabel(QStringLiteral("birthDate"));
    QVERIFY(birthProblem->isVisible());
    QCOMPARE(birthProblem->property("severity").toString(), QStringLiteral("warning"));
    QVERIFY(m_dialog->okButton()->isEnabled());
    QVERIFY(m_dialog->save());
}

void TestMemberDialog::editStoresTheChange()
{
    MemberRepository repository(m_store->store(), m_store->scope());
    const std::optional<Member> original = repository.findByIdNumber(TestStore::sampleIdNumber(4));
    QVERIFY(original);
    QString error;
    QVERIFY2(m_dialog->startEdit(original->id, &error), qPrintable(error));
    QCOMPARE(m_dialog->mode(), MemberDialog::Mode::Edit);
    QCOMPARE(m_dialog->lineEdit(QStringLiteral("name"))->text(), original->name);
    QCOMPARE(m_dialog->lineEdit(QStringLiteral("idNumber"))->text(), original->idNumber);
    // The status changes only through the status dialog, where it is recorded with a reason.
    QVERIFY(!m_dialog->comboBox(QStringLiteral("status"))->isEnabled());
    QVERIFY(m_dialog->okButton()->isEnabled());
    QVERIFY(!m_dialog->hasUnsavedChanges());

    fill(QStringLiteral("mobile"), QStringLiteral("+86 137 0000 1111"));
    fill(QStringLiteral("jobTitle"), QStringLiteral("装配工"));
    QVERIFY(m_dialog->hasUnsavedChanges());
    QTest::mouseClick(m_dialog->okButton(), Qt::LeftButton);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));

    const std::optional<Member> stored = repository.find(original->id);
    QVERIFY(stored);
    QCOMPARE(stored->mobile, QStringLiteral("13700001111"));
    QCOMPARE(stored->jobTitle, QStringLiteral("装配工"));
    QCOMPARE(stored->name, original->name);
    bool edited = false;
    for (const MemberEvent& e : repository.history(original->id))
        edited = edited || e.kind == QLatin1String("edited");
    QVERIFY(edited);
}

void TestMemberDialog::cancelAsksBeforeDiscarding()
{
    // Nothing typed: closes without a question.
    const int asked = Ask::questionsAsked();
    m_dialog->reject();
    QCOMPARE(Ask::questionsAsked(), asked);
    QVERIFY(!m_dialog->isVisible());

    m_dialog->show();
    fill(QStringLiteral("name"), QStringLiteral("钱七"));
    QString question;
    Ask::setHook([&question](const QString&, const QString& text) {
        question = text;
        return QMessageBox::Cancel;
    });
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QVERIFY(!question.isEmpty());
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_dialog->lineEdit(QStringLiteral("name"))->text(), QStringLiteral("钱七"));

    Ask::setNextAnswer(QMessageBox::Discard);
    m_dialog->reject();
    QVERIFY(!m_dialog->isVisible());
}

QTEST_MAIN(TestMemberDialog)
#include "tst_memberdialog.moc"
