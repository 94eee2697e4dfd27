#pragma once

#include "export/ExportTask.h"
#include "members/RosterFilter.h"
#include "members/RosterQuery.h"
#include "store/Scope.h"

#include <QDialog>

template <typename T>
class QFutureWatcher;
class QCheckBox;
class QLabel;
class QPushButton;

namespace ud {

class AppSettings;
class Database;
class ExportColumnList;
class MessageBar;
class TaskProgress;

// "Export roster": the members the roster shows (its organisation, filter and order) to an Excel
// workbook or a CSV file. The dialog says in words what will be exported and how many members, lets
// the clerk choose the columns (remembered for next time) and whether ID numbers and mobiles are
// written in full — which is recorded in the audit log under the clerk's name. Export… asks for the
// file (the save dialog's type chooses .xlsx or .csv) and writes it on a worker with progress and
// Cancel; a cancelled export leaves no file. Open it with open(); exported() follows a success.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    // What the roster shows when the dialog opens.
    struct Request
    {
        RosterFilter filter;
        RosterSort sort = RosterSort::Name;
        Qt::SortOrder order = Qt::AscendingOrder;
        QString organisationName; // the organisation chosen in the tree (or the scope's)
        qint64 count = 0;         // members under the filter
    };

    // `store` must outlive the dialog; `actor` signs the audit log entry.
    ExportDialog(Database& store, const Scope& scope, const Request& request, const QString& actor,
                 AppSettings& settings, QWidget* parent = nullptr);
    ~ExportDialog() override;

    ExportColumnList* columnList() const { return m_columns; }
    QCheckBox* unmaskCheck() const { return m_unmask; }
    MessageBar* unmaskWarning() const { return m_unmaskWarning; }
    QLabel* organisationLabel() const { return m_organisation; }
    QLabel* filterLabel() const { return m_filter; }
    QLabel* countLabel() const { return m_count; }
    QPushButton* exportButton() const { return m_export; }
    TaskProgress* progress() const { return m_progress; }
    MessageBar* messageBar() const { return m_messages; }
    bool isRunning() const { return m_watcher != nullptr; }

    // The file types of the save dialog: .xlsx first, then .csv.
    static QStringList fileFilters();
    // `path` with the suffix the chosen file type asks for, when it has neither.
    static QString withSuffix(const QString& path, const QString& chosenFilter);
    // The file name offered in the save dialog.
    QString suggestedFileName() const;

public slots:
    // Asks for the file, then exports to it.
    void chooseFileAndExport();
    // Exports to `path` (.xlsx or .csv) on a worker; false when one is running or nothing would be.
    bool exportTo(const QString& path);
    // Stops a running export; nothing is left behind.
    void cancelExport();
    // While an export runs, Close (and Esc) cancel it instead.
    void reject() override;

signals:
    void exported(const QString& path, int count);

private:
    void updateActions();
    void exportFinished();

    Database& m_store;
    Scope m_scope;
    Request m_request;
    QString m_actor;
    AppSettings& m_settings;

    MessageBar* m_messages = nullptr;
    QLabel* m_organisation = nullptr;
    QLabel* m_filter = nullptr;
    QLabel* m_count = nullptr;
    ExportColumnList* m_columns = nullptr;
    QCheckBox* m_unmask = nullptr;
    MessageBar* m_unmaskWarning = nullptr;
    TaskProgress* m_progress = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_close = nullptr;
    QPushButton* m_all = nullptr;
    QPushButton* m_none = nullptr;

    CancelFlag m_cancel;
    QFutureWatcher<ExportResult>* m_watcher = nullptr;
};

} // namespace ud
