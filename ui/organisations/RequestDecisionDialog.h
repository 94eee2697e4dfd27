#pragma once

#include "store/Scope.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ud {

class Database;
class MessageBar;

// Approves or rejects one set-up, change or dissolve request, with a reason (required to reject).
// It shows what the request asks for; a dissolve request that the guard still blocks says so and
// cannot be approved. The decision and the change it makes are one transaction in the core.
class RequestDecisionDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Decision
    {
        Approve,
        Reject,
    };

    RequestDecisionDialog(Database& store, const Scope& scope, const QString& requestId, Decision decision,
                          QWidget* parent = nullptr);

    bool isReady() const { return m_ready; }
    Decision decision() const { return m_decision; }
    void setActor(const QString& actor) { m_actor = actor; }

    // Test seams.
    QLabel* summaryLabel() const { return m_summary; }
    QLineEdit* reasonEdit() const { return m_reason; }
    MessageBar* messageBar() const { return m_messageBar; }
    QPushButton* okButton() const { return m_ok; }

    // What OK does: records the decision and returns true, or shows why not.
    bool save();

public slots:
    void accept() override;

signals:
    // `state` is the request's new state (approved, rejected).
    void decided(const QString& requestId, const QString& state);

private:
    void updateOk();

    Database& m_store;
    Scope m_scope;
    QString m_requestId;
    Decision m_decision;
    QString m_actor;
    bool m_ready = false;
    bool m_blocked = false;

    MessageBar* m_messageBar = nullptr;
    QLabel* m_summary = nullptr;
    QLineEdit* m_reason = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace ud
