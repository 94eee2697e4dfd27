// The Simplified Chinese translation: the .ts source is complete and keeps every placeholder, and the
// .qm embedded in the core library loads and translates real texts in their real contexts.

#include "domain/CodeList.h"
#include "util/Language.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

#include <utility>

#ifndef UD_TS_FILE
#error "UD_TS_FILE must name translations/uniondesk_zh_CN.ts"
#endif

using ud::Language;

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    QString type; // the <translation type="…"> attribute: unfinished, vanished, obsolete or empty
    QStringList translations; // one, or one per numerus form
    bool numerus = false;
    qint64 line = 0;
};

struct TsFile
{
    QList<Message> messages;
    QString error;
};

TsFile readTs(const QString& path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message* message = nullptr;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            message = nullptr;
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("context")) {
            context.clear();
        } else if (name == QLatin1String("name") && !message) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            ts.messages.append(Message());
            message = &ts.messages.last();
            message->context = context;
            message->numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            message->line = xml.lineNumber();
        } else if (message && name == QLatin1String("source")) {
            message->source = xml.readElementText();
        } else if (message && name == QLatin1String("comment")) {
            message->comment = xml.readElementText();
        } else if (message && name == QLatin1String("translation")) {
            message->type = xml.attributes().value(QLatin1String("type")).toString();
            if (message->numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("numerusform"))
                        message->translations.append(xml.readElementText());
                    else
                        xml.skipCurrentElement();
                }
            } else {
                message->translations.append(xml.readElementText());
            }
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

// %1 … %99, %L1 (locale-aware, the same argument) and %n / %Ln, as a sorted set.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?([1-9][0-9]?|n)"));
    QSet<QString> found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.insert(QLatin1Char('%') + it.next().captured(1));
    QStringList sorted(found.begin(), found.end());
    sorted.sort();
    return sorted;
}

// The letter after a single '&' ("&File", "Change &status"), or a null char when there is none.
QChar accelerator(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i; // "&&" is a literal ampersand
            continue;
        }
        if (!text.at(i + 1).isSpace())
            return text.at(i + 1).toUpper();
    }
    return {};
}

QString describe(const Message& m)
{
    QString source = m.source;
    source.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    if (source.size() > 70)
        source = source.left(67) + QStringLiteral("...");
    return QStringLiteral("line %1, %2: \"%3\"").arg(m.line).arg(m.context, source);
}

QStringList problemsOf(const Message& m)
{
    QStringList problems;
    if (m.type == QLatin1String("unfinished"))
        problems << QStringLiteral("unfinished");
    else if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
        problems << QStringLiteral("%1: the source text is gone; run update_translations").arg(m.type);
    else if (!m.type.isEmpty())
        problems << QStringLiteral("unknown translation type \"%1\"").arg(m.type);

    if (m.translations.isEmpty())
        problems << QStringLiteral("no translation");
    const QStringList wanted = placeholders(m.source);
    const QChar sourceKey = accelerator(m.source);
    static const QRegularExpression halfWidth(
        // A '.' that starts a file extension (".xlsx") is not a full stop.
        QStringLiteral("\\p{Han}(?:[,:;!?()]|\\.(?![A-Za-z]))|[,:;!?()]\\p{Han}"));
    static const QRegularExpression acceleratorSuffix(QStringLiteral("\\(&[^&]\\)"));
    for (const QString& translation : m.translations) {
        if (translation.trimmed().isEmpty()) {
            problems << QStringLiteral("empty translation");
            continue;
        }
        QStringList got = placeholders(translation);
        if (m.numerus && !got.contains(QStringLiteral("%n")) && wanted.contains(QStringLiteral("%n")))
            problems << QStringLiteral("a numerus form lost %n: \"%1\"").arg(translation);
        if (got != wanted)
            problems << QStringLiteral("placeholders %1 in the source but %2 in \"%3\"")
                            .arg(wanted.join(QLatin1Char(' ')), got.join(QLatin1Char(' ')), translation);
        if (!sourceKey.isNull() && accelerator(translation).isNull())
            problems << QStringLiteral("the accelerator &%1 is lost in \"%2\"").arg(sourceKey, translation);
        // Chinese sentences take full-width punctuation: "，" "：" "。" "（）".
        QString withoutAccelerator = translation;
        withoutAccelerator.remove(acceleratorSuffix);
        const QRegularExpressionMatch half = halfWidth.match(withoutAccelerator);
        if (half.hasMatch())
            problems << QStringLiteral("half-width punctuation \"%1\" next to Chinese in \"%2\"")
                            .arg(half.captured(), translation);
    }
    return problems;
}

} // namespace

class TstTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sourceIsComplete();
    void contextsAreNamespaced();
    void resolveLanguage_data();
    void resolveLanguage();
    void embeddedTranslationLoads();
    void realTextsTranslate_data();
    void realTextsTranslate();
    void codeLabelsReadBack();

private:
    TsFile m_ts;
};

void TstTranslations::initTestCase()
{
    m_ts = readTs(QStringLiteral(UD_TS_FILE));
    QVERIFY2(m_ts.error.isEmpty(), qPrintable(m_ts.error));
    // Not an empty file: the interface has several hundred texts.
    QVERIFY2(m_ts.messages.size() > 300, qPrintable(QString::number(m_ts.messages.size())));
}

void TstTranslations::sourceIsComplete()
{
    QStringList report;
    for (const Message& m : std::as_const(m_ts.messages)) {
        const QStringList problems = problemsOf(m);
        if (!problems.isEmpty())
            report << describe(m) + QStringLiteral("\n    ") + problems.join(QStringLiteral("\n    "));
    }
    QVERIFY2(report.isEmpty(),
             qPrintable(QStringLiteral("%1 of %2 messages need work in %3:\n%4")
                            .arg(report.size())
                            .arg(m_ts.messages.size())
                            .arg(QStringLiteral(UD_TS_FILE), report.join(QLatin1Char('\n')))));
}

// Every class lives in namespace ud, so every context does: a bare "MainWindow" means lupdate could
// not follow an #include (translations/CMakeLists.txt lists the include folders) and the texts would
// never translate at run time, where the context is "ud::MainWindow".
void TstTranslations::contextsAreNamespaced()
{
    static const QSet<QString> outsideUd{QStringLiteral("Desktop")};
    QSet<QString> wrong;
    for (const Message& m : std::as_const(m_ts.messages)) {
        if (!m.context.startsWith(QLatin1String("ud::")) && !outsideUd.contains(m.context))
            wrong.insert(m.context);
    }
    QStringList sorted(wrong.begin(), wrong.end());
    sorted.sort();
    QVERIFY2(wrong.isEmpty(), qPrintable(sorted.join(QStringLiteral(", "))));
}

void TstTranslations::resolveLanguage_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QLocale>("system");
    QTest::addColumn<QString>("expected");

    const QString system = QStringLiteral("system");
    QTest::newRow("zh_CN locale") << system << QLocale(QLocale::Chinese, QLocale::China)
                                  << QStringLiteral("zh_CN");
    QTest::newRow("zh_TW locale") << system << QLocale(QLocale::Chinese, QLocale::Taiwan)
                                  << QStringLiteral("zh_CN");
    QTest::newRow("en_US locale") << system << QLocale(QLocale::English, QLocale::UnitedStates)
                                  << QStringLiteral("en");
    QTest::newRow("en_GB locale") << system << QLocale(QLocale::English, QLocale::UnitedKingdom)
                                  << QStringLiteral("en");
    QTest::newRow("de_DE locale") << system << QLocale(QLocale::German, QLocale::Germany)
                                  << QStringLiteral("zh_CN");
    QTest::newRow("fr_FR locale") << system << QLocale(QLocale::French, QLocale::France)
                                  << QStringLiteral("zh_CN");
    QTest::newRow("C locale") << system << QLocale::c() << QStringLiteral("zh_CN");
    QTest::newRow("en chosen, zh_CN locale")
        << QStringLiteral("en") << QLocale(QLocale::Chinese, QLocale::China) << QStringLiteral("en");
    QTest::newRow("zh_CN chosen, en_US locale")
        << QStringLiteral("zh_CN") << QLocale(QLocale::English, QLocale::UnitedStates)
        << QStringLiteral("zh_CN");
}

