#include "io/CellNormaliser.h"

#include "domain/CodeList.h"
#include "domain/Ethnicity.h"
#include "domain/IdNumber.h"
#include "domain/MobileNumber.h"
#include "domain/TextNormaliser.h"
#include "io/ClerkDate.h"
#include "io/TableFileWriter.h"
#include "members/MemberValidator.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>

namespace ud {

namespace {

// A whole number as a spreadsheet shows it in the "0" format: its first 15 significant digits, the
// rest zeros (Excel keeps no more), 320102198501011000 for an ID number typed into a number cell.
QString digitsAsShown(double value)
{
    const QString scientific = QString::number(std::fabs(std::round(value)), 'E', 14); // 3.20102198501011E+17
    const qsizetype e = scientific.indexOf(QLatin1Char('E'));
    const int exponent = scientific.mid(e + 1).toInt();
    QString digits = scientific.left(e).remove(QLatin1Char('.'));
    if (exponent + 1 > digits.size())
        digits += QString(exponent + 1 - digits.size(), QLatin1Char('0'));
    else
        digits.truncate(exponent + 1);
    return value < 0 ? QLatin1Char('-') + digits : digits;
}

} // namespace

bool CellNormaliser::isDateField(const QString& field)
{
    return field == QLatin1String("birthDate") || field == QLatin1String("joinDate") ||
           field == QLatin1String("verifiedAt");
}

namespace {

// 01 or 00 in a yes/no column: 1 or 0 under a format of zeros, read as shown.
QString withoutPaddingZeros(const QString& word)
{
    static const QRegularExpression paddedBit(QStringLiteral("^0+([01])$"));
    const QRegularExpressionMatch m = paddedBit.match(word);
    return m.hasMatch() ? m.captured(1) : word;
}

// ######## in a number column (a mobile, a card number): the file holds no number there.
CellNormaliser::Value tooNarrow(const QString& label, const QString& shown)
{
    CellNormaliser::Value v;
    v.warning = CellNormaliser::tr("%1: \"%2\" is what Excel shows when a column is too narrow for its "
                                   "numbers; the file holds no number here. The member is imported without "
                                   "it; widen the column in Excel and save the file again to import the "
                                   "numbers.")
                    .arg(label, shown);
    return v;
}

} // namespace

CellNormaliser::Value CellNormaliser::mobile(const QString& text)
{
    Value v;
    v.text = text;
    // A landline alone (0571-88881234, (0571)88881234, 88881234): no mobile, but the member's number.
    static const QRegularExpression landline(QStringLiteral(
        "^[(]?0[0-9]{2,3}[)]?[- ]?[0-9]{7,8}(?:[- ]?(?:转|ext\\.?|-)[0-9]{1,6})?$|^[2-9][0-9]{6,7}$"));
    // Nearly every cell is one number alone: no need for the patterns below.
    if (std::all_of(text.cbegin(), text.cend(),
                    [](QChar c) { return c.isDigit() || c == QLatin1Char('-'); }) &&
        !landline.match(text).hasMatch())
        return v;
    const QString normalised = TextNormaliser::normalise(text);
    if (TextNormaliser::isHashFill(normalised))
        return tooNarrow(MemberValidator::fieldLabel(QStringLiteral("mobile")), normalised);
    // Our own export without full numbers (138****8000), or another system's: nothing to import.
    static const QRegularExpression maskedNumber(QStringLiteral("^[0-9]{2,8}(?:[*]{3,}|[xX]{4})[0-9]{0,4}$"));
    if (maskedNumber.match(TextNormaliser::withoutSpaces(normalised)).hasMatch()) {
        v.text.clear();
        v.masked = true;
        v.warning = tr("Mobile: \"%1\" is masked, as in an export without full numbers; it is not imported.")
                        .arg(normalised);
        return v;
    }
    const auto digitCount = [](QStringView part) {
        return std::count_if(part.cbegin(), part.cend(), [](QChar c) { return c.isDigit(); });
    };
    // A note after the number, 13812345613（本人）, is not part of it; a number in the note
    // (13800000014（宅电0571-88885678）) is kept in the notes.
    static const QRegularExpression note(QStringLiteral("^([^(]*\\d[^(]*)\\(([^)]*)\\)$"));
    // Words saying a number is no longer the member's.
    static const QRegularExpression dead(QStringLiteral("停用|旧|原号|空号|停机|作废|不用|销号|注销"));
    const auto noLongerInUse = [&v, &normalised] {
        v.text.clear();
        v.note = tr("Other numbers: %1").arg(normalised);
        v.warning =
            tr("Mobile: %1 is marked as no longer in use; it is kept in the notes, and the member has "
               "no mobile.")
                .arg(normalised);
    };
    const auto restInTheNotes = [&v, &normalised](const QString& rest) {
        v.note = tr("Other numbers: %1").arg(rest);
        v.warning = tr("Mobile: the cell holds more than the mobile (%1); the mobile %2 is imported and "
                       "the rest is kept in the notes.")
                        .arg(normalised, v.text);
    };
    if (const QRegularExpressionMatch m = note.match(normalised);
        m.hasMatch() && MobileNumber::parse(m.captured(1)).isValid()) {
        v.text = m.captured(1).trimmed();
        const QString inner = m.captured(2).trimmed();
        if (dead.match(inner).hasMatch())
            noLongerInUse();
        else if (digitCount(inner) >= 7)
            restInTheNotes(inner);
        return v;
    }
    // Two numbers in one cell (13912345678/010-12345678, 手机、宅电): the first mobile among them is the
    // member's, the others go to the notes, and the clerk is told. Only when every part is a phone
    // number of its own: "+86 139…" and "138 1234 5678" are one number.
    static const QRegularExpression separators(QStringLiteral("[/、;,，；|]|\\s+"));
    static const QRegularExpression phone(QStringLiteral("^[+]?[0-9()（）-]*$"));
    const QStringList parts = normalised.split(separators, Qt::SkipEmptyParts);
    const auto isPhone = [](const QString& part) {
        return phone.match(part).hasMatch() &&
               std::count_if(part.cbegin(), part.cend(), [](QChar c) { return c.isDigit(); }) >= 7;
    };
    if (parts.size() >= 2 && std::all_of(parts.cbegin(), parts.cend(), isPhone)) {
        const auto mobile = std::find_if(parts.cbegin(), parts.cend(), [](const QString& part) {
            return MobileNumber::parse(part).isValid();
        });
        if (mobile != parts.cend()) {
            QStringList others = parts;
            others.removeAt(mobile - parts.cbegin());
            v.text = *mobile;
            v.note = tr("Other numbers: %1").arg(others.join(QStringLiteral("、")));
            v.warning =
                tr("Mobile: the cell holds %1 numbers (%2); the mobile %3 is imported and the others are "
                   "kept in the notes.")
                    .arg(parts.size())
                    .arg(parts.join(QStringLiteral("、")), *mobile);
            return v;
        }
    }
    if (MobileNumber::parse(normalised).isValid())
        return v;
    // A mobile among other words and numbers (13800003333；0571-88885678转8, 13800000016（办）0571-…):
    // the mobile is imported, the rest kept in the notes.
    static const QRegularExpression mobileInText(
        QStringLiteral("(?<![0-9])(?:\\+?86[- ]?)?1[3-9][0-9][- ]?[0-9]{4}[- ]?[0-9]{4}(?![0-9])"));
    bool chosenDead = false;
    // Of several, the first not marked old or dead (13800138000（已停用）13900139000, 旧号… 新号…).
    QRegularExpressionMatch chosen;
    for (QRegularExpressionMatchIterator it = mobileInText.globalMatch(normalised); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!MobileNumber::parse(m.captured(0)).isValid())
            continue;
        // A mark just before the number (旧号138…), not the note of the number before it (…(停用)139…).
        QString before = normalised.mid(std::max<qsizetype>(0, m.capturedStart(0) - 3),
                                        std::min<qsizetype>(3, m.capturedStart(0)));
        before = before.mid(before.lastIndexOf(QLatin1Char(')')) + 1);
        const QString after = normalised.mid(m.capturedEnd(0), 6);
        const bool markedDead = dead.match(before).hasMatch() ||
                                (after.startsWith(QLatin1Char('(')) && dead.match(after).hasMatch());
        if (!chosen.hasMatch() || (!markedDead && chosenDead)) {
            chosen = m;
            chosenDead = markedDead;
        }
    }
    if (chosen.hasMatch()) {
        const QRegularExpressionMatch& m = chosen;
        QString rest = normalised;
        rest.remove(m.capturedStart(0), m.capturedLength(0));
        static const QRegularExpression edges(QStringLiteral("^[\\s/、;,，；|:：]+|[\\s/、;,，；|:：]+$"));
        rest.remove(edges);
        v.text = m.captured(0);
        if (chosenDead)
            noLongerInUse();
        else if (digitCount(rest) > 0)
            restInTheNotes(rest);
        return v;
    }
    if (landline.match(normalised).hasMatch()) {
        v.text.clear();
        v.note = tr("Other numbers: %1").arg(normalised);
        v.warning = tr("Mobile: %1 is a landline, not a mobile; it is kept in the notes.").arg(normalised);
    }
    return v;
}

