#pragma once

#include <QDialog>
#include <QFutureWatcher>
#include <QTimer>

#include <atomic>
#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ud {

class Database;

// Asked when the desktop program opens a data file linked to a server, before the window: the
// account's password, checked on this computer against the hash the last successful sync left
// (sync::LocalCredential), so signing in works without the network. A password this computer does
// not know — changed on the server, or another login — is checked with the server when it can be
// reached, and then kept for the next time. Wrong passwords make the next attempt wait longer.
//
// Accepted, the login and password go to the window's SyncController for this session only.
class StartupSignInDialog : public QDialog
{
    Q_OBJECT

public:
    // What the server said of a password (filled on a worker thread).
    struct ServerAnswer
    {
        bool ok = false;
        bool refused = false; // wrong login or password
        QString message;      // why not, for the clerk
        QString organisation; // the account's organisation, when ok
        QString login;
    };

    explicit StartupSignInDialog(Database& store, QWidget* parent = nullptr);
    ~StartupSignInDialog() override;

    QString serverUrl() const { return m_serverUrl; }
    QString login() const;
    QString password() const;

    QLineEdit* loginEdit() const { return m_login; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLabel* problemLabel() const { return m_problem; }
    QLabel* noticeLabel() const { return m_notice; }
    QPushButton* signInButton() const;
    // From the start of a check with the server until its answer has been handled.
    bool isCheckingWithServer() const { return m_checking; }
    // The time the server has to answer a password check (tests shorten it).
    void setServerTimeout(int ms) { m_serverTimeoutMs = ms; }

public slots:
    // Checks the password; the dialog closes only when it is right.
    void accept() override;
    void reject() override;

signals:
    // The server answered a check, or could not be reached (tests wait for it).
    void serverCheckFinished();

private:
    void checkWithServer(bool knownLogin);
    void serverAnswered();
    void showProblem(const QString& text);
    void updateWait();
    void setBusy(bool busy);

    Database& m_store;
    QString m_serverUrl;
    QString m_organisation; // the account organisation the data file belongs to
    QLineEdit* m_login = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_notice = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QTimer m_waitTimer;
    QFutureWatcher<ServerAnswer> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_checking = false;
    bool m_knownLogin = false; // the password checked with the server was wrong here, for this login
    int m_serverTimeoutMs = 15'000;
};

} // namespace ud
