#include "sync/SyncController.h"

#include "store/Database.h"
#include "store/Outbox.h"
#include "sync/LocalCredential.h"
#include "sync/SyncConflictRepository.h"
#include "sync/SyncMeta.h"
#include "sync/SyncRunner.h"
#include "sync/SyncWorker.h"
#include "util/Clock.h"
#include "util/LogCategories.h"

#include <algorithm>

namespace ud {

SyncController::SyncController(Database& store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{
    m_thread.setObjectName(QStringLiteral("sync"));
    m_worker = new SyncWorker(store.path(), &m_cancel);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::progress, this, &SyncController::onProgress);
    connect(m_worker, &SyncWorker::finished, this, &SyncController::onFinished);
    m_thread.start();

    m_periodic.setInterval(PeriodMs);
    connect(&m_periodic, &QTimer::timeout, this, &SyncController::syncNow);
    m_soon.setSingleShot(true);
    connect(&m_soon, &QTimer::timeout, this, &SyncController::syncNow);
}

SyncController::~SyncController()
{
    stop();
}

QString SyncController::serverUrl() const
{
    return m_serverUrl.isEmpty() ? m_store.meta(QLatin1String(sync::meta::ServerUrl)) : m_serverUrl;
}

QString SyncController::login() const
{
    return m_login.isEmpty() ? m_store.meta(QLatin1String(sync::meta::AccountLogin)) : m_login;
}

QDateTime SyncController::lastSync() const
{
    const QString at = m_store.meta(QLatin1String(sync::meta::LastSyncAt));
    return at.isEmpty() ? QDateTime() : QDateTime::fromString(at, Qt::ISODateWithMs).toLocalTime();
}

sync::SyncOptions SyncController::sessionOptions() const
{
    sync::SyncOptions options;
    options.serverUrl = serverUrl();
    options.login = login();
    options.password = m_password;
    return options;
}

qint64 SyncController::pending() const
{
    return Outbox(m_store.connection()).pendingCount();
}

qint64 SyncController::openConflicts() const
{
    return sync::SyncConflictRepository(m_store).openCount();
}

void SyncController::connectTo(const QString& serverUrl, const QString& login, const QString& password)
{
    m_serverUrl = serverUrl.trimmed();
    m_login = login.trimmed();
    m_password = password;
    m_failures = 0;
    m_signInRefused = false;
    m_periodic.start();
    setState(State::Idle);
    syncNow();
}

void SyncController::continueSession(SyncController& previous)
{
    const QString serverUrl = previous.serverUrl();
    const QString login = previous.login();
    const QString password = previous.m_password;
    previous.stop();
    if (!password.isEmpty())
        connectTo(serverUrl, login, password);
}

void SyncController::stop()
{
    m_password.clear();
    m_periodic.stop();
    m_soon.stop();
    m_cancel = true;
    m_thread.quit();
    m_thread.wait();
}

void SyncController::setDelays(int afterChangeMs, int firstRetryMs)
{
    m_afterChangeMs = afterChangeMs;
    m_firstRetryMs = firstRetryMs;
}

void SyncController::syncNow()
{
    if (!hasCredentials())
        return;
    if (m_state == State::Running) {
        m_again = true;
        return;
    }
    m_soon.stop();
    m_again = false;
    m_cancel = false;
    m_activity = tr("Connecting to the server…");
    m_retryAt = {};
    m_rootAtStart = m_store.meta(QString::fromLatin1(ud::meta::RootOrganisation));
    // Millisecond precision, as the refusal is stored.
    m_runStartedAt = QDateTime::fromString(Clock::nowIso(), Qt::ISODateWithMs);
    setState(State::Running);
    sync::SyncOptions options;
    options.serverUrl = serverUrl();
    options.login = login();
    options.password = m_password;
    SyncWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, options]() { worker->run(options); }, Qt::QueuedConnection);
}

void SyncController::cancel()
{
    if (m_state == State::Running)
        m_cancel = true;
}

void SyncController::localChangeMade()
{
    if (!hasCredentials())
        return;
    if (m_state == State::Running) {
        m_again = true;
        return;
    }
    // A failed server is not asked again sooner than its retry pause.
    if (m_state == State::Failed && m_soon.isActive())
        return;
    m_soon.start(m_afterChangeMs);
}

void SyncController::setState(State state)
{
    m_state = state;
    emit stateChanged();
}

void SyncController::onProgress(int phase, qint64 pushed, qint64 pending, qint64 pulled,
                                const QString& message)
{
    switch (sync::SyncProgress::Phase(phase)) {
    case sync::SyncProgress::Phase::SigningIn:
        m_activity = tr("Signing in…");
        break;
    case sync::SyncProgress::Phase::Pushing:
        m_activity = tr("Sending changes: %1 of %2").arg(pushed).arg(pushed + pending);
        break;
    case sync::SyncProgress::Phase::Pulling:
        m_activity = tr("Receiving changes: %1").arg(pulled);
        break;
    case sync::SyncProgress::Phase::Waiting:
        m_activity = message;
        break;
    case sync::SyncProgress::Phase::Done:
        break;
    }
    emit stateChanged();
    if (sync::SyncProgress::Phase(phase) != sync::SyncProgress::Phase::SigningIn)
        checkRootOrganisation();
}

void SyncController::checkRootOrganisation()
{
    const QString root = m_store.meta(QString::fromLatin1(ud::meta::RootOrganisation));
    if (m_rootAtStart.isEmpty() || root == m_rootAtStart)
        return;
    m_rootAtStart = root;
    qCInfo(lcUi) << "the data file joined the server's organisation" << root;
    emit rootOrganisationChanged();
}

void SyncController::onFinished(bool ok, qint64 pushed, qint64 pulled, qint64 conflicts, const QString& error)
{
    qCInfo(lcUi) << "sync finished" << ok << "pushed" << pushed << "pulled" << pulled << "conflicts"
                 << conflicts;
    m_activity.clear();
    if (ok) {
        m_failures = 0;
        m_lastError.clear();
        setState(State::Idle);
        if (m_again)
            m_soon.start(0);
    } else if (const QDateTime refused = sync::LocalCredential(m_store).refusedAt();
               refused.isValid() && refused >= m_runStartedAt) {
        // Trying the same password again would only bring the server closer to locking the
        // account: the clerk signs in again (Sync menu) with the current one.
        m_signInRefused = true;
        m_password.clear();
        m_lastError = error;
        m_retryAt = {};
        m_soon.stop();
        m_periodic.stop();
        setState(State::Failed);
    } else {
        ++m_failures;
        m_lastError = error;
        // 30 s, 1 min, 2 min … never more than half an hour between tries.
        const qint64 delay =
            std::min<qint64>(qint64(m_firstRetryMs) << std::min(m_failures - 1, 16), qint64(LongestRetryMs));
        m_retryAt = QDateTime::currentDateTime().addMSecs(delay);
        if (!m_cancel)
            m_soon.start(int(delay));
        setState(State::Failed);
    }
    emit finished(ok, pushed > 0 || pulled > 0 || conflicts > 0);
    checkRootOrganisation();
}

} // namespace ud
