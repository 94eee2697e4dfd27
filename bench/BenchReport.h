#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

namespace ud::bench {

// What the benches print with: stdout, milliseconds, the machine, and the columns of their tables.
QTextStream& out();
double msSince(const QElapsedTimer& timer);
QString cpuModel();
// A field of /proc/PID/status such as VmHWM, in kB; -1 when it cannot be read.
qint64 statusKb(qint64 pid, const char* field);
// Seconds with two decimals below ten seconds, one above; "–" for a negative (unmeasured) value.
QString seconds(double ms);
QString mb(qint64 kb);
QString padded(const QString& text, int width, bool right = false);

} // namespace ud::bench
