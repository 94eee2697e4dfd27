#pragma once

#include "store/WhereClause.h"

#include <QString>

namespace ud {

// The organisation a session works as. Everything the core reads is restricted to this
// organisation's subtree: queries take a Scope when they are built, so a query without one cannot
// be written by accident. Organisation paths are materialised ("rootId/childId/…/"), which makes
// "everything under X" one range on the path index.
class Scope
{
public:
    Scope() = default;
    Scope(QString organisationId, QString path);
    // The scope of the store's root organisation: every row of the store lies inside it, so the
    // subtree condition is left out of member queries (it would cost a lookup per row).
    static Scope wholeStore(QString rootOrganisationId, QString rootPath);

    bool isValid() const { return !m_organisationId.isEmpty() && !m_path.isEmpty(); }
    QString organisationId() const { return m_organisationId; }
    QString path() const { return m_path; }

    // Restricts organisation rows (aliased `alias`) to the subtree.
    void restrictOrganisations(WhereClause& where, const QString& alias) const;
    // Restricts rows whose `column` holds an organisation id to the subtree.
    void restrictByOrganisationColumn(WhereClause& where, const QString& column) const;
    // True when `path` lies in the subtree.
    bool contains(const QString& path) const;

    // [lower, upper) bounds on organisation.path that select the subtree of `path`.
    static QString upperBound(const QString& path);

private:
    QString m_organisationId;
    QString m_path;
    bool m_wholeStore = false;
};

} // namespace ud
