#include "import/ImportProgressPage.h"

#include "import/ImportSession.h"
#include "import/TaskProgress.h"

#include <QFileInfo>
#include <QLocale>
#include <QVBoxLayout>
#include <QWizard>

namespace ud {

ImportProgressPage::ImportProgressPage(ImportSession& session, QWidget* parent)
    : QWizardPage(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("importProgressPage"));
    setTitle(tr("Importing"));
    setSubTitle(tr("The rows are written together: if you cancel, or anything fails, nothing is imported."));
    m_progress = new TaskProgress(this);
    m_progress->setCancelVisible(false); // the wizard's Cancel cancels the import (ImportWizard::reject)
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addStretch(1);
    connect(m_progress, &TaskProgress::cancelRequested, this, &ImportProgressPage::cancel);
}

ImportProgressPage::~ImportProgressPage()
{
    // Only when the program closes mid-import: the worker rolls back at its next row.
    if (m_cancel)
        m_cancel->store(true);
}

void ImportProgressPage::initializePage()
{
    m_session.importFinished = false;
    m_session.importSucceeded = false;
    m_session.importCancelled = false;
    m_session.imported = 0;
    m_session.batchId.clear();
    m_session.importError.clear();
    m_cancel = ImportTasks::newCancelFlag();
    m_watcher = new QFutureWatcher<CommitResult>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &ImportProgressPage::finished);
    m_progress->start(tr("Importing %1 members into %2\u2026")
                          .arg(QLocale().toString(m_session.plan.validCount()), m_session.organisationName),
                      m_watcher);
    m_watcher->setFuture(ImportTasks::commit(m_session.storePath, m_session.plan, m_session.scope,
                                             m_session.actor, QFileInfo(m_session.filePath).fileName(),
                                             m_session.sheet().name, m_cancel));
}

bool ImportProgressPage::isComplete() const
{
    return m_session.importFinished;
}

void ImportProgressPage::cancel()
{
    if (!m_cancel || !isRunning())
        return;
    m_cancel->store(true);
    m_progress->showCancelling();
}

void ImportProgressPage::finished()
{
    const CommitResult result = m_watcher->result();
    m_watcher->deleteLater();
    m_watcher = nullptr;
    m_progress->stop();
    m_session.importFinished = true;
    m_session.importSucceeded = result.ok;
    m_session.importCancelled = result.cancelled;
    m_session.imported = result.ok ? result.imported : 0;
    m_session.batchId = result.batchId;
    m_session.importError = result.error;
    emit completeChanged();
    emit importFinished();
    if (wizard() && wizard()->currentPage() == this)
        wizard()->next();
}

} // namespace ud
