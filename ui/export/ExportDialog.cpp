#include "export/ExportDialog.h"

#include "common/MessageBar.h"
#include "export/ExportColumnList.h"
#include "export/RosterFilterText.h"
#include "import/TaskProgress.h"
#include "store/Database.h"
#include "util/AppSettings.h"
#include "util/Clock.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace ud {

namespace {

QLabel* valueLabel(QWidget* parent, const char* name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ExportDialog::ExportDialog(Database& store, const Scope& scope, const Request& request, const QString& actor,
                           AppSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_scope(scope)
    , m_request(request)
    , m_actor(actor)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export roster"));
    m_messages = new MessageBar(this);

    // What will be exported: the roster as the clerk sees it now.
    auto* what = new QGroupBox(tr("Members to export"), this);
    auto* form = new QFormLayout(what);
    m_organisation = valueLabel(what, "exportOrganisation");
    const QString organisation =
        m_request.organisationName.isEmpty() ? tr("Your organisation") : m_request.organisationName;
    m_organisation->setText(tr("%1, with the organisations under it").arg(organisation));
    m_filter = valueLabel(what, "exportFilter");
    const QStringList conditions = RosterFilterText::conditions(m_request.filter);
    m_filter->setText(conditions.isEmpty() ? tr("None: every member of the organisation")
                                           : conditions.join(QLatin1Char('\n')));
    m_count = valueLabel(what, "exportCount");
    m_count->setText(m_request.count > 0
                         ? tr("%1, in the order of the roster").arg(QLocale().toString(m_request.count))
                         : tr("None: the roster's filter leaves no members to export."));
    form->addRow(tr("Organisation:"), m_organisation);
    form->addRow(tr("Filter:"), m_filter);
    form->addRow(tr("Members:"), m_count);

    auto* columnsBox = new QGroupBox(tr("Columns"), this);
    m_columns = new ExportColumnList(columnsBox);
    m_columns->setCheckedFields(m_settings.value(AppSettings::Key::ExportColumns).toStringList());
    m_all = new QPushButton(tr("Select &all"), columnsBox);
    m_all->setAutoDefault(false);
    m_none = new QPushButton(tr("&Clear"), columnsBox);
    m_none->setAutoDefault(false);
    auto* columnButtons = new QVBoxLayout;
    columnButtons->addWidget(m_all);
    columnButtons->addWidget(m_none);
    columnButtons->addStretch(1);
    auto* columnsLayout = new QHBoxLayout(columnsBox);
    columnsLayout->addWidget(m_columns, 1);
    columnsLayout->addLayout(columnButtons);

    m_unmask = new QCheckBox(tr("Show full ID numbers, &mobiles and birth dates"), this);
    m_unmask->setObjectName(QStringLiteral("exportUnmask"));
    m_unmask->setToolTip(
        tr("Unchecked, the file shows only the first and last digits of the numbers, and the year of each "
           "birth date."));
    m_unmaskWarning = new MessageBar(this);
    m_unmaskWarning->setObjectName(QStringLiteral("exportUnmaskWarning"));
    m_unmaskWarning->closeButton()->hide();

    m_progress = new TaskProgress(this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_close = buttons->button(QDialogButtonBox::Close);
    m_close->setAutoDefault(false);
    m_export = buttons->addButton(tr("&Export\u2026"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addWidget(what);
    layout->addWidget(columnsBox, 1);
    layout->addWidget(m_unmask);
    layout->addWidget(m_unmaskWarning);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::chooseFileAndExport);
    connect(m_all, &QPushButton::clicked, m_columns, [this] { m_columns->setAllChecked(true); });
    connect(m_none, &QPushButton::clicked, m_columns, [this] { m_columns->setAllChecked(false); });
    connect(m_columns, &ExportColumnList::checkedFieldsChanged, this, &ExportDialog::updateActions);
    connect(m_unmask, &QCheckBox::toggled, this, &ExportDialog::updateActions);
    connect(m_progress, &TaskProgress::cancelRequested, this, &ExportDialog::cancelExport);

    updateActions();
    const int ch = fontMetrics().averageCharWidth();
    resize(ch * 100, fontMetrics().height() * 30);
}

ExportDialog::~ExportDialog()
{
    // A worker still running would write on after the dialog is gone: stop it and wait.
    if (m_watcher) {
        m_cancel->store(true);
        m_watcher->waitForFinished();
    }
}

QStringList ExportDialog::fileFilters()
{
    return {tr("Excel workbook (*.xlsx)"), tr("CSV, UTF-8 for Excel (*.csv)")};
}

QString ExportDialog::withSuffix(const QString& path, const QString& chosenFilter)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("xlsx") || suffix == QLatin1String("csv"))
        return path;
    const bool csv = chosenFilter == fileFilters().at(1);
    return path + (csv ? QStringLiteral(".csv") : QStringLiteral(".xlsx"));
}

QString ExportDialog::suggestedFileName() const
{
    QString name = tr("%1 roster %2")
                       .arg(m_request.organisationName, Clock::today().toString(QStringLiteral("yyyyMMdd")))
                       .trimmed();
    // Characters no file system accepts in a name.
    static const QRegularExpression forbidden(QStringLiteral("[\\\\/:*?\"<>|]"));
    name.replace(forbidden, QStringLiteral("_"));
    return name + QStringLiteral(".xlsx");
}

void ExportDialog::updateActions()
{
    const bool running = isRunning();
    const bool hasColumns = !m_columns->checkedFields().isEmpty();
    m_export->setEnabled(!running && hasColumns && m_request.count > 0);
    m_export->setToolTip(hasColumns ? QString() : tr("Choose at least one column."));
    for (QWidget* w : {static_cast<QWidget*>(m_columns), static_cast<QWidget*>(m_all),
                       static_cast<QWidget*>(m_none), static_cast<QWidget*>(m_unmask)})
        w->setEnabled(!running);
    if (m_unmask->isChecked())
        m_unmaskWarning->showMessage(
            tr("The file will hold full ID numbers and mobiles. The export is recorded in the audit log "
               "under your name (%1), with the file name and the number of members. Keep the file safe "
               "and delete it when it is no longer needed.")
                .arg(m_actor),
            MessageBar::Kind::Warning);
    else
        m_unmaskWarning->hideMessage();
}

void ExportDialog::chooseFileAndExport()
{
    QString folder = m_settings.value(AppSettings::Key::ExportFolder).toString();
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QStringList filters = fileFilters();
    QString chosenFilter = filters.first();
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export roster"), QDir(folder).filePath(suggestedFileName()),
                                     filters.join(QStringLiteral(";;")), &chosenFilter);
    if (!path.isEmpty())
        exportTo(withSuffix(path, chosenFilter));
}

bool ExportDialog::exportTo(const QString& path)
{
    if (isRunning() || !m_export->isEnabled())
        return false;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("xlsx") && suffix != QLatin1String("csv")) {
        m_messages->showMessage(
            tr("%1: give the file the suffix .xlsx or .csv.").arg(QFileInfo(path).fileName()),
            MessageBar::Kind::Error);
        return false;
    }
    m_messages->hideMessage();
    RosterExport::Options options;
    options.filter = m_request.filter;
    options.sort = m_request.sort;
    options.order = m_request.order;
    options.title = m_request.organisationName;
    options.unmasked = m_unmask->isChecked();
    options.actor = m_actor;
    options.fields = m_columns->checkedFields();
    m_settings.setValue(AppSettings::Key::ExportColumns, options.fields);
    m_settings.setValue(AppSettings::Key::ExportFolder, QFileInfo(path).absolutePath());

