#include "io/ImportPlan.h"

#include "domain/CodeList.h"
#include "domain/IdNumber.h"
#include "domain/MobileNumber.h"
#include "domain/TextNormaliser.h"
#include "io/CellNormaliser.h"
#include "io/ClerkDate.h"
#include "io/HeaderVocabulary.h"
#include "io/OrganisationColumn.h"
#include "io/RowClassifier.h"
#include "members/MemberValidator.h"
#include "store/Database.h"
#include "store/ReadTransaction.h"
#include "store/SqliteStatement.h"

#include <QHash>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <optional>
#include <vector>

namespace ud {

namespace {

// The Member field behind each importable API field name.
QString Member::*memberFieldOf(const QString& field)
{
    static const QHash<QString, QString Member::*> fields = {
        {QStringLiteral("name"), &Member::name},
        {QStringLiteral("gender"), &Member::gender},
        {QStringLiteral("ethnicity"), &Member::ethnicity},
        {QStringLiteral("idType"), &Member::idType},
        {QStringLiteral("idNumber"), &Member::idNumber},
        {QStringLiteral("birthDate"), &Member::birthDate},
        {QStringLiteral("mobile"), &Member::mobile},
        {QStringLiteral("education"), &Member::education},
        {QStringLiteral("politicalStatus"), &Member::politicalStatus},
        {QStringLiteral("employer"), &Member::employer},
        {QStringLiteral("jobTitle"), &Member::jobTitle},
        {QStringLiteral("industry"), &Member::industry},
        {QStringLiteral("employmentForm"), &Member::employmentForm},
        {QStringLiteral("household"), &Member::household},
        {QStringLiteral("joinDate"), &Member::joinDate},
        {QStringLiteral("cardNumber"), &Member::cardNumber},
        {QStringLiteral("status"), &Member::status},
        {QStringLiteral("labourModelLevel"), &Member::labourModelLevel},
        {QStringLiteral("notes"), &Member::notes},
    };
    return fields.value(field, nullptr);
}

QString* fieldOf(Member& m, const QString& field)
{
    QString Member::*const member = memberFieldOf(field);
    return member ? &(m.*member) : nullptr;
}

// A mapped field with where its value is, found once for the sheet rather than for every cell.
struct FieldSlot
{
    QString field;
    QString Member::*member = nullptr;
    bool hardship = false;
    bool tellsOnly = false; // 是否工会会员, 员工状态: not kept, but may say the row is no member's
    int column = -1;
    int fallback = -1;
    ClerkDate::DayOrder dayOrder = ClerkDate::DayOrder::Unknown; // a date field's, from its column

