#include "import/ImportPreviewPage.h"

#include "common/MessageBar.h"
#include "import/ImportProblemModel.h"
#include "import/ImportSession.h"
#include "import/TaskProgress.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QWizard>

#include <algorithm>

namespace ud {

ImportPreviewPage::ImportPreviewPage(ImportSession& session, QWidget* parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_problems(new ImportProblemModel(this))
{
    setObjectName(QStringLiteral("importPreviewPage"));
    setTitle(tr("Check the preview"));
    setSubTitle(tr("Every row has been checked; nothing has been written yet. Rows with a problem marked "
                   "\u201cNot imported\u201d are left out; correct them in the file and import them later."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Import"));

    m_progress = new TaskProgress(this);

    m_results = new QWidget(this);
    auto number = [this](const char* name) {
        auto* label = new QLabel(m_results);
        label->setObjectName(QString::fromLatin1(name));
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    m_valid = number("validCount");
    m_rejected = number("rejectedCount");
    m_warnings = number("warningCount");
    m_skipped = number("skippedCount");
    auto* counts = new QFormLayout;
    counts->addRow(tr("Rows to import:"), m_valid);
    counts->addRow(tr("Rows not imported:"), m_rejected);
    counts->addRow(tr("Warnings (imported; please check):"), m_warnings);
    counts->addRow(tr("Rows skipped (blank, totals, signatures, fill-in hints):"), m_skipped);

    m_table = new QTableView(m_results);
    m_table->setObjectName(QStringLiteral("problemTable"));
    m_table->setModel(m_problems);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    // Widths from the texts, not ResizeToContents: that would read every one of 100,000 problems.
    QHeaderView* header = m_table->horizontalHeader();
    const QFontMetrics metrics = m_table->fontMetrics();
    const int padding = metrics.averageCharWidth() * 3;
    header->resizeSection(ImportProblemModel::RowColumn,
                          metrics.horizontalAdvance(QStringLiteral("0000000")) + padding);
    header->resizeSection(ImportProblemModel::NameColumn,
                          metrics.horizontalAdvance(QStringLiteral("欧阳某某某")) + padding);
    header->resizeSection(ImportProblemModel::ColumnColumn, metrics.averageCharWidth() * 16);
    header->resizeSection(ImportProblemModel::ValueColumn,
                          metrics.horizontalAdvance(QStringLiteral("11010519840823102X")) + padding);
    int outcome = metrics.horizontalAdvance(
        m_problems->headerData(ImportProblemModel::OutcomeColumn, Qt::Horizontal).toString());
    ImportProblem sample;
    for (const auto& [error, field] :
         {std::pair(true, "name"), std::pair(false, "name"), std::pair(false, "")}) {
        sample.error = error;
        sample.field = QString::fromLatin1(field);
        outcome = std::max(outcome, metrics.horizontalAdvance(ImportProblemModel::outcomeText(sample)));
    }
    header->resizeSection(ImportProblemModel::OutcomeColumn, outcome + padding);
    header->setSectionResizeMode(ImportProblemModel::ReasonColumn, QHeaderView::Stretch);

    m_save = new QPushButton(tr("&Save the problem list\u2026"), m_results);
    m_save->setObjectName(QStringLiteral("saveProblemsButton"));
    m_save->setToolTip(tr("Save every problem as a workbook, to correct the file row by row"));
    auto* countsRow = new QHBoxLayout;
    countsRow->addLayout(counts);
    countsRow->addStretch(1);
    countsRow->addWidget(m_save, 0, Qt::AlignBottom);

    auto* results = new QVBoxLayout(m_results);
    results->setContentsMargins(0, 0, 0, 0);
    results->addLayout(countsRow);
    results->addWidget(m_table, 1);

    m_messageBar = new MessageBar(this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_results, 1);

    connect(m_progress, &TaskProgress::cancelRequested, this, &ImportPreviewPage::cancel);
    connect(m_save, &QPushButton::clicked, this, &ImportPreviewPage::askAndSaveProblems);
}

ImportPreviewPage::~ImportPreviewPage()
{
    if (m_cancel)
        m_cancel->store(true); // the worker stops at its next row; its result goes nowhere
}

void ImportPreviewPage::initializePage()
{
    cleanupPage();
    m_results->hide();
    m_messageBar->hideMessage();
    m_cancel = ImportTasks::newCancelFlag();
    m_watcher = new QFutureWatcher<PlanResult>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &ImportPreviewPage::checked);
    m_progress->start(tr("Checking every row of the sheet \u201c%1\u201d\u2026").arg(m_session.sheet().name),
                      m_watcher);
    m_watcher->setFuture(ImportTasks::buildPlan(m_session.storePath, m_session.sheet(), m_session.map,
                                                m_session.organisationId, m_cancel));
}

void ImportPreviewPage::cleanupPage()
{
    if (m_cancel)
        m_cancel->store(true);
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    m_progress->stop();
    m_session.plan = ImportPlan();
    m_session.planReady = false;
    m_problems->setProblems({});
}

void ImportPreviewPage::cancel()
{
    // Checking writes nothing: cancelling it is going back to the columns.
    cleanupPage();
    if (wizard() && wizard()->currentPage() == this)
        wizard()->back();
}

void ImportPreviewPage::checked()
{
    const PlanResult result = m_watcher->result();
    m_watcher->deleteLater();
    m_watcher = nullptr;
    m_progress->stop();
    if (!result.ok) {
        m_messageBar->showMessage(result.error.isEmpty() ? tr("Checking the rows was cancelled.")
                                                         : result.error,
                                  MessageBar::Kind::Error);
        emit completeChanged();
        return;
    }
    m_session.plan = result.plan;
    m_session.planReady = true;
    m_problems->setProblems(result.plan.problems());
    showCounts();
    m_results->show();
    emit completeChanged();
}

void ImportPreviewPage::showCounts()
{
    const ImportPlan& plan = m_session.plan;
    const QLocale locale;
    m_valid->setText(locale.toString(plan.validCount()));
    // A file imported again: its refused rows are the roster's own members, nothing to correct.
    const int already = plan.alreadyInRosterCount();
    m_rejected->setText(already == 0
                            ? locale.toString(plan.rejectedCount())
                            : tr("%1 (%2 of them already in the roster)")
                                  .arg(locale.toString(plan.rejectedCount()), locale.toString(already)));
    m_warnings->setText(locale.toString(plan.warnings().size()));
    m_skipped->setText(locale.toString(plan.skippedCount()));
    m_save->setEnabled(!plan.problems().isEmpty());
    if (plan.validCount() == 0 && already > 0 && already == plan.rejectedCount())
        m_messageBar->showMessage(
            tr("Every member of this file is already in the roster: there is nothing to "
               "import. (An import adds members; it does not change those in the roster.)"),
            MessageBar::Kind::Information);
    else if (plan.validCount() == 0)
        m_messageBar->showMessage(tr("No row can be imported. Save the problem list, correct the file and "
                                     "import it again."),
                                  MessageBar::Kind::Warning);
    else if (plan.problems().isEmpty())
        m_messageBar->showMessage(tr("Every row can be imported."), MessageBar::Kind::Information);
}

bool ImportPreviewPage::isComplete() const
{
    return m_session.planReady && m_session.plan.validCount() > 0;
}

QString ImportPreviewPage::suggestedProblemsPath() const
{
    const QFileInfo input(m_session.filePath);
    //: The name of the saved problem list; %1 is the name of the imported file without its extension
    return input.dir().filePath(tr("%1 - problems").arg(input.completeBaseName()) + QStringLiteral(".xlsx"));
}

void ImportPreviewPage::askAndSaveProblems()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the problem list"),
                                                      suggestedProblemsPath(), tr("Excel workbook (*.xlsx)"));
    if (!path.isEmpty())
        saveProblems(path);
}

void ImportPreviewPage::saveProblems(const QString& path)
{
    m_save->setEnabled(false);
    m_messageBar->showMessage(tr("Saving the problem list\u2026"), MessageBar::Kind::Information);
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        m_save->setEnabled(m_session.planReady && !m_session.plan.problems().isEmpty());
        if (error.isEmpty())
            m_messageBar->showMessage(
                tr("The problem list was saved to %1.").arg(QDir::toNativeSeparators(path)),
                MessageBar::Kind::Information);
        else
            m_messageBar->showMessage(error, MessageBar::Kind::Error);
        emit problemsSaved(error.isEmpty(), path);
    });
    watcher->setFuture(ImportTasks::writeProblems(m_session.plan, path));
}

} // namespace ud
