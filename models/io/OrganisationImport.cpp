#include "io/OrganisationImport.h"

#include "domain/CodeList.h"
#include "domain/CreditCode.h"
#include "domain/OrganisationLevelGuess.h"
#include "domain/TextNormaliser.h"
#include "io/CellNormaliser.h"
#include "io/ClerkDate.h"
#include "io/RowClassifier.h"
#include "organisations/OrganisationRepository.h"
#include "organisations/OrganisationValidator.h"
#include "store/Database.h"
#include "store/Sql.h"
#include "store/Transaction.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include <cmath>

namespace ud {

namespace {

QString cellText(const SheetCell& cell)
{
    if (cell.type == SheetCell::Type::Number)
        return CellNormaliser::numberText(cell.number);
    return TextNormaliser::normalise(CellNormaliser::unwrapFormulaText(cell.text)).trimmed();
}

QString label(const QString& field)
{
    return HeaderVocabulary::organisations().label(field);
}

} // namespace

std::optional<std::pair<int, HeaderMap>>
OrganisationImport::chooseSheet(const Workbook& workbook, const QString& sheetName, QString* error)
{
    for (int i = 0; i < workbook.sheets.size(); ++i) {
        const Sheet& sheet = workbook.sheets.at(i);
        if (!sheetName.isEmpty() && sheet.name != sheetName)
            continue;
        if (const std::optional<HeaderMap> map = HeaderMap::detect(sheet, HeaderVocabulary::organisations()))
            return std::make_pair(i, *map);
        if (!sheetName.isEmpty())
            break;
    }
    if (error)
        *error = sheetName.isEmpty()
                     ? tr("No sheet of the file has a header row naming the organisation name and one more "
                          "column (such as 工会名称, 上级工会, 统一社会信用代码).")
                     : tr("Sheet \"%1\" is not in the file or has no header row naming the organisation name "
                          "and one more column (such as 工会名称, 上级工会, 统一社会信用代码).")
                           .arg(sheetName);
    return std::nullopt;
}

void OrganisationImport::refuse(int index, const QString& field, const QString& value, const QString& reason)
{
    Row& row = m_rows[index];
    row.ok = false;
    ImportProblem p;
    p.row = row.row;
    p.field = field;
    p.value = value;
    p.reason = reason;
    p.error = true;
    m_problems.append(p);
}

OrganisationImport OrganisationImport::plan(const Sheet& sheet, const HeaderMap& map, Database& store,
                                            const Scope& scope, const QString& defaultParentId)
{
    OrganisationImport result;
    auto cell = [&map](const QList<SheetCell>& cells, const QString& field) {
        const int column = map.columnOf(field);
        return column >= 0 && column < cells.size() ? cells.at(column) : SheetCell();
    };
    for (int r = map.headerRow() + 1; r < sheet.rows.size(); ++r) {
        const QList<SheetCell>& cells = sheet.rows.at(r);
        if (RowClassifier::classify(cells, map) != RowClassifier::Kind::Member)
            continue;
        Row row;
        row.row = r + 1;
        Organisation& o = row.organisation;
        o.name = cellText(cell(cells, QStringLiteral("name")));
        o.address = cellText(cell(cells, QStringLiteral("address")));
        o.contact = cellText(cell(cells, QStringLiteral("contact")));
        o.industry = cellText(cell(cells, QStringLiteral("industry")));
        o.legalPersonNumber =
            TextNormaliser::identifier(cellText(cell(cells, QStringLiteral("legalPersonNumber"))));
        result.m_rows.append(row);
        result.m_parentText.append(cellText(cell(cells, QStringLiteral("parent"))));
        const int index = static_cast<int>(result.m_rows.size()) - 1;
        Organisation& org = result.m_rows[index].organisation;

        if (org.name.isEmpty())
            result.refuse(index, QStringLiteral("name"), QString(),
                          tr("%1: it must not be empty.").arg(label(QStringLiteral("name"))));

        const QString level = cellText(cell(cells, QStringLiteral("level")));
        if (level.isEmpty()) {
            org.level = OrganisationLevelGuess::fromName(org.name, QStringLiteral("base"));
            if (!org.name.isEmpty())
                result.m_problems.append(
                    {row.row, QStringLiteral("level"), QString(), QString(),
                     tr("%1: not given; taken from the name as \"%2\".")
                         .arg(label(QStringLiteral("level")), codes::organisationLevel().label(org.level)),
                     false});
        } else if ((org.level = codes::organisationLevel().keyFor(level)).isEmpty()) {
            result.refuse(index, QStringLiteral("level"), level,
                          tr("%1: \"%2\" is not a known level.").arg(label(QStringLiteral("level")), level));
        }
        const QString kind = cellText(cell(cells, QStringLiteral("kind")));
        if (!kind.isEmpty() && (org.kind = codes::organisationKind().keyFor(kind)).isEmpty())
            result.refuse(index, QStringLiteral("kind"), kind,
                          tr("%1: \"%2\" is not a known kind.").arg(label(QStringLiteral("kind")), kind));
        const QString status = cellText(cell(cells, QStringLiteral("status")));
        if (!status.isEmpty() && (org.status = codes::organisationStatus().keyFor(status)).isEmpty())
            result.refuse(
                index, QStringLiteral("status"), status,
                tr("%1: \"%2\" is not a known status.").arg(label(QStringLiteral("status")), status));
        if (org.status.isEmpty())
            org.status = QStringLiteral("active");

        const SheetCell codeCell = cell(cells, QStringLiteral("creditCode"));
        const QString code = cellText(codeCell);
        if (codeCell.type == SheetCell::Type::Number) {
            result.refuse(
                index, QStringLiteral("creditCode"), codeCell.text,
                tr("%1: the cell holds a number, so the spreadsheet may have changed it; format the "
                   "column as text and type the code again.")
                    .arg(label(QStringLiteral("creditCode"))));
        } else if (!code.isEmpty()) {
            const CreditCode parsed = CreditCode::parse(code);
            if (parsed.isValid())
                org.creditCode = parsed.value();
            else
                result.refuse(index, QStringLiteral("creditCode"), code, parsed.errorMessage());
        }
        for (const char* dateField : {"foundedOn", "legalPersonRegisteredOn"}) {
            const QString field = QString::fromLatin1(dateField);
            const SheetCell dateCell = cell(cells, field);
            if (dateCell.isEmpty())
                continue;
            const ClerkDate::Result date = ClerkDate::parse(dateCell);
            if (!date.date.isValid()) {
                result.refuse(index, field, dateCell.text, tr("%1: %2").arg(label(field), date.error));
                continue;
            }
            (field == QLatin1String("foundedOn") ? org.foundedOn : org.legalPersonRegisteredOn) =
                date.date.toString(Qt::ISODate);
        }
        const SheetCell headcountCell = cell(cells, QStringLiteral("headcount"));
        if (!headcountCell.isEmpty()) {
            bool ok = false;
            const double n = headcountCell.type == SheetCell::Type::Number
                                 ? headcountCell.number
                                 : cellText(headcountCell).remove(QLatin1Char(',')).toDouble(&ok);
            if (headcountCell.type == SheetCell::Type::Number)
                ok = true;
            if (!ok || n < 0 || n != std::floor(n) || n > 10'000'000)
                result.refuse(index, QStringLiteral("headcount"), cellText(headcountCell),
                              tr("%1: \"%2\" is not a number of people.")
                                  .arg(label(QStringLiteral("headcount")), cellText(headcountCell)));
            else
                org.headcount = static_cast<int>(n);
        }
    }
    result.checkAgainstStoreAndFile(store, scope, map);
    result.resolveParents(store, scope, defaultParentId, map);
    for (ImportProblem& p : result.m_problems)
        p.column = p.field.isEmpty() ? QString() : map.headerOf(p.field);
    std::stable_sort(result.m_problems.begin(), result.m_problems.end(),
                     [](const ImportProblem& a, const ImportProblem& b) { return a.row < b.row; });
    return result;
}

void OrganisationImport::checkAgainstStoreAndFile(Database& store, const Scope& scope, const HeaderMap& map)
{
    Q_UNUSED(scope);
    Q_UNUSED(map);
    // The same union twice in the file (same name, same parent as written): the first row stays.
    QHash<QString, int> seen;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Organisation& o = m_rows.at(i).organisation;
        if (!m_rows.at(i).ok || o.name.isEmpty())
            continue;
        const QString key = o.name + QChar(0) + m_parentText.at(i);
        if (const auto it = seen.constFind(key); it != seen.constEnd()) {
            refuse(i, QStringLiteral("name"), o.name,
                   tr("%1: \"%2\" is already on row %3; the first row stays.")
                       .arg(label(QStringLiteral("name")), o.name)
                       .arg(m_rows.at(*it).row));
            continue;
        }
        seen.insert(key, i);
    }
    QHash<QString, int> codes;
    QSqlQuery byCode(store.connection());
    sql::prepare(byCode,
                 QStringLiteral("SELECT name FROM organisation WHERE credit_code = ? AND deleted = 0"),
                 nullptr);
    for (int i = 0; i < m_rows.size(); ++i) {
        const Organisation& o = m_rows.at(i).organisation;
        if (!m_rows.at(i).ok || o.creditCode.isEmpty())
            continue;
        if (codes.contains(o.creditCode)) {
            refuse(i, QStringLiteral("creditCode"), o.creditCode,
                   tr("%1: the same code is on row %2; the first row stays.")
                       .arg(label(QStringLiteral("creditCode")))
                       .arg(m_rows.at(codes.value(o.creditCode)).row));
            continue;
        }
        codes.insert(o.creditCode, i);
        byCode.bindValue(0, o.creditCode);
        if (sql::exec(byCode, nullptr) && byCode.next())
            refuse(i, QStringLiteral("creditCode"), o.creditCode,
                   tr("%1: %2 already has this code.")
                       .arg(label(QStringLiteral("creditCode")), byCode.value(0).toString()));
    }
}

