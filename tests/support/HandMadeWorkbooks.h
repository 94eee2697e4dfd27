#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace ud::test {

// Fixture files made by hand in a test run, for what XlsxWriter does not write. The zip tool packs
// them (scripts/setup installs it); each returns false when a file cannot be made.

bool writeFile(const QString& path, const QByteArray& bytes);

// An .xlsx made by hand (XlsxWriter writes neither inline strings, the 1904 date system nor hidden
// sheets): `sheets` are the <sheetData> contents, `workbookPr` and `states` go into xl/workbook.xml,
// `sharedStrings` (the <si> elements) into xl/sharedStrings.xml when not null. `absolute` names every
// part by its absolute path, as .NET exporters do. A sheet's text may end with <mergeCells …>, which
// goes after its <sheetData>, and begin with <cols>, which goes before it.
bool writeHandMadeXlsx(const QString& dir, const QString& name, const QStringList& sheets,
                       const QString& workbookPr = QString(), const QStringList& states = {},
                       const QString& sharedStrings = QString(), bool absolute = false);

// An .ods made by hand: content.xml holds `tables` (<table:table> elements), after `styles` (the
// automatic styles, when not empty). zip stores the mimetype first and uncompressed, as ODF asks.
bool writeHandMadeOds(const QString& path, const QString& tables, const QString& styles = QString());

// A zip at `path` (relative to `dir`, or absolute) of `entries`, files under `dir`.
bool writeHandMadeZip(const QString& dir, const QString& path, const QStringList& entries);

// A compound document (the container of Office 97–2003 files) holding `streams` at its top level,
// through libgsf: an .xlsx with a password to open travels as one with an "EncryptedPackage" stream.
bool writeCompoundFile(const QString& path, const QList<QPair<QString, QByteArray>>& streams);

// An inline-string cell.
QString inlineCell(const QString& ref, const QString& text);

} // namespace ud::test