namespace {

// Words for a member who left the union or the employer (转出, 离职 …).
const QSet<QString>& leavingWords()
{
    static const QSet<QString> words{
        QStringLiteral("转出"),   QStringLiteral("已转出"),       QStringLiteral("调出"),
        QStringLiteral("已调出"), QStringLiteral("调离"),         QStringLiteral("已调离"),
        QStringLiteral("离职"),   QStringLiteral("已离职"),       QStringLiteral("辞职"),
        QStringLiteral("已辞职"), QStringLiteral("辞退"),         QStringLiteral("被辞退"),
        QStringLiteral("解聘"),   QStringLiteral("解除劳动合同"), QStringLiteral("解除合同"),
        QStringLiteral("自离"),   QStringLiteral("自动离职"),     QStringLiteral("离开单位")};
    return words;
}

} // namespace

CellNormaliser::Value CellNormaliser::status(const QString& text)
{
    Value v;
    v.text = text;
    const QString word = TextNormaliser::withoutSpaces(text);
    if (word.isEmpty() || !codes::memberStatus().keyFor(word).isEmpty())
        return v;
    static const QSet<QString> atWork{
        QStringLiteral("停薪留职"), QStringLiteral("留职停薪"), QStringLiteral("失联"),
        QStringLiteral("失去联系"), QStringLiteral("联系不上"), QStringLiteral("病休"),
        QStringLiteral("病假"),     QStringLiteral("长病假"),   QStringLiteral("长期病假"),
        QStringLiteral("产假"),     QStringLiteral("哺乳假"),   QStringLiteral("休假"),
        QStringLiteral("长假"),     QStringLiteral("放长假"),   QStringLiteral("借调"),
        QStringLiteral("外派"),     QStringLiteral("派驻"),     QStringLiteral("挂职"),
        QStringLiteral("援疆"),     QStringLiteral("援藏"),     QStringLiteral("待岗"),
        QStringLiteral("离岗"),     QStringLiteral("离岗待退"), QStringLiteral("轮岗"),
        QStringLiteral("试用"),     QStringLiteral("试用期"),   QStringLiteral("见习")};
    const QString label = MemberValidator::fieldLabel(QStringLiteral("status"));
    if (atWork.contains(word)) {
        v.text = QStringLiteral("active");
        v.note = tr("%1 (the import's status column)").arg(word);
        v.warning = tr("%1: \"%2\" says how the member works, not their membership: imported as %3, with "
                       "\"%2\" kept in the notes.")
                        .arg(label, word, codes::memberStatus().label(QStringLiteral("active")));
    } else if (leavingWords().contains(word)) {
        v.text.clear();
        v.error = tr("%1: \"%2\" means the member has left this union or employer, so they are not "
                     "imported. Import them in the union they moved to; if they wait to be received "
                     "there, write %3.")
                      .arg(label, word, codes::memberStatus().label(QStringLiteral("hung")));
    }
    return v;
}

