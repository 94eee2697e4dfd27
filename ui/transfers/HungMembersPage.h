#pragma once

#include "store/Scope.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QTextDocument;

namespace ud {

class Database;
class MessageBar;
class TransferListModel;

// The report of issue #6: the members hung (上挂) at this union or below for at least N whole
// months, longest first, for the holding union to follow up. Printed as a simple table, or
// exported as .xlsx or .csv (the export is in the audit log, as every export of members is).
class HungMembersPage : public QWidget
{
    Q_OBJECT

public:
    HungMembersPage(Database& store, const Scope& scope, MessageBar* messages, QWidget* parent = nullptr);

    void reload();
    void setActor(const QString& actor) { m_actor = actor; }

    // The report as a printable document: a title, the date, the table.
    std::unique_ptr<QTextDocument> document() const;
    // Writes the report to `path` (.xlsx or .csv); false with the reason.
    bool exportTo(const QString& path, QString* error);

    // Test seams.
    QSpinBox* monthsSpin() const { return m_months; }
    QTableView* table() const { return m_table; }
    TransferListModel* model() const { return m_model; }
    QLabel* summaryLabel() const { return m_summary; }
    QPushButton* printButton() const { return m_print; }
    QPushButton* exportButton() const { return m_export; }

public slots:
    void print();
    void chooseAndExport();

signals:
    void transferActivated(const QString& transferId);

private:
    QString title() const;
    QStringList headers() const;
    QList<QStringList> rows() const;

    Database& m_store;
    Scope m_scope;
    QString m_actor;
    QString m_holderName;
    MessageBar* m_messages = nullptr;
    QSpinBox* m_months = nullptr;
    QLabel* m_summary = nullptr;
    QTableView* m_table = nullptr;
    TransferListModel* m_model = nullptr;
    QPushButton* m_print = nullptr;
    QPushButton* m_export = nullptr;
};

} // namespace ud
