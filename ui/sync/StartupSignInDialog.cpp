#include "sync/StartupSignInDialog.h"

#include "organisations/OrganisationRepository.h"
#include "store/Database.h"
#include "sync/ApiClient.h"
#include "sync/LocalCredential.h"
#include "sync/SyncMeta.h"
#include "util/LogCategories.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ud {

namespace {

QString metaValue(Database& store, const char* key)
{
    return store.meta(QString::fromLatin1(key));
}

// On a worker thread: signs in and out again, only to learn whether the server takes the password.
StartupSignInDialog::ServerAnswer askServer(const QString& serverUrl, const QString& login,
                                            const QString& password, int timeoutMs,
                                            const std::shared_ptr<std::atomic_bool>& cancel)
{
    StartupSignInDialog::ServerAnswer answer;
    sync::ApiClient api(QUrl::fromUserInput(serverUrl), timeoutMs);
    api.setCancelFlag(cancel.get());
    sync::Session session;
    sync::ApiError error;
    if (!api.login(login, password, &session, &error)) {
        answer.refused = error.kind == sync::ApiError::Kind::Unauthorized;
        answer.message = error.message;
        return answer;
    }
    sync::ApiError ignored;
    api.logout(&ignored);
    answer.ok = true;
    answer.organisation = session.account.organisation;
    answer.login = session.account.login;
    return answer;
}

} // namespace

StartupSignInDialog::StartupSignInDialog(Database& store, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_serverUrl(metaValue(store, sync::meta::ServerUrl))
    , m_organisation(metaValue(store, sync::meta::AccountOrganisation))
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{
    setObjectName(QStringLiteral("startupSignInDialog"));
    setWindowTitle(tr("Sign in \u2013 工会桌面通 UnionDesk"));
    const sync::LocalCredential credential(store);

    const Scope root = OrganisationRepository::rootScope(store);
    const std::optional<Organisation> organisation =
        OrganisationRepository(store, root).find(root.organisationId());
    auto* intro = new QLabel(organisation ? tr("Sign in to open the data of %1.").arg(organisation->name)
                                          : tr("Sign in to open this data file."),
                             this);
    intro->setWordWrap(true);

    auto* server = new QLabel(m_serverUrl, this);
    server->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QString login = metaValue(store, sync::meta::AccountLogin);
    if (login.isEmpty())
        login = credential.login();
    m_login = new QLineEdit(login, this);
    m_login->setObjectName(QStringLiteral("login"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);

    auto* form = new QFormLayout;
    form->addRow(tr("Server:"), server);
    form->addRow(tr("&Login:"), m_login);
    form->addRow(tr("&Password:"), m_password);
    auto* note = new QLabel(tr("The password is checked on this computer, so signing in works without the "
                               "network; the server checks it again when the data file syncs."),
                            this);
    note->setWordWrap(true);

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("color: #7a5900;"));
    const QDateTime refused = credential.refusedAt();
    if (refused.isValid())
        m_notice->setText(
            tr("On %1 the server refused this account's password: it may have been changed there, or the "
               "account disabled. The password last accepted on this computer still opens the data file, "
               "but it does not sync until you sign in with the current one.")
                .arg(QLocale().toString(refused.toLocalTime(), QLocale::ShortFormat)));
    m_notice->setVisible(refused.isValid());
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problem->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Quit"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &StartupSignInDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &StartupSignInDialog::reject);
    for (QLineEdit* edit : {m_login, m_password})
        connect(edit, &QLineEdit::textChanged, this, &StartupSignInDialog::updateWait);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_notice);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    resize(460, sizeHint().height());
    (login.isEmpty() ? m_login : m_password)->setFocus();

    m_waitTimer.setInterval(1000);
    connect(&m_waitTimer, &QTimer::timeout, this, &StartupSignInDialog::updateWait);
    connect(&m_watcher, &QFutureWatcher<ServerAnswer>::finished, this, &StartupSignInDialog::serverAnswered);
    updateWait();
}

StartupSignInDialog::~StartupSignInDialog()
{
    // A check still under way ends at its next look at the flag; nobody waits for its answer.
    m_cancel->store(true);
}

