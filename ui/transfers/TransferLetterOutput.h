#pragma once

#include "print/TransferLetter.h"
#include "store/Scope.h"
#include "transfers/Transfer.h"

#include <QCoreApplication>
#include <QString>

class QPrinter;
class QWidget;

namespace ud {

class Database;

// The transfer letter (介绍信) of one transfer, to paper or to a PDF file. The ID number is masked
// unless the clerk chose otherwise; an unmasked letter exists only with its entry in the audit
// log, exactly as `uniondesk-cli transfers letter --unmasked` does it.
class TransferLetterOutput
{
    Q_DECLARE_TR_FUNCTIONS(ud::TransferLetterOutput)

public:
    TransferLetterOutput(Database& store, Scope scope, QString actor);

    // Whether the transfer has a letter: a member sent out (hung or direct), or a request once
    // approved. A request still waiting has none yet.
    static bool hasLetter(const Transfer& transfer);
    // Why it has none, for a disabled button's tooltip.
    static QString noLetterReason(const Transfer& transfer);

    TransferLetterContent content(const Transfer& transfer, bool unmasked) const;

    // Writes the PDF; false with the reason (the file is not left behind on failure).
    bool savePdf(const Transfer& transfer, const QString& path, bool unmasked, QString* error) const;
    // Opens the print preview over `parent` (window-modal; printing happens from there). False
    // with the reason when an unmasked letter cannot be logged.
    bool print(const Transfer& transfer, bool unmasked, QWidget* parent, QString* error) const;
    // Paints the letter on the whole page of `printer` (A4, no margins).
    static void paint(QPrinter* printer, const TransferLetterContent& content);

    // Asks where to save (a file dialog); empty when the clerk cancelled.
    static QString askPdfPath(QWidget* parent, const Transfer& transfer);
    // "会员组织关系接转介绍信 工转字〔2026〕第1A2B3C4D号.pdf"
    static QString suggestedFileName(const Transfer& transfer);

private:
    bool audit(const Transfer& transfer, const QString& what, QString* error) const;

    Database& m_store;
    Scope m_scope;
    QString m_actor;
};

} // namespace ud
