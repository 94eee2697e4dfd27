#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ud::test {

// What one run of uniondesk-cli left behind.
struct CliRun
{
    int exitCode = -1; // -1: did not start, crashed or timed out
    QString out;
    QString err;

    // The lines written to stderr (the final newline ends the last one; it does not start another).
    QStringList errLines() const;
    QString describe() const;
    QJsonObject object() const;
    QJsonArray array() const;
};

// The environment a CLI test runs the tool in: the neutral C.UTF-8 locale and HOME and the XDG
// folders inside `folder`, so the user's own settings and data file are never touched.
QProcessEnvironment isolatedCliEnvironment(const QString& folder);

// Runs the tool built with the tests (UNIONDESK_CLI_PATH) and waits for it.
CliRun runCli(const QStringList& arguments, const QProcessEnvironment& environment,
              const QString& workingDirectory, int timeoutMs = 300'000);

} // namespace ud::test
