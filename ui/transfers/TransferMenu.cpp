#include "transfers/TransferMenu.h"

#include "common/ActionText.h"
#include "common/MessageBar.h"
#include "domain/IdNumber.h"
#include "sync/SyncController.h"
#include "transfers/TransferInDialog.h"
#include "transfers/TransferOutDialog.h"
#include "transfers/TransferRepository.h"
#include "transfers/TransfersWindow.h"

#include <QAction>
#include <QWidget>

namespace ud {

TransferMenu::TransferMenu(Database& store, const Scope& scope, SyncController* sync, QWidget* window,
                           MessageBar* messages, std::function<QString()> currentMember,
                           std::function<QString()> currentOrganisation)
    : QObject(window)
    , m_store(store)
    , m_scope(scope)
    , m_sync(sync)
    , m_parent(window)
    , m_messages(messages)
    , m_currentMember(std::move(currentMember))
    , m_currentOrganisation(std::move(currentOrganisation))
{
    m_transferOut = makeAction(tr("Transfer &out\u2026"), "actionTransferOut",
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                               tr("The selected member leaves the union: hung at the level above, sent to "
                                  "another union, or the membership kept (转出)"));
    m_requestIn = makeAction(tr("Request transfer &in\u2026"), "actionRequestTransferIn",
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                             tr("Ask to take in a person who is a member of another union (转入)"));
    m_transfers =
        makeAction(tr("&Transfers\u2026"), "actionTransfers", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
                   tr("Transfers in and out: approve, reject, cancel, print letters; members hung for "
                      "months"));
    connect(m_transferOut, &QAction::triggered, this, [this] { transferOut(); });
    connect(m_requestIn, &QAction::triggered, this, [this] { requestTransferIn(); });
    connect(m_transfers, &QAction::triggered, this, [this] { showTransfers(); });
}

QAction* TransferMenu::makeAction(const QString& text, const char* name, const QKeySequence& key,
                                  const QString& tip)
{
    auto* action = new QAction(text, m_parent);
    action->setIconText(buttonText(text));
    action->setObjectName(QString::fromLatin1(name));
    if (!key.isEmpty())
        action->setShortcut(key);
    const QString shortcut = key.toString(QKeySequence::NativeText);
    action->setToolTip(shortcut.isEmpty() ? tip : tr("%1 (%2)").arg(tip, shortcut));
    action->setStatusTip(tip);
    m_parent->addAction(action);
    return action;
}

TransfersWindow* TransferMenu::transfersWindow() const
{
    return m_window;
}

void TransferMenu::setMemberSelected(bool selected)
{
    m_transferOut->setEnabled(selected);
}

TransferOutDialog* TransferMenu::transferOut()
{
    const QString memberId = m_currentMember();
    if (memberId.isEmpty())
        return nullptr;
    auto* dialog = new TransferOutDialog(m_store, m_scope, memberId, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TransferOutDialog::transferred, this, [this, memberId](const QString&) {
        if (m_window)
            m_window->reload();
        emit changed(memberId);
    });
    connect(dialog, &TransferOutDialog::retained, this, [this](const QString& id) {
        m_messages->showMessage(tr("The membership is kept (保留会籍)."), MessageBar::Kind::Information);
        emit changed(id);
    });
    dialog->open();
    return dialog;
}

TransferInDialog* TransferMenu::requestTransferIn(const QString& idNumber)
{
    SyncController* sync = m_sync;
    MemberLookupRunner::SessionSource session;
    if (sync)
        session = [sync]() {
            return sync->sessionOptions();
        };
    auto* dialog = new TransferInDialog(m_store, m_scope, session, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setOrganisation(m_currentOrganisation());
    if (!idNumber.isEmpty())
        dialog->setIdNumber(idNumber);
    connect(dialog, &TransferInDialog::requested, this, [this](const QString& transferId) {
        if (const std::optional<Transfer> t = TransferRepository(m_store, m_scope).find(transferId))
            m_messages->showMessage(
                tr("The request to take in %1 was written as %2. The server checks it at the "
                   "next sync; follow it in Member \u25B8 Transfers.")
                    .arg(IdNumber::masked(t->idNumber), t->letterNumber()),
                MessageBar::Kind::Information, tr("Show transfers"), [this] { showTransfers(); });
        if (m_window)
            m_window->reload();
        emit changed(QString());
    });
    dialog->open();
    return dialog;
}

TransfersWindow* TransferMenu::showTransfers()
{
    if (!m_window) {
        m_window = new TransfersWindow(m_store, m_scope, m_sync, m_parent);
        m_window->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_window, &TransfersWindow::transfersChanged, this, [this] { emit changed(QString()); });
    }
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    return m_window;
}

} // namespace ud
