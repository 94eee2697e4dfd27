#pragma once

#include "io/Workbook.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>

namespace ud {

// Reads a whole workbook (or a text file as a one-sheet workbook) into memory. One implementation per
// family of formats; forFile() picks it by the file's name.
class SheetReader
{
    Q_DECLARE_TR_FUNCTIONS(ud::SheetReader)

public:
    // Why a read failed, where the clerk can put it right by giving the workbook's password to open.
    enum class PasswordProblem
    {
        None,
        Needed, // encrypted with a password, and none was given
        Wrong   // the password given does not open it
    };

    virtual ~SheetReader() = default;

    // Fills *workbook; on failure returns false with a sentence for the clerk in *error.
    virtual bool read(const QString& path, Workbook* workbook, QString* error) = 0;

    // The password to open an encrypted workbook (.xlsx, .xls), for read().
    void setPassword(const QString& password) { m_password = password; }
    // After a read() that failed: whether a password (another password) would have opened the file.
    PasswordProblem passwordProblem() const { return m_passwordProblem; }

    // The reader for .xlsx, .ods, .xls, .csv or .txt; null with the reason in *error otherwise.
    static std::unique_ptr<SheetReader> forFile(const QString& path, QString* error);
    // forFile() and read() in one step.
    static bool readFile(const QString& path, Workbook* workbook, QString* error);
    // The same for a workbook that may have a password to open; *problem (may be null) says whether
    // a failure was for want of the right password.
    static bool readFile(const QString& path, const QString& password, Workbook* workbook, QString* error,
                         PasswordProblem* problem);

protected:
    const QString& password() const { return m_password; }
    // Notes the problem and returns the clerk's message for it.
    QString passwordRefused(const QString& fileName, PasswordProblem problem);
    // Reads, with `read`, a copy of the file at `path` that `write` makes (decrypted or mended). The
    // copy lives in a private temporary folder under the file's own name, so that what the reader
    // says names the file the clerk chose, and goes when this returns.
    static bool readCopy(const QString& path, const std::function<bool(const QString& copy)>& write,
                         const std::function<bool(const QString& copy)>& read, QString* error);

private:
    QString m_password;
    PasswordProblem m_passwordProblem = PasswordProblem::None;
};

} // namespace ud
