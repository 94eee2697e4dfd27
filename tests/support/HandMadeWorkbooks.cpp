#include "HandMadeWorkbooks.h"

#include "io/CompoundFile.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace ud::test {

bool writeCompoundFile(const QString& path, const QList<QPair<QString, QByteArray>>& streams)
{
    return CompoundFile::write(path, streams);
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

bool writeHandMadeXlsx(const QString& dir, const QString& name, const QStringList& sheets,
                       const QString& workbookPr, const QStringList& states, const QString& sharedStrings,
                       bool absolute)
{
    const QString prefix = absolute ? QStringLiteral("/xl/") : QString();
    const QString main = QStringLiteral("http://schemas.openxmlformats.org/spreadsheetml/2006/main");
    const QString rel = QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships");
    QString types = QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default "
        "Extension=\"xml\" "
        "ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
    QString workbook = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"%1\" "
                                      "xmlns:r=\"%2\">%3<sheets>")
                           .arg(main, rel, workbookPr);
    QString rels = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                                  "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    const QString styles =
        QStringLiteral(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"%1\"><fonts count=\"1\"><font/>"
            "</fonts><fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders>"
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\"/></cellStyleXfs><cellXfs count=\"2\"><xf "
            "numFmtId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            "</cellXfs></styleSheet>")
            .arg(main);
    QDir root(dir);
    if (!root.mkpath(QStringLiteral("_rels")) || !root.mkpath(QStringLiteral("xl/_rels")) ||
        !root.mkpath(QStringLiteral("xl/worksheets")))
        return false;
    QStringList parts = {QStringLiteral("[Content_Types].xml"), QStringLiteral("_rels/.rels"),
                         QStringLiteral("xl/workbook.xml"), QStringLiteral("xl/_rels/workbook.xml.rels"),
                         QStringLiteral("xl/styles.xml")};
    for (qsizetype i = 0; i < sheets.size(); ++i) {
        const QString n = QString::number(i + 1);
        types += QStringLiteral("<Override PartName=\"/xl/worksheets/sheet%1.xml\" "
                                "ContentType=\"application/"
                                "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")
                     .arg(n);
        const QString state = i < states.size() && !states.at(i).isEmpty()
                                  ? QStringLiteral(" state=\"%1\"").arg(states.at(i))
                                  : QString();
        workbook += QStringLiteral("<sheet name=\"Sheet%1\" sheetId=\"%1\"%2 r:id=\"rId%1\"/>").arg(n, state);
        rels += QStringLiteral("<Relationship Id=\"rId%1\" Type=\"%2/worksheet\" "
                               "Target=\"%3worksheets/sheet%1.xml\"/>")
                    .arg(n, rel, prefix);
        const QString part = QStringLiteral("xl/worksheets/sheet%1.xml").arg(n);
        // <cols> at the start of a sheet's text goes before its <sheetData>, <mergeCells> at the end
        // after it.
        QString text = sheets.at(i);
        QString columns;
        if (text.startsWith(QLatin1String("<cols>"))) {
            const qsizetype end = text.indexOf(QLatin1String("</cols>")) + 7;
            columns = text.left(end);
            text = text.mid(end);
        }
        const qsizetype merges = text.indexOf(QStringLiteral("<mergeCells"));
        if (!writeFile(
                root.filePath(part),
                QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"%1\" "
                               "xmlns:r=\"%2\">%3<sheetData>%4</sheetData>%5</worksheet>")
                    .arg(main, rel, columns, text.left(merges), merges >= 0 ? text.mid(merges) : QString())
                    .toUtf8()))
            return false;
        parts.append(part);
    }
    types += QStringLiteral(
        "<Override PartName=\"/xl/styles.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        "</Types>");
    workbook += QStringLiteral("</sheets></workbook>");
    rels += QStringLiteral("<Relationship Id=\"rId%1\" Type=\"%2/styles\" Target=\"%3styles.xml\"/>")
                .arg(QString::number(sheets.size() + 1), rel, prefix);
    if (!sharedStrings.isNull()) {
        rels += QStringLiteral("<Relationship Id=\"rId%1\" Type=\"%2/sharedStrings\" "
                               "Target=\"%3sharedStrings.xml\"/>")
                    .arg(QString::number(sheets.size() + 2), rel, prefix);
        types.insert(types.lastIndexOf(QStringLiteral("</Types>")),
                     QStringLiteral("<Override PartName=\"/xl/sharedStrings.xml\" "
                                    "ContentType=\"application/"
                                    "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"));
        if (!writeFile(root.filePath(QStringLiteral("xl/sharedStrings.xml")),
                       QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"%1\">%2</sst>")
                           .arg(main, sharedStrings)
                           .toUtf8()))
            return false;
        parts.append(QStringLiteral("xl/sharedStrings.xml"));
    }
    rels += QStringLiteral("</Relationships>");
    const QString packageRels =
        QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
                       "Id=\"rId1\" "
                       "Type=\"%1/officeDocument\" Target=\"%2xl/workbook.xml\"/></Relationships>")
            .arg(rel, absolute ? QStringLiteral("/") : QString());
    if (!writeFile(root.filePath(QStringLiteral("[Content_Types].xml")), types.toUtf8()) ||
        !writeFile(root.filePath(QStringLiteral("_rels/.rels")), packageRels.toUtf8()) ||
        !writeFile(root.filePath(QStringLiteral("xl/workbook.xml")), workbook.toUtf8()) ||
        !writeFile(root.filePath(QStringLiteral("xl/_rels/workbook.xml.rels")), rels.toUtf8()) ||
        !writeFile(root.filePath(QStringLiteral("xl/styles.xml")), styles.toUtf8()))
        return false;
    return writeHandMadeZip(dir, name, parts);
}

