#include "import/ImportSummaryPage.h"

#include "common/MessageBar.h"
#include "import/ImportSession.h"
#include "import/ImportUndoRunner.h"
#include "import/TaskProgress.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace ud {

ImportSummaryPage::ImportSummaryPage(ImportSession& session, QWidget* parent)
    : QWizardPage(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("importSummaryPage"));
    setTitle(tr("Import finished"));
    setFinalPage(true);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("summaryResult"));
    m_result->setWordWrap(true);
    QFont larger = m_result->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.2);
    m_result->setFont(larger);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("summaryDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messages = new MessageBar(this);
    m_progress = new TaskProgress(this);
    m_actions = new QHBoxLayout;
    m_actions->addStretch(1);
    m_undo = new QPushButton(tr("&Undo this import\u2026"), this);
    m_undo->setObjectName(QStringLiteral("undoImportButton"));
    m_undo->setToolTip(tr("Remove every member this import added; you see what that means before anything "
                          "changes"));
    m_undo->hide();
    m_actions->addWidget(m_undo);
    m_runner = new ImportUndoRunner(m_session.storePath, m_session.scope, m_session.actor, m_progress,
                                    m_messages, this);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_result);
    layout->addSpacing(m_result->fontMetrics().height() / 2);
    layout->addWidget(m_detail);
    layout->addStretch(1);
    layout->addWidget(m_messages);
    layout->addWidget(m_progress);
    layout->addLayout(m_actions);

    connect(m_undo, &QPushButton::clicked, this, &ImportSummaryPage::undoImport);
    connect(m_runner, &ImportUndoRunner::started, this, [this] {
        m_undo->setEnabled(false);
        emit completeChanged();
    });
    connect(m_runner, &ImportUndoRunner::finished, this, &ImportSummaryPage::undoFinished);
    connect(m_runner, &ImportUndoRunner::undone, this,
            [this](const QString&, const QString& organisationId, int removed) {
                m_undone = true;
                //: %1 is a number of members, %2 the organisation they were imported into
                m_result->setText(tr("The import was undone: %1 members were removed from %2.")
                                      .arg(QLocale().toString(removed), m_session.organisationName));
                setTitle(tr("Import undone"));
                m_detail->setText(
                    tr("The import stays in the import history (File menu), marked as undone."));
                emit importUndone(organisationId, removed);
            });
}

bool ImportSummaryPage::isUndoing() const
{
    return m_runner->isRunning();
}

bool ImportSummaryPage::isComplete() const
{
    return !m_runner->isRunning();
}

void ImportSummaryPage::undoImport()
{
    if (m_session.batchId.isEmpty() || m_undone)
        return;
    m_runner->start(m_session.batchId);
}

void ImportSummaryPage::undoFinished()
{
    m_undo->setEnabled(!m_undone);
    m_undo->setVisible(!m_undone);
    emit completeChanged();
}

void ImportSummaryPage::initializePage()
{
    const QLocale locale;
    const ImportPlan& plan = m_session.plan;
    if (m_session.importSucceeded) {
        setTitle(tr("Import finished"));
        //: %1 is a number of members, %2 the organisation they joined
        m_result->setText(tr("%1 members were imported into %2.")
                              .arg(locale.toString(m_session.imported), m_session.organisationName));
    } else if (m_session.importCancelled) {
        setTitle(tr("Import cancelled"));
        m_result->setText(tr("The import was cancelled. Nothing was imported; the roster is as it was."));
    } else {
        setTitle(tr("Import failed"));
        m_result->setText(tr("Nothing was imported: %1").arg(m_session.importError));
    }
    QStringList details;
    if (plan.rejectedCount() > 0)
        details.append(tr("Rows not imported because of a problem: %1. Correct them in the file and import "
                          "it again: members imported now are recognised and not added twice.")
                           .arg(locale.toString(plan.rejectedCount())));
    if (!plan.warnings().isEmpty() && m_session.importSucceeded)
        details.append(
            tr("Warnings to check in the roster: %1.").arg(locale.toString(plan.warnings().size())));
    //: The file and sheet the members came from
    details.append(tr("File: %1, sheet \u201c%2\u201d.")
                       .arg(QFileInfo(m_session.filePath).fileName(), m_session.sheet().name));
    m_detail->setText(details.join(QStringLiteral("\n\n")));
    m_undone = false;
    m_messages->hideMessage();
    m_undo->setVisible(m_session.importSucceeded && !m_session.batchId.isEmpty());
    m_undo->setEnabled(true);
}

} // namespace ud
