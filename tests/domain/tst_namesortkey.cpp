#include "members/NameSortKey.h"

#include <QCollator>
#include <QTest>

#include <algorithm>

using ud::NameSortKey;

class TstNameSortKey : public QObject
{
    Q_OBJECT

private slots:
    void ordersByPinyin();
    void agreesWithQtsChineseCollator();
    void emptyNameHasAnEmptyKeyThatIsNotNull();
    void versionIsKnown();
};

namespace {

QStringList sortedByKey(QStringList names)
{
    std::sort(names.begin(), names.end(),
              [](const QString& a, const QString& b) { return NameSortKey::of(a) < NameSortKey::of(b); });
    return names;
}

} // namespace

void TstNameSortKey::ordersByPinyin()
{
    const QStringList expected{QStringLiteral("阿依古丽·艾力"), QStringLiteral("白雪"),
                               QStringLiteral("陈静"),          QStringLiteral("丁一"),
                               QStringLiteral("王伟"),          QStringLiteral("张三")};
    QStringList shuffled{expected.at(4), expected.at(2), expected.at(5),
                         expected.at(0), expected.at(3), expected.at(1)};
    QCOMPARE(sortedByKey(shuffled), expected);
}

void TstNameSortKey::agreesWithQtsChineseCollator()
{
    const QCollator collator(QLocale(QLocale::Chinese, QLocale::China));
    const QStringList names{QStringLiteral("王䶮"),   QStringLiteral("王一"),   QStringLiteral("王"),
                            QStringLiteral("𠀀四"),   QStringLiteral("欧阳明"), QStringLiteral("Smith"),
                            QStringLiteral("李娜"),   QStringLiteral("李"),     QStringLiteral("买买提·艾力"),
                            QStringLiteral("曾国藩"), QStringLiteral("单田芳"), QStringLiteral("覃")};
    for (const QString& a : names) {
        for (const QString& b : names) {
            const int byKey = NameSortKey::of(a) < NameSortKey::of(b)
                                  ? -1
                                  : (NameSortKey::of(b) < NameSortKey::of(a) ? 1 : 0);
            const int byCollator = collator.compare(a, b);
            QVERIFY2((byKey < 0) == (byCollator < 0) && (byKey > 0) == (byCollator > 0),
                     qPrintable(a + QStringLiteral(" vs ") + b));
        }
    }
}

void TstNameSortKey::emptyNameHasAnEmptyKeyThatIsNotNull()
{
    const QByteArray key = NameSortKey::of(QString());
    QVERIFY(key.isEmpty());
    QVERIFY(!key.isNull());
    QVERIFY(key < NameSortKey::of(QStringLiteral("阿")));
}

void TstNameSortKey::versionIsKnown()
{
    QVERIFY(NameSortKey::collationVersion().startsWith(QStringLiteral("icu-zh-")));
}

QTEST_APPLESS_MAIN(TstNameSortKey)
#include "tst_namesortkey.moc"
