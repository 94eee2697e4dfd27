#pragma once

#include "store/Database.h"
#include "sync/SyncMessages.h"

#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

namespace ud::test {

// A store as a first sync makes it: no root organisation of its own, the account's organisation
// ("acct", under "top", which the store never sees) as its root, and pages built here applied
// through RemoteChangeApplier.
class SyncFixture
{
public:
    SyncFixture();

    bool isValid() const { return m_store != nullptr; }
    Database& store() { return *m_store; }

    static QJsonObject organisation(const QString& id, const QString& parent, const QString& path,
                                    const QString& name, qint64 version);
    // A whole member record (TestStore::sampleMember(n)) as the server sends it.
    static QJsonObject member(const QString& id, int n, const QString& organisation, qint64 version);
    static QJsonObject change(const QString& entity, const QString& id, qint64 version,
                              const QJsonObject& fields);
    static QJsonObject tombstone(const QString& entity, const QString& id, qint64 version);
    static QJsonObject gone(const QString& entity, const QString& id, qint64 version);
    static sync::PullPage page(const QList<QJsonObject>& changes, qint64 cursor, bool more = false);

    // Applies a page; false with the reason in *error.
    bool apply(const sync::PullPage& page, QString* error = nullptr, qint64* applied = nullptr);
    // The root and one base union under it, members of the base union: 1..count.
    bool seed(int members = 3);

    QVariant scalar(const QString& sql, const QVariantList& values = {});

    static constexpr auto Root = "acct";
    static constexpr auto Base = "base";

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_store;
};

} // namespace ud::test
