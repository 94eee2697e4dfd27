#pragma once

#include "store/Scope.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;

namespace ud {

class Database;
class MessageBar;

// Changes a member's membership status — retain, withdraw, stop, expel, deceased, or back to
// active — with the date it took effect and a reason (required to withdraw, stop or expel). The
// change goes into the member's history through MemberRepository::changeStatus.
class StatusDialog : public QDialog
{
    Q_OBJECT

public:
    StatusDialog(Database& store, const Scope& scope, const QString& memberId, QWidget* parent = nullptr);

    // False when the member could not be read (the dialog then has nothing to change).
    bool isReady() const { return m_ready; }
    void setActor(const QString& actor) { m_actor = actor; }
    QString memberId() const { return m_memberId; }

    static bool reasonRequired(const QString& status);

    // Test seams.
    QComboBox* statusCombo() const { return m_status; }
    QDateEdit* dateEdit() const { return m_date; }
    QComboBox* reasonCombo() const { return m_reason; }
    MessageBar* messageBar() const { return m_messageBar; }
    QPushButton* okButton() const { return m_ok; }

    // What OK does: records the change and returns true, or shows why not.
    bool save();

public slots:
    void accept() override;

signals:
    void statusChanged(const QString& memberId);

private:
    void updateOk();

    Database& m_store;
    Scope m_scope;
    QString m_memberId;
    QString m_actor;
    bool m_ready = false;

    MessageBar* m_messageBar = nullptr;
    QLabel* m_current = nullptr;
    QComboBox* m_status = nullptr;
    QDateEdit* m_date = nullptr;
    QComboBox* m_reason = nullptr;
    QLabel* m_reasonHint = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace ud