CellNormaliser::Value CellNormaliser::yesOrNo(const QString& label, const SheetCell& cell)
{
    static const QSet<QString> yes{
        QStringLiteral("是"), QStringLiteral("y"), QStringLiteral("yes"), QStringLiteral("true"),
        QStringLiteral("1"), QStringLiteral("√"), QStringLiteral("✓"), QStringLiteral("✔"),
        QStringLiteral("有"), QStringLiteral("困难"), QStringLiteral("困难职工"), QStringLiteral("特困"),
        QStringLiteral("建档"), QStringLiteral("已建档"), QStringLiteral("农民工"),
        QStringLiteral("是农民工"),
        // The grades of the hardship files.
        QStringLiteral("特困职工"), QStringLiteral("深度困难"), QStringLiteral("相对困难"),
        QStringLiteral("一般困难"), QStringLiteral("困难户"), QStringLiteral("意外致困"),
        QStringLiteral("建档困难职工"), QStringLiteral("深度困难职工"), QStringLiteral("相对困难职工")};
    static const QSet<QString> no{
        QStringLiteral("否"),       QStringLiteral("n"),         QStringLiteral("no"),
        QStringLiteral("false"),    QStringLiteral("0"),         QStringLiteral("×"),
        QStringLiteral("✗"),        QStringLiteral("✘"),         QStringLiteral("非困难"),
        QStringLiteral("不是"),     QStringLiteral("没有"),      QStringLiteral("不困难"),
        QStringLiteral("非农民工"), QStringLiteral("不是农民工")};
    Value v;
    QString text =
        cell.type == SheetCell::Type::Boolean ? (cell.number != 0 ? QStringLiteral("1") : QStringLiteral("0"))
        : cell.type == SheetCell::Type::Number ? numberText(cell.number)
                                               : TextNormaliser::withoutSpaces(cell.text).toLower();
    text = withoutPaddingZeros(text);
    // 是（已建档）, 否(曾困难): the answer before a note in brackets (困难（已脱困） says otherwise).
    if (const qsizetype bracket = text.indexOf(QLatin1Char('('));
        bracket > 0 && text.endsWith(QLatin1Char(')')) &&
        (text.startsWith(QStringLiteral("是")) || text.startsWith(QStringLiteral("否"))))
        text.truncate(bracket);
    if (yes.contains(text))
        v.text = QStringLiteral("true");
    else if (no.contains(text))
        v.text = QStringLiteral("false");
    else
        v.error = tr("%1: \"%2\" is neither 是 nor 否.").arg(label, cell.text.trimmed());
    return v;
}