    int columnIn(const QList<SheetCell>& cells) const
    {
        return fallback >= 0 && cells.value(column).isEmpty() ? fallback : column;
    }
};

QList<FieldSlot> fieldSlotsOf(const HeaderMap& map)
{
    QList<FieldSlot> fieldSlots;
    for (const QString& field : map.fields()) {
        FieldSlot slot{field,
                       memberFieldOf(field),
                       field == QLatin1String("hardship"),
                       field == QLatin1String("unionMember") || field == QLatin1String("employeeStatus") ||
                           field == QLatin1String("migrantWorker"),
                       map.columnOf(field),
                       map.fallbackOf(field)};
        if (slot.member || slot.hardship || slot.tellsOnly)
            fieldSlots.append(slot);
    }
    return fieldSlots;
}

// Dates with the year last (03/18/2014, written by a program set to US English): the dates that show
// their order (a part above 12), and birth dates the ID number confirms, decide how a column reads
// the others (05/03/2015) when they all agree; a column without such dates reads as the file's other
// date columns do. The clerk is told once a column.
QList<ImportProblem> decideDayOrders(const Sheet& sheet, const HeaderMap& map, QList<FieldSlot>& fieldSlots)
{
    using Order = ClerkDate::DayOrder;
    struct Evidence
    {
        int monthFirst = 0;
        int dayFirst = 0;
        int either = 0;   // dates that read both ways (05/03/2015)
        int example = -1; // the first row showing the order
        Order order() const
        {
            return (monthFirst > 0) == (dayFirst > 0) ? Order::Unknown
                   : monthFirst > 0                   ? Order::MonthFirst
                                                      : Order::DayFirst;
        }
    };
    const int idColumn = map.columnOf(QStringLiteral("idNumber"));
    QHash<qsizetype, Evidence> evidence; // slot index → what its column shows
    Evidence file;
    int fileExampleColumn = -1; // the column of the file's first date showing its order
    for (qsizetype i = 0; i < fieldSlots.size(); ++i) {
        const FieldSlot& slot = fieldSlots.at(i);
        if (!CellNormaliser::isDateField(slot.field) || slot.column < 0)
            continue;
        Evidence& e = evidence[i];
        for (int r = map.headerRow() + 1; r < sheet.rows.size(); ++r) {
            const QList<SheetCell>& cells = sheet.rows.at(r);
            if (slot.column >= cells.size() || cells.at(slot.column).type != SheetCell::Type::Text)
                continue;
            const QString& text = cells.at(slot.column).text;
            Order order = ClerkDate::dayOrderOf(text);
            if (order == Order::Either && slot.field == QLatin1String("birthDate") && idColumn >= 0) {
                // 03/07/1990 beside an ID number of 19900307: month first.
                const QDate asMonthFirst = ClerkDate::parse(text, {}, Order::MonthFirst).date;
                const QDate asDayFirst = ClerkDate::parse(text, {}, Order::DayFirst).date;
                const QString id = TextNormaliser::identifier(cells.value(idColumn).text);
                if (id.size() == 18 || id.size() == 15) {
                    // An old 15-digit number gives the year in two digits, all of the 1900s.
                    const QString born = id.size() == 18 ? id.mid(6, 8) : QStringLiteral("19") + id.mid(6, 6);
                    order =
                        born == ClerkDate::isoText(asMonthFirst).remove(QLatin1Char('-')) ? Order::MonthFirst
                        : born == ClerkDate::isoText(asDayFirst).remove(QLatin1Char('-')) ? Order::DayFirst
                                                                                          : Order::Either;
                }
            }
            e.monthFirst += order == Order::MonthFirst ? 1 : 0;
            e.dayFirst += order == Order::DayFirst ? 1 : 0;
            e.either += order == Order::Either ? 1 : 0;
            if ((order == Order::MonthFirst || order == Order::DayFirst) && e.example < 0)
                e.example = r;
        }
        file.monthFirst += e.monthFirst;
        file.dayFirst += e.dayFirst;
        if (file.example < 0 && e.example >= 0) {
            file.example = e.example;
            fileExampleColumn = slot.column;
        }
    }
    QList<ImportProblem> notes;
    for (auto it = evidence.cbegin(); it != evidence.cend(); ++it) {
        FieldSlot& slot = fieldSlots[it.key()];
        const bool own = it->order() != Order::Unknown;
        // A column without such dates needs no order, nor a note.
        slot.dayOrder = own                                                      ? it->order()
                        : (it->monthFirst + it->dayFirst == 0 && it->either > 0) ? file.order()
                                                                                 : Order::Unknown;
        if (slot.dayOrder == Order::Unknown)
            continue;
        const int example = own ? it->example : file.example;
        const int exampleColumn = own ? slot.column : fileExampleColumn;
        const QString value = sheet.rows.at(example).value(exampleColumn).text.trimmed();
        const bool monthFirst = slot.dayOrder == Order::MonthFirst;
        QString reason;
        if (own)
            reason = monthFirst
                         ? ImportPlan::tr("%1: the dates are written month/day/year, as \"%2\" in row %3; "
                                          "every date of that form in the column is read so.")
                         : ImportPlan::tr("%1: the dates are written day/month/year, as \"%2\" in row %3; "
                                          "every date of that form in the column is read so.");
        else
            reason = monthFirst
                         ? ImportPlan::tr("%1: dates with the year last are read month/day/year, as the "
                                          "file writes its other dates (\"%2\" in row %3).")
                         : ImportPlan::tr("%1: dates with the year last are read day/month/year, as the "
                                          "file writes its other dates (\"%2\" in row %3).");
        notes.append({map.headerRow() + 1, slot.field, map.headerOf(slot.field), value,
                      reason.arg(MemberValidator::fieldLabel(slot.field), value).arg(example + 1), false});
    }
    std::sort(notes.begin(), notes.end(), [&map](const ImportProblem& a, const ImportProblem& b) {
        return map.columnOf(a.field) < map.columnOf(b.field);
    });
    return notes;
}

// Runs a prepared one-parameter look-up; true when it found a row (read it with q.text()).
bool lookup(SqliteStatement& q, const QString& value)
{
    q.reset();
    q.bind(1, value);
    return q.nextRow();
}

} // namespace

namespace {

// Fields a member can do without: a value the import cannot take there is a warning and the member
// comes in without it, instead of the whole member being refused for a mistyped mobile or an
// education the code list does not know. Name, ID number, dates and status still refuse the row.
bool isDispensable(const QString& field)
{
    static const QSet<QString> fields{QStringLiteral("mobile"),         QStringLiteral("ethnicity"),
                                      QStringLiteral("education"),      QStringLiteral("politicalStatus"),
                                      QStringLiteral("employmentForm"), QStringLiteral("household"),
                                      QStringLiteral("hardship")};
    return fields.contains(field);
}

// Fields without which, or with a wrong value in which, the member would be someone else or
// nobody: a cell of them the import cannot read refuses the row.
bool identifiesTheMember(const QString& field)
{
    static const QSet<QString> fields{QStringLiteral("name"),     QStringLiteral("idNumber"),
                                      QStringLiteral("idType"),   QStringLiteral("birthDate"),
                                      QStringLiteral("joinDate"), QStringLiteral("status")};
    return fields.contains(field);
}

QString withoutIt(const QString& reason, const SheetCell& cell)
{
    return ImportPlan::tr("%1 The member is imported without \"%2\"; correct it in the member's form.")
        .arg(reason, cell.text.trimmed());
}

// One sheet row checked on its own: what the row says, before it is compared with the other rows
// and the store.
struct CheckedRow
{
    bool isMember = false;
    ImportRow row;
    QList<ImportProblem> problems;
    bool hasError = false;
    QStringList monthOnly; // date fields given as year and month only (the 1st was taken)
    QStringList yearOnly;  // date fields given as a year only (the 1st of January was taken)
    // Warnings that the member comes in without a value (index in `problems` → the reason alone):
    // said plainly instead when the row is refused after all.
    QHash<qsizetype, QString> leftOut;
};

// The member's ID number (as the file gives it) when it states the birth date and the gender: a
// valid resident ID or residence permit number.
std::optional<IdNumber> idNumberStatingBirthAndGender(const Member& member)
{
    const QString type =
        member.idType.isEmpty() ? QStringLiteral("resident") : codes::idType().keyFor(member.idType);
    if (type != QLatin1String("resident") && type != QLatin1String("hmt-permit"))
        return std::nullopt;
    IdNumber id = IdNumber::parse(member.idNumber);
    if (!id.isValid())
        return std::nullopt;
    return id;
}

// 出生年月 (1985.03) gives the year and month of a birth the ID number gives to the day (出生年份 the
// year), and a whole 出生日期 may be mistyped: the ID number's date is taken, silently when the two
// agree, with a warning when they do not.
// Without a readable identity card or residence permit number the 1st of the month (of January) stays.
template <typename Problem>
void birthDateFromTheIdNumber(CheckedRow& checked, const IdNumber& id, const SheetCell& cell,
                              const Problem& problem)
{
    Member& member = checked.row.member;
    const QDate declared = QDate::fromString(member.birthDate, Qt::ISODate);
    const bool yearAlone = checked.yearOnly.removeAll(QStringLiteral("birthDate")) > 0;
    const bool monthAlone = checked.monthOnly.removeAll(QStringLiteral("birthDate")) > 0;
    member.birthDate = ClerkDate::isoText(id.birthDate());
    if (!yearAlone && !monthAlone) {
        // A whole date that differs: the roster's column was typed by hand, the number was checked;
        // the store keeps one birth date that agrees with the member's own number.
        if (declared.isValid() && declared != id.birthDate())
            problem(QStringLiteral("birthDate"),
                    ImportPlan::tr("Birth date: \"%1\" differs from the birth date in the ID number (%2), "
                                   "which is imported; please check it.")
                        .arg(cell.text.trimmed(), member.birthDate),
                    false);
    } else if (yearAlone && declared.year() != id.birthDate().year())
        problem(QStringLiteral("birthDate"),
                ImportPlan::tr("Birth date: \"%1\" (a year) differs from the birth date in the ID number "
                               "(%2), which counts; please check it.")
                    .arg(cell.text.trimmed(), member.birthDate),
                false);
    else if (!yearAlone &&
             (declared.year() != id.birthDate().year() || declared.month() != id.birthDate().month()))
        problem(
            QStringLiteral("birthDate"),
            ImportPlan::tr("Birth date: \"%1\" (year and month) differs from the birth date in the ID number "
                           "(%2), which counts; please check it.")
                .arg(cell.text.trimmed(), member.birthDate),
            false);
}

// Struck-through text of a sheet by row (Sheet::struck): column and text.
using StruckByRow = QHash<int, QList<std::pair<int, QString>>>;

// A serial number's header (序号): a column that belongs to no member.
bool isSerialHeader(const QString& header)
{
    static const QSet<QString> serial{QStringLiteral("序号"), QStringLiteral("序"),    QStringLiteral("编号"),
                                      QStringLiteral("no"),   QStringLiteral("no."),   QStringLiteral("#"),
                                      QStringLiteral("行号"), QStringLiteral("顺序号")};
    return serial.contains(HeaderVocabulary::key(header));
}

// The mark of a template's example row: 例, 示例, 样例 … in a column that is no member field (序号),
// or a note saying the row is an example; empty for any other row.
QString exampleMark(const QList<SheetCell>& cells, const HeaderMap& map)
{
    static const QSet<QString> marks{
        QStringLiteral("例"),       QStringLiteral("示例"),     QStringLiteral("样例"),
        QStringLiteral("范例"),     QStringLiteral("举例"),     QStringLiteral("例子"),
        QStringLiteral("填写示例"), QStringLiteral("填表示例"), QStringLiteral("填报示例"),
        QStringLiteral("示例行"),   QStringLiteral("样表"),     QStringLiteral("示范"),
        QStringLiteral("example"),  QStringLiteral("sample")};
    for (int c = 0; c < cells.size(); ++c) {
        const SheetCell& cell = cells.at(c);
        if (cell.type != SheetCell::Type::Text || cell.isEmpty())
            continue;
        const QString field = map.fieldAt(c);
        const bool serial = field.isEmpty() && (isSerialHeader(map.headerAt(c)) ||
                                                (c == 0 && map.headerAt(c).trimmed().isEmpty()));
        if (!serial && field != QLatin1String("notes"))
            continue;
        QString word = TextNormaliser::withoutSpaces(cell.text).toLower();
        while (word.endsWith(QLatin1Char(':')) || word.endsWith(u'：') || word.endsWith(QLatin1Char('.')) ||
               word.endsWith(u'。'))
            word.chop(1);
        if (marks.contains(word) ||
            (field == QLatin1String("notes") &&
             (word.startsWith(QStringLiteral("此行为示例")) ||
              word.startsWith(QStringLiteral("本行为示例")) || word.startsWith(QStringLiteral("示例行")) ||
              word.contains(QStringLiteral("导入前请删除")) || word.contains(QStringLiteral("导入前删除")) ||
              word.contains(QStringLiteral("填写前请删除")))))
            return map.headerAt(c).trimmed().isEmpty()
                       ? cell.text.trimmed()
                       : map.headerAt(c).trimmed() + QStringLiteral(" ") + cell.text.trimmed();
    }
    return {};
}

CheckedRow checkRow(const Sheet& sheet, const HeaderMap& map, const QList<FieldSlot>& fieldSlots, int r,
                    const QString& organisationId, const StruckByRow& struckByRow)
{
    CheckedRow checked;
    const QList<SheetCell>& cells = sheet.rows.at(r);
    const bool member = RowClassifier::classify(cells, map) == RowClassifier::Kind::Member &&
                        !RowClassifier::isSectionRow(cells) &&
                        (r != map.headerRow() + 1 || !RowClassifier::isHintRow(cells));
    const auto struck = struckByRow.constFind(r);
    if (struck != struckByRow.constEnd()) {
        // Struck through, the name (or all there was): how clerks mark a member who has left.
        const int nameColumn = map.columnOf(QStringLiteral("name"));
        QString name = struck->first().second;
        bool nameStruck = false;
        for (const auto& [column, text] : *struck) {
            if (column == nameColumn) {
                name = text;
                nameStruck = true;
            }
        }
        if (!member || (nameStruck && cells.value(nameColumn).isEmpty())) {
            checked.isMember = true;
            checked.hasError = true;
            checked.row.row = r + 1;
            checked.row.member.name = name.trimmed();
            checked.problems.append(
                {r + 1, QStringLiteral("name"), map.headerOf(QStringLiteral("name")), name.trimmed(),
                 ImportPlan::tr("The row is struck through (\"%1\"), which usually marks a member "
                                "who has left: it is not imported. If the person is still a "
                                "member, remove the strikethrough and import the file again.")
                     .arg(name.trimmed()),
                 true});
            return checked;
        }
    }
    if (!member)
        return checked;
    checked.isMember = true;
    ImportRow& row = checked.row;
    row.row = r + 1;
    if (const QString example = exampleMark(cells, map); !example.isEmpty()) {
        // A template's filled-in example (序号 例, 备注 示例行，导入前请删除): 张三 with a made-up ID
        // number, which a clerk who forgot to delete the row would find in the roster.
        const int nameColumn = map.columnOf(QStringLiteral("name"));
        row.member.name = cells.value(nameColumn).text.trimmed();
        checked.hasError = true;
        checked.problems.append(
            {row.row, QString(), QString(), example,
             ImportPlan::tr("This row is the template's example (\"%1\"), not a member: it is not imported. "
                            "Delete it from the file.")
                 .arg(example),
             true});
        return checked;
    }
    if (struck != struckByRow.constEnd()) {
        for (const auto& [column, text] : *struck) {
            const QString field = map.fieldAt(column);
            if (field.isEmpty())
                continue;
            checked.problems.append(
                {row.row, field, map.headerAt(column), cells.value(column).text.trimmed(),
                 ImportPlan::tr(
                     "%1: the struck-through \"%2\" is not imported; what is not struck through is.")
                     .arg(map.headerAt(column), text.trimmed()),
                 false});
        }
    }
    row.member.organisationId = organisationId;
    // The document type is the file's, or else the number's own (see MemberValidator), not Member's
    // default.
    row.member.idType.clear();
    auto problem = [&](const QString& field, const QString& reason, bool error) {
        const int column = map.columnFor(field, cells);
        const SheetCell cell = column >= 0 ? cells.value(column) : SheetCell();
        const QString header = field.isEmpty()                 ? QString()
                               : column == map.columnOf(field) ? map.headerOf(field)
                                                               : map.headerAt(column); // the fallback's
        checked.problems.append({row.row, field, header, cell.text.trimmed(), reason, error});
        checked.hasError = checked.hasError || error;
    };
    auto leaveOut = [&](const QString& field, const QString& reason, const QString& withoutIt) {
        problem(field, withoutIt, false);
        checked.leftOut.insert(checked.problems.size() - 1, reason);
    };

    QSet<QString> refused; // fields whose cell was already refused: no second message from the validator
    QStringList notes;     // what a cell said that its field cannot hold (停薪留职 in 状态)
    QString
        impliedStatus; // what 员工状态 says of the membership (退休 → retained), when the file says nothing
    QString impliedBy;
    QString impliedField;
    int migrantWorker = -1; // 是否农民工: 1 yes, 0 no, -1 not said
    QString householdInMigrantColumn;
    struct Unreadable
    {
        QString field;
        QString error;
    };
    QList<Unreadable> fromTheIdNumber; // a birth date or gender the import cannot read
    for (const FieldSlot& slot : fieldSlots) {
        const QString& field = slot.field;
        QString* target = slot.member ? &(row.member.*slot.member) : nullptr;
        const bool hardship = slot.hardship;
        static const SheetCell none;
        const int column = slot.columnIn(cells);
        const SheetCell& cell = column >= 0 && column < cells.size() ? cells.at(column) : none;
        if (slot.tellsOnly && field == QLatin1String("migrantWorker")) {
            if (cell.isEmpty() ||
                (cell.type == SheetCell::Type::Text && CellNormaliser::isPlaceholder(cell.text)))
                continue;
            const CellNormaliser::Value answer = CellNormaliser::yesOrNo(map.headerOf(field), cell);
            const QString household = codes::household().keyFor(TextNormaliser::withoutSpaces(cell.text));
            if (answer.isError() && !household.isEmpty()) {
                // 城镇户口 or 农业户口 written under 是否农民工: the household itself.
                migrantWorker = household == QLatin1String("rural") ? 1 : 0;
                householdInMigrantColumn = cell.text.trimmed();
            } else if (answer.isError())
                problem(
                    field,
                    ImportPlan::tr("%1 The member is imported without it; correct it in the member's form.")
                        .arg(answer.error),
                    false);
            else
                migrantWorker = answer.text == QLatin1String("true") ? 1 : 0;
            continue;
        }
        if (slot.tellsOnly) {
            using Kind = CellNormaliser::Verdict::Kind;
            switch (const CellNormaliser::Verdict verdict = CellNormaliser::verdictOf(field, cell);
                    verdict.kind) {
            case Kind::NotImported:
                refused.insert(field);
                problem(field, verdict.message, true);
                break;
            case Kind::Doubt:
                problem(field, verdict.message, false);
                break;
            case Kind::ImpliesStatus:
                // The membership status, unless the file gives one.
                impliedStatus = verdict.status;
                impliedBy = cell.text.trimmed();
                impliedField = field;
                break;
            case Kind::Member:
                break;
            }
            continue;
        }
        if (cell.text.contains(QChar::ReplacementCharacter)) {
            refused.insert(field);
            problem(field,
                    ImportPlan::tr("%1: some characters cannot be read: this cell was written in another "
                                   "encoding than the rest of the file (GBK in a UTF-8 file, say). Type it "
                                   "again in Excel or WPS and save the file again.")
                        .arg(MemberValidator::fieldLabel(field)),
                    true);
            continue;
        }
        if (cell.uncalculatedFormula) {
            refused.insert(field);
            const QString reason =
                ImportPlan::tr("%1: the cell holds a formula, but the file keeps no result of it (it was "
                               "written by a program and never calculated). Open the file in Excel or WPS, "
                               "save it and import it again.")
                    .arg(MemberValidator::fieldLabel(field));
            if (field == QLatin1String("gender")) // the ID number gives it
                problem(field, reason, false);
            else if (!identifiesTheMember(field))
                leaveOut(field, reason,
                         ImportPlan::tr("%1 The member is imported without it; correct it in the member's "
                                        "form.")
                             .arg(reason));
            else
                problem(field, reason, true);
            continue;
        }
        const CellNormaliser::Value value =
            CellNormaliser::normalise(field, cell, sheet.serialOrigin, slot.dayOrder);
        if (value.isError() && (field == QLatin1String("birthDate") || field == QLatin1String("gender"))) {
            // Decided once the ID number is read: one that states them makes the cell dispensable.
            refused.insert(field);
            fromTheIdNumber.append({field, value.error});
            continue;
        }
        if (value.isError()) {
            refused.insert(field);
            if (isDispensable(field))
                leaveOut(field, value.error, withoutIt(value.error, cell));
            else
                problem(field, value.error, true);
            continue;
        }
        if (hardship)
            row.member.hardship = value.text == QLatin1String("true");
        else if (!value.text.isEmpty() || field != QLatin1String("idType"))
            *target = value.text;
        // A masked export's row is refused for its ID number, which says what to do: no second message.
        if (!value.warning.isEmpty() &&
            !(value.masked &&
              cells.value(map.columnFor(QStringLiteral("idNumber"), cells)).text.contains(QLatin1Char('*'))))
            problem(field, value.warning, false);
        if (!value.note.isEmpty())
            notes.append(value.note);
        if (value.monthOnly)
            checked.monthOnly.append(field);
        if (value.yearOnly)
            checked.yearOnly.append(field);
    }
    // 电话1 | 电话2 (an office landline, then the mobile): the first that is a mobile is the member's;
    // the others are kept in the notes.
    const QString mobileField = QStringLiteral("mobile");
    if (const QList<int> moreMobiles = map.moreValuesOf(mobileField); !moreMobiles.isEmpty()) {
        const int used = map.columnFor(mobileField, cells);
        const auto digits = [](const QString& text) {
            QString d;
            for (const QChar ch : text) {
                if (ch.isDigit())
                    d.append(ch);
            }
            return d;
        };
        int taken = -1;
        if (!MobileNumber::parse(row.member.mobile).isValid()) {
            for (const int c : moreMobiles) {
                const QString candidate = CellNormaliser::normalise(mobileField, cells.value(c)).text;
                if (c == used || !MobileNumber::parse(candidate).isValid())
                    continue;
                if (!row.member.mobile.isEmpty())
                    notes.append(ImportPlan::tr("Other numbers: %1").arg(row.member.mobile));
                row.member.mobile = candidate;
                taken = c;
                break;
            }
        }
        for (const int c : moreMobiles) {
            const SheetCell& cell = cells.value(c);
            if (cell.isEmpty() || c == used || c == taken ||
                (cell.type == SheetCell::Type::Text && CellNormaliser::isPlaceholder(cell.text)))
                continue;
            const QString other = cell.type == SheetCell::Type::Number
                                      ? CellNormaliser::numberText(cell.number)
                                      : cell.text.trimmed();
            if (digits(other) != digits(row.member.mobile))
                notes.append(ImportPlan::tr("Other numbers: %1").arg(other));
        }
    }
    // A second 备注 column: more of the member's notes.
    for (const int c : map.moreValuesOf(QStringLiteral("notes"))) {
        const QString more =
            CellNormaliser::normalise(QStringLiteral("notes"), cells.value(c)).text.trimmed();
        if (!more.isEmpty() && more != row.member.notes.trimmed() && !notes.contains(more))
            notes.append(more);
    }
    if (row.member.household.isEmpty() && !householdInMigrantColumn.isEmpty())
        row.member.household = householdInMigrantColumn;
    if (migrantWorker >= 0) {
        // The store's 农村（农民工） is the migrant worker: 是 makes it, 否 never leaves it.
        const QString household =
            codes::household().keyFor(TextNormaliser::withoutSpaces(row.member.household));
        const QString given = row.member.household;
        if (migrantWorker == 1) {
            if (household == QLatin1String("urban"))
                problem(QStringLiteral("household"),
                        ImportPlan::tr("%1 \"%2\" and %3 \"是\" disagree; imported as %4.")
                            .arg(map.headerOf(QStringLiteral("household")), given,
                                 map.headerOf(QStringLiteral("migrantWorker")),
                                 codes::household().label(QStringLiteral("rural"))),
                        false);
            row.member.household = QStringLiteral("rural");
        } else if (household == QLatin1String("rural")) {
            row.member.household.clear();
            problem(QStringLiteral("household"),
                    ImportPlan::tr("%1 \"%2\" with %3 \"否\": the roster's %4 means a migrant worker, so the "
                                   "household is left empty; correct it in the member's form if needed.")
                        .arg(map.headerOf(QStringLiteral("household")), given,
                             map.headerOf(QStringLiteral("migrantWorker")),
                             codes::household().label(QStringLiteral("rural"))),
                    false);
        }
    }
    const bool statusGiven = !cells.value(map.columnFor(QStringLiteral("status"), cells)).isEmpty();
    if (!statusGiven && !impliedStatus.isEmpty()) {
        row.member.status = impliedStatus;
        problem(impliedField,
                ImportPlan::tr("%1: \"%2\": imported with the membership status %3.")
                    .arg(map.headerOf(impliedField), impliedBy, codes::memberStatus().label(impliedStatus)),
                false);
    } else if (statusGiven && !impliedStatus.isEmpty() &&
               codes::memberStatus().keyFor(row.member.status) != impliedStatus) {
        problem(impliedField,
                ImportPlan::tr("%1 \"%2\" and %3 \"%4\" disagree; the membership status %4 is imported. "
                               "Check which is right.")
                    .arg(map.headerOf(impliedField), impliedBy, map.headerOf(QStringLiteral("status")),
                         cells.value(map.columnFor(QStringLiteral("status"), cells)).text.trimmed()),
                false);
    }
    if (row.member.status.isEmpty())
        row.member.status = QStringLiteral("active");
    if (row.member.status == QLatin1String("active")) {
        if (const QString word = CellNormaliser::leavingNote(row.member.notes); !word.isEmpty())
            problem(
                QStringLiteral("notes"),
                ImportPlan::tr("%1: the note says \"%2\", so the person may no longer be an active member; "
                               "the row is imported as %3. Check it, and write the membership status "
                               "(会籍状态) if it is another.")
                    .arg(map.headerOf(QStringLiteral("notes")), word,
                         codes::memberStatus().label(QStringLiteral("active"))),
                false);
    }
    if (!notes.isEmpty()) {
        notes.prepend(row.member.notes.trimmed());
        notes.removeAll(QString());
        row.member.notes = notes.join(ImportPlan::tr("; "));
    }
    // Parsed once, and only for the rows that need it (most give no birth date and a gender it takes).
    std::optional<std::optional<IdNumber>> parsedId;
    const auto statedId = [&]() -> const std::optional<IdNumber>& {
        if (!parsedId)
            parsedId = idNumberStatingBirthAndGender(row.member);
        return *parsedId;
    };
    const bool idGivesThem = !fromTheIdNumber.isEmpty() && statedId().has_value();
    for (const Unreadable& u : fromTheIdNumber) {
        if (!idGivesThem) {
            problem(u.field, u.error, true);
            continue;
        }
        const QString reason =
            u.field == QLatin1String("gender")
                ? ImportPlan::tr("%1 The gender the ID number states is imported.").arg(u.error)
                : ImportPlan::tr("%1 The birth date in the ID number is imported.").arg(u.error);
        leaveOut(u.field, u.error, reason);
    }
    if (!row.member.birthDate.isEmpty() && statedId())
        birthDateFromTheIdNumber(checked, *statedId(),
                                 cells.value(map.columnFor(QStringLiteral("birthDate"), cells)), problem);

    QList<FieldProblem> found = MemberValidator::normaliseAndCheck(row.member);
    QHash<QString, QString> droppedReasons; // field → the validator's refusal of the value left out
    // A gender the validator cannot take is left out where the ID number states it.
    const auto dispensable = [&statedId](const QString& field) {
        return isDispensable(field) || (field == QLatin1String("gender") && statedId().has_value());
    };
    if (std::any_of(found.cbegin(), found.cend(),
                    [&](const FieldProblem& p) { return p.isError() && dispensable(p.field); })) {
        // Checked again without the values it cannot take, which are then only warnings.
        QList<FieldProblem> dropped;
        for (const FieldProblem& p : found) {
            if (p.isError() && dispensable(p.field)) {
                if (QString* value = fieldOf(row.member, p.field))
                    *value = QString();
                droppedReasons.insert(p.field, p.message);
                dropped.append({p.field, p.message, FieldProblem::Severity::Warning});
            }
        }
        // The first check may have named the document type it set (a residence permit's number
        // under 居民身份证); the second sees that type as given.
        for (const FieldProblem& p : found) {
            if (!p.isError() && p.field == QLatin1String("idType"))
                dropped.append(p);
        }
        found = dropped + MemberValidator::normaliseAndCheck(row.member);
    }
    for (const FieldProblem& p : found) {
        // "The ID number is missing" says nothing new after the cell was refused as damaged.
        if (refused.contains(p.field))
            continue;
        if (!p.isError() && droppedReasons.value(p.field) == p.message && p.field == QLatin1String("gender"))
            leaveOut(p.field, p.message,
                     ImportPlan::tr("%1 The gender the ID number states is imported.").arg(p.message));
        else if (!p.isError() && droppedReasons.value(p.field) == p.message)
            leaveOut(p.field, p.message, withoutIt(p.message, cells.value(map.columnFor(p.field, cells))));
        else
            problem(p.field, p.message, p.isError());
    }
    return checked;
}

// Columns whose values the import leaves behind although member rows fill them: a second column with
// the header of a field already taken (two 备注), a column without a header, and one whose header
// names no field (工号, 手机号码(旧)). Each becomes one warning on the header row, so that nothing in
// the file is dropped without the clerk being told.
class UnreadColumns
{
public:
    explicit UnreadColumns(const HeaderMap& map)
        : m_map(map)
    {
        // Every column the map leaves out, but a serial number's (序号), which belongs to no member.
        // A column whose field the clerk left without a column (unmapped in the window) is her choice.
        for (int c = 0; c < map.columnCount(); ++c) {
            if (!map.fieldAt(c).isEmpty() || map.isFallback(c) || isSerialHeader(map.headerAt(c)))
                continue;
            const QString numbered = HeaderMap::fieldFor(map.headerAt(c));
            if (!numbered.isEmpty() && map.moreValuesOf(numbered).contains(c))
                continue;
            const QString field = HeaderMap::fieldFor(map.headerAt(c));
            if (field.isEmpty() || map.columnOf(field) >= 0)
                m_watched.insert(c);
        }
    }

