#pragma once

#include "members/Member.h"
#include "organisations/Organisation.h"
#include "store/Database.h"
#include "store/Scope.h"

#include <QDate>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace ud::test {

// A throwaway data file for one test: a temporary folder, the store opened (and migrated) in it,
// and a root organisation. Organisations and members are added through the core's repositories,
// exactly as the programs add them, so a test sees what a clerk would.
class TestStore
{
public:
    explicit TestStore(const QString& rootName = QStringLiteral("测试区总工会"),
                       const QString& rootLevel = QStringLiteral("district"));
    ~TestStore();
    TestStore(const TestStore&) = delete;
    TestStore& operator=(const TestStore&) = delete;

    bool isValid() const { return m_store != nullptr && !m_root.id.isEmpty(); }
    QString error() const { return m_error; }
    Database& store() { return *m_store; }
    QString path() const;
    // The scope of the root organisation: the whole store.
    Scope scope() const { return m_scope; }
    const Organisation& root() const { return m_root; }
    static QString actor() { return QStringLiteral("test"); }

    // Adds an organisation under `parentId` (the root when empty); an empty id on failure.
    Organisation addOrganisation(const QString& name, const QString& parentId = QString(),
                                 const QString& level = QStringLiteral("base"));
    // Adds a member through MemberRepository::add; false with the reason in error().
    bool addMember(Member& member);
    // Adds members sampleMember(first) … sampleMember(first + count - 1) to an organisation and
    // returns their ids (empty on failure, with the reason in error()).
    QStringList addMembers(const QString& organisationId, int count, int first = 0);

    // A valid member whose every value is derived from `n` (0 ≤ n < 16000): members with different
    // n never share a name-and-number, an ID number, a mobile or a card number. Gender and birth
    // date are left empty: the validator takes them from the ID number.
    static Member sampleMember(int n, const QString& organisationId);
    static QString sampleName(int n);
    static QDate sampleBirthDate(int n);
    static bool sampleIsFemale(int n) { return n % 2 == 1; }
    static QString sampleIdNumber(int n);

    // GB 11643-1999 (ISO 7064 MOD 11-2), computed here independently of the core.
    static QChar checkCharacter(const QString& first17);
    static QString idNumber(const QString& region, const QDate& birth, int sequence);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_store;
    Organisation m_root;
    Scope m_scope;
    QString m_error;
};

} // namespace ud::test
