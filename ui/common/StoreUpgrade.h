#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace ud {

// Upgrades a data file written by an earlier version before the window opens. On a large roster
// this takes a while (a million members: about a minute), so it runs on a worker thread behind a
// busy dialog that tells the clerk what is happening, instead of a window that does not appear.
class StoreUpgrade
{
    Q_DECLARE_TR_FUNCTIONS(ud::StoreUpgrade)

public:
    // Nothing to do (true) when the file is new or current; otherwise upgrades it and returns whether
    // that worked, with the reason in *error.
    static bool runIfNeeded(const QString& path, QWidget* parent, QString* error);
};

} // namespace ud
