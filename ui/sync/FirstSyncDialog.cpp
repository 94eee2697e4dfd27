#include "sync/FirstSyncDialog.h"

#include "organisations/OrganisationRepository.h"
#include "store/Database.h"
#include "sync/SyncController.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ud {

FirstSyncDialog::FirstSyncDialog(Database& store, const QString& serverUrl, const QString& login,
                                 const QString& password, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("firstSyncDialog"));
    setWindowTitle(tr("Receiving your organisation"));
    auto* intro = new QLabel(tr("This data file receives the organisation of %1 and everything under it from "
                                "the server %2. A large organisation takes a minute or two.")
                                 .arg(login, serverUrl),
                             this);
    intro->setWordWrap(true);
    m_activity = new QLabel(this);
    m_activity->setObjectName(QStringLiteral("activity"));
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problem->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_retry = m_buttons->addButton(tr("Try again"), QDialogButtonBox::ActionRole);
    m_retry->hide();
    connect(m_buttons, &QDialogButtonBox::rejected, this, &FirstSyncDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_activity);
    layout->addWidget(m_busy);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    resize(460, sizeHint().height());

    m_controller = new SyncController(store, this);
    connect(m_controller, &SyncController::stateChanged, this, &FirstSyncDialog::showActivity);
    connect(m_controller, &SyncController::finished, this, [this](bool ok, bool) { runFinished(ok); });
    connect(m_retry, &QPushButton::clicked, this, [this]() {
        m_problem->hide();
        m_retry->hide();
        m_busy->show();
        m_controller->syncNow();
    });
    m_controller->connectTo(serverUrl, login, password);
}

void FirstSyncDialog::showActivity()
{
    if (m_controller->state() == SyncController::State::Running)
        m_activity->setText(m_controller->activity());
}

void FirstSyncDialog::runFinished(bool ok)
{
    // A run can end well with nothing received when the account's organisation is not visible to
    // it; the window needs the organisation itself.
    if (ok && OrganisationRepository::rootScope(m_store).isValid()) {
        accept();
        return;
    }
    m_busy->hide();
    m_activity->clear();
    m_problem->setText(ok ? tr("The server sent no organisation for this account.")
                          : m_controller->lastError());
    m_problem->show();
    // A refused password is not tried again: the clerk goes back and types it anew.
    m_retry->setVisible(!m_controller->signInRefused());
}

} // namespace ud