bool writeHandMadeOds(const QString& path, const QString& tables, const QString& styles)
{
    const QString zip = QStandardPaths::findExecutable(QStringLiteral("zip"));
    QTemporaryDir dir;
    if (zip.isEmpty() || !dir.isValid() || !QDir(dir.path()).mkpath(QStringLiteral("META-INF")))
        return false;
    const QString content =
        QStringLiteral(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
            "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
            "xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\" "
            "xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\" "
            "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
            "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
            "%1<office:body><office:spreadsheet>%2</office:spreadsheet></office:body>"
            "</office:document-content>")
            .arg(styles.isEmpty()
                     ? QString()
                     : QStringLiteral("<office:automatic-styles>%1</office:automatic-styles>").arg(styles),
                 tables);
    const QString manifest = QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
        "manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" "
        "manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
        "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
        "</manifest:manifest>");
    if (!writeFile(dir.filePath(QStringLiteral("mimetype")),
                   "application/vnd.oasis.opendocument.spreadsheet") ||
        !writeFile(dir.filePath(QStringLiteral("META-INF/manifest.xml")), manifest.toUtf8()) ||
        !writeFile(dir.filePath(QStringLiteral("content.xml")), content.toUtf8()))
        return false;
    QFile::remove(path);
    QProcess process;
    process.setWorkingDirectory(dir.path());
    process.start(zip, {QStringLiteral("-q"), QStringLiteral("-X"), QStringLiteral("-0"), path,
                        QStringLiteral("mimetype")});
    if (!process.waitForFinished() || process.exitCode() != 0)
        return false;
    process.start(zip, {QStringLiteral("-q"), QStringLiteral("-X"), path, QStringLiteral("content.xml"),
                        QStringLiteral("META-INF/manifest.xml")});
    return process.waitForFinished() && process.exitStatus() == QProcess::NormalExit &&
           process.exitCode() == 0;
}

bool writeHandMadeZip(const QString& dir, const QString& path, const QStringList& entries)
{
    const QString zip = QStandardPaths::findExecutable(QStringLiteral("zip"));
    if (zip.isEmpty())
        return false;
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(zip, QStringList{QStringLiteral("-q"), QStringLiteral("-X"), path} + entries);
    return process.waitForFinished() && process.exitStatus() == QProcess::NormalExit &&
           process.exitCode() == 0;
}

QString inlineCell(const QString& ref, const QString& text)
{
    return QStringLiteral("<c r=\"%1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">%2</t></is></c>")
        .arg(ref, text);
}

} // namespace ud::test
