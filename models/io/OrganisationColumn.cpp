#include "io/OrganisationColumn.h"

#include "domain/TextNormaliser.h"
#include "store/Scope.h"

#include <QSqlQuery>
#include <QVariant>

namespace ud {

OrganisationColumn::OrganisationColumn(const QSqlDatabase& db, const QString& rootId)
{
    QSqlQuery root(db);
    root.prepare(QStringLiteral("SELECT name, path FROM organisation WHERE id = ?"));
    root.addBindValue(rootId);
    if (!root.exec() || !root.next())
        return;
    m_rootName = root.value(0).toString();
    const QString path = root.value(1).toString();
    QSqlQuery below(db);
    below.prepare(
        QStringLiteral("SELECT id, name FROM organisation WHERE path >= ? AND path < ? AND deleted = 0"));
    below.addBindValue(path);
    below.addBindValue(Scope::upperBound(path));
    if (!below.exec())
        return;
    while (below.next()) {
        const QString k = key(below.value(1).toString());
        const auto it = m_ids.constFind(k);
        m_ids.insert(k, it == m_ids.constEnd() ? below.value(0).toString() : QString());
    }
}

QString OrganisationColumn::resolve(const QString& name) const
{
    return m_ids.value(key(name));
}

QString OrganisationColumn::key(const QString& name)
{
    QString k = TextNormaliser::normalise(name);
    k.remove(QLatin1Char(' '));
    return k;
}

} // namespace ud
