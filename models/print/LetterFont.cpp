#include "print/LetterFont.h"

#include <QFile>
#include <QFontDatabase>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QStringList>

namespace ud {

namespace {

// Known to the font database, and what Qt actually picks when asked for it.
bool isAvailable(const QString& family)
{
    return QFontDatabase::hasFamily(family) && QFontInfo(QFont(family)).family() == family;
}

} // namespace

QList<LetterFont::Candidate> LetterFont::defaultCandidates()
{
    return {
        {QStringLiteral("AR PL UMing CN"), QStringLiteral("/usr/share/fonts/truetype/arphic/uming.ttc"),
         QStringLiteral("fonts-arphic-uming")},
        {QStringLiteral("WenQuanYi Micro Hei"),
         QStringLiteral("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
         QStringLiteral("fonts-wqy-microhei")},
    };
}

LetterFont LetterFont::find(const QList<Candidate>& candidates)
{
    LetterFont found;
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        found.m_error = tr("fonts need a QGuiApplication (the offscreen platform serves when there is no "
                           "display)");
        return found;
    }
    QStringList packages;
    for (const Candidate& candidate : candidates) {
        packages.append(candidate.package);
        if (isAvailable(candidate.family)) {
            found.m_family = candidate.family;
            return found;
        }
        if (!QFile::exists(candidate.file))
            continue;
        const int id = QFontDatabase::addApplicationFont(candidate.file);
        if (id >= 0 && isAvailable(candidate.family)) {
            found.m_family = candidate.family;
            return found;
        }
    }
    found.m_error =
        tr("no font that prints Chinese correctly into a PDF is installed; install the package %1")
            .arg(packages.join(tr(" or ", "between package names")));
    return found;
}

QFont LetterFont::font(qreal pointSize) const
{
    if (!isValid()) {
        QFont fallback;
        fallback.setPointSizeF(pointSize);
        return fallback;
    }
    QFont face(m_family);
    face.setPointSizeF(pointSize);
    face.setStyleStrategy(QFont::StyleStrategy(QFont::NoFontMerging | QFont::PreferAntialias));
    return face;
}

char32_t LetterFont::missingCharacter(const QString& text) const
{
    if (!isValid())
        return 0;
    const QFontMetricsF metrics(font(12));
    for (const char32_t c : text.toUcs4()) {
        if (QChar::isSpace(c))
            continue;
        if (!metrics.inFontUcs4(c))
            return c;
    }
    return 0;
}

} // namespace ud
