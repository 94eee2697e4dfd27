#pragma once

#include "store/Scope.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QWidget;

namespace ud {

class Database;
class MessageBar;
class SyncController;
class TransfersWindow;
class TransferInDialog;
class TransferOutDialog;

// The main window's membership-transfer actions (issue #6), kept out of the window class: Member ▸
// Transfer out (the roster's selected member), Request transfer in, and the Transfers window. It
// opens the dialogs over `window` and tells the window when a step was written.
class TransferMenu : public QObject
{
    Q_OBJECT

public:
    // `sync` gives the signed-in session for look-ups and the end of each sync (may be null);
    // `currentMember` and `currentOrganisation` read the roster and the tree when an action runs.
    TransferMenu(Database& store, const Scope& scope, SyncController* sync, QWidget* window,
                 MessageBar* messages, std::function<QString()> currentMember,
                 std::function<QString()> currentOrganisation);

    QAction* transferOutAction() const { return m_transferOut; }
    QAction* requestInAction() const { return m_requestIn; }
    QAction* transfersAction() const { return m_transfers; }
    // The open Transfers window, if any.
    TransfersWindow* transfersWindow() const;

    // Whether a member is selected (Transfer out needs one).
    void setMemberSelected(bool selected);

public slots:
    TransferOutDialog* transferOut();
    // `idNumber` fills the form (the new-member dialog hands over a number found elsewhere).
    TransferInDialog* requestTransferIn(const QString& idNumber = QString());
    TransfersWindow* showTransfers();

signals:
    // A transfer step was written; `memberId` is set when a roster member was concerned.
    void changed(const QString& memberId);

private:
    QAction* makeAction(const QString& text, const char* name, const QKeySequence& key, const QString& tip);

    Database& m_store;
    Scope m_scope;
    SyncController* m_sync;
    QWidget* m_parent;
    MessageBar* m_messages;
    std::function<QString()> m_currentMember;
    std::function<QString()> m_currentOrganisation;
    QAction* m_transferOut = nullptr;
    QAction* m_requestIn = nullptr;
    QAction* m_transfers = nullptr;
    QPointer<TransfersWindow> m_window;
};

} // namespace ud
