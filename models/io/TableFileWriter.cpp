#include "io/TableFileWriter.h"

#include "io/XlsxWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>

namespace ud {

namespace {

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}
} // namespace

bool TableFileWriter::startsLikeFormula(const QString& text)
{
    // What Excel and WPS evaluate when a CSV cell begins with it; a lone "-" (nothing) stays text.
    static const QString starts = QStringLiteral("=+-@");
    return text.size() > 1 && starts.contains(text.at(0));
}

QString TableFileWriter::csvField(const QString& rawText)
{
    // A cell such as =HYPERLINK(...) in a member's notes would run when the CSV is opened: an
    // apostrophe keeps it text (the import takes it off again).
    const QString text = startsLikeFormula(rawText) ? QLatin1Char('\'') + rawText : rawText;
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

TableFileWriter::TableFileWriter(QString path)
    : m_path(std::move(path))
{
}

// An unfinished workbook goes with its writer, which never put it in place.
TableFileWriter::~TableFileWriter() = default;

QString TableFileWriter::folderProblem(const QString& path)
{
    const QFileInfo info(path);
    const QString folder = QDir::toNativeSeparators(info.absolutePath());
    if (info.fileName().isEmpty() || info.isDir())
        return tr("%1 is a folder: give the name of the file to write in it, such as %2.")
            .arg(QDir::toNativeSeparators(info.absoluteFilePath()),
                 QDir::toNativeSeparators(QDir(info.absoluteFilePath()).filePath(tr("roster.xlsx"))));
    // Walk up to the first part of the path that is there: a file where a folder should be is named.
    for (QFileInfo up(info.absolutePath()); !up.isRoot(); up = QFileInfo(up.absolutePath())) {
        if (up.exists() && !up.isDir())
            return tr("%1: %2 is a file, not a folder.")
                .arg(info.fileName(), QDir::toNativeSeparators(up.absoluteFilePath()));
        if (up.exists())
            break;
    }
    if (!info.absoluteDir().exists())
        return tr("%1: the folder %2 does not exist. Choose a folder that exists, or create it first.")
            .arg(info.fileName(), folder);
    if (!QFileInfo(info.absolutePath()).isWritable())
        return tr("%1: files cannot be written in the folder %2 (no permission). Choose another "
                  "folder, such as your Documents.")
            .arg(info.fileName(), folder);
    return {};
}

QString TableFileWriter::writeProblem(QSaveFile& file)
{
    // QSaveFile::commit() does not notice when the last buffered bytes cannot be written (a full
    // disk): it would put the cut-off file in place of the good one.
    if (file.flush() && file.error() == QFileDevice::NoError)
        return {};
    const QString name = QFileInfo(file.fileName()).fileName();
    // A full disk is ResourceError, or an error without a reason when an earlier write already failed.
    const QStorageInfo disk(QFileInfo(file.fileName()).absolutePath());
    if (file.error() == QFileDevice::ResourceError || (disk.isValid() && disk.bytesAvailable() < (1 << 20)))
        return tr("%1: the disk is full; the file was not written. Free some space, or choose another "
                  "disk, and try again.")
            .arg(name);
    return tr("%1: the file could not be written completely (%2); nothing was changed.")
        .arg(name, file.errorString());
}

bool TableFileWriter::begin(const QString& sheetName, const QString& title, const QStringList& headers,
                            const QList<bool>& textColumns, QString* error)
{
    const QString name = QFileInfo(m_path).fileName();
    const QString suffix = QFileInfo(m_path).suffix().toLower();
    m_textColumns = textColumns;
    if (const QString problem = folderProblem(m_path); !problem.isEmpty())
        return fail(error, problem);
    if (suffix == QLatin1String("xlsx")) {
        m_book = std::make_unique<XlsxWriter>(m_path);
        if (!m_book->isValid() || !m_book->addSheet(sheetName)) {
            const QString reason = m_book->openError();
            m_book.reset();
            return fail(error, reason.isEmpty() ? tr("%1: the file cannot be created.").arg(name) : reason);
        }
        for (int c = 0; c < headers.size(); ++c) {
            const bool text = textColumns.value(c);
            m_book->setColumn(c, c, text ? 22 : 16,
                              text ? XlsxWriter::Style::Text : XlsxWriter::Style::Plain);
        }
        m_book->mergeText(0, 0, std::max(0, static_cast<int>(headers.size()) - 1), title);
        for (int c = 0; c < headers.size(); ++c)
            m_book->writeText(1, c, headers.at(c), XlsxWriter::Style::Header);
        m_book->freezeRows(2);
        m_row = 2;
        return true;
    }
    if (suffix != QLatin1String("csv"))
        return fail(error, tr("%1: give the file the suffix .xlsx or .csv.").arg(name));
    m_csv = std::make_unique<QSaveFile>(m_path);
    if (!m_csv->open(QIODevice::WriteOnly)) {
        const QString reason = m_csv->errorString();
        m_csv.reset();
        return fail(error, tr("%1: the file cannot be created (%2).").arg(name, reason));
    }
    m_csv->write("\xEF\xBB\xBF");
    m_csv->write((csvField(title) + QStringLiteral("\r\n")).toUtf8());
    QStringList line;
    for (const QString& h : headers)
        line.append(csvField(h));
    m_csv->write((line.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8());
    return true;
}

bool TableFileWriter::looksLikeANumber(const QString& text)
{
    // Only digits: Excel would read a long run as a number (an ID number loses its last three) and
    // drop the leading zeros of a short one. Names and codes with letters stay as they are.
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (!c.isDigit())
            return false;
    }
    return text.size() >= 12 || text.startsWith(QLatin1Char('0'));
}

void TableFileWriter::writeRow(const QStringList& cells)
{
    if (m_book) {
        for (int c = 0; c < cells.size(); ++c) {
            if (!cells.at(c).isEmpty())
                m_book->writeText(m_row, c, cells.at(c),
                                  m_textColumns.value(c) ? XlsxWriter::Style::Text
                                                         : XlsxWriter::Style::Plain);
        }
        ++m_row;
        return;
    }
    if (!m_csv)
        return;
    QStringList line;
    for (int c = 0; c < cells.size(); ++c) {
        QString text = cells.at(c);
        if (m_textColumns.value(c) && looksLikeANumber(text))
            text.prepend(QLatin1Char('\t'));
        line.append(csvField(text));
    }
    m_csv->write((line.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8());
}

bool TableFileWriter::finish(QString* error)
{
    const QString name = QFileInfo(m_path).fileName();
    if (m_book) {
        QString reason;
        const bool ok = m_book->close(&reason);
        m_book.reset();
        return ok || fail(error, tr("%1: the workbook cannot be written (%2).").arg(name, reason));
    }
    if (!m_csv)
        return fail(error, tr("%1: the file cannot be created.").arg(name));
    if (const QString problem = writeProblem(*m_csv); !problem.isEmpty()) {
        m_csv->cancelWriting();
        m_csv.reset();
        return fail(error, problem);
    }
    const bool ok = m_csv->commit();
    const QString reason = m_csv->errorString();
    m_csv.reset();
    return ok || fail(error, tr("%1: the file cannot be written (%2).").arg(name, reason));
}

} // namespace ud
