#pragma once

#include "store/Scope.h"

#include <QHash>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace ud {

// What lies under one organisation, itself included: members by status, the real-name verified and
// new-employment-form members among the active ones, and the cadres in post.
struct SubtreeCounts
{
    QMap<QString, qint64> membersByStatus;
    qint64 members = 0; // every status
    qint64 active = 0;
    qint64 verifiedActive = 0;
    qint64 newEmploymentFormActive = 0;
    qint64 cadres = 0; // posts whose term has not been ended

    double verifiedShare() const { return active > 0 ? static_cast<double>(verifiedActive) / active : 0.0; }
    void add(const QString& status, const QString& employmentForm, bool verified, qint64 n);
    // Adds `n` members of `status`, of whom (when active) `verified` are verified and `newForm` work in
    // a new employment form.
    void addStatus(const QString& status, qint64 n, qint64 verified, qint64 newForm);
    void merge(const SubtreeCounts& other);
};

// Subtree counts read from member_tally (kept exact by triggers) over the materialised-path range,
// so they cost a few thousand tally rows even on a million-member store; SQLite sums the tally per
// organisation and status, and each organisation's totals are added to its parent's once, deepest
// first. Only organisations inside the scope are counted or reported.
class SubtreeCounter
{
public:
    SubtreeCounter(const QSqlDatabase& db, Scope scope);

    // The counts of one organisation's subtree; nullopt (with the reason) if it is not in scope.
    std::optional<SubtreeCounts> of(const QString& organisationId, QString* error = nullptr) const;
    // The subtree counts of every organisation in scope, by organisation id, from one pass over the
    // tally of the scope.
    QHash<QString, SubtreeCounts> all(QString* error = nullptr) const;

    // The employment forms DESIGN.md calls new-employment forms (couriers, riders, drivers …).
    static bool isNewEmploymentForm(const QString& form);

private:
    QSqlDatabase m_db;
    Scope m_scope;
};

} // namespace ud
