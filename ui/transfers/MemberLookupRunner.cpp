#include "transfers/MemberLookupRunner.h"

#include "util/LogCategories.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace ud {

namespace {

// On a pool thread: the ApiClient and its network access live and die here.
MemberLookupOutcome lookUp(const sync::SyncOptions& session, const QString& idNumber, int timeoutMs,
                           const std::shared_ptr<std::atomic_bool>& cancel)
{
    MemberLookupOutcome outcome;
    outcome.idNumber = idNumber;
    sync::ApiClient api(QUrl::fromUserInput(session.serverUrl), timeoutMs);
    api.setCancelFlag(cancel.get());
    sync::Session signedIn;
    sync::ApiError error;
    if (!api.login(session.login, session.password, &signedIn, &error)) {
        outcome.result = MemberLookupOutcome::Result::Failed;
        outcome.message = error.message;
        return outcome;
    }
    const bool asked = api.lookupMember(idNumber, &outcome.member, &error);
    sync::ApiError ignored;
    api.logout(&ignored);
    if (!asked) {
        outcome.result = MemberLookupOutcome::Result::Failed;
        outcome.message = error.message;
        return outcome;
    }
    outcome.result =
        outcome.member.found ? MemberLookupOutcome::Result::Found : MemberLookupOutcome::Result::NotFound;
    return outcome;
}

} // namespace

MemberLookupRunner::MemberLookupRunner(SessionSource session, QObject* parent)
    : QObject(parent)
    , m_session(std::move(session))
{
    qRegisterMetaType<ud::MemberLookupOutcome>();
}

MemberLookupRunner::~MemberLookupRunner()
{
    // The pool thread finishes on its own (the cancel flag ends its wait); nobody reads its answer.
    cancel();
}

bool MemberLookupRunner::isConnected() const
{
    if (!m_session)
        return false;
    const sync::SyncOptions session = m_session();
    return !session.serverUrl.isEmpty() && !session.password.isEmpty();
}

void MemberLookupRunner::start(const QString& idNumber)
{
    cancel();
    m_idNumber = idNumber;
    if (!isConnected()) {
        MemberLookupOutcome outcome;
        outcome.idNumber = idNumber;
        outcome.result = MemberLookupOutcome::Result::NotConnected;
        emit finished(outcome);
        return;
    }
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_watcher = new QFutureWatcher<MemberLookupOutcome>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &MemberLookupRunner::done);
    emit started(idNumber);
    m_watcher->setFuture(QtConcurrent::run(lookUp, m_session(), idNumber, m_timeoutMs, m_cancel));
}

void MemberLookupRunner::cancel()
{
    if (!m_watcher)
        return;
    m_cancel->store(true);
    m_watcher->disconnect(this);
    // Deleted once its thread is done with it; the answer goes nowhere.
    QFutureWatcher<MemberLookupOutcome>* watcher = m_watcher;
    connect(watcher, &QFutureWatcherBase::finished, watcher, &QObject::deleteLater);
    if (watcher->isFinished())
        watcher->deleteLater();
    watcher->setParent(nullptr);
    m_watcher = nullptr;
}

void MemberLookupRunner::done()
{
    QFutureWatcher<MemberLookupOutcome>* watcher = m_watcher;
    m_watcher = nullptr;
    const MemberLookupOutcome outcome = watcher->result();
    watcher->deleteLater();
    qCInfo(lcUi) << "member look-up:" << int(outcome.result);
    emit finished(outcome);
}

} // namespace ud
