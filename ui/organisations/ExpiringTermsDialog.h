#pragma once

#include "store/Scope.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QSpinBox;
class QTableView;

namespace ud {

class Database;
class ExpiringTermsModel;

// 换届提醒: the terms of office across the session's subtree that end within the chosen number of
// days, and (optionally) those that have run out without an election, soonest first. Opening a row
// shows its union in the main window.
class ExpiringTermsDialog : public QDialog
{
    Q_OBJECT

public:
    // `store` must outlive the dialog.
    ExpiringTermsDialog(Database& store, const Scope& scope, QWidget* parent = nullptr);

    void reload();

    QSpinBox* daysSpin() const { return m_days; }
    QCheckBox* overdueCheck() const { return m_overdue; }
    QTableView* table() const { return m_table; }
    ExpiringTermsModel* model() const { return m_model; }
    QLabel* summaryLabel() const { return m_summary; }

signals:
    void organisationActivated(const QString& organisationId);

private:
    Database& m_store;
    Scope m_scope;
    QSpinBox* m_days = nullptr;
    QCheckBox* m_overdue = nullptr;
    QLabel* m_summary = nullptr;
    QTableView* m_table = nullptr;
    ExpiringTermsModel* m_model = nullptr;
};

} // namespace ud
