#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace ud {

class Database;

// Fills a store with a generated organisation tree (districts, townships, industry federations,
// base unions) and any number of realistic synthetic members, fast enough for a million: the
// member indexes are dropped during the load and rebuilt once at the end, and the name index is
// written in key order. Demo data is marked as such and writes no outbox operations: it is never
// meant to reach a server.
class DemoGenerator
{
    Q_DECLARE_TR_FUNCTIONS(ud::DemoGenerator)

public:
    struct Options
    {
        qint64 members = 1000;
        quint64 seed = 20240601;
    };
    // Called now and then with the members written so far; return false to cancel (nothing is
    // kept then).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    static bool generate(Database& store, const Options& options, const Progress& progress, QString* error);
};

} // namespace ud
