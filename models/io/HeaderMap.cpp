#include "io/HeaderMap.h"

namespace ud {

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
        const QList<SheetCell>& row = sheet.rows.at(r);
        for (int c = 0; c < row.size(); ++c) {
            const QString text =
                row.at(c).type == SheetCell::Type::Text ? row.at(c).text.trimmed() : QString();
            map.m_headers.append(text);
            const QString field = vocabulary.fieldFor(text);
            if (!field.isEmpty() && !map.m_columns.contains(field))
                map.m_columns.insert(field, c);
        }
        const int score = static_cast<int>(map.m_columns.size());
        const bool identifies = vocabulary.identifies(map.m_columns.keys());
        if (identifies && score > bestScore) {
            bestScore = score;
            best = map;
        }
    }
    return best;
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
