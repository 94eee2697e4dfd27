#pragma once

#include "store/Scope.h"

#include <QDialog>

class QTableView;

namespace ud {

class Database;
class MemberHistoryModel;

// A member's history — joined, details changed, status changes, transfers — oldest first.
class HistoryDialog : public QDialog
{
    Q_OBJECT

public:
    HistoryDialog(Database& store, const Scope& scope, const QString& memberId, QWidget* parent = nullptr);

    MemberHistoryModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }

private:
    MemberHistoryModel* m_model = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace ud
