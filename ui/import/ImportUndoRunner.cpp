#include "import/ImportUndoRunner.h"

#include "common/Ask.h"
#include "common/MessageBar.h"
#include "import/ImportBatchModel.h"
#include "import/TaskProgress.h"
#include "util/LogCategories.h"
#include "util/Sentences.h"

#include <QFutureWatcher>
#include <QLocale>

namespace ud {

ImportUndoRunner::ImportUndoRunner(const QString& storePath, const Scope& scope, const QString& actor,
                                   TaskProgress* progress, MessageBar* messages, QWidget* dialogParent)
    : QObject(dialogParent)
    , m_storePath(storePath)
    , m_scope(scope)
    , m_actor(actor)
    , m_progress(progress)
    , m_messages(messages)
    , m_dialogParent(dialogParent)
{
    if (m_progress)
        connect(m_progress, &TaskProgress::cancelRequested, this, &ImportUndoRunner::cancel);
}

ImportUndoRunner::~ImportUndoRunner()
{
    // Only when the window closes mid-undo: the worker rolls back at its next step.
    if (m_cancel)
        m_cancel->store(true);
}

namespace {
// Which import: the facts the clerk recognises it by, one per line.
QString describe(const ImportBatch& batch)
{
    QStringList lines;
    if (!batch.fileName.isEmpty())
        lines.append(batch.sheetName.isEmpty() ? ImportUndoRunner::tr("File: %1").arg(batch.fileName)
                                               //: %1 is a file name, %2 a sheet of it
                                               : ImportUndoRunner::tr("File: %1, sheet \u201c%2\u201d")
                                                     .arg(batch.fileName, batch.sheetName));
    lines.append(ImportUndoRunner::tr("Into: %1")
                     .arg(batch.organisationName.isEmpty() ? batch.organisationId : batch.organisationName));
    const QString when = ImportBatchModel::localDateTime(batch.importedAt);
    lines.append(batch.importedBy.isEmpty()
                     ? ImportUndoRunner::tr("Imported: %1").arg(when)
                     //: %1 is a date and time, %2 the clerk who imported
                     : ImportUndoRunner::tr("Imported: %1 by %2").arg(when, batch.importedBy));
    return lines.join(QLatin1Char('\n'));
}
} // namespace

QString ImportUndoRunner::confirmationText(const ImportBatch& batch, const ImportUndoCheck& check)
{
    const QLocale locale;
    QStringList lines;
    lines.append(tr("Undo this import?") + QLatin1Char('\n') + describe(batch));
    lines.append(tr("Members who will be removed from the roster: %1.").arg(locale.toString(check.present)));
    if (check.synced > 0)
        lines.append(
            tr("Already on the server: %1 of them. For these the undo sends deletions at the next sync.")
                .arg(locale.toString(check.synced)));
    else
        lines.append(
            tr("None of them has reached the server yet: they simply disappear, with their history."));
    if (check.changedSince > 0)
        lines.append(
            tr("Changed after the import (details, status or history): %1 of them. Those changes are "
               "removed with them.")
                .arg(locale.toString(check.changedSince)));
    if (check.alreadyGone > 0)
        lines.append(tr("Deleted since the import, and left as they are: %1.")
                         .arg(locale.toString(check.alreadyGone)));
    if (check.outsideScope > 0)
        lines.append(tr("Moved outside your organisation since the import, and left where they are: %1.")
                         .arg(locale.toString(check.outsideScope)));
    return lines.join(QStringLiteral("\n\n"));
}

QString ImportUndoRunner::refusalText(const std::optional<ImportBatch>& batch, const ImportUndoCheck& check)
{
    if (!batch)
        return tr("This import no longer exists or is outside your organisation.");
    if (batch->isUndone())
        return tr("This import was already undone on %1.")
            .arg(ImportBatchModel::localDateTime(batch->undoneAt));
    if (!check.blockers.isEmpty())
        return tr("The import cannot be undone:") + QLatin1Char('\n') +
               check.blockers.join(QLatin1Char('\n'));
    if (check.present == 0)
        return tr("There is nothing to undo: no member of this import is in your roster any more.");
    return {};
}

bool ImportUndoRunner::start(const QString& batchId)
{
    if (isRunning())
        return false;
    m_state = State::Checking;
    m_checkCancelled = false;
    m_batch = {};
    m_batch.id = batchId;
    if (m_messages)
        m_messages->hideMessage();
    m_checkWatcher = new QFutureWatcher<UndoCheckResult>(this);
    connect(m_checkWatcher, &QFutureWatcherBase::finished, this, &ImportUndoRunner::checked);
    if (m_progress)
        m_progress->start(tr("Reading what the undo would change\u2026"), m_checkWatcher);
    emit started();
    m_checkWatcher->setFuture(ImportTasks::checkUndo(m_storePath, m_scope, batchId));
    return true;
}

void ImportUndoRunner::cancel()
{
    if (m_state == State::Checking) {
        m_checkCancelled = true;
    } else if (m_state == State::Undoing && m_cancel) {
        m_cancel->store(true);
    } else {
        return;
    }
    if (m_progress)
        m_progress->showCancelling();
}

void ImportUndoRunner::checked()
{
    const UndoCheckResult result = m_checkWatcher->result();
    m_checkWatcher->deleteLater();
    m_checkWatcher = nullptr;
    if (m_progress)
        m_progress->stop();
    if (m_checkCancelled) {
        finish(Outcome::Cancelled, tr("The undo was cancelled; nothing was changed."));
        return;
    }
    if (!result.error.isEmpty()) {
        finish(Outcome::Failed, tr("The import was not undone: %1").arg(result.error));
        return;
    }
    const QString refusal = refusalText(result.batch, result.check);
    if (!refusal.isEmpty()) {
        finish(Outcome::Refused, refusal);
        return;
    }
    m_batch = *result.batch;
    const QMessageBox::StandardButton answer =
        Ask::question(m_dialogParent, tr("Undo import"), confirmationText(m_batch, result.check),
                      QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes) {
        finish(Outcome::Declined, QString());
        return;
    }

    m_state = State::Undoing;
    m_cancel = ImportTasks::newCancelFlag();
    m_undoWatcher = new QFutureWatcher<UndoResult>(this);
    connect(m_undoWatcher, &QFutureWatcherBase::finished, this, &ImportUndoRunner::undoFinished);
    if (m_progress)
        m_progress->start(tr("Undoing the import\u2026"), m_undoWatcher);
    m_synced = result.check.synced;
    m_undoWatcher->setFuture(ImportTasks::undo(m_storePath, m_scope, m_actor, m_batch.id, m_cancel));
}

void ImportUndoRunner::undoFinished()
{
    const UndoResult result = m_undoWatcher->result();
    m_undoWatcher->deleteLater();
    m_undoWatcher = nullptr;
    m_cancel.reset();
    if (m_progress)
        m_progress->stop();
    if (result.ok) {
        qCInfo(lcUi) << "import undone:" << m_batch.id << result.removed << "members removed";
        QString message =
            tr("The import was undone. Members removed: %1.").arg(QLocale().toString(result.removed));
        if (m_synced > 0)
            message = joinSentences({message, tr("Deletions to send to the server at the next sync: %1.")
                                                  .arg(QLocale().toString(m_synced))});
        // The host reloads first, so that by finished() it shows the import as undone.
        emit undone(m_batch.id, m_batch.organisationId, result.removed);
        finish(Outcome::Undone, message);
    } else if (result.cancelled) {
        finish(Outcome::Cancelled, tr("The undo was cancelled; nothing was changed."));
    } else {
        finish(Outcome::Failed, tr("The import was not undone: %1").arg(result.error));
    }
}

void ImportUndoRunner::finish(Outcome outcome, const QString& message)
{
    m_state = State::Idle;
    if (m_messages) {
        if (message.isEmpty()) {
            m_messages->hideMessage();
        } else {
            const MessageBar::Kind kind = outcome == Outcome::Undone      ? MessageBar::Kind::Information
                                          : outcome == Outcome::Cancelled ? MessageBar::Kind::Warning
                                                                          : MessageBar::Kind::Error;
            m_messages->showMessage(message, kind);
        }
    }
    emit finished(outcome);
}

} // namespace ud
