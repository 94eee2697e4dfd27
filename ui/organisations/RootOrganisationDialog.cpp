#include "organisations/RootOrganisationDialog.h"

#include "common/CodeCombo.h"
#include "domain/CodeList.h"
#include "domain/OrganisationLevelGuess.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ud {

RootOrganisationDialog::RootOrganisationDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Your trade union"));
    auto* layout = new QVBoxLayout(this);
    auto* intro =
        new QLabel(tr("This data file is new. Enter the name of your trade union: it becomes the top of "
                      "the organisation tree, and every member you enter belongs to it or to an "
                      "organisation under it."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("rootName"));
    m_name->setPlaceholderText(tr("e.g. Trade union of Example Co., Ltd."));
    form->addRow(tr("&Name:"), m_name);
    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("rootLevel"));
    codecombo::fill(m_level, codes::organisationLevel());
    codecombo::setKey(m_level, QStringLiteral("base"));
    form->addRow(tr("&Level:"), m_level);
    layout->addLayout(form);

    auto* server = new QLabel(tr("Does your union have an account on the trade union's server? Then connect "
                                 "to it instead: this data file receives your organisation and everything "
                                 "under it from the server."),
                              this);
    server->setWordWrap(true);
    layout->addWidget(server);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_connect = m_buttons->addButton(tr("Connect to a &server instead\u2026"), QDialogButtonBox::ActionRole);
    m_connect->setObjectName(QStringLiteral("connectToServer"));
    connect(m_connect, &QPushButton::clicked, this, [this]() { done(ConnectToServer); });
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &RootOrganisationDialog::updateOk);
    // The level follows the name ("…市总工会" is a city) until the clerk picks one by hand.
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (!m_levelChosen)
            codecombo::setKey(m_level,
                              OrganisationLevelGuess::fromName(text.trimmed(), QStringLiteral("base")));
    });
    connect(m_level, &QComboBox::activated, this, [this] { m_levelChosen = true; });
    updateOk();
    resize(480, sizeHint().height());
}

QString RootOrganisationDialog::name() const
{
    return m_name->text().trimmed();
}

QString RootOrganisationDialog::level() const
{
    return codecombo::key(m_level);
}

void RootOrganisationDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!name().isEmpty());
}

} // namespace ud
