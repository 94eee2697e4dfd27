#include "sync/SyncStatusButton.h"

#include "sync/SyncController.h"

#include <QLocale>
#include <QMenu>

namespace ud {

SyncStatusButton::SyncStatusButton(SyncController& controller, QWidget* parent)
    : QToolButton(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("syncStatus"));
    setAutoRaise(true);
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setMenu(new QMenu(this));
    connect(&controller, &SyncController::stateChanged, this, &SyncStatusButton::refresh);
    refresh();
}

void SyncStatusButton::addMenuActions(const QList<QAction*>& actions)
{
    menu()->addActions(actions);
}

void SyncStatusButton::refresh()
{
    const QLocale locale;
    const qint64 conflicts = m_controller.openConflicts();
    QStringList parts;
    QString tip;
    switch (m_controller.state()) {
    case SyncController::State::NotConnected:
        parts.append(m_controller.serverUrl().isEmpty() ? tr("Not connected to a server")
                                                        : tr("Sync paused: sign in to sync"));
        tip = tr("Changes are kept on this computer until it syncs with the server.");
        break;
    case SyncController::State::Running:
        parts.append(m_controller.activity().isEmpty() ? tr("Syncing…") : m_controller.activity());
        break;
    case SyncController::State::Idle: {
        const QDateTime last = m_controller.lastSync();
        parts.append(last.isValid() ? tr("Synced %1").arg(locale.toString(last.time(), QLocale::ShortFormat))
                                    : tr("Not synced yet"));
        if (last.isValid())
            tip = tr("Last synced with %1 on %2.")
                      .arg(m_controller.serverUrl(), locale.toString(last, QLocale::LongFormat));
        break;
    }
    case SyncController::State::Failed:
        if (m_controller.signInRefused())
            parts.append(tr("The server refused the password: sign in again"));
        else
            parts.append(tr("Sync failed; next try at %1")
                             .arg(locale.toString(m_controller.retryAt().time(), QLocale::ShortFormat)));
        tip = m_controller.lastError();
        break;
    }
    if (conflicts > 0)
        parts.append(tr("%1 to decide").arg(locale.toString(conflicts)));
    setText(parts.join(tr(" · ")));
    setToolTip(tip);
}

} // namespace ud