namespace {

// Whether a 是否工会会员 cell says yes, no, or neither (nullopt). Its callers have taken a status
// word (退会, 死亡) and 无 before.
std::optional<bool> unionMemberAnswer(const SheetCell& cell)
{
    if (cell.type == SheetCell::Type::Boolean)
        return cell.number != 0;
    const QString word = withoutPaddingZeros(cell.type == SheetCell::Type::Number
                                                 ? CellNormaliser::numberText(cell.number)
                                                 : TextNormaliser::normalise(cell.text).toLower());
    static const QSet<QString> yes{
        QStringLiteral("是"),       QStringLiteral("y"),       QStringLiteral("yes"),
        QStringLiteral("true"),     QStringLiteral("1"),       QStringLiteral("√"),
        QStringLiteral("✓"),        QStringLiteral("✔"),       QStringLiteral("会员"),
        QStringLiteral("工会会员"), QStringLiteral("是会员"),  QStringLiteral("已入会"),
        QStringLiteral("入会"),     QStringLiteral("在会"),    QStringLiteral("已加入"),
        QStringLiteral("加入"),     QStringLiteral("有"),      QStringLiteral("已参加"),
        QStringLiteral("参加"),     QStringLiteral("正式会员")};
    static const QSet<QString> no{
        QStringLiteral("否"),     QStringLiteral("n"),      QStringLiteral("no"),
        QStringLiteral("false"),  QStringLiteral("0"),      QStringLiteral("×"),
        QStringLiteral("✗"),      QStringLiteral("✘"),      QStringLiteral("x"),
        QStringLiteral("不是"),   QStringLiteral("没有"),   QStringLiteral("退出"),
        QStringLiteral("已退出"), QStringLiteral("申请中"), QStringLiteral("审核中"),
        QStringLiteral("待审核")};
    if (yes.contains(word))
        return true;
    if (no.contains(word))
        return false;
    // 已入会（2020年）, 退会后已重新入会: a member, whatever the note says.
    if (word.startsWith(QStringLiteral("已入会")) || word.contains(QStringLiteral("重新入会")))
        return true;
    // 未入会（试用期）, 非会员, 不是会员, 拟入会, 申请入会中 …: not (yet) a member.
    static const QStringList notYet{
        QStringLiteral("未入会"),   QStringLiteral("非会员"),       QStringLiteral("非工会会员"),
        QStringLiteral("不是会员"), QStringLiteral("不是工会会员"), QStringLiteral("没入会"),
        QStringLiteral("没有入会"), QStringLiteral("未加入"),       QStringLiteral("拟入会"),
        QStringLiteral("待入会"),   QStringLiteral("申请入会"),     QStringLiteral("入会申请")};
    for (const QString& start : notYet) {
        if (word.startsWith(start))
            return false;
    }
    return std::nullopt;
}

} // namespace

