#include "MeasuredRun.h"

#include "BenchReport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ud::bench {

bool isLaunch(int argc, char** argv)
{
    return argc > 1 && std::strcmp(argv[1], "--launch") == 0;
}

int launch(int argc, char** argv)
{
    if (argc < 6)
        return 2;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, argv[4], O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, argv[3], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t child = 0;
    if (posix_spawnp(&child, argv[5], &actions, nullptr, argv + 5, environ) != 0)
        return 3;
    // The bytes the process handed to write(2) (a store's WAL and checkpoints), read while it is a
    // zombie: /proc forgets a process once it is reaped.
    siginfo_t info{};
    waitid(P_PID, id_t(child), &info, WEXITED | WNOWAIT);
    long long written = -1;
    if (FILE* io = std::fopen(("/proc/" + std::to_string(child) + "/io").c_str(), "r")) {
        char line[128];
        while (std::fgets(line, sizeof line, io)) {
            if (std::strncmp(line, "wchar:", 6) == 0)
                written = std::atoll(line + 6);
        }
        std::fclose(io);
    }
    int status = 0;
    waitpid(child, &status, 0);
    // RUSAGE_CHILDREN sees the whole tree, e.g. through LibreOffice's launcher scripts.
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    const long cpuMs = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000L +
                       (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000L;
    std::printf("%d %ld %ld %lld\n", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
                usage.ru_maxrss, cpuMs, written);
    return 0;
}

MeasuredRun runMeasured(const QString& program, const QStringList& arguments, const MeasuredOptions& options)
{
    MeasuredRun run;
    QTemporaryDir dir;
    const QString outPath =
        options.outputPath.isEmpty() ? dir.filePath(QStringLiteral("out")) : options.outputPath;
    const QString errPath = dir.filePath(QStringLiteral("err"));
    QProcess launcher;
    if (!options.workDir.isEmpty())
        launcher.setWorkingDirectory(options.workDir);
    QElapsedTimer timer;
    timer.start();
    launcher.start(QCoreApplication::applicationFilePath(),
                   QStringList{QStringLiteral("--launch"), outPath, errPath, options.inputPath, program} +
                       arguments);
    if (!launcher.waitForFinished(-1))
        return run;
    run.ms = msSince(timer);
    const QList<QByteArray> values = launcher.readAllStandardOutput().trimmed().split(' ');
    if (values.size() != 4)
        return run;
    run.exitCode = values.at(0).toInt();
    run.peakKb = values.at(1).toLongLong();
    run.cpuMs = values.at(2).toDouble();
    run.writtenBytes = values.at(3).toLongLong();
    run.ok = run.exitCode == 0;
    if (options.outputPath.isEmpty()) {
        QFile outFile(outPath);
        if (outFile.open(QIODevice::ReadOnly))
            run.output = outFile.readAll();
    }
    QFile errFile(errPath);
    if (errFile.open(QIODevice::ReadOnly))
        run.errors = errFile.readAll();
    return run;
}

} // namespace ud::bench
