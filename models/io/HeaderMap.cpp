#include "io/HeaderMap.h"

#include "domain/TextNormaliser.h"
#include "io/RowClassifier.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace ud {

namespace {

// A header typed over two lines (Alt+Enter: 入会时间 / （年.月.日）) as one, for messages on one line:
// Chinese runs together, words written in letters keep a space between them.
QString oneLine(const QString& header)
{
    if (!header.contains(QLatin1Char('\n')) && !header.contains(QLatin1Char('\r')))
        return header;
    const QStringList lines = header.split(QRegularExpression(QStringLiteral("\\s*[\\r\\n]+\\s*")));
    QString joined;
    for (const QString& line : lines) {
        if (!joined.isEmpty() && !line.isEmpty() && joined.back().unicode() < 0x80 &&
            line.front().unicode() < 0x80)
            joined += QLatin1Char(' ');
        joined += line;
    }
    return joined;
}

} // namespace

QStringList HeaderMap::importableFields()
{
    return HeaderVocabulary::members().fields();
}

QString HeaderMap::fieldFor(const QString& header)
{
    return HeaderVocabulary::members().fieldFor(header);
}

std::optional<HeaderMap> HeaderMap::detect(const Sheet& sheet, int searchRows)
{
    return detect(sheet, HeaderVocabulary::members(), searchRows);
}

std::optional<HeaderMap> HeaderMap::detect(const Sheet& sheet, const HeaderVocabulary& vocabulary,
                                           int searchRows)
{
    std::optional<HeaderMap> best;
    int bestScore = 1;
    const int rows = std::min(searchRows, static_cast<int>(sheet.rows.size()));
    for (int r = 0; r < rows; ++r) {
        HeaderMap map;
        map.m_vocabulary = &vocabulary;
        map.m_headerRow = r;
        map.m_hiddenColumns = sheet.hiddenColumns;
        const QList<SheetCell>& row = sheet.rows.at(r);
        for (int c = 0; c < row.size(); ++c) {
            QString text =
                row.at(c).type == SheetCell::Type::Text ? oneLine(row.at(c).text.trimmed()) : QString();
            // A header on two lines that names a field only by one of them: 身份证号码⏎18位 (a hint
            // below), 联系方式⏎手机号码 (a group label above).
            if (!text.isEmpty() && row.at(c).text.trimmed().contains(QLatin1Char('\n')) &&
                vocabulary.fieldFor(text).isEmpty()) {
                const QStringList lines =
                    row.at(c).text.trimmed().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
                if (!vocabulary.fieldFor(lines.first().trimmed()).isEmpty())
                    text = lines.first().trimmed();
                else if (!vocabulary.fieldFor(lines.last().trimmed()).isEmpty())
                    text = lines.last().trimmed();
            }
            map.m_headers.append(text);
        }
        map.mapColumns();
        const int score = static_cast<int>(map.m_columns.size());
        const bool identifies = vocabulary.identifies(map.m_columns.keys());
        if (identifies && score > bestScore) {
            bestScore = score;
            best = map;
        }
    }
    if (best)
        best->takeSubHeaders(sheet);
    return best;
}

void HeaderMap::takeSubHeaders(const Sheet& sheet)
{
    // A two-row header: a group cell (联系方式, merged across two columns) above the sub-headers
    // 办公电话 | 手机号码, the other headers merged down over both rows. The row below is one of
    // sub-headers when it holds only text, names at least one field and nothing that looks like a
    // member's data.
    const int below = m_headerRow + 1;
    if (below >= sheet.rows.size())
        return;
    const QList<SheetCell>& row = sheet.rows.at(below);
    // How to fill each column (学历 over 下拉选择) names a field only by the header above it.
    if (RowClassifier::isHintRow(row))
        return;
    bool namesField = false;
    for (int c = 0; c < row.size(); ++c) {
        const SheetCell& cell = row.at(c);
        if (cell.isEmpty())
            continue;
        if (cell.type != SheetCell::Type::Text || RowClassifier::looksLikeIdNumber(cell))
            return;
        const QString lower = cell.text.trimmed();
        // A 栏次 row (1 2 3 … under the headers) names nothing, though 手机号码 + 1 would.
        const bool number = std::all_of(lower.cbegin(), lower.cend(), [](QChar ch) { return ch.isDigit(); });
        namesField = namesField || !m_vocabulary->fieldFor(lower).isEmpty() ||
                     (!number && !m_vocabulary->fieldFor(m_headers.value(c) + lower).isEmpty());
    }
    if (!namesField)
        return;
    for (int c = 0; c < row.size(); ++c) {
        if (row.at(c).isEmpty())
            continue;
        while (m_headers.size() <= c)
            m_headers.append(QString());
        // The sub-header, unless only a header wrapped onto two rows names a field (身份证 over 号码:
        // 身份证号码); 办公电话 under 联系方式 is its own column.
        const QString upper = m_headers.at(c);
        const QString lower = row.at(c).text.trimmed();
        const QString whole = upper + lower;
        const bool wrapped = upper != lower && m_vocabulary->fieldFor(lower).isEmpty() &&
                             !m_vocabulary->fieldFor(whole).isEmpty();
        // 电话1 under 家庭成员 or 紧急联系人 is someone else's: named with its group, it names no field.
        if (upper != lower && HeaderVocabulary::namesSomeoneElse(upper))
            m_headers[c] = upper + QChar(u'·') + lower;
        else
            m_headers[c] = wrapped ? whole : lower;
    }
    mapColumns();
    m_headerRow = below;
}

