#include "domain/PersonName.h"

#include "domain/TextNormaliser.h"

#include <QList>
#include <QRegularExpression>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>
#include <vector>

namespace ud {

namespace {

constexpr char32_t kMiddleDot = 0x00B7;

// Characters that look like the middle dot and that input methods, Word and Japanese fonts put in
// its place: bullet, hyphenation point, bullet operator, dot operator, katakana middle dots.
bool isMiddleDotLookAlike(char32_t c)
{
    return c == kMiddleDot || c == 0x2022 || c == 0x2027 || c == 0x2219 || c == 0x22C5 || c == 0x30FB ||
           c == 0xFF65;
}

// Kangxi radicals and CJK radical supplements look exactly like ideographs, and PDF text layers
// (ours included) produce them: 日 copies out as U+2F47. Those with a compatibility mapping become
// the ideograph; the rest are refused with their own reason, because "⻓ is not allowed" would puzzle
// a clerk who sees 长.
bool isRadical(char32_t c)
{
    return c >= 0x2E80 && c <= 0x2FDF;
}

char32_t ideographForRadical(char32_t c)
{
    const QList<uint> mapped = QString::fromUcs4(&c, 1).normalized(QString::NormalizationForm_KC).toUcs4();
    if (mapped.size() == 1 && PersonName::isCjkIdeograph(mapped.first()))
        return mapped.first();
    return c;
}

bool isLatinLetter(char32_t c)
{
    return QChar::isLetter(c) && QChar::script(c) == QChar::Script_Latin;
}

// The nearest character before (step -1) or after (step +1) index i that is not a space; 0 at the ends.
char32_t neighbour(const std::vector<char32_t>& text, size_t i, int step)
{
    const auto size = static_cast<std::ptrdiff_t>(text.size());
    for (auto j = static_cast<std::ptrdiff_t>(i) + step; j >= 0 && j < size; j += step) {
        if (text[static_cast<size_t>(j)] != U' ')
            return text[static_cast<size_t>(j)];
    }
    return 0;
}

// Whether the last word after a space looks like a note rather than a given name: one character
// after a name of two or more ("王芳 女"), or a word clerks append (退休, 调出, 党员). "王 小明" and
// "欧阳 娜娜" are a surname and a given name typed apart.
bool endsWithANote(const std::vector<char32_t>& text)
{
    const auto space = std::find(text.rbegin(), text.rend(), U' ');
    if (space == text.rend())
        return false;
    const std::u32string last(space.base(), text.end());
    const auto before = static_cast<size_t>(std::distance(space, text.rend()) - 1);
    // Status, membership and political words clerks write after a name.
    static const std::u32string notes[] = {
        U"退休", U"离退休", U"离休",     U"离职",   U"已离职",   U"调出",     U"已调出", U"调入",
        U"已故", U"病故",   U"去世",     U"已去世", U"内退",     U"病退",     U"待岗",   U"在职",
        U"在岗", U"已退休", U"退会",     U"已退会", U"转入",     U"转出",     U"失联",   U"借调",
        U"外派", U"派遣",   U"劳务派遣", U"返聘",   U"兼职",     U"临时工",   U"合同工", U"停薪留职",
        U"会员", U"非会员", U"新会员",   U"党员",   U"中共党员", U"预备党员", U"团员",   U"共青团员",
        U"群众", U"主席",   U"副主席",   U"委员",   U"男",       U"女"};
    if (last.size() == 1 && before >= 2)
        return true;
    return std::find(std::begin(notes), std::end(notes), last) != std::end(notes);
}

bool isCompoundSurname(const std::u32string& word)
{
    static const std::u32string compoundSurnames[] = {
        U"欧阳", U"司马", U"诸葛", U"上官", U"东方", U"皇甫", U"尉迟", U"公孙", U"慕容", U"长孙",
        U"宇文", U"司徒", U"夏侯", U"轩辕", U"令狐", U"端木", U"南宫", U"西门", U"独孤", U"呼延",
        U"司空", U"钟离", U"澹台", U"公冶", U"申屠", U"太史", U"闻人", U"万俟", U"濮阳", U"淳于",
        U"单于", U"赫连", U"拓跋", U"第五", U"左丘", U"东郭", U"南门", U"羊舌", U"微生", U"梁丘",
        U"公良", U"乐正", U"漆雕", U"宗政", U"仲孙", U"叔孙", U"谷梁", U"百里", U"东门", U"公羊",
        U"鲜于", U"闾丘", U"亓官", U"司寇", U"颛孙", U"段干", U"夹谷", U"巫马", U"公西"};
    return std::find(std::begin(compoundSurnames), std::end(compoundSurnames), word) !=
           std::end(compoundSurnames);
}

// The words of a name between its single spaces, when every one is Chinese characters alone (none
// otherwise).
std::vector<std::u32string> chineseWords(const std::vector<char32_t>& text)
{
    std::vector<std::u32string> words(1);
    for (const char32_t c : text) {
        if (c == U' ')
            words.emplace_back();
        else if (PersonName::isCjkIdeograph(c))
            words.back().push_back(c);
        else
            return {};
    }
    return words;
}

// Minority names transliterated into characters are written with the middle dot (阿卜杜·热合曼);
// typed with spaces, their words are longer than a Han surname and given name: every word of two
// characters or more, one of three or more, and the first not one of the common compound surnames
// (欧阳 娜娜娜 is a surname and a given name).
bool looksLikeDottedName(const std::vector<char32_t>& text, const std::vector<std::u32string>& words)
{
    if (words.size() < 2 || isCompoundSurname(words.front()))
        return false;
    const bool allLong =
        std::all_of(words.cbegin(), words.cend(), [](const auto& w) { return w.size() >= 2; });
    const bool oneLonger =
        std::any_of(words.cbegin(), words.cend(), [](const auto& w) { return w.size() >= 3; });
    return allLong && oneLonger && !endsWithANote(text);
}

} // namespace

bool PersonName::isCjkIdeograph(char32_t c)
{
    // Ranges rather than QChar::script(): Qt's Unicode tables lag behind the extensions that hold
    // the rare characters found in names (Ext G and H are recent).
    return (c >= 0x3400 && c <= 0x4DBF)      // Extension A
           || (c >= 0x4E00 && c <= 0x9FFF)   // Unified Ideographs
           || (c >= 0xF900 && c <= 0xFAFF)   // Compatibility Ideographs
           || (c >= 0x20000 && c <= 0x2A6DF) // Extension B
           || (c >= 0x2A700 && c <= 0x2EE5F) // Extensions C, D, E, F, I
           || (c >= 0x2F800 && c <= 0x2FA1F) // Compatibility Ideographs Supplement
           || (c >= 0x30000 && c <= 0x323AF) // Extensions G, H
           || c == 0x3007;                   // 〇, which some names use as a character
}

PersonName PersonName::failure(Error error, const QString& detail)
{
    PersonName name;
    name.m_error = error;
    name.m_detail = detail;
    return name;
}

PersonName PersonName::parse(QStringView input)
{
    // 李四（已故）, 王五(退休), 张三（大） beside 张三（小）: rosters write a note after the name, which
    // belongs elsewhere.
    static const QRegularExpression note(QStringLiteral("^[^()\\[\\]]+[(\\[]([^()\\[\\]]+)[)\\]]$"));
    const bool bracketed = std::any_of(input.cbegin(), input.cend(), [](QChar c) {
        return c == u'(' || c == u'[' || c == u'\uFF08' || c == u'\uFF3B';
    });
    if (bracketed) {
        if (const QRegularExpressionMatch m = note.match(TextNormaliser::normalise(input)); m.hasMatch())
            return failure(Error::Note, m.captured(1).trimmed());
    }
    const QList<uint> points = TextNormaliser::normalise(input).toUcs4();
    std::vector<char32_t> text(points.cbegin(), points.cend());

    for (char32_t& c : text) {
        if (isMiddleDotLookAlike(c))
            c = kMiddleDot;
        else if (isRadical(c))
            c = ideographForRadical(c);
        else if (const char32_t standard = TextNormaliser::standardForPrivateUse(c); standard != 0)
            c = standard;
    }
    // A separate pass, so that a full stop sees its neighbours already mapped.
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == U'.' && isCjkIdeograph(neighbour(text, i, -1)) &&
            isCjkIdeograph(neighbour(text, i, +1)))
            text[i] = kMiddleDot;
    }

    // A Chinese name followed by its pinyin (陈静 Chen Jing, as HR systems print both): the pinyin
    // is no part of the name.
    QString droppedLatin;
    for (size_t i = 1; i + 1 < text.size(); ++i) {
        if (text[i] != U' ' || !isCjkIdeograph(text[i - 1]) || !isLatinLetter(text[i + 1]))
            continue;
        const bool latinRest = std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i + 1), text.end(),
                                           [](char32_t c) { return isLatinLetter(c) || c == U' '; });
        const bool hanBefore = std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(i),
                                           [](char32_t c) { return isCjkIdeograph(c) || c == U' '; });
        // A whole Chinese name before it: 李 John is one name.
        if (latinRest && hanBefore && i >= 2) {
            droppedLatin =
                QString::fromUcs4(text.data() + i + 1, static_cast<qsizetype>(text.size() - i - 1));
            text.resize(i);
        }
        break;
    }
    const std::vector<std::u32string> words = chineseWords(text);
    // Two words of two characters or more, the first no compound surname (欧阳 娜娜 is one name).
    const bool twoLongWords =
        words.size() >= 2 && !isCompoundSurname(words.front()) &&
        std::all_of(words.cbegin(), words.cend(), [](const std::u32string& w) { return w.size() >= 2; });

    // normalise() left single spaces only; drop those around a dot and between Chinese characters,
    // unless they stand for the dot itself.
    const bool dotted = looksLikeDottedName(text, words);
    if (dotted)
        std::replace(text.begin(), text.end(), U' ', kMiddleDot);
    std::vector<char32_t> kept;
    kept.reserve(text.size());
    bool joined = false;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == U' ') {
            const char32_t before = kept.empty() ? 0 : kept.back();
            const char32_t after = i + 1 < text.size() ? text[i + 1] : 0;
            if (before == kMiddleDot || after == kMiddleDot)
                continue;
            if (isCjkIdeograph(before) && isCjkIdeograph(after)) {
                joined = true;
                continue;
            }
        }
        kept.push_back(text[i]);
    }

    if (kept.empty())
        return failure(Error::Empty);
    for (size_t i = 0; i < kept.size(); ++i) {
        const char32_t c = kept[i];
        if (isCjkIdeograph(c) || isLatinLetter(c) || c == U' ')
            continue;
        if (isRadical(c))
            return failure(Error::Radical, TextNormaliser::visible(c));
        if ((c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0x10FFFD))
            return failure(Error::PrivateUse,
                           QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper());
        if (c >= 0x2FF0 && c <= 0x2FFF)
            return failure(Error::Description, TextNormaliser::visible(c));
        if (c == U'?')
            return failure(Error::StandIn, QStringLiteral("?"));
        if (c != kMiddleDot)
            return failure(Error::BadCharacter, TextNormaliser::visible(c));
        if (i == 0 || i + 1 == kept.size())
            return failure(Error::DotAtEdge);
        if (kept[i - 1] == kMiddleDot)
            return failure(Error::DoubledDot);
    }
    if (kept.size() > static_cast<size_t>(MaxLength))
        return failure(Error::TooLong, QString::number(kept.size()));

    PersonName name;
    name.m_error = Error::None;
    name.m_value = QString::fromUcs4(kept.data(), static_cast<qsizetype>(kept.size()));
    name.m_length = static_cast<int>(kept.size());
    name.m_joinedWords = joined && kept.size() > 2 && endsWithANote(text);
    name.m_spacesAsDots = dotted;
    name.m_mayBeTwoNames = joined && twoLongWords && !dotted && !name.m_joinedWords;
    name.m_droppedLatin = droppedLatin;
    return name;
}

