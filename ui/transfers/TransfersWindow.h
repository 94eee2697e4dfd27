#pragma once

#include "store/Scope.h"
#include "transfers/TransferDecisionDialog.h"
#include "transfers/TransferFilterModel.h"
#include "transfers/TransferSummary.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace ud {

class Database;
class HungMembersPage;
class MessageBar;
class SyncController;
class TransferListModel;

// Member ▸ Transfers: every transfer this data file sees, narrowed by state and by a search that
// also takes the code printed on a letter (short code, letter number, or the id a QR scanner
// types), the details of the one selected, and the clerk's steps on it — approve, reject, cancel,
// print or save the letter. A step waits for the next sync (shown as pending); the list reads
// the data file again after every sync. A second tab lists the members hung longer than N months.
// A window of its own beside the main window, not modal.
class TransfersWindow : public QDialog
{
    Q_OBJECT

public:
    // `sync` may be null (tests): nothing then refreshes the list after a sync.
    TransfersWindow(Database& store, const Scope& scope, SyncController* sync, QWidget* parent = nullptr);

    void setActor(const QString& actor) { m_actor = actor; }
    void reload();
    bool selectTransfer(const QString& transferId);
    QString currentTransferId() const;
    // Finds the transfer a clerk typed or scanned the code of and selects it; false with the
    // reason in the message bar.
    bool findByCode(const QString& code);

    // The step's dialog on the selected transfer (window-modal, open()); null when none is selected.
    TransferDecisionDialog* decide(TransferDecisionDialog::Decision decision);
    bool saveLetter(const QString& path);
    void printLetter();

    // Test seams.
    QTabWidget* tabs() const { return m_tabs; }
    QComboBox* stateCombo() const { return m_state; }
    QLineEdit* searchEdit() const { return m_search; }
    QTableView* table() const { return m_table; }
    TransferListModel* model() const { return m_model; }
    TransferFilterModel* proxy() const { return m_proxy; }
    QLabel* detailsLabel() const { return m_details; }
    QPushButton* approveButton() const { return m_approve; }
    QPushButton* rejectButton() const { return m_reject; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* printButton() const { return m_print; }
    QPushButton* savePdfButton() const { return m_savePdf; }
    QCheckBox* unmaskCheck() const { return m_unmask; }
    MessageBar* messageBar() const { return m_messageBar; }
    HungMembersPage* hungPage() const { return m_hung; }

signals:
    // A step was written (the main window updates what waits to sync).
    void transfersChanged();

private:
    QWidget* buildListPage();
    void searchEdited();
    void searchEntered();
    void stateChosen();
    void updateSelection();
    void showDetails(const TransferSummary* summary);
    void chooseAndSaveLetter();
    void decided(const QString& transferId);

    Database& m_store;
    Scope m_scope;
    QString m_actor;

    MessageBar* m_messageBar = nullptr;
    QTabWidget* m_tabs = nullptr;
    QComboBox* m_state = nullptr;
    QLineEdit* m_search = nullptr;
    QTableView* m_table = nullptr;
    TransferListModel* m_model = nullptr;
    TransferFilterModel* m_proxy = nullptr;
    QLabel* m_details = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_reject = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_print = nullptr;
    QPushButton* m_savePdf = nullptr;
    QCheckBox* m_unmask = nullptr;
    HungMembersPage* m_hung = nullptr;
};

} // namespace ud
