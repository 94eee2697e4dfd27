#pragma once

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QPushButton;
class QTableView;

namespace ud {

class Database;
class MessageBar;
namespace sync {
class ConflictListModel;
}

// "Sync conflicts": every change the server could not take as it was — a field someone else changed
// meanwhile (keep mine sends this computer's value again, take theirs writes the server's value
// here) or a change the server refused, with its reason (keep mine sends it again, take theirs
// gives it up: a record the server never had leaves this computer with its history, any other
// keeps its local values). Nothing is decided without the clerk.
class ConflictsDialog : public QDialog
{
    Q_OBJECT

public:
    // `store` must outlive the dialog; `actor` signs the decisions in the audit log.
    ConflictsDialog(Database& store, QString actor, QWidget* parent = nullptr);

    sync::ConflictListModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QPushButton* keepMineButton() const { return m_keepMine; }
    QPushButton* takeTheirsButton() const { return m_takeTheirs; }
    QPushButton* transferInButton() const { return m_transferIn; }
    MessageBar* messageBar() const { return m_messages; }
    QLabel* emptyLabel() const { return m_empty; }

    void reload();

public slots:
    void keepMine();
    void takeTheirs();
    // A new member the server refused because her ID number belongs to a member elsewhere: gives up
    // the local entry (after asking) and hands the number on for a transfer request instead.
    void requestTransferInstead();

signals:
    // A decision changed local records or the outbox: the window reads them again.
    void resolved();
    // The clerk chose to take the person in by a transfer request (the window opens its dialog).
    void transferInWanted(const QString& idNumber, const QString& organisationId);

private:
    void resolveSelected(bool keepMine);
    // The refused creation of a member selected alone, with her ID number: what a transfer request
    // can replace; false for anything else.
    bool selectedRefusedMember(QString* conflictId, QJsonObject* fields) const;
    void updateActions();

    Database& m_store;
    QString m_actor;
    sync::ConflictListModel* m_model = nullptr;
    MessageBar* m_messages = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_empty = nullptr;
    QPushButton* m_keepMine = nullptr;
    QPushButton* m_takeTheirs = nullptr;
    QPushButton* m_transferIn = nullptr;
};

} // namespace ud
