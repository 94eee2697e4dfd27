// uniondesk-screenshot OUTDIR [--lang zh_CN|en] [--members N] [--db FILE]
// Builds a demonstration store in a temporary folder, opens the main window and the dialogs on it
// and saves each as a PNG in OUTDIR, for checking the layout by eye (clipped labels, column widths).
// With --db it opens an existing store instead (e.g. a million generated members), times how long
// the main window takes to open, search and scroll, and saves the main window only.

#include "TestStore.h"
#include "common/MessageBar.h"
#include "demo/DemoNames.h"
#include "mainwindow/MainWindow.h"
#include "members/HistoryDialog.h"
#include "members/MemberDialog.h"
#include "members/MemberRepository.h"
#include "members/RosterModel.h"
#include "members/StatusDialog.h"
#include "organisations/RootOrganisationDialog.h"
#include "roster/RosterView.h"
#include "settings/SettingsDialog.h"
#include "util/AppSettings.h"
#include "util/Clock.h"
#include "util/Language.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTextStream>
#include <QTranslator>

#include <cstdio>
#include <random>

using namespace ud;
using ud::test::TestStore;

namespace {

bool save(QWidget* widget, const QString& dir, const QString& name)
{
    widget->show();
    // Layout requests post further layout requests: let them all settle before the grab.
    for (int i = 0; i < 5; ++i)
        QApplication::processEvents();
    const QString file = QDir(dir).filePath(name + QStringLiteral(".png"));
    const bool ok = widget->grab().save(file);
    std::fprintf(stderr, "%s %s (%dx%d)\n", ok ? "saved" : "FAILED", qPrintable(file), widget->width(),
                 widget->height());
    return ok;
}

// Organisations and members that look like a real district's.
bool fillDemo(TestStore& store, int members, QStringList* memberIds)
{
    std::mt19937_64 random(20241122);
    DemoNames names(random);
    QList<Organisation> bases;
    for (int t = 0; t < 2; ++t) {
        const Organisation township =
            store.addOrganisation(names.townshipName(t), QString(), QStringLiteral("township"));
        if (township.id.isEmpty())
            return false;
        for (int b = 0; b < 3; ++b) {
            const Organisation base = store.addOrganisation(names.companyName() + QStringLiteral("工会"),
                                                            township.id, QStringLiteral("base"));
            if (base.id.isEmpty())
                return false;
            bases.append(base);
        }
    }
    static const char* const forms[] = {"employee",      "employee",     "employee",   "courier",
                                        "food-delivery", "ride-hailing", "sanitation", "construction"};
    MemberRepository repository(store.store(), store.scope());
    for (int i = 0; i < members; ++i) {
        const bool female = names.unit() < 0.45;
        const QDate birth = QDate(1962, 1, 1).addDays(names.uniform(0, 40 * 365));
        Member m;
        m.organisationId = bases.at(i % bases.size()).id;
        m.ethnicity = names.ethnicity();
        m.name = names.personName(female, m.ethnicity);
        m.idNumber = names.idNumber(birth, female);
        m.mobile = names.mobile();
        m.employmentForm = QString::fromLatin1(forms[names.uniform(0, 7)]);
        m.household = names.unit() < 0.3 ? QStringLiteral("rural") : QStringLiteral("urban");
        m.joinDate = birth.addYears(names.uniform(20, 30)).toString(Qt::ISODate);
        if (m.joinDate > Clock::today().toString(Qt::ISODate))
            m.joinDate = Clock::today().addDays(-names.uniform(1, 900)).toString(Qt::ISODate);
        m.cardNumber = QStringLiteral("GH%1").arg(200000 + i, 6, 10, QLatin1Char('0'));
        m.verified = names.unit() < 0.7;
        if (m.verified) {
            m.verifiedMethod = QStringLiteral("platform");
            m.verifiedAt = QStringLiteral("2024-05-20");
        }
        m.employer = bases.at(i % bases.size()).name.chopped(2);
        QString error;
        if (!repository.add(m, TestStore::actor(), &error)) {
            std::fprintf(stderr, "member %d not added: %s\n", i, qPrintable(error));
            continue;
        }
        memberIds->append(m.id);
        if (i % 17 == 5)
            repository.changeStatus(m.id, QStringLiteral("retained"), QStringLiteral("退休"), Clock::today(),
                                    TestStore::actor(), nullptr);
        else if (i % 29 == 7)
            repository.changeStatus(m.id, QStringLiteral("withdrawn"), QStringLiteral("个人要求退会"),
                                    Clock::today(), TestStore::actor(), nullptr);
    }
    return !memberIds->isEmpty();
}

// Opens the main window on an existing store and reports how long the clerk waits.
int timeExistingStore(const QString& path, const QString& outDir)
{
    QString error;
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<Database> store = Database::open(path, Database::OpenMode::MustExist, &error);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const qint64 opened = timer.restart();
    MainWindow window(*store);
    window.resize(1280, 760);
    window.show();
    for (int i = 0; i < 5; ++i)
        QApplication::processEvents();
    const qint64 shown = timer.restart();
    const QPixmap first = window.grab();
    const qint64 painted = timer.restart();
    RosterView* roster = window.rosterView();
    std::printf(
        "store opened %lld ms; main window built and shown %lld ms; first paint %lld ms; %d members\n",
        opened, shown, painted, roster->model()->rowCount());

    QScrollBar* bar = roster->table()->verticalScrollBar();
    timer.restart();
    bar->setValue(bar->maximum() / 2);
    window.grab();
    std::printf("jump to the middle and paint: %lld ms\n", timer.restart());
    bar->setValue(bar->maximum());
    window.grab();
    std::printf("jump to the end and paint: %lld ms\n", timer.restart());

    for (const QString& search :
         {QStringLiteral("王"), QStringLiteral("王芳"), QStringLiteral("1234"), QStringLiteral("13812")}) {
        timer.restart();
        roster->searchEdit()->setText(search);
        roster->model()->setFilter(roster->currentFilter()); // what the debounce timer does
        window.grab();
        std::printf("search %s: %d rows, %lld ms with paint\n", qPrintable(search),
                    roster->model()->rowCount(), timer.restart());
    }
    roster->clearSearch();
    timer.restart();
    roster->table()->horizontalHeader()->setSortIndicator(RosterModel::JoinDateColumn, Qt::DescendingOrder);
    window.grab();
    std::printf("sort by join date: %lld ms with paint\n", timer.restart());
    return first.save(QDir(outDir).filePath(QStringLiteral("mainwindow-large.png"))) ? 0 : 1;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("UnionDesk-screenshots"));
    QApplication::setApplicationName(QStringLiteral("UnionDesk"));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("OUTDIR"), QStringLiteral("where the PNGs go"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("zh_CN (default) or en"),
                                        QStringLiteral("LANG"), QStringLiteral("zh_CN"));
    const QCommandLineOption membersOption(QStringLiteral("members"),
                                           QStringLiteral("how many members (300)"), QStringLiteral("N"),
                                           QStringLiteral("300"));
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("time an existing store instead"),
                                      QStringLiteral("FILE"));
    parser.addOption(langOption);
    parser.addOption(membersOption);
    const QCommandLineOption qmOption(
        QStringLiteral("qm"), QStringLiteral("also load this translation (e.g. a pseudo-translation)"),
        QStringLiteral("FILE"));
    parser.addOption(dbOption);
    parser.addOption(qmOption);
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);
    const QString outDir = parser.positionalArguments().constFirst();
    QDir().mkpath(outDir);

    if (!Language::install(app, parser.value(langOption)))
        std::fprintf(stderr, "note: no translation for %s yet; the source (English) texts show\n",
                     qPrintable(parser.value(langOption)));
    if (parser.isSet(qmOption)) {
        auto* extra = new QTranslator(&app);
        if (!extra->load(parser.value(qmOption)) || !QCoreApplication::installTranslator(extra))
            std::fprintf(stderr, "cannot load %s\n", qPrintable(parser.value(qmOption)));
    }
    AppSettings::instance().setValue(AppSettings::Key::ActorName, QStringLiteral("陈会计"));
    AppSettings::instance().setValue(AppSettings::Key::MainWindowGeometry, QByteArray());
    AppSettings::instance().setValue(AppSettings::Key::MainWindowState, QByteArray());
    AppSettings::instance().setValue(AppSettings::Key::RosterHeaderState, QByteArray());

    if (parser.isSet(dbOption))
        return timeExistingStore(parser.value(dbOption), outDir);

    TestStore store(QStringLiteral("广州市天河区总工会"), QStringLiteral("district"));
    QStringList members;
    if (!store.isValid() || !fillDemo(store, parser.value(membersOption).toInt(), &members)) {
        std::fprintf(stderr, "cannot build the demonstration store: %s\n", qPrintable(store.error()));
        return 1;
    }

    bool ok = true;
    MainWindow window(store.store());
    window.resize(1280, 760);
    window.show();
    QApplication::processEvents();
    window.rosterView()->table()->selectRow(2);
    ok = save(&window, outDir, QStringLiteral("mainwindow")) && ok;

    window.rosterView()->searchEdit()->setText(QStringLiteral("王"));
    window.rosterView()->statusCombo()->setCurrentIndex(1);
    QApplication::processEvents();
    window.messageBar()->showMessage(
        QCoreApplication::translate("ud::MainWindow", "%1 was added.").arg(QStringLiteral("王小明")),
        MessageBar::Kind::Information);
    ok = save(&window, outDir, QStringLiteral("mainwindow-search")) && ok;
    window.messageBar()->hideMessage();

    {
        MemberDialog dialog(store.store(), store.scope(), &window);
        dialog.startNew(window.currentOrganisationId());
        ok = save(&dialog, outDir, QStringLiteral("memberdialog-new")) && ok;
        dialog.lineEdit(QStringLiteral("name"))->setText(QStringLiteral("李四"));
        dialog.lineEdit(QStringLiteral("idNumber"))->setText(QStringLiteral("110105194912310021"));
        dialog.lineEdit(QStringLiteral("mobile"))->setText(QStringLiteral("1381234"));
        dialog.lineEdit(QStringLiteral("joinDate"))->setText(QStringLiteral("2031-01-01"));
        ok = save(&dialog, outDir, QStringLiteral("memberdialog-errors")) && ok;
        const std::optional<Member> existing =
            MemberRepository(store.store(), store.scope()).find(members.at(3));
        dialog.lineEdit(QStringLiteral("idNumber"))->setText(existing->idNumber);
        dialog.lineEdit(QStringLiteral("mobile"))->setText(QStringLiteral("13912345670"));
        dialog.lineEdit(QStringLiteral("joinDate"))->setText(QStringLiteral("2015-07-01"));
        dialog.save();
        ok = save(&dialog, outDir, QStringLiteral("memberdialog-duplicate")) && ok;
    }
    {
        MemberDialog dialog(store.store(), store.scope(), &window);
        dialog.startEdit(members.at(5));
        ok = save(&dialog, outDir, QStringLiteral("memberdialog-edit")) && ok;
    }
    {
        StatusDialog dialog(store.store(), store.scope(), members.at(6), &window);
        dialog.statusCombo()->setCurrentIndex(dialog.statusCombo()->findData(QStringLiteral("withdrawn")));
        ok = save(&dialog, outDir, QStringLiteral("statusdialog")) && ok;
    }
    {
        HistoryDialog dialog(store.store(), store.scope(), members.at(5), &window);
        ok = save(&dialog, outDir, QStringLiteral("historydialog")) && ok;
    }
    {
        SettingsDialog dialog(AppSettings::instance(), &window);
        ok = save(&dialog, outDir, QStringLiteral("settingsdialog")) && ok;
    }
    {
        RootOrganisationDialog dialog(&window);
        ok = save(&dialog, outDir, QStringLiteral("rootorganisationdialog")) && ok;
    }
    return ok ? 0 : 1;
}
