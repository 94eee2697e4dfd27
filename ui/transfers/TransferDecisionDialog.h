#pragma once

#include "store/Scope.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ud {

class Database;
class MessageBar;

// Approves, rejects or cancels one transfer, after a confirmation that names the member and the
// unions. A reason is required to reject and to cancel (the other union reads it), optional to
// approve. The step is written with its outbox operation (TransferWorkflow); it takes effect when
// it reaches the server.
class TransferDecisionDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Decision
    {
        Approve,
        Reject,
        Cancel,
    };

    TransferDecisionDialog(Database& store, const Scope& scope, const QString& transferId, Decision decision,
                           QWidget* parent = nullptr);

    bool isReady() const { return m_ready; }
    Decision decision() const { return m_decision; }
    void setActor(const QString& actor) { m_actor = actor; }
    static bool reasonRequired(Decision decision) { return decision != Decision::Approve; }

    // Test seams.
    QLabel* summaryLabel() const { return m_summary; }
    QLineEdit* reasonEdit() const { return m_reason; }
    MessageBar* messageBar() const { return m_messageBar; }
    QPushButton* okButton() const { return m_ok; }

    // What OK does: records the step and returns true, or shows why not.
    bool save();

public slots:
    void accept() override;

signals:
    // `state` is the transfer's new state (completed, rejected, cancelled).
    void decided(const QString& transferId, const QString& state);

private:
    void updateOk();

    Database& m_store;
    Scope m_scope;
    QString m_transferId;
    Decision m_decision;
    QString m_actor;
    bool m_ready = false;

    MessageBar* m_messageBar = nullptr;
    QLabel* m_summary = nullptr;
    QLineEdit* m_reason = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace ud