QString StartupSignInDialog::login() const
{
    return m_login->text().trimmed();
}

QString StartupSignInDialog::password() const
{
    return m_password->text();
}

QPushButton* StartupSignInDialog::signInButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void StartupSignInDialog::accept()
{
    if (isCheckingWithServer() || login().isEmpty() || password().isEmpty())
        return;
    sync::LocalCredential credential(m_store);
    switch (credential.verify(login(), password())) {
    case sync::LocalCredential::Check::Accepted:
        qCInfo(lcUi) << "signed in offline as" << login();
        QDialog::accept();
        return;
    case sync::LocalCredential::Check::Throttled:
        updateWait();
        return;
    case sync::LocalCredential::Check::WrongPassword:
        checkWithServer(true);
        return;
    case sync::LocalCredential::Check::UnknownLogin:
    case sync::LocalCredential::Check::Failed:
        checkWithServer(false);
        return;
    }
}

void StartupSignInDialog::reject()
{
    m_cancel->store(true);
    QDialog::reject();
}

void StartupSignInDialog::checkWithServer(bool knownLogin)
{
    // The password may have changed on the server since this computer last synced: only the
    // server can tell, and when it agrees its hash replaces the old one here.
    m_knownLogin = knownLogin;
    m_checking = true;
    m_cancel->store(false);
    setBusy(true);
    m_problem->setText(tr("Checking the password with the server %1\u2026").arg(m_serverUrl));
    m_problem->setStyleSheet(QString());
    m_problem->show();
    m_watcher.setFuture(
        QtConcurrent::run(askServer, m_serverUrl, login(), password(), m_serverTimeoutMs, m_cancel));
}

void StartupSignInDialog::serverAnswered()
{
    const ServerAnswer answer = m_watcher.result();
    m_checking = false;
    setBusy(false);
    emit serverCheckFinished();
    if (answer.ok && !m_organisation.isEmpty() && answer.organisation != m_organisation) {
        showProblem(tr("The account %1 works for another organisation than this data file's. Sign in with "
                       "an account of the organisation this file belongs to.")
                        .arg(login()));
        return;
    }
    if (answer.ok) {
        QString error;
        if (!sync::LocalCredential(m_store).remember(answer.login.isEmpty() ? login() : answer.login,
                                                     password(), &error))
            qCWarning(lcUi) << "cannot keep the password for offline sign-in:" << error;
        qCInfo(lcUi) << "signed in with the server as" << login();
        QDialog::accept();
        return;
    }
    const sync::LocalCredential credential(m_store);
    if (answer.refused || m_knownLogin) {
        showProblem(answer.refused
                        ? tr("The login or password is wrong.")
                        : tr("The password is wrong. (A password changed on the server can be checked only "
                             "while the server can be reached: %1)")
                              .arg(answer.message));
    } else if (credential.hasCredential()) {
        showProblem(tr("This computer knows the password of %1 only. Signing in as %2 needs the server, "
                       "which cannot be reached: %3")
                        .arg(credential.login(), login(), answer.message));
    } else {
        showProblem(tr("This computer has not signed in to the server yet, so only the server can check the "
                       "password, and it cannot be reached: %1")
                        .arg(answer.message));
    }
}

void StartupSignInDialog::showProblem(const QString& text)
{
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problem->setText(text);
    m_problem->show();
    m_password->selectAll();
    m_password->setFocus();
    updateWait();
}

void StartupSignInDialog::updateWait()
{
    const int wait = sync::LocalCredential(m_store).secondsToWait();
    if (wait > 0) {
        m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_problem->setText(tr("Too many wrong passwords. You can try again in %n second(s).", nullptr, wait));
        m_problem->show();
        if (!m_waitTimer.isActive())
            m_waitTimer.start();
    } else if (m_waitTimer.isActive()) {
        m_waitTimer.stop();
        m_problem->hide();
    }
    signInButton()->setEnabled(wait == 0 && !isCheckingWithServer() && !login().isEmpty() &&
                               !password().isEmpty());
}

void StartupSignInDialog::setBusy(bool busy)
{
    m_login->setEnabled(!busy);
    m_password->setEnabled(!busy);
    signInButton()->setEnabled(!busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

} // namespace ud
