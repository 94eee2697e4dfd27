#include "transfers/TransferInDialog.h"

#include "common/Actor.h"
#include "common/MessageBar.h"
#include "domain/CodeList.h"
#include "domain/IdNumber.h"
#include "organisations/OrganisationCombo.h"
#include "organisations/OrganisationRepository.h"
#include "transfers/TransferWorkflow.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ud {

namespace {
const char* const ErrorColour = "#c62828";
const char* const WarningColour = "#9a6700";
const char* const FoundColour = "#1b5e20";

QString coloured(const char* colour)
{
    return QStringLiteral("color: %1;").arg(QLatin1String(colour));
}
} // namespace

TransferInDialog::TransferInDialog(Database& store, const Scope& scope,
                                   MemberLookupRunner::SessionSource session, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_scope(scope)
    , m_actor(currentActor())
    , m_lookup(new MemberLookupRunner(std::move(session), this))
{
    setObjectName(QStringLiteral("transferInDialog"));
    setWindowTitle(tr("Request a transfer in"));
    auto* layout = new QVBoxLayout(this);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);
    auto* intro = new QLabel(tr("Ask to take in a person who is a member of another union. The union holding "
                                "the membership approves or rejects the request; the member then moves here "
                                "with the history and the join date."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_idNumber = new QLineEdit(this);
    m_idNumber->setObjectName(QStringLiteral("idNumber"));
    m_idNumber->setMaxLength(40);
    m_idNumber->setPlaceholderText(tr("18 characters; the last may be X"));
    m_idNumber->setMinimumWidth(
        m_idNumber->fontMetrics().horizontalAdvance(QStringLiteral("44010619900101123X")) +
        m_idNumber->fontMetrics().averageCharWidth() * 8);
    form->addRow(tr("&ID number:"), m_idNumber);
    m_idHint = new QLabel(this);
    m_idHint->setObjectName(QStringLiteral("idNumberHint"));
    m_idHint->setWordWrap(true);
    m_idHint->setTextFormat(Qt::PlainText);
    form->addRow(QString(), m_idHint);
    m_organisation = new OrganisationCombo(this);
    m_organisation->setObjectName(QStringLiteral("receivingOrganisation"));
    m_organisation->setOrganisations(OrganisationRepository(m_store, m_scope).subtree());
    form->addRow(tr("&Receiving union:"), m_organisation);
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("transferNote"));
    m_note->setPlaceholderText(tr("Optional: the new employer, a contact, \u2026"));
    form->addRow(tr("&Note:"), m_note);
    layout->addLayout(form);

    auto* server = new QGroupBox(tr("On the server"), this);
    auto* serverLayout = new QVBoxLayout(server);
    m_lookupText = new QLabel(server);
    m_lookupText->setObjectName(QStringLiteral("lookupResult"));
    m_lookupText->setWordWrap(true);
    m_lookupText->setTextFormat(Qt::PlainText);
    m_lookupText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    serverLayout->addWidget(m_lookupText);
    auto* row = new QHBoxLayout;
    m_busy = new QProgressBar(server);
    m_busy->setObjectName(QStringLiteral("lookupBusy"));
    m_busy->setRange(0, 0); // busy: no end known
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(m_busy->fontMetrics().height());
    m_busy->hide();
    row->addWidget(m_busy, 1);
    row->addStretch();
    m_lookUp = new QPushButton(tr("&Look up again"), server);
    m_lookUp->setObjectName(QStringLiteral("lookUp"));
    m_lookUp->setAutoDefault(false);
    row->addWidget(m_lookUp);
    serverLayout->addLayout(row);
    layout->addWidget(server);
    layout->addStretch(1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Request transfer in"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &TransferInDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TransferInDialog::reject);
    connect(m_idNumber, &QLineEdit::textChanged, this, &TransferInDialog::idNumberEdited);
    connect(m_organisation, &QComboBox::currentIndexChanged, this, &TransferInDialog::updateOk);
    connect(m_lookUp, &QPushButton::clicked, this, &TransferInDialog::startLookup);
    connect(m_lookup, &MemberLookupRunner::started, this, &TransferInDialog::lookupStarted);
    connect(m_lookup, &MemberLookupRunner::finished, this, &TransferInDialog::lookupFinished);

    idNumberEdited();
    setMinimumWidth(fontMetrics().averageCharWidth() * 96);
    resize(minimumWidth(), sizeHint().height());
}

void TransferInDialog::setIdNumber(const QString& idNumber)
{
    m_idNumber->setText(idNumber);
}

void TransferInDialog::setOrganisation(const QString& organisationId)
{
    m_organisation->setOrganisationId(organisationId);
    updateOk();
}

QString TransferInDialog::validIdNumber() const
{
    const IdNumber parsed = IdNumber::parse(m_idNumber->text());
    return parsed.isValid() ? parsed.value() : QString();
}

void TransferInDialog::idNumberEdited()
{
    const QString text = m_idNumber->text().trimmed();
    const IdNumber parsed = IdNumber::parse(text);
    m_outcome = MemberLookupOutcome();
    m_lookup->cancel();
    m_busy->hide();
    unsetCursor();
    if (text.isEmpty()) {
        m_idHint->setText(tr("The ID number of the person to take in."));
        m_idHint->setStyleSheet(QString());
    } else if (!parsed.isValid()) {
        // Still typing: a hint in grey; complete and wrong: the reason in red.
        const bool complete = text.size() >= 18;
        m_idHint->setText(parsed.errorMessage());
        m_idHint->setStyleSheet(complete ? coloured(ErrorColour) : QString());
    } else {
        m_idHint->setText(parsed.wasConverted()
                              ? tr("A valid ID number (15 digits, read as %1).").arg(parsed.value())
                              : tr("A valid ID number."));
        m_idHint->setStyleSheet(coloured(FoundColour));
    }
    if (parsed.isValid()) {
        startLookup();
        return;
    }
    m_lookupText->setText(
        m_lookup->isConnected()
            ? tr("When the ID number is complete, the server is asked who holds the membership.")
            : tr("Not connected: the request will be checked by the server at the next sync."));
    m_lookupText->setStyleSheet(QString());
    m_lookUp->setEnabled(false);
    updateOk();
}

void TransferInDialog::startLookup()
{
    const QString idNumber = validIdNumber();
    if (idNumber.isEmpty())
        return;
    m_lookup->start(idNumber);
}

void TransferInDialog::lookupStarted()
{
    m_busy->show();
    m_lookUp->setEnabled(false);
    m_lookupText->setText(tr("Asking the server who holds the membership of %1\u2026")
                              .arg(IdNumber::masked(m_lookup->idNumber())));
    m_lookupText->setStyleSheet(QString());
    setCursor(Qt::BusyCursor);
    updateOk();
}

void TransferInDialog::lookupFinished(const MemberLookupOutcome& outcome)
{
    unsetCursor();
    m_busy->hide();
    if (outcome.idNumber != validIdNumber()) // the clerk has typed on since
        return;
    m_outcome = outcome;
    m_lookUp->setEnabled(m_lookup->isConnected());
    switch (outcome.result) {
    case MemberLookupOutcome::Result::Found: {
        const sync::MemberLookupAnswer& m = outcome.member;
        QString text = tr("%1 is a member of %2").arg(m.name, m.organisation);
        if (!m.since.isEmpty())
            text += tr(" since %1").arg(m.since);
        if (!m.status.isEmpty())
            text += tr(" (%1)").arg(codes::memberStatus().label(m.status));
        text += tr(". Check that this is the person before you request the transfer.");
        m_lookupText->setText(text);
        m_lookupText->setStyleSheet(coloured(FoundColour));
        break;
    }
    case MemberLookupOutcome::Result::NotFound:
        m_lookupText->setText(
            tr("No member on the server has the ID number %1: there is nobody to transfer in. "
               "Add the person as a new member instead (Member \u25B8 New member).")
                .arg(IdNumber::masked(outcome.idNumber)));
        m_lookupText->setStyleSheet(coloured(ErrorColour));
        break;
    case MemberLookupOutcome::Result::NotConnected:
        m_lookupText->setText(
            tr("Not connected: the request will be checked by the server at the next sync."));
        m_lookupText->setStyleSheet(QString());
        break;
    case MemberLookupOutcome::Result::Failed:
        m_lookupText->setText(
            tr("The server could not be asked: %1\nYou can still send the request: the server "
               "checks it at the next sync.")
                .arg(outcome.message));
        m_lookupText->setStyleSheet(coloured(WarningColour));
        break;
    }
    updateOk();
}

void TransferInDialog::updateOk()
{
    const bool valid = !validIdNumber().isEmpty();
    const bool nobody = m_outcome.result == MemberLookupOutcome::Result::NotFound;
    m_ok->setEnabled(valid && !m_lookup->isRunning() && !nobody &&
                     !m_organisation->organisationId().isEmpty());
}

bool TransferInDialog::save()
{
    if (!m_ok->isEnabled())
        return false;
    QString error;
    const std::optional<Transfer> made =
        TransferWorkflow(m_store, m_scope)
            .requestIn(m_idNumber->text(), m_organisation->organisationId(), m_note->text(), m_actor, &error);
    if (!made) {
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        return false;
    }
    emit requested(made->id);
    return true;
}

void TransferInDialog::accept()
{
    if (save())
        QDialog::accept();
}

} // namespace ud