    m_cancel = ImportTasks::newCancelFlag();
    m_watcher = new QFutureWatcher<ExportResult>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &ExportDialog::exportFinished);
    m_progress->start(tr("Exporting to %1 (members: %2)\u2026")
                          .arg(QFileInfo(path).fileName(), QLocale().toString(m_request.count)),
                      m_watcher);
    m_watcher->setFuture(ExportTask::run(m_store.path(), m_scope, path, options, m_cancel));
    updateActions();
    return true;
}

void ExportDialog::cancelExport()
{
    if (!isRunning())
        return;
    m_cancel->store(true);
    m_progress->showCancelling();
}

void ExportDialog::reject()
{
    if (isRunning()) {
        cancelExport();
        return;
    }
    QDialog::reject();
}

void ExportDialog::exportFinished()
{
    const ExportResult result = m_watcher->future().resultCount() > 0 ? m_watcher->result() : ExportResult();
    m_watcher->deleteLater();
    m_watcher = nullptr;
    m_progress->stop();
    updateActions();
    // Cancel pressed after the worker had finished but before its result arrived: the clerk asked
    // for no file, so the finished one goes (its audit entry stays: the rows were read out).
    if (result.ok && m_cancel && m_cancel->load()) {
        QFile::remove(result.path);
        m_messages->showMessage(tr("Export cancelled; the file was removed."), MessageBar::Kind::Information);
        return;
    }
    if (result.ok) {
        emit exported(result.path, result.count);
        accept();
    } else if (result.cancelled) {
        m_messages->showMessage(tr("Export cancelled. No file was written."), MessageBar::Kind::Information);
    } else {
        m_messages->showMessage(result.error.isEmpty() ? tr("The roster could not be exported.")
                                                       : result.error,
                                MessageBar::Kind::Error);
    }
}

} // namespace ud