void OrganisationImport::resolveParents(Database& store, const Scope& scope, const QString& defaultParentId,
                                        const HeaderMap& map)
{
    Q_UNUSED(map);
    OrganisationRepository repository(store, scope);
    // A parent named in the file: by name (the first row of that name) or by credit code.
    QHash<QString, int> byName;
    QHash<QString, int> byCode;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Organisation& o = m_rows.at(i).organisation;
        if (!o.name.isEmpty() && !byName.contains(o.name))
            byName.insert(o.name, i);
        if (!o.creditCode.isEmpty())
            byCode.insert(o.creditCode, i);
    }
    for (int i = 0; i < m_rows.size(); ++i) {
        Row& row = m_rows[i];
        const QString text = m_parentText.at(i);
        if (text.isEmpty()) {
            // The head of an exported list is the organisation it is imported into.
            if (const std::optional<Organisation> target = repository.find(defaultParentId);
                target && target->name == row.organisation.name && row.ok) {
                row.existingId = target->id;
                m_problems.append({row.row, QStringLiteral("name"), QString(), row.organisation.name,
                                   tr("%1: \"%2\" is the organisation you import into; left as it is.")
                                       .arg(label(QStringLiteral("name")), row.organisation.name),
                                   false});
                continue;
            }
            row.organisation.parentId = defaultParentId;
        } else if (const int inFile =
                       byName.value(text, byCode.value(TextNormaliser::identifier(text).toUpper(), -1));
                   inFile >= 0 && inFile != i) {
            row.parentRow = inFile;
        } else {
            QString reason;
            std::optional<Organisation> parent = repository.resolve(text, &reason);
            if (!parent) {
                const CreditCode code = CreditCode::parse(text);
                if (code.isValid()) {
                    for (const Organisation& o : repository.search(code.value(), 2)) {
                        if (o.creditCode == code.value())
                            parent = o;
                    }
                }
            }
            if (!parent) {
                if (row.ok)
                    refuse(i, QStringLiteral("parent"), text,
                           tr("%1: \"%2\" is neither a row of this file nor a union in your organisation.")
                               .arg(label(QStringLiteral("parent")), text));
                continue;
            }
            row.organisation.parentId = parent->id;
        }
    }
    // A union the store already has under the same parent is not added twice. Rows are looked at
    // parents first, so a row under an existing row's union can be found existing in turn.
    QHash<QString, QSet<QString>> childrenOf;
    QList<int> order;
    QSet<int> placed;
    while (order.size() < m_rows.size()) {
        const qsizetype before = order.size();
        for (int i = 0; i < m_rows.size(); ++i) {
            const int up = m_rows.at(i).parentRow;
            if (!placed.contains(i) && (up < 0 || placed.contains(up))) {
                order.append(i);
                placed.insert(i);
            }
        }
        if (order.size() == before) { // a cycle: refused below
            for (int i = 0; i < m_rows.size(); ++i) {
                if (!placed.contains(i)) {
                    order.append(i);
                    placed.insert(i);
                }
            }
        }
    }
    for (const int i : order) {
        Row& row = m_rows[i];
        if (row.parentRow >= 0 && !m_rows.at(row.parentRow).existingId.isEmpty())
            row.organisation.parentId = m_rows.at(row.parentRow).existingId;
        if (!row.ok || row.organisation.parentId.isEmpty() || !row.existingId.isEmpty())
            continue;
        const QString parentId = row.organisation.parentId;
        if (!childrenOf.contains(parentId)) {
            QSet<QString> names;
            for (const Organisation& child : repository.children(parentId))
                names.insert(child.name);
            childrenOf.insert(parentId, names);
        }
        if (!childrenOf.value(parentId).contains(row.organisation.name))
            continue;
        for (const Organisation& child : repository.children(parentId)) {
            if (child.name == row.organisation.name)
                row.existingId = child.id;
        }
        m_problems.append({row.row, QStringLiteral("name"), QString(), row.organisation.name,
                           tr("%1: \"%2\" is already in the tree under the same parent; left as it is.")
                               .arg(label(QStringLiteral("name")), row.organisation.name),
                           false});
    }
    // Rows whose parent row is refused, or that are their own ancestors, are refused in turn.
    bool changed = true;
    while (changed) {
        changed = false;
        for (int i = 0; i < m_rows.size(); ++i) {
            Row& row = m_rows[i];
            if (!row.ok || row.parentRow < 0)
                continue;
            QSet<int> seen{i};
            int up = row.parentRow;
            while (up >= 0 && !seen.contains(up) && m_rows.at(up).ok)
                seen.insert(up), up = m_rows.at(up).parentRow;
            if (up >= 0) {
                if (seen.contains(up)) {
                    // The rows of the loop, as the clerk finds them in the file.
                    QList<int> loop;
                    for (int at = up; !loop.contains(m_rows.at(at).row); at = m_rows.at(at).parentRow)
                        loop.append(m_rows.at(at).row);
                    std::sort(loop.begin(), loop.end());
                    QStringList rows;
                    for (const int r : loop)
                        rows.append(QString::number(r));
                    refuse(i, QStringLiteral("parent"), m_parentText.at(i),
                           tr("%1: rows %2 name each other as parents.")
                               .arg(label(QStringLiteral("parent")), rows.join(QStringLiteral(", "))));
                } else {
                    refuse(i, QStringLiteral("parent"), m_parentText.at(i),
                           tr("%1: its parent, row %2, is not imported.")
                               .arg(label(QStringLiteral("parent")))
                               .arg(m_rows.at(row.parentRow).row));
                }
                changed = true;
            }
        }
    }
}

