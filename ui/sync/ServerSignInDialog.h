#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ud {

// Asks for the server and the account this data file syncs with, and the password for this
// session (only its salted hash is kept, by the sync, for signing in offline: sync::LocalCredential).
// The server and login are filled in from the last sync.
class ServerSignInDialog : public QDialog
{
    Q_OBJECT

public:
    ServerSignInDialog(const QString& serverUrl, const QString& login, QWidget* parent = nullptr);

    QString serverUrl() const;
    QString login() const;
    QString password() const;
    QLineEdit* serverEdit() const { return m_server; }
    QLineEdit* loginEdit() const { return m_login; }
    QLineEdit* passwordEdit() const { return m_password; }

    // An address the client can use, or the reason it cannot.
    static bool checkServerUrl(const QString& text, QString* reason);

public slots:
    void accept() override;

private:
    void updateOk();

    QLineEdit* m_server = nullptr;
    QLineEdit* m_login = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace ud
