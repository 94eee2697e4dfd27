#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ud::bench {

// What one measured process did.
struct MeasuredRun
{
    bool ok = false;
    int exitCode = -1;
    double ms = 0;
    double cpuMs = 0;         // user + system time of the process tree
    qint64 peakKb = 0;        // the largest resident set of the process and everything it started
    qint64 writtenBytes = -1; // what the process itself handed to write(2) (wchar)
    QByteArray output;        // stdout, unless it went to a file
    QByteArray errors;        // stderr
};

// Every measured run is this bench program started again with `--launch OUT ERR IN PROGRAM ARGS…`
// before it sets up Qt, so that it stays small: a process forked from the big bench itself would
// inherit the bench's resident set as its peak. main() hands such a call to launch() at once.
bool isLaunch(int argc, char** argv);
int launch(int argc, char** argv);

struct MeasuredOptions
{
    QString workDir;
    QString outputPath; // where stdout goes; empty: kept in MeasuredRun::output
    QString inputPath = QStringLiteral("/dev/null");
};

// Runs `program` through the launcher and reads what it reports.
MeasuredRun runMeasured(const QString& program, const QStringList& arguments,
                        const MeasuredOptions& options = {});

} // namespace ud::bench