CellNormaliser::Verdict CellNormaliser::verdictOf(const QString& field, const SheetCell& cell)
{
    Verdict v;
    const QString label = MemberValidator::fieldLabel(field);
    const QString word = TextNormaliser::withoutSpaces(cell.text);
    const bool unionMember = field == QLatin1String("unionMember");
    const auto notAMember = [&] {
        v.kind = Verdict::Kind::NotImported;
        v.message = tr("%1: \"%2\": this person is not a union member, so they are not imported.")
                        .arg(label, cell.text.trimmed());
    };
    // 无 is "none" elsewhere; under 是否工会会员 it is the answer no.
    if (unionMember && !cell.isEmpty() && word == QStringLiteral("无")) {
        notAMember();
        return v;
    }
    if (cell.isEmpty() || (cell.type == SheetCell::Type::Text && isPlaceholder(cell.text)))
        return v;
    // 员工状态 退休, 会员情况 退会: a membership status (no status word is a leaving word).
    if (cell.type == SheetCell::Type::Text) {
        const QString status = codes::memberStatus().keyFor(word);
        if (!status.isEmpty() && status != QLatin1String("active")) {
            v.kind = Verdict::Kind::ImpliesStatus;
            v.status = status;
            return v;
        }
    }
    if (leavingWords().contains(word)) {
        v.kind = Verdict::Kind::NotImported;
        v.message =
            tr("%1: \"%2\" means the person has left the employer, so they are not imported as a member.")
                .arg(label, word);
        return v;
    }
    if (!unionMember)
        return v;
    const std::optional<bool> answer = unionMemberAnswer(cell);
    if (answer == false) {
        notAMember();
    } else if (!answer) {
        v.kind = Verdict::Kind::Doubt;
        v.message = tr("%1: \"%2\" says neither 是 nor 否; the person is imported as a member. If they are "
                       "not one, delete the member afterwards (or write 否 and import again).")
                        .arg(label, cell.text.trimmed());
    }
    return v;
}

QString CellNormaliser::codedWord(const CodeList& list, const QString& text)
{
    if (!list.keyFor(text).isEmpty())
        return text;
    // The national standards' labels, as HR systems export them: 大学本科毕业, 研究生（硕士）,
    // 中专（中技）, 中国民主同盟盟员, and 中 共 党 员 typed with spaces.
    QString word = TextNormaliser::withoutSpaces(text);
    QStringList candidates{word};
    for (const QString& suffix : {QStringLiteral("毕业"), QStringLiteral("结业"), QStringLiteral("肄业")}) {
        if (word.endsWith(suffix) && word.size() > suffix.size())
            candidates.append(word.left(word.size() - suffix.size()));
    }
    if (const qsizetype open = word.indexOf(QLatin1Char('(')); open > 0 && word.endsWith(QLatin1Char(')'))) {
        const QString inner = word.mid(open + 1, word.size() - open - 2);
        const QString outer = word.left(open);
        // 研究生（硕士）: the bracket names the level; 本科（学士）, 中专（中技）, 大专（高职）: a degree or
        // the other name of the same level. Any other note (在读, 同等学力, 已转正) changes what the
        // word says: left for the clerk.
        static const QSet<QString> sameLevel{
            QStringLiteral("学士"), QStringLiteral("硕士"), QStringLiteral("博士"), QStringLiteral("高职"),
            QStringLiteral("中技"), QStringLiteral("高专"), QStringLiteral("职高"), QStringLiteral("技校")};
        if (inner == QStringLiteral("预备")) // 中共党员（预备）
            candidates.append(QStringLiteral("预备党员"));
        else if (outer == QStringLiteral("研究生"))
            candidates.append(inner + QStringLiteral("研究生"));
        else if (sameLevel.contains(inner))
            candidates.append(outer);
    }
    if (word.startsWith(QStringLiteral("中国")) && word.size() > 4)
        candidates.append(word.mid(2));
    if (word.endsWith(QStringLiteral("及以下")))
        candidates.append(word.left(word.size() - 3));
    for (const QString& c : std::as_const(candidates)) {
        if (!c.isEmpty() && !list.keyFor(c).isEmpty())
            return c;
    }
    return text;
}