void HeaderMap::mapColumns()
{
    // The first column naming a field takes it, unless a later one is marked as the current one
    // (手机号码 beside 新手机号码) or names it more surely (手机号码 after 联系电话); the other is then a
    // column left behind, and the clerk is told.
    m_columns.clear();
    m_fallbacks.clear();
    m_moreValues.clear();
    // A hidden column beside a visible one of the same header is an old copy the clerk put out of
    // sight (the old mobiles, hidden when the new ones were typed in next to them).
    // It is still read where the shown one is empty (a roster that filled only some new numbers).
    QSet<QString> seen;
    for (int c = 0; c < m_headers.size(); ++c) {
        if (!m_hiddenColumns.contains(c))
            seen.insert(m_vocabulary->fieldFor(m_headers.at(c)));
    }
    // 姓名1 | 电话1 | 姓名2 | 电话2: a list of other people (family members), whose numbered phones are
    // not the member's.
    const bool peopleListed =
        std::any_of(m_headers.cbegin(), m_headers.cend(), [this](const QString& header) {
            static const QRegularExpression numbered(QStringLiteral("^(.*\\D)\\(?[1-9]\\)?$"));
            const QRegularExpressionMatch match = numbered.match(HeaderVocabulary::key(header));
            return match.hasMatch() && m_vocabulary->fieldFor(match.captured(1)) == QLatin1String("name");
        });
    QHash<QString, int> hiddenTwins; // field → the first hidden column naming it beside a shown one
    QSet<QString> current;
    QSet<QString> vague; // fields taken by a column whose header names them less surely (联系电话)
    for (int c = 0; c < m_headers.size(); ++c) {
        const QString field = m_vocabulary->fieldFor(m_headers.at(c));
        if (field.isEmpty())
            continue;
        if (m_hiddenColumns.contains(c) && seen.contains(field)) {
            if (!hiddenTwins.contains(field))
                hiddenTwins.insert(field, c);
            continue;
        }
        if (peopleListed && HeaderVocabulary::numberOf(m_headers.at(c)) > 0)
            continue;
        if (HeaderVocabulary::numberOf(m_headers.at(c)) > 0 && m_columns.contains(field)) {
            // 手机号码2 beside 手机号码1: the same member's second number, not a column left behind.
            m_moreValues.insert(c, {field, m_columns.value(field)});
            if (!m_fallbacks.contains(field))
                m_fallbacks.insert(field, {m_columns.value(field), c});
            continue;
        }
        if (field == QLatin1String("notes") && m_columns.contains(field) &&
            !HeaderVocabulary::isCurrent(m_headers.at(c))) {
            // A second 备注 (notes kept in two columns): both are the member's notes.
            m_moreValues.insert(c, {field, m_columns.value(field)});
            continue;
        }
        const bool marked = HeaderVocabulary::isCurrent(m_headers.at(c));
        const bool isVague = HeaderVocabulary::isVague(m_headers.at(c));
        if (!marked && !isVague && vague.contains(field) && !current.contains(field)) {
            // 手机号码 after 联系电话: the mobile column is the mobile; the other is left behind.
            m_columns.insert(field, c);
            m_fallbacks.remove(field);
            vague.remove(field);
            continue;
        }
        if (isVague && !m_columns.contains(field))
            vague.insert(field);
        if (current.contains(field)) {
            if (!marked && !m_fallbacks.contains(field))
                m_fallbacks.insert(field, {m_columns.value(field), c});
            continue;
        }
        if (marked && m_columns.contains(field))
            m_fallbacks.insert(field, {c, m_columns.value(field)});
        if (!m_columns.contains(field) || marked)
            m_columns.insert(field, c);
        if (marked)
            current.insert(field);
    }
    for (auto it = hiddenTwins.cbegin(); it != hiddenTwins.cend(); ++it) {
        if (m_columns.contains(it.key()) && !m_fallbacks.contains(it.key()))
            m_fallbacks.insert(it.key(), {m_columns.value(it.key()), it.value()});
    }
}

