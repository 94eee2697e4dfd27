#include "transfers/TransferLetterOutput.h"

#include "audit/AuditLog.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "transfers/TransferCodes.h"
#include "transfers/TransferLetterFill.h"
#include "util/AppSettings.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStandardPaths>

namespace ud {

TransferLetterOutput::TransferLetterOutput(Database& store, Scope scope, QString actor)
    : m_store(store)
    , m_scope(std::move(scope))
    , m_actor(std::move(actor))
{
}

bool TransferLetterOutput::hasLetter(const Transfer& t)
{
    if (t.kind == Transfer::KindRequest)
        return t.state == Transfer::Completed;
    // Rejected (the server found no such union), cancelled or expired: nobody is on her way.
    return t.state == Transfer::Hung || t.state == Transfer::Completed;
}

QString TransferLetterOutput::noLetterReason(const Transfer& t)
{
    if (hasLetter(t))
        return {};
    if (t.kind == Transfer::KindRequest)
        return tr("The letter of a request is issued by the union holding the member once it approves.");
    return tr("The transfer is %1: the member is not on her way anywhere, so there is no letter.")
        .arg(codes::transferState().label(t.state));
}

TransferLetterContent TransferLetterOutput::content(const Transfer& transfer, bool unmasked) const
{
    return TransferLetterFill::of(m_store, m_scope, transfer, unmasked);
}

bool TransferLetterOutput::audit(const Transfer& transfer, const QString& what, QString* error) const
{
    AuditEntry entry;
    entry.actor = m_actor;
    entry.action = AuditLog::Unmask;
    entry.entity = entity::Transfer;
    entry.recordId = transfer.id;
    entry.detail = what;
    return AuditLog(m_store.connection()).append(entry, error);
}

bool TransferLetterOutput::savePdf(const Transfer& transfer, const QString& path, bool unmasked,
                                   QString* error) const
{
    if (!TransferLetter(content(transfer, unmasked)).writePdf(path, error))
        return false;
    if (!unmasked)
        return true;
    // An unmasked letter exists only with its audit entry: if it cannot be logged, it goes.
    QString logError;
    if (!audit(transfer,
               QStringLiteral("transfer letter %1 saved unmasked → %2")
                   .arg(transfer.letterNumber(), QFileInfo(path).fileName()),
               &logError)) {
        QFile::remove(path);
        if (error)
            *error = tr("The letter with the full ID number was not saved: the audit log cannot be written "
                        "(%1).")
                         .arg(logError);
        return false;
    }
    return true;
}

void TransferLetterOutput::paint(QPrinter* printer, const TransferLetterContent& content)
{
    QPainter painter;
    if (!painter.begin(printer))
        return;
    // fullPage: the painter's origin is the paper's corner, and the letter lays out its own margins.
    TransferLetter(content).paint(painter, QRectF(0, 0, printer->width(), printer->height()));
    painter.end();
}

bool TransferLetterOutput::print(const Transfer& transfer, bool unmasked, QWidget* parent,
                                 QString* error) const
{
    if (unmasked) {
        QString logError;
        if (!audit(transfer,
                   QStringLiteral("transfer letter %1 printed unmasked").arg(transfer.letterNumber()),
                   &logError)) {
            if (error)
                *error = tr("The letter with the full ID number cannot be printed: the audit log cannot be "
                            "written (%1).")
                             .arg(logError);
            return false;
        }
    }
    auto* preview = new QPrintPreviewDialog(parent);
    preview->setObjectName(QStringLiteral("transferLetterPreview"));
    preview->setAttribute(Qt::WA_DeleteOnClose);
    preview->setWindowTitle(tr("Print transfer letter %1").arg(transfer.letterNumber()));
    QPrinter* printer = preview->printer();
    printer->setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF()));
    printer->setFullPage(true);
    printer->setDocName(suggestedFileName(transfer).chopped(4));
    const TransferLetterContent letter = content(transfer, unmasked);
    QObject::connect(preview, &QPrintPreviewDialog::paintRequested, preview,
                     [letter](QPrinter* target) { paint(target, letter); });
    preview->open();
    return true;
}

QString TransferLetterOutput::suggestedFileName(const Transfer& transfer)
{
    // The letter is a Chinese document whatever the interface language; so is its file name.
    return QStringLiteral("会员组织关系接转介绍信 %1.pdf").arg(transfer.letterNumber());
}

QString TransferLetterOutput::askPdfPath(QWidget* parent, const Transfer& transfer)
{
    AppSettings& settings = AppSettings::instance();
    QString folder = settings.value(AppSettings::Key::ExportFolder).toString();
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(parent, tr("Save transfer letter as PDF"),
                                                QDir(folder).filePath(suggestedFileName(transfer)),
                                                tr("PDF document (*.pdf)"));
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) != 0)
        path += QStringLiteral(".pdf");
    settings.setValue(AppSettings::Key::ExportFolder, QFileInfo(path).absolutePath());
    return path;
}

} // namespace ud
