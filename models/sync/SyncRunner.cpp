#include "sync/SyncRunner.h"

#include "organisations/OrganisationRepository.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "sync/LocalCredential.h"
#include "sync/OutboxSnapshots.h"
#include "sync/PushResultRecorder.h"
#include "sync/RemoteChangeApplier.h"
#include "sync/StoreJoin.h"
#include "sync/SyncLog.h"
#include "sync/SyncMeta.h"
#include "util/Clock.h"

#include <QThread>

#include <utility>

namespace ud::sync {

namespace {
QString key(const char* name)
{
    return QString::fromLatin1(name);
}
} // namespace

SyncRunner::SyncRunner(Database& store, SyncOptions options)
    : m_store(store)
    , m_options(std::move(options))
{
}

SyncReport SyncRunner::run()
{
    SyncReport result;
    m_state = SyncProgress();
    ApiClient api(QUrl::fromUserInput(m_options.serverUrl), m_options.timeoutMs);
    api.setCancelFlag(m_cancel);
    report(SyncProgress::Phase::SigningIn);
    if (!signIn(api, &result)) {
        finish(result);
        return result;
    }
    const bool done = pushAll(api, &result) && pullAll(api, &result);
    ApiError ignored;
    api.logout(&ignored);
    result.ok = done;
    finish(result);
    return result;
}

bool SyncRunner::signIn(ApiClient& api, SyncReport* result)
{
    Session session;
    int attempt = 0;
    for (;;) {
        ApiError failure;
        if (api.login(m_options.login, m_options.password, &session, &failure))
            break;
        if (failure.kind == ApiError::Kind::Unauthorized) {
            // The hash of the password stays for offline work, but the clerk must see that the
            // server no longer takes it (changed there, or the account disabled).
            result->refused = true;
            QString error;
            if (!LocalCredential(m_store).markRefused(&error))
                qCWarning(lcSync) << "cannot note the refused sign-in:" << error;
        }
        if (!waitToRetry(failure, &attempt, result))
            return false;
    }
    if (!bindAccount(session.account, result))
        return false;
    rememberCredential(session.account);
    return true;
}

bool SyncRunner::bindAccount(const SessionAccount& account, SyncReport* result)
{
    QString* error = &result->error;
    const QString root = m_store.meta(key(ud::meta::RootOrganisation));
    if (root.isEmpty()) {
        // A new store: it becomes the account's, and the first pull brings its subtree.
        if (!m_store.setMeta(key(ud::meta::RootOrganisation), account.organisation, error))
            return false;
    } else if (root != account.organisation) {
        if (m_store.meta(key(ud::meta::StoreKind)) == QLatin1String("demo")) {
            *error = tr("This data file holds generated sample data, which is never sent to a server. Sync "
                        "into a new data file instead.");
            return false;
        }
        if (!StoreJoin::isJoinable(m_store)) {
            // Names, not ids: the clerk has to recognise both organisations.
            const std::optional<Organisation> own =
                OrganisationRepository(m_store, OrganisationRepository::rootScope(m_store)).find(root);
            *error = tr("This data file belongs to %1, but the account %2 works for %3. Sync with an account "
                        "of the same organisation, or into a new data file.")
                         .arg(own ? own->name : root, account.login,
                              account.organisationName.isEmpty() ? account.organisation
                                                                 : account.organisationName);
            return false;
        }
        // Joining sends everything the file holds to the server: an account that may not write
        // would only see all of it refused.
        if (account.role != QLatin1String("clerk") && account.role != QLatin1String("administrator")) {
            *error = tr("This data file was set up on this computer and has never synced. Joining it to the "
                        "organisation of %1 sends its records to the server, which this account (%2) may "
                        "not do: sign in as a clerk.")
                         .arg(account.login, account.role);
            return false;
        }
        if (account.organisationPath.isEmpty()) {
            *error = tr("This data file was set up on this computer and has never synced. To join it to the "
                        "organisation of %1, the server %2 must say where that organisation lies, which "
                        "this server does not: update the server, or sync into a new data file.")
                         .arg(account.login, QUrl::fromUserInput(m_options.serverUrl).toDisplayString());
            return false;
        }
        QString joinError;
        if (!StoreJoin(m_store).join(account.organisation, account.organisationPath, account.login,
                                     &joinError)) {
            *error = tr("This data file could not join the organisation of %1 (nothing was changed): %2")
                         .arg(account.login, joinError);
            return false;
        }
        result->joined = true;
    }
    return m_store.setMeta(key(meta::AccountLogin), account.login, error) &&
           m_store.setMeta(key(meta::AccountOrganisation), account.organisation, error) &&
           m_store.setMeta(key(meta::AccountRole), account.role, error) &&
           m_store.setMeta(key(meta::ServerUrl), m_options.serverUrl, error);
}

void SyncRunner::rememberCredential(const SessionAccount& account)
{
    // Not worth failing a sync over: without the hash, the next start-up asks the server instead.
    QString error;
    const QString login = account.login.isEmpty() ? m_options.login : account.login;
    if (!LocalCredential(m_store).remember(login, m_options.password, &error))
        qCWarning(lcSync) << "cannot keep the password's hash for offline sign-in:" << error;
}

bool SyncRunner::pushAll(ApiClient& api, SyncReport* result)
{
    Outbox outbox(m_store.connection());
    const QString clientId = m_store.meta(key(ud::meta::ClientId));
    PushResultRecorder recorder(m_store);
    OutboxSnapshots snapshots(m_store.connection());
    for (;;) {
        QList<OutboxOperation> batch = outbox.pending(m_options.pushBatch);
        if (batch.isEmpty())
            return true;
        if (!snapshots.fill(&batch, &result->error))
            return false;
        if (batch.isEmpty())
            continue; // every one a creation of a record that is gone
        m_state.pending = outbox.pendingCount();
        report(SyncProgress::Phase::Pushing);
        QList<PushResult> results;
        if (!withRetries(
                api, [&](ApiError* failure) { return api.push(clientId, batch, &results, failure); }, result))
            return false;
        PushResultRecorder::Tally tally;
        if (!recorder.record(batch, results, &tally, &result->error))
            return false;
        result->pushed += tally.answered;
        result->conflicts += tally.conflicts;
        m_state.pushed = result->pushed;
        if (tally.answered == 0) {
            // Nothing of the batch was answered: sending it again would loop for ever.
            result->error = tr("The server %1 answered none of the %2 operations sent; they stay queued.")
                                .arg(api.serverName())
                                .arg(batch.size());
            return false;
        }
    }
}

bool SyncRunner::pullAll(ApiClient& api, SyncReport* result)
{
    RemoteChangeApplier applier(m_store);
    QString cursor = m_store.meta(key(meta::Cursor));
    // One page is asked for ahead: while a page is being stored, the server reads and sends the
    // next one. It is asked for at the cursor the page being stored ends at, and taken only once
    // that page is stored and the store's cursor is there; any failure drops it. So the store
    // still moves one whole page at a time, and a run stopped anywhere resumes at its cursor.
    bool sentAhead = false;
    for (;;) {
        report(SyncProgress::Phase::Pulling);
        PullPage page;
        if (!withRetries(
                api,
                [&](ApiError* failure) {
                    // Should the page sent ahead fail, the tries after it ask again as usual.
                    if (std::exchange(sentAhead, false))
                        return api.takePull(&page, failure);
                    return api.pull(cursor, m_options.pullLimit, &page, failure);
                },
                result))
            return false;
        const bool stalled = page.cursor == cursor && page.changes.isEmpty();
        if (page.more && !stalled) {
            api.sendPull(page.cursor, m_options.pullLimit);
            sentAhead = true;
        }
        qint64 applied = 0;
        QString error;
        if (!applier.apply(page, &applied, &error)) {
            api.dropPull();
            result->error = tr("A page of changes from the server %1 could not be stored (nothing of it was "
                               "kept): %2")
                                .arg(api.serverName(), error);
            return false;
        }
        result->pulled += applied;
        m_state.pulled = result->pulled;
        if (!page.more)
            return true;
        if (stalled) {
            result->error = tr("The server %1 promised more changes but sent none.").arg(api.serverName());
            return false;
        }
        const QString stored = m_store.meta(key(meta::Cursor));
        if (stored != page.cursor && sentAhead) {
            // The store is the authority on where to go on from; the page sent ahead starts elsewhere.
            api.dropPull();
            sentAhead = false;
        }
        cursor = stored;
    }
}

bool SyncRunner::withRetries(ApiClient& api, const std::function<bool(ApiError*)>& call, SyncReport* result)
{
    bool signedInAgain = false;
    int attempt = 0;
    for (;;) {
        ApiError failure;
        if (call(&failure))
            return true;
        if (failure.kind == ApiError::Kind::Unauthorized && !signedInAgain) {
            // The token expired during a long run.
            signedInAgain = true;
            if (!signIn(api, result))
                return false;
            continue;
        }
        if (!waitToRetry(failure, &attempt, result))
            return false;
    }
}

bool SyncRunner::waitToRetry(const ApiError& failure, int* attempt, SyncReport* result)
{
    // A wrong password or a refused request stays so: only a passing failure is worth another try.
    const int wait = failure.kind == ApiError::Kind::Throttled ? failure.retryAfterSeconds * 1000
                                                               : m_options.backoffMs << *attempt;
    if (!failure.isTransient() || ++*attempt >= m_options.attempts || wait > m_options.maxWaitMs ||
        !pause(wait, failure.message)) {
        result->error = cancelled() ? tr("Sync was cancelled.") : failure.message;
        return false;
    }
    return true;
}

bool SyncRunner::pause(int ms, const QString& why)
{
    qCInfo(lcSync) << "trying again in" << ms << "ms:" << why;
    const SyncProgress::Phase phase = m_state.phase;
    report(SyncProgress::Phase::Waiting, why);
    constexpr int slice = 100;
    for (int waited = 0; waited < ms; waited += slice) {
        if (cancelled())
            return false;
        QThread::msleep(static_cast<unsigned long>(std::min(slice, ms - waited)));
    }
    m_state.phase = phase;
    return !cancelled();
}

void SyncRunner::report(SyncProgress::Phase phase, const QString& message)
{
    m_state.phase = phase;
    m_state.message = message;
    if (m_progress)
        m_progress(m_state);
}

void SyncRunner::finish(const SyncReport& result)
{
    QString ignored;
    if (result.ok)
        m_store.setMeta(key(meta::LastSyncAt), Clock::nowIso(), &ignored);
    m_store.setMeta(key(meta::LastSyncError), result.ok ? QString() : result.error, &ignored);
    if (!result.ok)
        qCInfo(lcSync) << "sync stopped:" << result.error;
    m_state.pushed = result.pushed;
    m_state.pulled = result.pulled;
    report(SyncProgress::Phase::Done, result.error);
}

} // namespace ud::sync
