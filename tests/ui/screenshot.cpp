// uniondesk-screenshot OUTDIR [--lang zh_CN|en] [--members N] [--db FILE]
// Builds a demonstration store in a temporary folder, opens the main window and the dialogs on it
// and saves each as a PNG in OUTDIR, for checking the layout by eye (clipped labels, column widths).
// With --db it opens an existing store instead (e.g. a million generated members), times how long
// the main window takes to open, search and scroll, and saves the main window only.

#include "OfficeEncryption.h"
#include "TestStore.h"
#include "cadres/CadreRepository.h"
#include "common/CodeCombo.h"
#include "common/MessageBar.h"
#include "demo/DemoNames.h"
#include "domain/IdNumber.h"
#include "export/ExportColumnList.h"
#include "export/ExportDialog.h"
#include "import/ImportFilePage.h"
#include "import/ImportHistoryDialog.h"
#include "import/ImportMappingPage.h"
#include "import/ImportPreviewPage.h"
#include "import/ImportWizard.h"
#include "io/CsvReader.h"
#include "io/HeaderMap.h"
#include "io/ImportBatchRepository.h"
#include "io/RosterImport.h"
#include "io/XlsxWriter.h"
#include "mainwindow/MainWindow.h"
#include "members/HistoryDialog.h"
#include "members/MemberDialog.h"
#include "members/MemberRepository.h"
#include "members/RosterModel.h"
#include "members/StatusDialog.h"
#include "organisations/CadreDialog.h"
#include "organisations/DissolveRequestDialog.h"
#include "organisations/ExpiringTermsDialog.h"
#include "organisations/OrganisationImportDialog.h"
#include "organisations/OrganisationPage.h"
#include "organisations/OrganisationRepository.h"
#include "organisations/OrganisationRequestDialog.h"
#include "organisations/OrganisationRequestRepository.h"
#include "organisations/RequestDecisionDialog.h"
#include "organisations/RootOrganisationDialog.h"
#include "roster/RosterView.h"
#include "settings/SettingsDialog.h"
#include "store/Outbox.h"
#include "sync/ConflictsDialog.h"
#include "sync/LocalRecordStore.h"
#include "sync/ServerSignInDialog.h"
#include "sync/StartupSignInDialog.h"
#include "sync/SyncConflictRepository.h"
#include "sync/SyncController.h"
#include "sync/SyncEntities.h"
#include "sync/SyncMeta.h"
#include "transfers/HungMembersPage.h"
#include "transfers/TransferDecisionDialog.h"
#include "transfers/TransferInDialog.h"
#include "transfers/TransferOutDialog.h"
#include "transfers/TransferRepository.h"
#include "transfers/TransferWorkflow.h"
#include "transfers/TransfersWindow.h"
#include "util/AppSettings.h"
#include "util/Clock.h"
#include "util/Language.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QRadioButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <functional>
#include <random>

using namespace ud;
using ud::test::OfficeEncryption;
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