QString PersonName::errorMessage() const
{
    switch (m_error) {
    case Error::None:
        return {};
    case Error::Empty:
        return tr("Name: nothing was entered.");
    case Error::BadCharacter:
        return tr("Name: %1 is not allowed in a name.").arg(m_detail);
    case Error::Radical:
        return tr("Name: %1 is a radical that only looks like a Chinese character (text copied from a PDF "
                  "often has them); please retype it.")
            .arg(m_detail);
    case Error::PrivateUse:
        return tr("Name: a character in it (%1) was made up by an input method on one computer (a "
                  "private-use "
                  "character): other computers, the server and printed forms cannot show it. Type the "
                  "standard "
                  "character (rare characters are in the input method's 生僻字 list); if there is none, use "
                  "a character that sounds the same and say so in 备注.")
            .arg(m_detail);
    case Error::Description:
        return tr("Name: %1 describes how a character is built (拆字) and is not a character itself. Type "
                  "the "
                  "character (rare characters are in the input method's 生僻字 list); if there is none, use "
                  "a character that sounds the same and describe it in 备注.")
            .arg(m_detail);
    case Error::StandIn:
        return tr(
            "Name: \"?\" stands in for a character the file could not hold: a roster saved as ANSI "
            "(GBK) text, as Excel's \"CSV (逗号分隔)\" saves it, turns a rare character (生僻字) into ?. "
            "Save the roster as \"CSV UTF-8 (逗号分隔)\" or as .xlsx and import it again, or type the "
            "character in.");
    case Error::DotAtEdge:
        return tr("Name: the middle dot · cannot begin or end a name.");
    case Error::DoubledDot:
        return tr("Name: the middle dot · cannot appear twice in a row.");
    case Error::TooLong:
        return tr("Name: it has %1 characters; at most %2 are allowed.")
            .arg(m_detail, QString::number(MaxLength));
    case Error::Note:
        return tr("Name: \u201C%1\u201D in brackets is a note, not part of the name; write the name alone "
                  "and "
                  "the note in 备注 (or as the membership status, as for 已故).")
            .arg(m_detail);
    }
    return {};
}

QString PersonName::masked(QStringView name)
{
    const QList<uint> characters = name.trimmed().toUcs4();
    const qsizetype n = characters.size();
    if (n <= 1)
        return QStringLiteral("*");
    auto character = [](uint c) {
        const char32_t code = c;
        return QString::fromUcs4(&code, 1);
    };
    QString result = character(characters.first());
    result += QString(n == 2 ? 1 : n - 2, QLatin1Char('*'));
    if (n > 2)
        result += character(characters.last());
    return result;
}

} // namespace ud
