#include "sync/ServerSignInDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace ud {

ServerSignInDialog::ServerSignInDialog(const QString& serverUrl, const QString& login, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Sign in to the server"));
    setObjectName(QStringLiteral("serverSignInDialog"));
    m_server = new QLineEdit(serverUrl, this);
    m_server->setPlaceholderText(QStringLiteral("https://uniondesk.example.cn"));
    m_login = new QLineEdit(login, this);
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problem->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&Login:"), m_login);
    form->addRow(tr("&Password:"), m_password);
    auto* note =
        new QLabel(tr("The password itself is not saved. Once the server accepts it, a salted hash of "
                      "it is kept in the data file, so that you can sign in here without the network."),
                   this);
    note->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in and sync"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ServerSignInDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ServerSignInDialog::reject);
    for (QLineEdit* edit : {m_server, m_login, m_password})
        connect(edit, &QLineEdit::textChanged, this, &ServerSignInDialog::updateOk);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    resize(460, sizeHint().height());
    (serverUrl.isEmpty() ? m_server : login.isEmpty() ? m_login : m_password)->setFocus();
    updateOk();
}

QString ServerSignInDialog::serverUrl() const
{
    return m_server->text().trimmed();
}

QString ServerSignInDialog::login() const
{
    return m_login->text().trimmed();
}

QString ServerSignInDialog::password() const
{
    return m_password->text();
}

bool ServerSignInDialog::checkServerUrl(const QString& text, QString* reason)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        if (reason)
            *reason = tr("Server: \"%1\" is not a web address such as https://uniondesk.example.cn.")
                          .arg(text.trimmed());
        return false;
    }
    return true;
}

void ServerSignInDialog::accept()
{
    QString reason;
    if (!checkServerUrl(serverUrl(), &reason)) {
        m_problem->setText(reason);
        m_problem->show();
        m_server->setFocus();
        return;
    }
    QDialog::accept();
}

void ServerSignInDialog::updateOk()
{
    m_problem->hide();
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!serverUrl().isEmpty() && !login().isEmpty() && !password().isEmpty());
}

} // namespace ud