// "Export roster…" over the roster as the search left it: masked, then unmasked with its warning;
// then the main window's message after an export, with "Open folder".
bool saveExportDialog(MainWindow* window, const QString& outDir)
{
    QElapsedTimer waited;
    waited.start();
    while (window->rosterView()->model()->filter().search.isEmpty() && waited.elapsed() < 2000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    window->exportRosterAction()->trigger();
    auto* dialog = window->findChild<ExportDialog*>();
    if (!dialog)
        return false;
    dialog->columnList()->itemForField(QStringLiteral("notes"))->setCheckState(Qt::Unchecked);
    dialog->columnList()->itemForField(QStringLiteral("labourModelLevel"))->setCheckState(Qt::Unchecked);
    bool ok = save(dialog, outDir, QStringLiteral("exportdialog"));
    dialog->unmaskCheck()->setChecked(true);
    ok = save(dialog, outDir, QStringLiteral("exportdialog-unmasked")) && ok;
    delete dialog;
    window->messageBar()->showMessage(
        QCoreApplication::translate("ud::MainWindow", "Exported %1 members to %2.")
            .arg(QStringLiteral("1,234"), QStringLiteral("C:\\Users\\clerk\\Documents\\花名册.xlsx")),
        MessageBar::Kind::Information, QCoreApplication::translate("ud::MainWindow", "Open folder"), [] {});
    ok = save(window, outDir, QStringLiteral("mainwindow-exported")) && ok;
    window->messageBar()->hideMessage();
    return ok;
}

// The organisation page of a base union (committee with a flagged cadre, requests) and its dialogs;
// `members` are the demonstration members (member i belongs to the (i % 6)th base union).
bool saveOrganisationViews(TestStore& store, const QStringList& members, MainWindow* window,
                           const QString& outDir)
{
    Database& db = store.store();
    const std::optional<Member> first = MemberRepository(db, store.scope()).find(members.at(0));
    if (!first)
        return false;
    const QString base = first->organisationId;
    const Organisation baseOrg = *OrganisationRepository(db, store.scope()).find(base);
    CadreRepository cadres(db, store.scope());
    const QDate today = Clock::today();
    const char* const posts[] = {"chair", "vice-chair", "committee-member", "women-chair"};
    for (int i = 0; i < 4; ++i) {
        Cadre c;
        c.memberId = members.at(i * 6);
        c.organisationId = base;
        c.position = QString::fromLatin1(posts[i]);
        c.fullTime = i == 0;
        c.termStart = today.addYears(-3).toString(Qt::ISODate);
        c.termEnd = today.addYears(2).addDays(-1).toString(Qt::ISODate);
        c.electedHow = QStringLiteral("elected");
        cadres.add(c, TestStore::actor(), nullptr);
    }
    // The committee member left: flagged.
    MemberRepository(db, store.scope())
        .changeStatus(members.at(12), QStringLiteral("hung"), QStringLiteral("劳动关系变化"), today,
                      TestStore::actor(), nullptr);
    OrganisationRequestRepository requests(db, store.scope());
    Organisation update = baseOrg;
    update.creditCode = QStringLiteral("81440106MC00000016");
    update.legalPersonNumber = QStringLiteral("工法证字第440106001号");
    update.legalPersonRegisteredOn = QStringLiteral("2019-05-20");
    update.foundedOn = QStringLiteral("2008-03-01");
    update.address = QStringLiteral("广州市天河区天河路385号");
    update.contact = QStringLiteral("陈会计 020-38861234");
    update.industry = QStringLiteral("批发和零售业");
    update.headcount = 86;
    update.kind = QStringLiteral("enterprise");
    QJsonObject changes;
    for (const QString& field : Organisation::editableFields())
        changes.insert(field, update.toFields().value(field));
    if (const auto r = requests.submitChange(base, changes, QStringLiteral("补录法人资格登记信息"),
                                             TestStore::actor(), nullptr))
        requests.approve(r->id, QStringLiteral("同意"), TestStore::actor(), nullptr);
    requests.submitChange(base, QJsonObject{{QStringLiteral("headcount"), 120}},
                          QStringLiteral("职工人数增加"), TestStore::actor(), nullptr);

    bool ok = true;
    window->selectOrganisation(base);
    window->tabs()->setCurrentWidget(window->organisationPage());
    QApplication::processEvents();
    ok = save(window, outDir, QStringLiteral("mainwindow-organisation")) && ok;
    window->organisationPage()->tabs()->setCurrentIndex(1);
    ok = save(window, outDir, QStringLiteral("mainwindow-organisation-requests")) && ok;
    window->selectOrganisation(baseOrg.parentId);
    window->organisationPage()->tabs()->setCurrentIndex(2);
    ok = save(window, outDir, QStringLiteral("mainwindow-organisation-township")) && ok;
    window->selectOrganisation(base);
    {
        DissolveRequestDialog dialog(db, store.scope(), base, window);
        ok = save(&dialog, outDir, QStringLiteral("dissolverequestdialog")) && ok;
    }
    {
        OrganisationRequestDialog dialog(db, store.scope(), window);
        dialog.startEstablish(baseOrg.parentId);
        dialog.lineEdit(QStringLiteral("name"))->setText(QStringLiteral("花城物流有限公司工会"));
        dialog.lineEdit(QStringLiteral("creditCode"))->setText(QStringLiteral("81440106MC00000017"));
        ok = save(&dialog, outDir, QStringLiteral("organisationrequestdialog")) && ok;
    }
    {
        const QList<OrganisationRequest> open = requests.list(QStringLiteral("submitted"));
        if (!open.isEmpty()) {
            RequestDecisionDialog dialog(db, store.scope(), open.first().id,
                                         RequestDecisionDialog::Decision::Approve, window);
            ok = save(&dialog, outDir, QStringLiteral("requestdecisiondialog")) && ok;
        }
    }
    {
        CadreDialog dialog(db, store.scope(), base, window);
        const std::optional<Member> m = MemberRepository(db, store.scope()).find(members.at(18));
        dialog.idNumberEdit()->setText(m ? m->idNumber : QString());
        dialog.positionCombo()->setCurrentIndex(dialog.positionCombo()->findData(QStringLiteral("chair")));
        ok = save(&dialog, outDir, QStringLiteral("cadredialog")) && ok;
    }
    {
        // A list of unions to import under the township, with one row refused.
        const QString list = QDir(outDir).filePath(QStringLiteral("unions-to-import.csv"));
        QFile file(list);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(QStringLiteral(
                           "北京街道工会组织信息表,,,,\n工会名称,上级工会,层级,工会类型,统一社会信用代码\n"
                           "广州新材料有限公司工会,,基层工会,企业工会,\n"
                           "广州新材料有限公司工会第一分会,广州新材料有限公司工会,基层工会,,\n"
                           "代码有误的工会,,基层工会,,81440106MC00000019\n")
                           .toUtf8());
            file.close();
        }
        window->selectOrganisation(baseOrg.parentId);
        window->tabs()->setCurrentWidget(window->organisationPage());
        if (OrganisationImportDialog* dialog = window->organisationPage()->importUnions(list)) {
            ok = save(dialog, outDir, QStringLiteral("organisationimportdialog")) && ok;
            dialog->close();
        }
        QFile::remove(list);
    }
    {
        ExpiringTermsDialog dialog(db, store.scope(), window);
        dialog.daysSpin()->setValue(3650);
        ok = save(&dialog, outDir, QStringLiteral("expiringtermsdialog")) && ok;
    }
    window->tabs()->setCurrentWidget(window->rosterView());
    return ok;
}

