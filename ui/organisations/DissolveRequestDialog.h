#pragma once

#include "store/Scope.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace ud {

class Database;
class MessageBar;

// A request to dissolve a union (注销). Before anything is submitted it shows the dissolve guard:
// the members still on the rolls of the union or of the unions under it (by name, masked ID number
// and union) and the unions under it still in operation. Such a request may still be submitted —
// it says what must be resolved first — but a level above can approve it only once the list is empty.
class DissolveRequestDialog : public QDialog
{
    Q_OBJECT

public:
    DissolveRequestDialog(Database& store, const Scope& scope, const QString& organisationId,
                          QWidget* parent = nullptr);

    bool isReady() const { return m_ready; }
    // True when the guard found nothing in the way.
    bool canDissolve() const { return m_canDissolve; }
    void setActor(const QString& actor) { m_actor = actor; }

    // Test seams.
    QLabel* guardLabel() const { return m_guard; }
    QTreeWidget* blockerList() const { return m_blockers; }
    QLineEdit* reasonEdit() const { return m_reason; }
    MessageBar* messageBar() const { return m_messageBar; }
    QPushButton* okButton() const { return m_ok; }

    // What OK does: submits the request and returns true, or shows why not.
    bool save();

public slots:
    void accept() override;

signals:
    void submitted(const QString& requestId);

private:
    void updateOk();

    Database& m_store;
    Scope m_scope;
    QString m_organisationId;
    QString m_actor;
    bool m_ready = false;
    bool m_canDissolve = false;

    MessageBar* m_messageBar = nullptr;
    QLabel* m_guard = nullptr;
    QTreeWidget* m_blockers = nullptr;
    QLineEdit* m_reason = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace ud
