#include "BenchReport.h"

#include <QFile>
#include <QSysInfo>

namespace ud::bench {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

double msSince(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

QString cpuModel()
{
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (cpuinfo.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : cpuinfo.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

qint64 statusKb(qint64 pid, const char* field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

QString seconds(double ms)
{
    if (ms < 0)
        return QStringLiteral("–");
    return ms < 10000 ? QString::number(ms / 1000, 'f', 2) : QString::number(ms / 1000, 'f', 1);
}

QString mb(qint64 kb)
{
    return kb < 0 ? QStringLiteral("–") : QString::number(double(kb) / 1024.0, 'f', 0);
}

QString padded(const QString& text, int width, bool right)
{
    return right ? text.rightJustified(width) : text.leftJustified(width);
}

} // namespace ud::bench