// The conflicts view with a changed field and a refused member, the sign-in dialog, and the status
// bar after a failed sync (a closed port on this machine).
bool saveSyncViews(TestStore& store, const QStringList& members, MainWindow* window, const QString& outDir)
{
    bool ok = true;
    sync::SyncConflictRepository conflicts(store.store());
    QString error;
    const std::optional<Member> first = MemberRepository(store.store(), store.scope()).find(members.at(1));
    const std::optional<Member> second = MemberRepository(store.store(), store.scope()).find(members.at(2));
    if (first && second) {
        conflicts.recordField(QStringLiteral("member"), first->id, QStringLiteral("mobile"), first->mobile,
                              QStringLiteral("13912345678"), 42, &error);
        QList<OutboxOperation> ops = Outbox(store.store().connection()).pending(100000);
        ops.removeIf([&second](const OutboxOperation& op) { return op.recordId != second->id; });
        if (!ops.isEmpty())
            conflicts.recordOperation(
                ops.first(),
                // As the server words it, in Chinese.
                QStringLiteral(
                    "身份证号码 %1 已属于示例市第一机械厂工会的会员。一人只能有一个会籍，请改为申请转入。")
                    .arg(second->idNumber),
                QJsonValue(), 0, &error);
    }
    {
        ConflictsDialog dialog(store.store(), TestStore::actor(), window);
        ok = save(&dialog, outDir, QStringLiteral("conflictsdialog")) && ok;
    }
    {
        ServerSignInDialog dialog(QStringLiteral("https://uniondesk.example.cn"), QStringLiteral("zhangli"),
                                  window);
        ok = save(&dialog, outDir, QStringLiteral("serversignindialog")) && ok;
    }
    {
        // As a data file linked to a server opens.
        store.store().setMeta(QString::fromLatin1(sync::meta::ServerUrl),
                              QStringLiteral("https://uniondesk.example.cn"));
        store.store().setMeta(QString::fromLatin1(sync::meta::AccountLogin), QStringLiteral("zhangli"));
        StartupSignInDialog dialog(store.store(), window);
        ok = save(&dialog, outDir, QStringLiteral("startupsignindialog")) && ok;
    }
    quint16 port = 0;
    {
        QTcpServer probe;
        if (probe.listen(QHostAddress::LocalHost))
            port = probe.serverPort();
    }
    QEventLoop loop;
    QObject::connect(window->syncController(), &SyncController::finished, &loop, &QEventLoop::quit);
    window->syncController()->connectTo(QStringLiteral("http://127.0.0.1:%1").arg(port),
                                        QStringLiteral("zhangli"), QStringLiteral("password-1"));
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    loop.exec();
    ok = save(window, outDir, QStringLiteral("mainwindow-syncfailed")) && ok;
    return ok;
}