int HeaderMap::fallbackOf(const QString& field) const
{
    const auto it = m_fallbacks.constFind(field);
    if (it == m_fallbacks.constEnd() || columnOf(field) != it->first || !fieldAt(it->second).isEmpty())
        return -1;
    return it->second;
}

QList<int> HeaderMap::moreValuesOf(const QString& field) const
{
    QList<int> columns;
    for (auto it = m_moreValues.cbegin(); it != m_moreValues.cend(); ++it) {
        if (it->first == field && columnOf(field) == it->second && fieldAt(it.key()).isEmpty())
            columns.append(it.key());
    }
    std::sort(columns.begin(), columns.end());
    return columns;
}

QString HeaderMap::standsInFor(int column) const
{
    for (auto it = m_fallbacks.cbegin(); it != m_fallbacks.cend(); ++it) {
        if (it->second == column && fallbackOf(it.key()) == column)
            return it.key();
    }
    const auto more = m_moreValues.constFind(column);
    if (more != m_moreValues.constEnd() && moreValuesOf(more->first).contains(column))
        return more->first;
    return {};
}

bool HeaderMap::isFallback(int column) const
{
    for (auto it = m_fallbacks.cbegin(); it != m_fallbacks.cend(); ++it) {
        if (it->second == column && fallbackOf(it.key()) == column)
            return true;
    }
    return false;
}

int HeaderMap::columnFor(const QString& field, const QList<SheetCell>& cells) const
{
    const int column = columnOf(field);
    const int fallback = fallbackOf(field);
    return fallback >= 0 && cells.value(column).isEmpty() ? fallback : column;
}

QString HeaderMap::fieldAt(int column) const
{
    for (auto it = m_columns.constBegin(); it != m_columns.constEnd(); ++it) {
        if (it.value() == column)
            return it.key();
    }
    return {};
}

QStringList HeaderMap::requiredFields()
{
    return {QStringLiteral("name"), QStringLiteral("idNumber")};
}

std::optional<std::pair<int, int>> HeaderMap::splitName() const
{
    int surname = -1;
    int given = -1;
    for (int c = 0; c < m_headers.size(); ++c) {
        const QString header = TextNormaliser::withoutSpaces(m_headers.at(c));
        if (surname < 0 && (header == QStringLiteral("姓") || header == QStringLiteral("姓氏")))
            surname = c;
        else if (given < 0 && (header == QStringLiteral("名") || header == QStringLiteral("名字")))
            given = c;
    }
    if (surname < 0 || given < 0)
        return std::nullopt;
    return std::make_pair(surname, given);
}

QStringList HeaderMap::missingRequiredFields() const
{
    QStringList missing;
    for (const QString& field : requiredFields()) {
        if (columnOf(field) < 0)
            missing.append(field);
    }
    return missing;
}

QString HeaderMap::columnLetter(int column)
{
    QString letters;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        letters.prepend(QChar(u'A' + (n - 1) % 26));
    return letters;
}

QString HeaderMap::headerOf(const QString& field) const
{
    const int column = columnOf(field);
    const QString header = column >= 0 ? m_headers.value(column) : QString();
    return header.isEmpty() ? m_vocabulary->label(field) : header;
}

void HeaderMap::setField(int column, const QString& field)
{
    const QString previous = fieldAt(column);
    if (!previous.isEmpty())
        m_columns.remove(previous);
    if (!field.isEmpty())
        m_columns.insert(field, column);
    while (m_headers.size() <= column)
        m_headers.append(QString());
}

} // namespace ud
