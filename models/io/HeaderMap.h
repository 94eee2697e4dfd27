#pragma once

#include "io/HeaderVocabulary.h"
#include "io/Workbook.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace ud {

// Which column of a sheet holds which member field. The header row is found by its content, below
// any title and note rows ("XX公司工会会员花名册", "填报单位：…"), and the headers clerks write are
// mapped to fields through their Chinese synonyms (姓名/名字, 身份证号/证件号码/公民身份号码 …), the
// English labels and the labels in the interface language. The mapping can be corrected before an
// import (setField).
class HeaderMap
{
    Q_DECLARE_TR_FUNCTIONS(ud::HeaderMap)

public:
    // The header row among the first `searchRows` rows: the one naming the most fields, at least two
    // of them, the name or the ID number among them. Nothing when no row qualifies. A row of
    // sub-headers below it (联系方式 over 办公电话 | 手机号码) is taken as its second row: headerRow()
    // is then that row, and a sub-header names its column instead of the group above it.
    static std::optional<HeaderMap> detect(const Sheet& sheet, int searchRows = 30);
    // The same for another kind of record (HeaderVocabulary::organisations()).
    static std::optional<HeaderMap> detect(const Sheet& sheet, const HeaderVocabulary& vocabulary,
                                           int searchRows = 30);
    // The member field (API name) a header names, or empty.
    static QString fieldFor(const QString& header);
    // The fields an import can fill, in the order of the export's columns.
    static QStringList importableFields();

    int headerRow() const { return m_headerRow; } // 0-based index into Sheet::rows
    int columnOf(const QString& field) const { return m_columns.value(field, -1); }
    // The plain column beside the current one that took its field (手机号码 beside 现手机号): read
    // where the current one is empty, as a roster fills 现手机号 only for those whose number changed.
    // -1 when there is none.
    int fallbackOf(const QString& field) const;
    bool isFallback(int column) const;
    // Columns of more values beside the one `field` comes from: more numbers (手机号码2 beside
    // 手机号码1), read where that one is empty (the first is also the fallback) and kept in the
    // notes where it is not; a second 备注, added to the notes.
    QList<int> moreValuesOf(const QString& field) const;
    // The field an unmapped column stands in for (as fallbackOf or moreValuesOf), or empty.
    QString standsInFor(int column) const;
    // Hidden in the workbook (Sheet::hiddenColumns): such a column takes its field only when no
    // column the clerk sees names it.
    bool isHidden(int column) const { return m_hiddenColumns.contains(column); }
    // The column a row's value for `field` comes from: its column, or the fallback where that is empty.
    int columnFor(const QString& field, const QList<SheetCell>& cells) const;
    QString fieldAt(int column) const;
    // The header text as the clerk wrote it (for messages); the field's label if it has no column.
    QString headerOf(const QString& field) const;
    QString headerAt(int column) const { return m_headers.value(column); }
    QStringList fields() const { return m_columns.keys(); }
    // Name and ID number: without a column for each no member can be imported.
    static QStringList requiredFields();
    QStringList missingRequiredFields() const;
    // The columns of a name split in two (姓 | 名, 姓氏 | 名字), surname first; nothing otherwise.
    std::optional<std::pair<int, int>> splitName() const;
    int columnCount() const { return static_cast<int>(m_headers.size()); }
    // A column as Excel names it: 0 → A, 27 → AB.
    static QString columnLetter(int column);
    // Maps (or, with an empty field, unmaps) a column; a field maps to one column at most.
    void setField(int column, const QString& field);

private:
    // Takes the row below the header as its second row when it holds sub-headers.
    void takeSubHeaders(const Sheet& sheet);
    void mapColumns(); // m_columns from m_headers

    const HeaderVocabulary* m_vocabulary = &HeaderVocabulary::members();
    int m_headerRow = -1;
    QStringList m_headers;
    QHash<QString, int> m_columns; // field → column
    // field → (the current column, the plain one beside it); in force while the current column
    // holds the field, whatever the wizard unmaps and maps again in between.
    QHash<QString, std::pair<int, int>> m_fallbacks;
    QHash<int, std::pair<QString, int>> m_moreValues; // column → (its field, the column it adds to)
    QSet<int> m_hiddenColumns;
};

} // namespace ud