// A transfer as the server sends it in a pull (another union's step), written as a pull writes it.
bool pullTransfer(TestStore& store, const QString& id, const QJsonObject& fields)
{
    sync::LocalRecordStore records(store.store().connection());
    QString error;
    if (!records.insert(*sync::entity(QStringLiteral("transfer")), id, fields,
                        sync::SyncStamp{12, Clock::nowIso(), QStringLiteral("server")}, false, &error)) {
        std::fprintf(stderr, "transfer %s not written: %s\n", qPrintable(id), qPrintable(error));
        return false;
    }
    return true;
}

// Membership transfers (issue #6) in several states, and their dialogs and window.
bool saveTransferViews(TestStore& store, const QStringList& members, MainWindow* window,
                       const QString& outDir)
{
    Database& db = store.store();
    const Scope scope = store.scope();
    MemberRepository memberRepository(db, scope);
    const OrganisationRepository organisations(db, scope);
    TransferWorkflow workflow(db, scope);
    QString error;
    auto member = [&](int i) {
        return memberRepository.find(members.at(i)).value_or(Member());
    };
    auto orgName = [&](const QString& id) {
        return organisations.find(id).value_or(Organisation()).name;
    };
    const Member hungOut = member(8);
    const Member direct = member(9);
    const Member asked = member(10);
    const Member other = member(11);
    const QString base = hungOut.organisationId;
    const QString township = organisations.find(base)->parentId;
    // This office's own steps: one hung, one sent straight to another union, one request in.
    if (!workflow.transferOut(hungOut.id, QStringLiteral("离职"), QStringLiteral("已到新单位报到"), QString(),
                              TestStore::actor(), &error))
        std::fprintf(stderr, "transfer out: %s\n", qPrintable(error));
    if (!workflow.transferOut(direct.id, QStringLiteral("工作调动"), QString(), other.organisationId,
                              TestStore::actor(), &error))
        std::fprintf(stderr, "direct transfer: %s\n", qPrintable(error));
    if (!workflow.requestIn(QStringLiteral("440106199203150027"), other.organisationId,
                            QStringLiteral("新入职快递员"), TestStore::actor(), &error))
        std::fprintf(stderr, "request in: %s\n", qPrintable(error));
    // Other unions' steps, as the server sends them.
    const QDate today = Clock::today();
    auto at = [&today](int monthsAgo, int days = 0) {
        return QDateTime(today.addMonths(-monthsAgo).addDays(-days), QTime(9, 30), Qt::UTC)
            .toString(Qt::ISODateWithMs);
    };
    const QString elsewhere = QStringLiteral("花都区狮岭镇皮具商会工会");
    const QString first17 = QStringLiteral("44010619880808123");
    const QString foundId = first17 + IdNumber::checkCharacter(first17);
    pullTransfer(
        store, QStringLiteral("3e5a17c2-1a2b-4c3d-8e9f-00000000a001"),
        QJsonObject{
            {QStringLiteral("kind"), QStringLiteral("request")},
            {QStringLiteral("member"), asked.id},
            {QStringLiteral("idNumber"), asked.idNumber},
            {QStringLiteral("memberName"), QString(asked.name.left(1) + QStringLiteral("*"))},
            {QStringLiteral("fromOrganisation"), asked.organisationId},
            {QStringLiteral("fromName"), orgName(asked.organisationId)},
            {QStringLiteral("holdingOrganisation"), asked.organisationId},
            {QStringLiteral("holdingName"), orgName(asked.organisationId)},
            {QStringLiteral("toOrganisation"), QStringLiteral("7d1e0000-0000-4000-8000-0000000000b1")},
            {QStringLiteral("toName"), elsewhere},
            {QStringLiteral("note"), QStringLiteral("本人已入职我单位，请予转接")},
            {QStringLiteral("state"), QStringLiteral("requested")},
            {QStringLiteral("requestedAt"), at(0, 2)},
            {QStringLiteral("requestedBy"), QStringLiteral("shiling-clerk")}});
    // Members hung at the township months ago, who left before this file was kept.
    const char* const hungNames[] = {"黄*玲", "梁*", "冯*强"};
    const int hungMonths[] = {14, 8, 3};
    for (int i = 0; i < 3; ++i)
        pullTransfer(
            store, QStringLiteral("7b2d9e4%1-1a2b-4c3d-8e9f-00000000b001").arg(i),
            {{QStringLiteral("kind"), QStringLiteral("out")},
             {QStringLiteral("member"), QStringLiteral("6a000000-0000-4000-8000-00000000000%1").arg(i)},
             {QStringLiteral("idNumber"), QStringLiteral("44010619850%1071234").arg(i + 3)},
             {QStringLiteral("memberName"), QString::fromUtf8(hungNames[i])},
             {QStringLiteral("fromOrganisation"), base},
             {QStringLiteral("fromName"), orgName(base)},
             {QStringLiteral("holdingOrganisation"), township},
             {QStringLiteral("holdingName"), orgName(township)},
             {QStringLiteral("reason"), i == 1 ? QStringLiteral("unemployed") : QStringLiteral("left-job")},
             {QStringLiteral("state"), QStringLiteral("hung")},
             {QStringLiteral("requestedAt"), at(hungMonths[i], 3)},
             {QStringLiteral("requestedBy"), QStringLiteral("chen")}});
    pullTransfer(
        store, QStringLiteral("c94f0d21-1a2b-4c3d-8e9f-00000000c001"),
        {{QStringLiteral("kind"), QStringLiteral("request")},
         {QStringLiteral("member"), QStringLiteral("6a000000-0000-4000-8000-0000000000c1")},
         {QStringLiteral("idNumber"), QStringLiteral("440106199001011236")},
         {QStringLiteral("memberName"), QStringLiteral("何*华")},
         {QStringLiteral("fromOrganisation"), QStringLiteral("7d1e0000-0000-4000-8000-0000000000c2")},
         {QStringLiteral("fromName"), QStringLiteral("越秀区某某酒店工会")},
         {QStringLiteral("holdingOrganisation"), QStringLiteral("7d1e0000-0000-4000-8000-0000000000c2")},
         {QStringLiteral("holdingName"), QStringLiteral("越秀区某某酒店工会")},
         {QStringLiteral("toOrganisation"), other.organisationId},
         {QStringLiteral("toName"), orgName(other.organisationId)},
         {QStringLiteral("state"), QStringLiteral("rejected")},
         {QStringLiteral("decisionReason"), QStringLiteral("该会员已申请转入其他工会")},
         {QStringLiteral("requestedAt"), at(1, 10)},
         {QStringLiteral("requestedBy"), TestStore::actor()},
         {QStringLiteral("decidedAt"), at(1, 8)},
         {QStringLiteral("decidedBy"), QStringLiteral("yuexiu-clerk")}});

    bool ok = true;
    {
        TransferOutDialog dialog(db, scope, members.at(13), window);
        codecombo::setKey(dialog.reasonCombo(), QStringLiteral("left-job"));
        dialog.noteEdit()->setText(QStringLiteral("新单位：花城快递有限公司"));
        ok = save(&dialog, outDir, QStringLiteral("transferoutdialog")) && ok;
        dialog.destinationCombo()->setEditText(elsewhere);
        dialog.directRadio()->setChecked(true);
        ok = save(&dialog, outDir, QStringLiteral("transferoutdialog-direct")) && ok;
        codecombo::setKey(dialog.reasonCombo(), QStringLiteral("retired"));
        dialog.retainRadio()->setChecked(true);
        ok = save(&dialog, outDir, QStringLiteral("transferoutdialog-retain")) && ok;
        dialog.hungRadio()->setChecked(true);
        dialog.save();
        ok = save(&dialog, outDir, QStringLiteral("transferoutdialog-done")) && ok;
    }
    {
        TransferInDialog dialog(db, scope, {}, window);
        dialog.setOrganisation(other.organisationId);
        dialog.idNumberEdit()->setText(QStringLiteral("44010619880808123"));
        ok = save(&dialog, outDir, QStringLiteral("transferindialog-typing")) && ok;
        dialog.idNumberEdit()->setText(foundId);
        ok = save(&dialog, outDir, QStringLiteral("transferindialog-offline")) && ok;
        // As the server answers a look-up (signed in).
        MemberLookupOutcome found;
        found.idNumber = foundId;
        found.result = MemberLookupOutcome::Result::Found;
        found.member.found = true;
        found.member.name = QStringLiteral("欧阳*明");
        found.member.organisation = QStringLiteral("番禺区大石街道某某电子厂工会");
        found.member.since = QStringLiteral("2016-04-01");
        found.member.status = QStringLiteral("active");
        emit dialog.lookup()->finished(found);
        ok = save(&dialog, outDir, QStringLiteral("transferindialog-found")) && ok;
    }
    {
        MemberDialog dialog(db, scope, window);
        dialog.startNew(other.organisationId);
        dialog.setLookup({});
        dialog.lineEdit(QStringLiteral("name"))->setText(QStringLiteral("欧阳晓明"));
        dialog.lineEdit(QStringLiteral("idNumber"))->setText(foundId);
        MemberLookupOutcome found;
        found.idNumber = foundId;
        found.result = MemberLookupOutcome::Result::Found;
        found.member.found = true;
        found.member.name = QStringLiteral("欧阳*明");
        found.member.organisation = QStringLiteral("番禺区大石街道某某电子厂工会");
        found.member.since = QStringLiteral("2016-04-01");
        emit dialog.lookup()->finished(found);
        ok = save(&dialog, outDir, QStringLiteral("memberdialog-foundelsewhere")) && ok;
    }
    {
        TransfersWindow transfers(db, scope, window->syncController(), window);
        transfers.resize(1200, 720);
        transfers.selectTransfer(QStringLiteral("3e5a17c2-1a2b-4c3d-8e9f-00000000a001"));
        ok = save(&transfers, outDir, QStringLiteral("transferswindow")) && ok;
        const std::optional<Transfer> mine =
            TransferRepository(db, scope).openFor(hungOut.id, hungOut.idNumber).value(0);
        transfers.searchEdit()->setText(mine ? mine->shortCode() : QStringLiteral("3E5A17C2"));
        ok = save(&transfers, outDir, QStringLiteral("transferswindow-search")) && ok;
        // The letter as the print preview paints it (TransferLetter::paint on a QPrinter).
        transfers.printLetter();
        if (auto* preview = transfers.findChild<QWidget*>(QStringLiteral("transferLetterPreview"))) {
            preview->resize(900, 1000);
            ok = save(preview, outDir, QStringLiteral("transferletter-preview")) && ok;
            preview->close();
        }
        transfers.searchEdit()->clear();
        transfers.stateCombo()->setCurrentIndex(1);
        transfers.searchEdit()->setText(QStringLiteral("FFFF0000"));
        transfers.findByCode(QStringLiteral("FFFF0000"));
        ok = save(&transfers, outDir, QStringLiteral("transferswindow-notfound")) && ok;
        transfers.searchEdit()->clear();
        transfers.messageBar()->hideMessage();
        transfers.stateCombo()->setCurrentIndex(0);
        transfers.tabs()->setCurrentWidget(transfers.hungPage());
        ok = save(&transfers, outDir, QStringLiteral("transferswindow-hung")) && ok;
        transfers.tabs()->setCurrentIndex(0);
        transfers.selectTransfer(QStringLiteral("3e5a17c2-1a2b-4c3d-8e9f-00000000a001"));
        if (TransferDecisionDialog* approve = transfers.decide(TransferDecisionDialog::Decision::Approve)) {
            ok = save(approve, outDir, QStringLiteral("transferdecisiondialog-approve")) && ok;
            approve->close();
        }
        if (TransferDecisionDialog* reject = transfers.decide(TransferDecisionDialog::Decision::Reject)) {
            ok = save(reject, outDir, QStringLiteral("transferdecisiondialog-reject")) && ok;
            reject->close();
        }
        transfers.selectTransfer(QStringLiteral("7b2d9e40-1a2b-4c3d-8e9f-00000000b001"));
        if (TransferDecisionDialog* cancel = transfers.decide(TransferDecisionDialog::Decision::Cancel)) {
            ok = save(cancel, outDir, QStringLiteral("transferdecisiondialog-cancel")) && ok;
            cancel->close();
        }
    }
    return ok;
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
        roster->applyFilter(); // what the end of the typing delay does
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

// A roster as clerks keep it, for the import wizard: an instructions sheet, then the members under a
// merged title, with a damaged ID number, a person twice, an ID number in a number cell, a gender
// that contradicts the ID number, an old 15-digit ID number, a second 备注 column and a totals row.
bool writeImportWorkbook(const QString& path)
{
    XlsxWriter book(path);
    if (!book.addSheet(QStringLiteral("填表说明")))
        return false;
    book.writeText(0, 0, QStringLiteral("请在“2024年会员花名册”中填写，身份证号码请设为文本格式。"));
    if (!book.addSheet(QStringLiteral("2024年会员花名册")))
        return false;
    const QStringList headers{
        QStringLiteral("序号"),       QStringLiteral("姓名"),     QStringLiteral("性别"),
        QStringLiteral("身份证号码"), QStringLiteral("手机号码"), QStringLiteral("工号"),
        QStringLiteral("入会时间"),   QStringLiteral("备注"),     QStringLiteral("备注")};
    book.mergeText(0, 0, static_cast<int>(headers.size()) - 1,
                   QStringLiteral("花城华盛物流股份有限公司工会会员花名册"));
    book.mergeText(1, 0, static_cast<int>(headers.size()) - 1,
                   QStringLiteral("填报单位：花城华盛物流股份有限公司工会　填报日期：2024年3月1日"),
                   XlsxWriter::Style::Plain);
    for (int c = 0; c < headers.size(); ++c)
        book.writeText(2, c, headers.at(c), XlsxWriter::Style::Header);
    int r = 3;
    for (int n = 9000; n < 9012; ++n, ++r) {
        const bool female = TestStore::sampleIsFemale(n);
        QString id = TestStore::sampleIdNumber(n);
        if (n == 9003)
            id = id.left(17) + (id.at(17) == QLatin1Char('3') ? QLatin1Char('4') : QLatin1Char('3'));
        if (n == 9007)
            id = TestStore::sampleIdNumber(9001);
        if (n == 9011)
            id = id.left(6) + id.mid(8, 9); // an old 15-digit number
        book.writeNumber(r, 0, r - 2);
        book.writeText(r, 1, TestStore::sampleName(n));
        book.writeText(r, 2, (n == 9009 ? !female : female) ? QStringLiteral("女") : QStringLiteral("男"));
        if (n == 9005)
            book.writeNumber(r, 3, id.left(15).toDouble() * 1000);
        else
            book.writeText(r, 3, id, XlsxWriter::Style::Text);
        book.writeText(r, 4,
                       n == 9010 ? QStringLiteral("1381234")
                                 : QStringLiteral("1391234%1").arg(n % 10000, 4, 10, QLatin1Char('0')));
        book.writeText(r, 5, QStringLiteral("HS-%1").arg(n - 8000));
        book.writeText(r, 6, QStringLiteral("2019年%1月1日").arg(n % 12 + 1));
        if (n == 9002)
            book.writeText(r, 8, QStringLiteral("2023年调入")); // a second 备注 column, added to the notes
    }
    book.writeText(r + 1, 0, QStringLiteral("合计：12人"));
    book.writeText(r + 2, 0, QStringLiteral("制表人：陈会计　　审核人：李主席"));
    return book.close(nullptr);
}

// Waits (the workers run on other threads) until `done` holds or five seconds have passed.
bool waitFor(const std::function<bool()>& done)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < 5000)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