void TstTranslations::resolveLanguage()
{
    QFETCH(QString, setting);
    QFETCH(QLocale, system);
    QFETCH(QString, expected);
    QCOMPARE(Language::resolve(setting, system), expected);
}

void TstTranslations::embeddedTranslationLoads()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/uniondesk_zh_CN.qm")));
    // English is the source language: nothing to install, and nothing changes.
    QVERIFY(Language::install(*QCoreApplication::instance(), QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("ud::MainWindow", "&File"), QStringLiteral("&File"));
    QVERIFY(Language::install(*QCoreApplication::instance(), QStringLiteral("zh_CN")));
}

void TstTranslations::realTextsTranslate_data()
{
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("expected");

    auto row = [](const char* context, const char* source, const char* expected) {
        QTest::newRow(source) << QByteArray(context) << QByteArray(source) << QString::fromUtf8(expected);
    };
    row("ud::MainWindow", "&File", "文件(&F)");
    row("ud::MainWindow", "&Member", "会员(&M)");
    row("ud::MainWindow", "Organisations", "工会组织");
    row("ud::MemberDialog", "%1:", "%1：");
    row("ud::MemberDialog", ", ", "、");
    row("ud::Codes", "Hung", "上挂");
    row("ud::Codes", "Withdrawn", "退会");
    row("ud::Codes", "Base union", "基层工会");
    row("ud::Codes", "Transferred", "转会");
    row("ud::RosterModel", "Join date", "入会日期");
    row("ud::MemberValidator", "Membership status", "会籍状态");
    row("ud::PersonName", "Name: nothing was entered.", "姓名：未填写。");
    row("ud::IdNumber", "ID number: the check character should be %1 but is %2.",
        "身份证号码：校验码应为 %1，实际为 %2。");
    row("ud::StatusDialog", "At the member's own request", "个人要求退会");
}

void TstTranslations::realTextsTranslate()
{
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    QFETCH(QString, expected);
    QCOMPARE(QCoreApplication::translate(context.constData(), source.constData()), expected);
}

// A Chinese label written out (an export, a clerk copying the roster) reads back as its key, even
// with its full-width brackets.
void TstTranslations::codeLabelsReadBack()
{
    using namespace ud::codes;
    const QList<const ud::CodeList*> lists{&memberStatus(),
                                           &gender(),
                                           &employmentForm(),
                                           &education(),
                                           &politicalStatus(),
                                           &household(),
                                           &idType(),
                                           &verificationMethod(),
                                           &memberEventKind(),
                                           &organisationLevel(),
                                           &organisationKind(),
                                           &organisationStatus(),
                                           &organisationRequestKind(),
                                           &organisationRequestState(),
                                           &cadrePosition(),
                                           &cadreAppointment()};
    QStringList wrong;
    for (const ud::CodeList* list : lists) {
        for (const QString& key : list->keys()) {
            const QString label = list->label(key);
            if (label == key)
                wrong << QStringLiteral("%1 has no label").arg(key);
            else if (list->keyFor(label) != key)
                wrong << QStringLiteral("%1 (%2) reads back as \"%3\"").arg(key, label, list->keyFor(label));
        }
    }
    QCOMPARE(memberStatus().label(QStringLiteral("hung")), QStringLiteral("上挂"));
    QCOMPARE(organisationLevel().keyFor(QStringLiteral("乡镇（街道）工会")), QStringLiteral("township"));
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TstTranslations)
#include "tst_translations.moc"
