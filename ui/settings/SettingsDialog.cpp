#include "settings/SettingsDialog.h"

#include "common/Actor.h"
#include "util/AppSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace ud {

SettingsDialog::SettingsDialog(AppSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto* layout = new QVBoxLayout(this);

    auto* interfaceGroup = new QGroupBox(tr("Interface"), this);
    auto* interfaceForm = new QFormLayout(interfaceGroup);
    m_language = new QComboBox(interfaceGroup);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("Follow the system"), QStringLiteral("system"));
    // Each language is named in itself, so a clerk can find their own whatever is showing now.
    m_language->addItem(QStringLiteral("\u7B80\u4F53\u4E2D\u6587"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_initialLanguage = m_settings.language();
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_initialLanguage)));
    interfaceForm->addRow(tr("&Language:"), m_language);
    m_restartNote = new QLabel(tr("A new language is used the next time UnionDesk starts."), interfaceGroup);
    m_restartNote->setObjectName(QStringLiteral("restartNote"));
    m_restartNote->setWordWrap(true);
    interfaceForm->addRow(QString(), m_restartNote);
    layout->addWidget(interfaceGroup);

    auto* you = new QGroupBox(tr("You"), this);
    auto* youForm = new QFormLayout(you);
    m_actor = new QLineEdit(you);
    m_actor->setObjectName(QStringLiteral("actorName"));
    m_actor->setText(m_settings.value(AppSettings::Key::ActorName).toString());
    m_actor->setPlaceholderText(systemUserName());
    youForm->addRow(tr("Your &name:"), m_actor);
    auto* actorNote = new QLabel(tr("Your changes to members are signed with this name in their history. "
                                    "Left empty, your computer user name is used."),
                                 you);
    actorNote->setWordWrap(true);
    youForm->addRow(QString(), actorNote);
    layout->addWidget(you);
    layout->addStretch(1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    resize(std::max(sizeHint().width(), 460), sizeHint().height());
}

void SettingsDialog::save()
{
    m_settings.setValue(AppSettings::Key::Language, m_language->currentData().toString());
    m_settings.setValue(AppSettings::Key::ActorName, m_actor->text().trimmed());
}

void SettingsDialog::accept()
{
    save();
    QDialog::accept();
}

} // namespace ud