// Each page of the import wizard, on a real workbook, ending with a real import into `organisationId`.
bool saveImportWizard(TestStore& store, const QString& organisationId, QWidget* parent, const QString& outDir)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("2024年会员花名册.xlsx"));
    if (!dir.isValid() || !writeImportWorkbook(path))
        return false;
    bool ok = true;
    AppSettings::instance().setValue(AppSettings::Key::ImportMappings,
                                     QVariantMap()); // no remembered mapping
    {
        // The same roster with a password to open, and a wrong password typed.
        QFile plain(path);
        const QString encrypted = dir.filePath(QStringLiteral("2024年会员花名册（加密）.xlsx"));
        ok = plain.open(QIODevice::ReadOnly) &&
             OfficeEncryption::writeAgile(encrypted, plain.readAll(), QStringLiteral("Gh2026")) && ok;
        ImportWizard locked(store.store(), store.scope(), organisationId, AppSettings::instance(), parent);
        locked.filePage()->setFilePath(encrypted);
        locked.show();
        locked.next();
        ok = waitFor([&] {
                 return !locked.filePage()->isReading() &&
                        locked.filePage()->messageBar()->kind() == MessageBar::Kind::Warning;
             }) &&
             ok;
        ok = save(&locked, outDir, QStringLiteral("importwizard-1-password")) && ok;
        locked.filePage()->passwordEdit()->setText(QStringLiteral("gH2026"));
        locked.next();
        ok = waitFor([&] {
                 return !locked.filePage()->isReading() &&
                        locked.filePage()->messageBar()->kind() == MessageBar::Kind::Error;
             }) &&
             ok;
        ok = save(&locked, outDir, QStringLiteral("importwizard-1-password-wrong")) && ok;
    }
    ImportWizard wizard(store.store(), store.scope(), organisationId, AppSettings::instance(), parent);
    wizard.filePage()->setFilePath(path);
    ok = save(&wizard, outDir, QStringLiteral("importwizard-1-file")) && ok;
    wizard.next();
    ok = waitFor([&] { return wizard.currentId() == ImportWizard::SheetPage; }) && ok;
    ok = save(&wizard, outDir, QStringLiteral("importwizard-2-sheet")) && ok;
    wizard.next();
    wizard.mappingPage()->setField(5, QStringLiteral("cardNumber"));
    ok = save(&wizard, outDir, QStringLiteral("importwizard-3-mapping")) && ok;
    wizard.mappingPage()->setField(1, QString());
    ok = save(&wizard, outDir, QStringLiteral("importwizard-3-mapping-required")) && ok;
    wizard.mappingPage()->setField(1, QStringLiteral("name"));
    wizard.next();
    ok = waitFor([&] { return wizard.previewPage()->isComplete(); }) && ok;
    ok = save(&wizard, outDir, QStringLiteral("importwizard-4-preview")) && ok;
    wizard.next();
    ok = save(&wizard, outDir, QStringLiteral("importwizard-5-import")) && ok;
    ok = waitFor([&] { return wizard.currentId() == ImportWizard::SummaryPage; }) && ok;
    ok = save(&wizard, outDir, QStringLiteral("importwizard-6-summary")) && ok;
    return ok;
}