QString CellNormaliser::leavingNote(const QString& notes)
{
    if (notes.isEmpty() || notes.size() > 16)
        return {};
    // The whole note, after a date (2023年已去世, 2024.3 离职): 父亲已故 and 调出后又调回 say other things.
    static const QRegularExpression date(
        QStringLiteral("^\\d{4}(?:[年./-]\\d{1,2}(?:[月./-]\\d{1,2}日?)?月?)?年?"));
    QString word = TextNormaliser::withoutSpaces(notes);
    word.remove(date);
    while (!word.isEmpty() &&
           (word.endsWith(u'。') || word.endsWith(QLatin1Char('.')) || word.endsWith(u'了')))
        word.chop(1);
    static const QSet<QString> words{
        QStringLiteral("已故"),   QStringLiteral("故"),     QStringLiteral("去世"),
        QStringLiteral("已去世"), QStringLiteral("死亡"),   QStringLiteral("已死亡"),
        QStringLiteral("病故"),   QStringLiteral("身故"),   QStringLiteral("离职"),
        QStringLiteral("已离职"), QStringLiteral("辞职"),   QStringLiteral("已辞职"),
        QStringLiteral("调离"),   QStringLiteral("已调离"), QStringLiteral("调出"),
        QStringLiteral("已调出"), QStringLiteral("转出"),   QStringLiteral("已转出"),
        QStringLiteral("待转出"), QStringLiteral("退会"),   QStringLiteral("已退会"),
        QStringLiteral("离会"),   QStringLiteral("已离会"), QStringLiteral("非会员"),
        QStringLiteral("未入会"), QStringLiteral("作废"),   QStringLiteral("删除"),
        QStringLiteral("重复"),   QStringLiteral("已离开"), QStringLiteral("已不在"),
        QStringLiteral("已删除"), QStringLiteral("已作废")};
    return words.contains(word) ? word : QString();
}

CellNormaliser::Value CellNormaliser::ethnicity(const QString& label, const SheetCell& cell)
{
    // Left out, as a word that is no education or political status is: a column shifted by one
    // (女 under 民族) or a typing slip must not reach the statistics of the 56 groups.
    Value v;
    const QString text = cell.type == SheetCell::Type::Number ? numberText(cell.number) : cell.text.trimmed();
    v.text = Ethnicity::normalised(text);
    // GB/T 3304's codes, as HR systems export them, two digits as text: 01 汉族 … 56 基诺族, 97
    // unidentified, 98 naturalised. A number cell is more likely a column shifted by one (an age).
    static const QRegularExpression code(QStringLiteral("^\\d{2}$"));
    if (v.text.isEmpty() && cell.type == SheetCell::Type::Text && code.match(text).hasMatch()) {
        const int n = text.toInt();
        const QStringList& names = Ethnicity::names();
        const QString name = n >= 1 && n <= 56 ? names.at(n - 1)
                             : n == 97         ? names.at(56)
                             : n == 98         ? names.at(57)
                                               : QString();
        if (!name.isEmpty()) {
            v.text = name;
            v.warning = tr("%1: \"%2\" is read as the national code of %3.").arg(label, text, name);
            return v;
        }
    }
    if (v.text == QStringLiteral("未识别民族") && TextNormaliser::withoutSpaces(text) != v.text)
        v.warning = tr("%1: \"%2\" is imported as %3; if the member belongs to one of the 56 groups, "
                       "correct it in the member's form.")
                        .arg(label, text, v.text);
    if (v.text.isEmpty())
        v.warning = tr("%1: \"%2\" is not one of China's 56 ethnic groups (汉族, 回族, 维吾尔族 …); the "
                       "field is left empty. Correct it in the file, or in the member's form later.")
                        .arg(label, text);
    return v;
}

bool CellNormaliser::isPlaceholder(const QString& text)
{
    // Compared one by one: most cells are short words (男, 汉族, 本科), and hashing each showed.
    static const char16_t* const placeholders[] = {u"-",  u"--",  u"—",   u"——",   u"－",
                                                   u"/",  u"／",  u"\\",  u"无",   u"暂无",
                                                   u"空", u"N/A", u"n/a", u"NULL", u"null"};
    const QStringView trimmed = QStringView(text).trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 4)
        return false;
    return std::any_of(std::begin(placeholders), std::end(placeholders),
                       [trimmed](const char16_t* p) { return trimmed == QStringView(p); });
}

