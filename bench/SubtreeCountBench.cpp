#include "SubtreeCountBench.h"

#include "organisations/OrganisationRepository.h"
#include "organisations/OrganisationTreeModel.h"
#include "organisations/SubtreeCounts.h"
#include "store/Database.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace ud {

namespace {

struct Timing
{
    double p50 = 0;
    double p95 = 0;
};

Timing time(int repeats, const std::function<void()>& work)
{
    std::vector<double> ms;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    auto at = [&ms](double p) {
        return ms[std::min(ms.size() - 1, size_t(std::ceil(p * double(ms.size())) - 1))];
    };
    return {at(0.5), at(0.95)};
}

QString ms(double value)
{
    if (value < 0)
        return QStringLiteral("–");
    return QString::number(value, 'f', value < 10 ? 2 : (value < 100 ? 1 : 0));
}

// Runs `statements` in one sqlite3 shell on the store, each `repeats` times, timed by the shell's
// .timer; returns the p50 of each statement (-1 on failure) and its first output row in `rows`.
std::vector<double> shellTimes(const QString& sqlite3, const QString& path, const QStringList& statements,
                               int repeats, QStringList* rows)
{
    QString script = QStringLiteral(".timer on\nPRAGMA cache_size = -65536;\n");
    for (const QString& s : statements) {
        for (int i = 0; i < repeats; ++i)
            script += s + QStringLiteral(";\n");
    }
    QProcess shell;
    shell.start(sqlite3, {QStringLiteral("-batch"), QStringLiteral("-readonly"), path});
    std::vector<double> out(size_t(statements.size()), -1.0);
    if (!shell.waitForStarted(10'000))
        return out;
    shell.write(script.toUtf8());
    shell.closeWriteChannel();
    shell.waitForFinished(-1);
    const QStringList lines = QString::fromUtf8(shell.readAllStandardOutput()).split(QLatin1Char('\n'));
    static const QRegularExpression runTime(QStringLiteral("^Run Time: real ([0-9.]+)"));
    std::vector<double> times;
    QStringList firstRows;
    QString lastRow;
    for (const QString& line : lines) {
        const auto m = runTime.match(line);
        if (m.hasMatch()) {
            times.push_back(m.captured(1).toDouble() * 1000.0);
            firstRows.append(lastRow);
            lastRow.clear();
        } else if (!line.isEmpty() && lastRow.isEmpty()) {
            lastRow = line;
        }
    }
    if (times.size() != size_t(1 + statements.size() * repeats))
        return out;
    for (qsizetype s = 0; s < statements.size(); ++s) {
        std::vector<double> mine(times.begin() + 1 + s * repeats, times.begin() + 1 + (s + 1) * repeats);
        std::sort(mine.begin(), mine.end());
        out[size_t(s)] = mine[mine.size() / 2];
        rows->append(firstRows.value(1 + s * repeats));
    }
    return out;
}

QString literal(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

QString benchSubtreeCounts(Database& db, const QString& path, const QString& sqlite3, int repeats)
{
    QString report;
    QTextStream o(&report);
    const Scope scope = OrganisationRepository::rootScope(db);
    const OrganisationRepository organisations(db, scope);
    const SubtreeCounter counter(db.connection(), scope);

    // The largest district (by active members) and a base union of ordinary size in it.
    QHash<QString, SubtreeCounts> all = counter.all();
    const QList<Organisation> tree = organisations.subtree();
    const Organisation* district = nullptr;
    for (const Organisation& org : tree) {
        if (org.level == QLatin1String("district") &&
            (!district || all.value(org.id).active > all.value(district->id).active))
            district = &org;
    }
    if (!district)
        district = &tree.first();
    std::vector<const Organisation*> bases;
    for (const Organisation& org : tree) {
        if (org.level == QLatin1String("base") && org.path.startsWith(district->path))
            bases.push_back(&org);
    }
    std::sort(bases.begin(), bases.end(), [&all](const Organisation* a, const Organisation* b) {
        return all.value(a->id).active < all.value(b->id).active;
    });
    const Organisation* base = bases.empty() ? district : bases[bases.size() / 2];

    const Timing whole = time(repeats, [&] { all = counter.all(); });
    OrganisationTreeModel model;
    const Timing reload = time(repeats, [&] { model.reload(organisations); });
    const Timing reloadCounts = time(repeats, [&] { model.reloadCounts(organisations); });
    SubtreeCounts districtCounts;
    const Timing ofDistrict = time(repeats, [&] { districtCounts = *counter.of(district->id); });
    const Timing districtAll =
        time(repeats, [&] { SubtreeCounter(db.connection(), Scope(district->id, district->path)).all(); });
    SubtreeCounts baseCounts;
    const Timing ofBase = time(repeats, [&] { baseCounts = *counter.of(base->id); });
    qint64 tally = 0;
    {
        QSqlQuery q(db.connection());
        if (q.exec(QStringLiteral("SELECT count(*) FROM member_tally")) && q.next())
            tally = q.value(0).toLongLong();
    }
    const qint64 total = all.value(scope.organisationId()).members;

    o << "Subtree counts (" << tree.size() << " organisations, " << tally << " member_tally rows), "
      << repeats << " runs each, p50 / p95 ms\n";
    auto line = [&o](const QString& what, const Timing& t) {
        o << "  " << what.leftJustified(62) << ms(t.p50).rightJustified(8) << ms(t.p95).rightJustified(8)
          << "\n";
    };
    line(QStringLiteral("every organisation (SubtreeCounter::all, the tree's column)"), whole);
    line(QStringLiteral("tree model reload (organisations + counts)"), reload);
    line(QStringLiteral("tree model reloadCounts (after a member change)"), reloadCounts);
    line(QStringLiteral("one district, %1 active (SubtreeCounter::of)").arg(districtCounts.active),
         ofDistrict);
    line(QStringLiteral("the district and all under it (SubtreeCounter::all)"), districtAll);
    line(QStringLiteral("one base union, %1 active (SubtreeCounter::of)").arg(baseCounts.active), ofBase);

    if (sqlite3.isEmpty())
        return report;
    const QString upper = Scope::upperBound(district->path);
    const QString range =
        QStringLiteral("o.path >= %1 AND o.path < %2").arg(literal(district->path), literal(upper));
    const QStringList statements = {
        // The tally, as SubtreeCounter::of reads it (summed per status; first row: the total).
        QStringLiteral(
            "SELECT sum(n) FROM (SELECT t.status, sum(t.n) AS n, sum(CASE WHEN t.verified <> 0 THEN t.n "
            "ELSE 0 END), sum(CASE WHEN t.employment_form IN ('courier', 'food-delivery', "
            "'ride-hailing', 'truck-driver', 'sanitation', 'construction') THEN t.n ELSE 0 END) FROM "
            "member_tally t WHERE t.organisation_id IN (SELECT o.id FROM organisation o WHERE ") +
            range + QStringLiteral(") GROUP BY t.status)"),
        // What one writes without the tally: the same sums over the member rows of the subtree.
        QStringLiteral(
            "SELECT sum(n) FROM (SELECT m.status, count(*) AS n, sum(m.verified <> 0), "
            "sum(m.employment_form IN ('courier', 'food-delivery', 'ride-hailing', 'truck-driver', "
            "'sanitation', 'construction')) FROM organisation o JOIN member m ON m.organisation_id = "
            "o.id AND m.deleted = 0 WHERE ") +
            range + QStringLiteral(" GROUP BY m.status)"),
        // Every organisation's own counts without the tally (the roll-up still to do).
        QStringLiteral(
            "SELECT count(*) FROM (SELECT m.organisation_id, m.status, count(*), sum(m.verified <> 0) "
            "FROM member m WHERE m.deleted = 0 GROUP BY 1, 2)"),
        QStringLiteral("SELECT count(*) FROM member WHERE deleted = 0"),
    };
    QStringList rows;
    const int shellRepeats = std::min(repeats, 5);
    const std::vector<double> shell = shellTimes(sqlite3, path, statements, shellRepeats, &rows);
    o << "Reference: sqlite3 shell on the same file, p50 of " << shellRepeats << " runs (its .timer)\n";
    o << "  " << QStringLiteral("the district, tally SQL of SubtreeCounter::of").leftJustified(62)
      << ms(shell[0]).rightJustified(8) << "\n";
    o << "  " << QStringLiteral("the district, the same sums over its member rows").leftJustified(62)
      << ms(shell[1]).rightJustified(8) << "   ×"
      << (shell[1] > 0 ? ms(shell[1] / ofDistrict.p50) : QStringLiteral("–")) << " vs SubtreeCounter::of\n";
    o << "  " << QStringLiteral("every organisation, GROUP BY over all member rows").leftJustified(62)
      << ms(shell[2]).rightJustified(8) << "   ×"
      << (shell[2] > 0 ? ms(shell[2] / whole.p50) : QStringLiteral("–")) << " vs SubtreeCounter::all\n";
    const bool same = rows.value(0).toLongLong() == districtCounts.members &&
                      rows.value(1).toLongLong() == districtCounts.members &&
                      rows.value(3).toLongLong() == total;
    o << "  totals: district " << rows.value(1) << " member rows, store " << rows.value(3) << " — "
      << (same ? "the tally and the member rows agree" : "MISMATCH between the tally and the member rows")
      << "\n";
    return report;
}

} // namespace ud