// The list of imports after the wizard's: a second import into `organisationId`, undone, above it.
bool saveImportHistory(TestStore& store, const QString& organisationId, QWidget* parent,
                       const QString& outDir)
{
    QStringList lines{QStringLiteral("姓名,身份证号码,手机号码,入会时间")};
    for (int n = 12000; n < 12008; ++n) {
        const Member m = TestStore::sampleMember(n, QString());
        lines.append(QStringLiteral("%1,%2,%3,%4").arg(m.name, m.idNumber, m.mobile, m.joinDate));
    }
    const Sheet sheet = CsvReader::parse(lines.join(QLatin1Char('\n')), QStringLiteral("补录名单"));
    const std::optional<HeaderMap> map = HeaderMap::detect(sheet);
    if (!map)
        return false;
    const ImportPlan plan = ImportPlan::build(sheet, *map, store.store(), organisationId);
    RosterImport::CommitResult result;
    QString error;
    int removed = 0;
    if (!RosterImport::commit(plan, store.store(), store.scope(), QStringLiteral("陈会计"),
                              {QStringLiteral("补录名单.csv"), QStringLiteral("补录名单")}, &result,
                              &error) ||
        !ImportBatchRepository(store.store(), store.scope())
             .undo(result.batchId, QStringLiteral("陈会计"), &removed, &error)) {
        std::fprintf(stderr, "import history: %s\n", qPrintable(error));
        return false;
    }
    ImportHistoryDialog dialog(store.store(), store.scope(), parent);
    dialog.messageBar()->showMessage(
        QCoreApplication::translate("ud::ImportUndoRunner", "The import was undone. Members removed: %1.")
            .arg(removed),
        MessageBar::Kind::Information);
    // The wizard's import, which can still be undone, at the width of a clerk's screen (the offscreen
    // screen is only 800 pixels wide).
    dialog.table()->selectRow(1);
    dialog.resize(1000, dialog.height());
    return save(&dialog, outDir, QStringLiteral("importhistorydialog"));
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
    ok = saveExportDialog(&window, outDir) && ok;

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
    ok = saveSyncViews(store, members, &window, outDir) && ok;
    ok = saveOrganisationViews(store, members, &window, outDir) && ok;
    ok = saveTransferViews(store, members, &window, outDir) && ok;
    // Last: the wizard ends with a real import into the store.
    ok = saveImportWizard(store, window.currentOrganisationId(), &window, outDir) && ok;
    ok = saveImportHistory(store, window.currentOrganisationId(), &window, outDir) && ok;
    return ok ? 0 : 1;
}
