#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace ud {

// The words clerks write above a column, per field, for one kind of record: the member roster or
// the list of organisations. HeaderMap finds a sheet's header row and maps its columns through one.
class HeaderVocabulary
{
    Q_DECLARE_TR_FUNCTIONS(ud::HeaderVocabulary)

public:
    struct Entry
    {
        const char* field;
        const char* words; // '|'-separated, compared after key()
    };

    // `identifying`: a header row must name one of these; `label`: the field's label in the interface
    // language (a file exported in Chinese reads back in Chinese).
    HeaderVocabulary(QList<Entry> entries, QStringList identifying,
                     std::function<QString(const QString&)> label);

    static const HeaderVocabulary& members();
    static const HeaderVocabulary& organisations();

    // The field a header names, or empty. A header marked as former (手机号码(旧), 原工作单位) names
    // none: its column holds what is no longer true. One marked as current (现工作单位, 手机号码(新))
    // names the field, and isCurrent() says so.
    QString fieldFor(const QString& header) const;
    static bool isCurrent(const QString& header);
    // A header that names its field less surely than another would (联系电话 may be a desk phone
    // beside 手机号码): a column with a surer header takes the field from it.
    static bool isVague(const QString& header);
    // The number after a phone header (手机号码1, 联系电话2, 手机号码（2）): a roster's first, second …
    // number of the same member; 0 for any other header.
    static int numberOf(const QString& header);
    // Whether a header or a group label above headers names people other than the member (家庭成员,
    // 紧急联系人, 配偶 …): their columns are not the member's.
    static bool namesSomeoneElse(const QString& text);
    QStringList fields() const { return m_fields; }
    QString label(const QString& field) const { return m_label(field); }
    bool identifies(const QStringList& fields) const;

    // Headers compare without spaces, stars (required-field marks), colons, quotes and case.
    static QString key(const QString& header);

private:
    // A header whose words come with a hint (姓名⏎必填, 学历-下拉) or in two (手机/电话); `k` is its key.
    QString fieldForHinted(const QString& header, const QString& k) const;
    QStringList m_fields;
    QStringList m_identifying;
    QHash<QString, QString> m_index; // key(word) → field
    std::function<QString(const QString&)> m_label;
};

} // namespace ud