bool CellNormaliser::isFormulaError(const QString& text)
{
    static const QSet<QString> errors{QStringLiteral("#N/A"),   QStringLiteral("#VALUE!"),
                                      QStringLiteral("#REF!"),  QStringLiteral("#DIV/0!"),
                                      QStringLiteral("#NUM!"),  QStringLiteral("#NAME?"),
                                      QStringLiteral("#NULL!"), QStringLiteral("#SPILL!"),
                                      QStringLiteral("#CALC!"), QStringLiteral("#GETTING_DATA")};
    const QStringView trimmed = QStringView(text).trimmed();
    return trimmed.startsWith(QLatin1Char('#')) && errors.contains(trimmed.toString().toUpper());
}

QString CellNormaliser::numberText(double value)
{
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QString::number(static_cast<qint64>(value));
    return QString::number(value, 'g', 15);
}

QString CellNormaliser::unwrapFormulaText(const QString& text)
{
    const QString t = text.trimmed();
    if (t.size() >= 3 && t.startsWith(QLatin1String("=\"")) && t.endsWith(QLatin1Char('"')))
        return t.mid(2, t.size() - 3);
    return text;
}

CellNormaliser::Value CellNormaliser::normalise(const QString& field, const SheetCell& cell,
                                                QDate serialOrigin, ClerkDate::DayOrder dayOrder)
{
    Value v;
    if (cell.isEmpty() || (cell.type == SheetCell::Type::Text && isPlaceholder(cell.text)))
        return v;
    // The label is translated, so looked up only for a message.
    const auto label = [&field] {
        return MemberValidator::fieldLabel(field);
    };
    if (cell.type == SheetCell::Type::Text && isFormulaError(cell.text)) {
        v.error = tr("%1: the cell shows %2, the error of a formula, not a value. In Excel or WPS, copy the "
                     "column and paste it back as values, or type the value in.")
                      .arg(label(), cell.text.trimmed());
        return v;
    }
    const bool identifier = field == QLatin1String("idNumber") || field == QLatin1String("cardNumber");
    if (identifier) {
        const QString text = unwrapFormulaText(cell.text);
        const bool numeric = cell.type == SheetCell::Type::Number;
        if (field == QLatin1String("cardNumber") && !numeric) {
            // A card not issued yet (未办理, 待发, 0) has no number.
            static const QSet<QString> noCard{
                QStringLiteral("未办理"), QStringLiteral("待办理"), QStringLiteral("未办"),
                QStringLiteral("待办"),   QStringLiteral("待发"),   QStringLiteral("未发"),
                QStringLiteral("待发放"), QStringLiteral("未发放"), QStringLiteral("无卡"),
                QStringLiteral("未领"),   QStringLiteral("待领"),   QStringLiteral("0")};
            const QString word = TextNormaliser::withoutSpaces(text);
            if (noCard.contains(word))
                return v;
            if (TextNormaliser::isHashFill(word))
                return tooNarrow(label(), word);
        }
        // A card number of up to 15 digits survives a number cell, and so does an old 15-digit ID
        // number (every digit is kept); an 18-digit one never does.
        const bool oldIdNumber = numeric && field == QLatin1String("idNumber") && cell.number >= 1e14 &&
                                 cell.number < 1e15 && std::floor(cell.number) == cell.number;
        const bool damaged = (numeric && !oldIdNumber &&
                              (field == QLatin1String("idNumber") || std::fabs(cell.number) >= 1e15)) ||
                             (!numeric && TextNormaliser::looksScientific(text));
        if (damaged && numeric && std::fabs(cell.number) >= 1e11) {
            // The clerk sees 3.20102E+17 in a General cell, 320102198501011000 in one formatted "0".
            v.error = tr("%1: \"%2\" (%3 in full) was stored as a number, so the spreadsheet has already "
                         "lost some of its digits. Format the column as text and type the number again.")
                          .arg(label(), cell.text, digitsAsShown(cell.number));
            return v;
        }
        if (damaged) {
            v.error = tr("%1: \"%2\" was stored as a number, so the spreadsheet has already lost some of its "
                         "digits. Format the column as text and type the number again.")
                          .arg(label(), cell.text);
            return v;
        }
        // Our own export without full ID numbers (440106********1234): nothing to import from.
        if (!numeric && field == QLatin1String("idNumber") && text.contains(QLatin1Char('*'))) {
            v.error = tr("%1: \"%2\" is masked, as in an export without full ID numbers. Export the roster "
                         "again with the ID numbers shown, or type the full number.")
                          .arg(label(), text.trimmed());
            return v;
        }
        v.text = numeric ? numberText(cell.number) : text;
        const QString digits = TextNormaliser::identifier(v.text);
        if (field == QLatin1String("idNumber") && digits.size() == 15) {
            // The store keeps the 18-digit form; the clerk should know the roster now shows another
            // number than the file.
            const IdNumber id = IdNumber::parse(digits);
            if (id.isValid() && id.wasConverted())
                v.warning = tr("%1: the old 15-digit number %2 is stored as the 18-digit %3 (the century "
                               "and the check character added); please check it against the ID card.")
                                .arg(label(), digits, id.value());
            // Whole this time; an 18-digit number typed into the same column would not be.
            if (oldIdNumber && !v.warning.isEmpty())
                //: Two sentences one after the other: %1 the number's conversion, %2 advice on the column
                v.warning = tr("%1 %2").arg(v.warning,
                                            tr("The cell is a number cell: format the column as text before "
                                               "typing 18-digit numbers into it."));
        }
        return v;
    }
    if (isDateField(field)) {
        const ClerkDate::Result date = ClerkDate::parse(cell, serialOrigin, dayOrder);
        if (!date.date.isValid()) {
            v.error = date.advises
                          ? tr("%1: %2").arg(label(), date.error)
                          : tr("%1: %2 Write it as 2020-01-05 or 2020年1月5日.").arg(label(), date.error);
            return v;
        }
        v.text = ClerkDate::isoText(date.date);
        v.monthOnly = date.monthOnly;
        v.yearOnly = date.yearOnly;
        return v;
    }
    // 1 and 0 typed as numbers, or TRUE and FALSE, in 困难职工: read as the words would be.
    if (field == QLatin1String("hardship"))
        return yesOrNo(label(), cell);
    if (field == QLatin1String("ethnicity"))
        return ethnicity(label(), cell);
    if (cell.type == SheetCell::Type::Number) {
        // A percentage as the cell shows it (35%), not as the fraction it holds.
        v.text = cell.text.endsWith(QLatin1Char('%')) ? cell.text : numberText(cell.number);
        return v;
    }
    if (cell.type == SheetCell::Type::Date) {
        // A time alone is kept as it shows, not as 1899-12-30.
        v.text = ClerkDate::isTimeOfDay(cell, serialOrigin) ? cell.text : ClerkDate::isoText(cell.date);
        return v;
    }
    if (field == QLatin1String("mobile"))
        return mobile(unwrapFormulaText(cell.text));
    if (field == QLatin1String("status"))
        return status(cell.text);
    if (field == QLatin1String("labourModelLevel")) {
        // 否, 没有, 非劳模: no title, not a title called 否.
        static const QSet<QString> none{
            QStringLiteral("否"),       QStringLiteral("没有"),  QStringLiteral("非劳模"),
            QStringLiteral("不是"),     QStringLiteral("n"),     QStringLiteral("no"),
            QStringLiteral("0"),        QStringLiteral("×"),     QStringLiteral("非"),
            QStringLiteral("不是劳模"), QStringLiteral("未获得")};
        if (none.contains(TextNormaliser::withoutSpaces(cell.text).toLower()))
            return v;
    }
    if (field == QLatin1String("education") || field == QLatin1String("politicalStatus")) {
        const CodeList& list =
            field == QLatin1String("education") ? codes::education() : codes::politicalStatus();
        v.text = codedWord(list, cell.text);
        return v;
    }
    v.text = cell.text;
    // Word's Shift+Enter, pasted into a cell, is a vertical tab: the line break the clerk meant.
    v.text.replace(QChar(0x0B), QLatin1Char('\n'));
    // One line break whoever saved the file: Excel and xlwt keep CR LF in a cell, LibreOffice LF.
    if (v.text.contains(QLatin1Char('\r')))
        v.text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"))
            .replace(QLatin1Char('\r'), QLatin1Char('\n'));
    v.text.remove(QChar(0)); // a NUL shows as nothing, and no field may hold one
    // Our CSV export's guard against a spreadsheet formula ('=1+1): the apostrophe is not the clerk's.
    if (v.text.size() > 2 && v.text.at(0) == QLatin1Char('\'') &&
        TableFileWriter::startsLikeFormula(v.text.mid(1)))
        v.text.remove(0, 1);
    return v;
}

} // namespace ud
