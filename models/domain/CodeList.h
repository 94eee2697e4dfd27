#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <vector>

namespace ud {

// One entry of a coded field: the key stored in the database and sent over the API, the English
// label (translated for display) and the words clerks type for it in Chinese, '|'-separated, which
// are accepted as input whatever the interface language.
struct Code
{
    const char* key;
    const char* label;
    const char* aliases;
};

// A closed list of values for one field (status, gender, employment form …).
class CodeList
{
    Q_DECLARE_TR_FUNCTIONS(ud::CodeList)

public:
    CodeList(std::initializer_list<Code> codes);

    int size() const { return static_cast<int>(m_codes.size()); }
    const Code& at(int i) const { return m_codes.at(static_cast<size_t>(i)); }
    QStringList keys() const;
    bool contains(const QString& key) const;
    // The label in the interface language; the key itself if it is not in the list.
    QString label(const QString& key) const;
    // Every label in the interface language, in the list's order, for a message naming the choices.
    QStringList labels() const;
    // The key for something a clerk typed: a key, an English label, a Chinese word (full-width and
    // surrounding spaces tolerated). Empty if nothing matches.
    QString keyFor(const QString& text) const;

private:
    std::vector<Code> m_codes;
    // Keys and English labels (lower case) and the Chinese words, each to its key, built once: an
    // import asks keyFor() for every coded cell of every row.
    QHash<QString, QString> m_lowerCaseKeys;
    QHash<QString, QString> m_aliases;
};

namespace codes {
const CodeList& memberStatus();
const CodeList& gender();
const CodeList& employmentForm();
const CodeList& education();
const CodeList& politicalStatus();
const CodeList& household();
const CodeList& idType();
const CodeList& verificationMethod();
const CodeList& memberEventKind();
const CodeList& organisationLevel();
const CodeList& organisationKind();
const CodeList& organisationStatus();
const CodeList& organisationRequestKind();
const CodeList& organisationRequestState();
const CodeList& cadrePosition();
const CodeList& cadreAppointment();
} // namespace codes

} // namespace ud