    void see(const QList<SheetCell>& cells, int row)
    {
        auto look = [&](int c) {
            if (c >= cells.size() || cells.at(c).isEmpty() || m_firstRow.contains(c))
                return;
            // A cell spanning a column without a header (a long 备注 with colspan="2" in Gnumeric's
            // web page export, or merged across) repeats the cell before it: nothing of its own.
            const SheetCell& cell = cells.at(c);
            if (c > 0 && m_map.headerAt(c).trimmed().isEmpty()) {
                const SheetCell& before = cells.at(c - 1);
                if (before.type == cell.type && before.text == cell.text && before.number == cell.number &&
                    before.date == cell.date)
                    return;
            }
            m_firstRow.insert(c, row);
        };
        for (const int c : m_watched)
            look(c);
        for (int c = m_map.columnCount(); c < cells.size(); ++c)
            look(c);
    }

    QList<ImportProblem> warnings() const
    {
        QList<int> columns = m_firstRow.keys();
        std::sort(columns.begin(), columns.end());
        QList<ImportProblem> out;
        const int headerRow = m_map.headerRow() + 1;
        for (const int c : columns) {
            const QString letter = HeaderMap::columnLetter(c);
            const QString header = m_map.headerAt(c).trimmed();
            ImportProblem p;
            p.row = headerRow;
            p.error = false;
            if (header.isEmpty()) {
                p.column = ImportPlan::tr("Column %1").arg(letter);
                p.reason = ImportPlan::tr("Column %1 has no header, so its values (the first in row %2) are "
                                          "not imported. Give it a header if they belong to the members.")
                               .arg(letter)
                               .arg(m_firstRow.value(c));
            } else if (const QString field = HeaderMap::fieldFor(header); field.isEmpty()) {
                p.column = ImportPlan::tr("%1 (column %2)").arg(header, letter);
                p.reason =
                    ImportPlan::tr("Column %1 \"%2\" is not one of the member's fields (or is marked as "
                                   "no longer valid), so its values (the first in row %3) are not "
                                   "imported. If they belong to the members, give the column the "
                                   "header of a field, or choose the field in the import window.")
                        .arg(letter, header)
                        .arg(m_firstRow.value(c));
            } else {
                const int taken = m_map.columnOf(field);
                p.column = ImportPlan::tr("%1 (column %2)").arg(header, letter);
                if (m_map.isHidden(c) && !m_map.isHidden(taken))
                    p.reason = ImportPlan::tr("Column %1 \"%2\" is hidden in the workbook and names the same "
                                              "field as column %3 \"%4\", which is shown; only column %3 is "
                                              "imported, so the values of the hidden column (the first in "
                                              "row %5) are not.")
                                   .arg(letter, header, HeaderMap::columnLetter(taken), m_map.headerAt(taken))
                                   .arg(m_firstRow.value(c));
                else
                    p.reason =
                        ImportPlan::tr("Column %1 \"%2\" names the same field as column %3 \"%4\"; only "
                                       "column %3 is imported, so the values of column %1 (the first in "
                                       "row %5) are not.")
                            .arg(letter, header, HeaderMap::columnLetter(taken), m_map.headerAt(taken))
                            .arg(m_firstRow.value(c));
            }
            out.append(p);
        }
        return out;
    }