QList<ImportProblem> OrganisationImport::errors() const
{
    QList<ImportProblem> out;
    for (const ImportProblem& p : m_problems) {
        if (p.error)
            out.append(p);
    }
    return out;
}

QList<ImportProblem> OrganisationImport::warnings() const
{
    QList<ImportProblem> out;
    for (const ImportProblem& p : m_problems) {
        if (!p.error)
            out.append(p);
    }
    return out;
}

int OrganisationImport::validCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(),
                                          [](const Row& r) { return r.ok && r.existingId.isEmpty(); }));
}

int OrganisationImport::existingCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(),
                                          [](const Row& r) { return r.ok && !r.existingId.isEmpty(); }));
}

int OrganisationImport::rejectedCount() const
{
    return static_cast<int>(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row& r) { return !r.ok; }));
}

bool OrganisationImport::commit(Database& store, const Scope& scope, const QString& actor, int* added,
                                QString* error) const
{
    if (added)
        *added = 0;
    if (validCount() == 0)
        return true;
    Transaction tx(store.connection());
    if (!tx.isActive()) {
        if (error)
            *error = tx.error();
        return false;
    }
    OrganisationRepository repository(store, scope);
    QList<QString> ids(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        ids[i] = m_rows.at(i).existingId;
    int written = 0;
    // Parents first: each pass adds the rows whose parent exists by now.
    for (bool progress = true; progress;) {
        progress = false;
        for (int i = 0; i < m_rows.size(); ++i) {
            const Row& row = m_rows.at(i);
            if (!row.ok || !ids.at(i).isEmpty())
                continue;
            Organisation org = row.organisation;
            if (row.parentRow >= 0) {
                if (ids.at(row.parentRow).isEmpty())
                    continue;
                org.parentId = ids.at(row.parentRow);
            }
            QString reason;
            if (!repository.addInTransaction(org, actor, &reason)) {
                if (error)
                    *error = tr("Row %1: %2 Nothing was imported.").arg(row.row).arg(reason);
                return false;
            }
            ids[i] = org.id;
            ++written;
            progress = true;
        }
    }
    if (!tx.commit(error))
        return false;
    if (added)
        *added = written;
    return true;
}

} // namespace ud