    // A second roster beside the first (the headers again to the right, 姓名 and 身份证号码 among
    // them): its people are not imported, which the column warnings above say only column by column.
    std::optional<ImportProblem> secondTable(const Sheet& sheet) const
    {
        int nameColumn = -1;
        int idColumn = -1;
        for (int c = 0; c < m_map.columnCount(); ++c) {
            const QString field = HeaderMap::fieldFor(m_map.headerAt(c));
            if (field.isEmpty() || m_map.columnOf(field) == c)
                continue;
            if (field == QLatin1String("name") && nameColumn < 0)
                nameColumn = c;
            else if (field == QLatin1String("idNumber") && idColumn < 0)
                idColumn = c;
        }
        if (nameColumn < 0 || idColumn < 0)
            return std::nullopt;
        int people = 0;
        for (qsizetype r = m_map.headerRow() + 1; r < sheet.rows.size(); ++r) {
            const QList<SheetCell>& row = sheet.rows.at(r);
            if (!row.value(nameColumn).isEmpty() && RowClassifier::looksLikeIdNumber(row.value(idColumn)))
                ++people;
        }
        if (people == 0)
            return std::nullopt;
        const int first = std::min(nameColumn, idColumn);
        ImportProblem p;
        p.row = m_map.headerRow() + 1;
        p.error = false;
        p.column = ImportPlan::tr("Columns from %1").arg(HeaderMap::columnLetter(first));
        p.reason =
            ImportPlan::tr("From column %1 on, the headers come again: a second table beside the first, "
                           "with %n member(s) who are NOT imported. Put them below the first table, or "
                           "on a sheet of their own, and import again.",
                           nullptr, people)
                .arg(HeaderMap::columnLetter(first));
        return p;
    }

private:
    const HeaderMap& m_map;
    QSet<int> m_watched;
    QHash<int, int> m_firstRow; // column → first member row (as the clerk counts) with a value there
};

// Rows are checked in waves, half of each on a second thread, then compared in row order; a wave
// is small enough for the progress bar and Cancel to answer at once.
constexpr int kWave = 1024;

} // namespace

const QByteArray& ImportPlan::storedMemberQuery()
{
    static const QByteArray query = []() -> QByteArray {
        QByteArray columns;
        for (const MemberColumn& c : memberColumns())
            columns += QByteArray(", m.") + c.column;
        return "SELECT o.name" + columns +
               " FROM member m JOIN organisation o ON o.id = m.organisation_id WHERE m.id_number = ? AND "
               "m.deleted = 0";
    }();
    return query;
}

QString ImportPlan::alreadyStored(const Member& row, const SqliteStatement& stored, const QStringList& fields,
                                  bool* samePerson)
{
    const std::vector<MemberColumn>& columns = memberColumns();
    const QString organisation = stored.text(0);
    QString storedName;
    QStringList differing;
    for (size_t i = 0; i < columns.size(); ++i) {
        const MemberColumn& c = columns[i];
        const int at = static_cast<int>(i) + 1;
        const QString field = QString::fromLatin1(c.field);
        if (field == QLatin1String("name"))
            storedName = stored.text(at);
        // Only what the file says: a column it lacks, or a cell left empty, changes nothing.
        if (field == QLatin1String("name") || field == QLatin1String("organisation") ||
            !fields.contains(field))
            continue;
        const bool differs = c.text ? !(row.*c.text).isEmpty() && row.*c.text != stored.text(at)
                                    : (row.*c.flag) != (stored.integer(at) != 0);
        if (differs)
            differing.append(MemberValidator::fieldLabel(field));
    }
    if (samePerson)
        *samePerson = row.name.isEmpty() || row.name == storedName;
    if (!row.name.isEmpty() && row.name != storedName)
        return tr("ID number: %1 belongs to %2 of %3 in the roster, but the name here is %4; one of the two "
                  "numbers is probably mistyped. This row is not imported: check the number against the ID "
                  "card.")
            .arg(row.idNumber, storedName, organisation, row.name);
    if (!differing.isEmpty())
        return tr("ID number: %1 (%2 of %3) is already in the roster. This row differs from the roster in "
                  "%4; "
                  "an import adds members and does not change them: correct the member's details in the "
                  "roster instead.")
            .arg(row.idNumber, storedName, organisation, differing.join(tr(", ")));
    return tr("ID number: %1 (%2 of %3) is already in the roster with the same details; the row is not "
              "imported again.")
        .arg(row.idNumber, storedName, organisation);
}

ImportPlan ImportPlan::build(const Sheet& sheet, const HeaderMap& map, Database& store,
                             const QString& organisationId, const std::function<bool(int, int)>& progress)
{
    ImportPlan plan;
    plan.m_organisationId = organisationId;
    const QSqlDatabase db = store.connection();
    const ReadTransaction reads(db);
    SqliteStatement byIdNumber(db, storedMemberQuery().constData());
    SqliteStatement byMobile(db, "SELECT name FROM member WHERE mobile = ? AND deleted = 0 LIMIT 1");
    SqliteStatement byCard(db, "SELECT name FROM member WHERE card_number = ? AND deleted = 0 LIMIT 1");
    const bool lookups = byIdNumber.isValid() && byMobile.isValid() && byCard.isValid();
    // Most stores hold no card numbers yet (or no members): no look-up per row then.
    SqliteStatement anyCard(db, "SELECT 1 FROM member WHERE card_number <> '' AND deleted = 0 LIMIT 1");
    const bool storeHasCards = anyCard.isValid() && anyCard.nextRow();

    QHash<QString, int> idNumbersSeen;       // normalised ID number → first row
    QHash<QString, QString> namesByIdNumber; // normalised ID number → the name in its first row
    QHash<QString, int> mobilesSeen;
    QHash<QString, int> cardsSeen;        // 会员卡号 → its first row
    QHash<QString, int> refusedIdNumbers; // ID number of a refused row → its row, when no row was taken
    const QStringList fields = map.fields();
    QList<FieldSlot> fieldSlots = fieldSlotsOf(map);
    const int total = static_cast<int>(sheet.rows.size());
    const QList<ImportProblem> dayOrderNotes = decideDayOrders(sheet, map, fieldSlots);
    idNumbersSeen.reserve(total);
    namesByIdNumber.reserve(total);
    mobilesSeen.reserve(total);
    // Checking a row is pure work on the sheet (the look-ups below stay on this connection's thread).
    UnreadColumns unread(map);
    const int organisationColumn = map.columnOf(QStringLiteral("organisation"));
    // 姓氏 | 名字 (as some HR systems export): 名字 is a word for the name, and the surname column none;
    // the given name alone would be stored. Every row is refused with how to join the two.
    QString splitName;
    const int nameColumn = map.columnOf(QStringLiteral("name"));
    if (const auto split = map.splitName(); split && split->second == nameColumn) {
        const int c = split->first;
        splitName = tr("Name: the surname and the given name are in two columns (\"%1\", column %2, and "
                       "\"%3\", column %4); one of them alone is half a name. Join them into one column "
                       "姓名 (for example with the formula =%2%5&%4%5), then import the file again.")
                        .arg(map.headerAt(c), HeaderMap::columnLetter(c), map.headerAt(nameColumn),
                             HeaderMap::columnLetter(nameColumn))
                        .arg(map.headerRow() + 2);
    }
    std::optional<OrganisationColumn> organisations;
    if (organisationColumn >= 0)
        organisations.emplace(db, organisationId);
    // A name that names no single organisation below → why, and how many rows name it.
    QHash<QString, std::pair<OrganisationColumn::Outcome, int>> unplaced;
    struct MonthOnly
    {
        int rows = 0;
        int firstRow = 0;
        QString value;
    };
    QHash<QString, MonthOnly> monthOnly; // date field → the rows giving only year and month
    QHash<QString, MonthOnly> yearOnly;  // date field → the rows giving only the year
    qsizetype headerWidth = 0;           // up to the last header cell with text
    const QList<SheetCell>& headerCells = sheet.rows.at(map.headerRow());
    for (qsizetype c = 0; c < headerCells.size(); ++c) {
        if (!headerCells.at(c).isEmpty())
            headerWidth = c + 1;
    }
    QThreadPool helper;
    helper.setMaxThreadCount(1);
    std::vector<CheckedRow> wave;
    StruckByRow struckByRow;
    for (auto it = sheet.struck.cbegin(); it != sheet.struck.cend(); ++it)
        struckByRow[it.key().first].append({it.key().second, it.value()});
    for (auto& columns : struckByRow)
        std::sort(columns.begin(), columns.end());
    for (int start = map.headerRow() + 1; start < total; start += kWave) {
        if (progress && !progress(start, total)) {
            plan = ImportPlan();
            plan.m_cancelled = true;
            return plan;
        }
        const int end = std::min(start + kWave, total);
        const int middle = start + (end - start) / 2;
        wave.assign(size_t(end - start), CheckedRow());
        auto checkRange = [&](int from, int to) {
            for (int r = from; r < to; ++r)
                wave[size_t(r - start)] = checkRow(sheet, map, fieldSlots, r, organisationId, struckByRow);
        };
        QFuture<void> secondHalf = QtConcurrent::run(&helper, checkRange, middle, end);
        checkRange(start, middle);
        secondHalf.waitForFinished();

        for (CheckedRow& checked : wave) {
            if (!checked.isMember) {
                ++plan.m_skipped;
                continue;
            }
            ImportRow& row = checked.row;
            unread.see(sheet.rows.at(row.row - 1), row.row);
            QList<ImportProblem>& problems = checked.problems;
            bool hasError = checked.hasError;
            auto problem = [&](const QString& field, const QString& reason, bool error) {
                const QList<SheetCell>& cells = sheet.rows.at(row.row - 1);
                const int column = map.columnFor(field, cells);
                const SheetCell cell = column >= 0 ? cells.value(column) : SheetCell();
                problems.append({row.row, field,
                                 column == map.columnOf(field) ? map.headerOf(field) : map.headerAt(column),
                                 cell.text.trimmed(), reason, error});
            };
            if (!splitName.isEmpty()) {
                problem(QStringLiteral("name"), splitName, true);
                hasError = true;
            }
            // A last row shorter than the header, with no line end after it: cut short, or a file
            // whose last row leaves out its empty columns (an editor trimming trailing tabs). The
            // clerk is asked to compare; a cut ID number is refused by its own check anyway.
            if (row.row - 1 == sheet.cutRow && sheet.rows.at(row.row - 1).size() < headerWidth)
                problem(
                    QString(),
                    tr("The file ends in this row without a line end, and the row has fewer columns than "
                       "the header: if the file was cut short (an interrupted copy or download), the rest "
                       "of the row is missing. Please compare it with the original."),
                    false);
            if (!hasError) {
                const QString& id = row.member.idNumber;
                if (const auto first = idNumbersSeen.constFind(id); first != idNumbersSeen.constEnd()) {
                    const QString firstName = namesByIdNumber.value(id);
                    // Two names for one number: more likely a number typed wrong than a person twice.
                    if (!firstName.isEmpty() && !row.member.name.isEmpty() && firstName != row.member.name)
                        problem(
                            QStringLiteral("idNumber"),
                            tr("ID number: the same number as %1's in row %2, but the name here is %3; one "
                               "of the two numbers is probably mistyped. Only the first row is imported; "
                               "check both against the ID cards.")
                                .arg(firstName)
                                .arg(*first)
                                .arg(row.member.name),
                            true);
                    else
                        problem(
                            QStringLiteral("idNumber"),
                            tr("ID number: the same person as in row %1; only the first of the two rows is "
                               "imported.")
                                .arg(*first),
                            true);
                    hasError = true;
                } else if (lookups && lookup(byIdNumber, id)) {
                    bool samePerson = false;
                    problem(QStringLiteral("idNumber"),
                            alreadyStored(row.member, byIdNumber, fields, &samePerson), true);
                    hasError = true;
                    if (samePerson)
                        ++plan.m_alreadyInRoster;
                }
                if (!hasError) {
                    idNumbersSeen.insert(id, row.row);
                    namesByIdNumber.insert(id, row.member.name);
                    // The first of the two rows was refused: this one comes in, but the clerk should
                    // know which of the two the roster now holds.
                    if (const auto refused = refusedIdNumbers.constFind(id);
                        refused != refusedIdNumbers.constEnd())
                        problem(QStringLiteral("idNumber"),
                                tr("ID number: the same person as in row %1, which was refused; this row is "
                                   "imported instead. Please check which of the two is right.")
                                    .arg(*refused),
                                false);
                }
            } else if (!row.member.idNumber.isEmpty() && !refusedIdNumbers.contains(row.member.idNumber)) {
                refusedIdNumbers.insert(row.member.idNumber, row.row);
            }
            if (organisations) {
                QString name = sheet.rows.at(row.row - 1).value(organisationColumn).text.trimmed();
                if (CellNormaliser::isPlaceholder(name))
                    name.clear();
                const OrganisationColumn::Match match =
                    name.isEmpty() ? OrganisationColumn::Match() : organisations->resolve(name);
                if (match.outcome == OrganisationColumn::Outcome::Found) {
                    row.member.organisationId = match.organisationId;
                } else if (match.outcome == OrganisationColumn::Outcome::Outside && !hasError) {
                    // A union outside this import's: not ours to take in (it would be refused there
                    // as another union's member at the next sync, or hold the person twice).
                    problem(QStringLiteral("organisation"),
                            tr("Organisation: \"%1\" is not part of %2, which this import is for; this "
                               "member is not imported. Import the row in that union, or remove the union's "
                               "name from the row to take the member into %2.")
                                .arg(name, organisations->rootName()),
                            true);
                    hasError = true;
                } else if (!name.isEmpty()) {
                    auto& [outcome, rows] = unplaced[name];
                    outcome = match.outcome;
                    // Each row is listed (the clerk corrects them in the problems workbook); the
                    // reason, with the number of rows imported, is written once all rows are read.
                    if (!hasError) {
                        ++rows;
                        problem(QStringLiteral("organisation"), QString(), false);
                    }
                }
            }
            // A value one member holds alone (a mobile; a card, where a number twice is most likely
            // mistyped): another row's, or a roster member's, is a warning. `inRow` and `ofMember`
            // word it for the row first given it and for the member holding it.
            const auto warnIfShared = [&](const QString& field, const QString& value,
                                          QHash<QString, int>& seen, SqliteStatement* holders,
                                          const auto& inRow, const auto& ofMember) {
                if (hasError || value.isEmpty())
                    return;
                if (const auto first = seen.constFind(value); first != seen.constEnd()) {
                    problem(field, inRow(*first), false);
                    return;
                }
                if (holders && lookup(*holders, value))
                    problem(field, ofMember(holders->text(0)), false);
                seen.insert(value, row.row);
            };
            const QString& mobile = row.member.mobile;
            warnIfShared(
                QStringLiteral("mobile"), mobile, mobilesSeen, lookups ? &byMobile : nullptr,
                [&](int first) {
                    return tr("Mobile: %1 is also the mobile of row %2; please check it.")
                        .arg(mobile)
                        .arg(first);
                },
                [&](const QString& holder) {
                    return tr("Mobile: %1 is also the mobile of the member %2; please check it.")
                        .arg(mobile, holder);
                });
            const QString& card = row.member.cardNumber;
            warnIfShared(
                QStringLiteral("cardNumber"), card, cardsSeen, lookups && storeHasCards ? &byCard : nullptr,
                [&](int first) {
                    return tr("Card number: %1 is also the card number of row %2; please check it.")
                        .arg(card)
                        .arg(first);
                },
                [&](const QString& holder) {
                    return tr("Card number: %1 is also the card number of the member %2; please check it.")
                        .arg(card, holder);
                });
            if (!hasError && sheet.hiddenRows.contains(row.row - 1))
                problem(QString(),
                        tr("This row is hidden in the workbook (by hand or by a filter); it is imported like "
                           "the others. If it should not be, delete it from the file, or delete the member "
                           "after the import."),
                        false);
            if (hasError) {
                // Refused after all: what it would have come in without is simply wrong, and a
                // field's warning saying how it would have come in ("imported with the ID number's
                // birth date") is no longer true: the errors are what the clerk corrects now. What
                // concerns the whole row (cut short, hidden) stays.
                for (auto it = checked.leftOut.cbegin(); it != checked.leftOut.cend(); ++it)
                    problems[it.key()].reason = it.value();
                QList<ImportProblem> kept;
                for (qsizetype i = 0; i < problems.size(); ++i) {
                    if (problems.at(i).error || problems.at(i).field.isEmpty() || checked.leftOut.contains(i))
                        kept.append(problems.at(i));
                }
                problems = kept;
            } else {
                auto count = [&](const QStringList& partialFields, QHash<QString, MonthOnly>& notes) {
                    for (const QString& field : partialFields) {
                        MonthOnly& note = notes[field];
                        if (note.rows++ == 0) {
                            note.firstRow = row.row;
                            const QList<SheetCell>& cells = sheet.rows.at(row.row - 1);
                            note.value = cells.value(map.columnFor(field, cells)).text.trimmed();
                        }
                    }
                };
                count(checked.monthOnly, monthOnly);
                count(checked.yearOnly, yearOnly);
            }
            row.status = hasError ? ImportRow::Status::Error
                                  : (problems.isEmpty() ? ImportRow::Status::Ok : ImportRow::Status::Warning);
            for (ImportProblem& p : problems)
                p.name = row.member.name;
            plan.m_problems.append(problems);
            plan.m_rows.append(std::move(row));
        }
    }
    // One note a column for dates given as year and month (入会时间 2010.05): the same for every row.
    QList<ImportProblem> partialDateNotes;
    for (const QString& field : fields) {
        const auto note = monthOnly.constFind(field);
        if (note == monthOnly.constEnd())
            continue;
        partialDateNotes.append(
            {map.headerRow() + 1, field, map.headerOf(field), note->value,
             tr("%1: %n imported row(s) give only the year and month, as \"%2\" in row %3; the "
                "1st of the month is taken.",
                nullptr, note->rows)
                 .arg(MemberValidator::fieldLabel(field), note->value)
                 .arg(note->firstRow),
             false});
    }
    for (const QString& field : fields) {
        const auto note = yearOnly.constFind(field);
        if (note == yearOnly.constEnd())
            continue;
        partialDateNotes.append(
            {map.headerRow() + 1, field, map.headerOf(field), note->value,
             tr("%1: %n imported row(s) give only the year, as \"%2\" in row %3; the 1st of "
                "January of that year is taken.",
                nullptr, note->rows)
                 .arg(MemberValidator::fieldLabel(field), note->value)
                 .arg(note->firstRow),
             false});
    }
    plan.m_problems = unread.warnings() + dayOrderNotes + partialDateNotes + plan.m_problems;
    if (const std::optional<ImportProblem> beside = unread.secondTable(sheet))
        plan.m_problems.prepend(*beside);
    for (ImportProblem& p : plan.m_problems) {
        // Only the warnings placed above, still without their reason (not the validator's own).
        if (!organisations || p.field != QLatin1String("organisation") || p.error || !p.reason.isEmpty())
            continue;
        const auto [outcome, rows] = unplaced.value(p.value);
        const QString root = organisations->rootName();
        switch (outcome) {
        case OrganisationColumn::Outcome::Ambiguous:
            p.reason =
                tr("Organisation: more than one organisation in %2 is named \"%1\"; write it with its "
                   "parent, as \"parent/%1\". The %n member row(s) naming it are imported into %2 itself.",
                   nullptr, rows)
                    .arg(p.value, root);
            break;
        default:
            p.reason = tr("Organisation: there is no organisation \"%1\" in %2. The %n member row(s) naming "
                          "it are imported into %2 itself.",
                          nullptr, rows)
                           .arg(p.value, root);
            break;
        }
    }
    if (progress)
        progress(total, total);
    return plan;
}

QList<ImportProblem> ImportPlan::errors() const
{
    QList<ImportProblem> out;
    for (const ImportProblem& p : m_problems) {
        if (p.error)
            out.append(p);
    }
    return out;
}

QList<ImportProblem> ImportPlan::warnings() const
{
    QList<ImportProblem> out;
    for (const ImportProblem& p : m_problems) {
        if (!p.error)
            out.append(p);
    }
    return out;
}

int ImportPlan::validCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const ImportRow& r) {
        return r.status != ImportRow::Status::Error;
    }));
}

int ImportPlan::rejectedCount() const
{
    return static_cast<int>(m_rows.size()) - validCount();
}

} // namespace ud
