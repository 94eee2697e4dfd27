#include "organisations/CadreDialog.h"

#include "cadres/CadreRepository.h"
#include "common/Actor.h"
#include "common/CodeCombo.h"
#include "common/MessageBar.h"
#include "domain/CodeList.h"
#include "domain/IdNumber.h"
#include "members/MemberRepository.h"
#include "organisations/OrganisationRepository.h"
#include "util/Clock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ud {

namespace {
QDateEdit* dateEdit(QWidget* parent, const char* name, const QDate& date)
{
    auto* edit = new QDateEdit(parent);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setDate(date);
    return edit;
}
} // namespace

CadreDialog::CadreDialog(Database& store, const Scope& scope, const QString& organisationId, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_scope(scope)
    , m_organisationId(organisationId)
    , m_actor(currentActor())
{
    setObjectName(QStringLiteral("cadreDialog"));
    auto* layout = new QVBoxLayout(this);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);

    auto* form = new QFormLayout;
    m_idNumber = new QLineEdit(this);
    m_idNumber->setObjectName(QStringLiteral("idNumber"));
    m_idNumber->setPlaceholderText(tr("The member's ID number"));
    m_idNumber->setMinimumWidth(m_idNumber->fontMetrics().averageCharWidth() * 36);
    form->addRow(tr("Member's &ID number:"), m_idNumber);
    m_memberLabel = new QLabel(this);
    m_memberLabel->setObjectName(QStringLiteral("memberFound"));
    m_memberLabel->setWordWrap(true);
    form->addRow(QString(), m_memberLabel);
    m_notMember = new QCheckBox(tr("The cadre is not a &member of the union"), this);
    m_notMember->setObjectName(QStringLiteral("notMember"));
    form->addRow(QString(), m_notMember);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setEnabled(false);
    form->addRow(tr("&Name:"), m_name);
    m_position = new QComboBox(this);
    m_position->setObjectName(QStringLiteral("position"));
    codecombo::fill(m_position, codes::cadrePosition());
    form->addRow(tr("&Position:"), m_position);
    m_fullTime = new QCheckBox(tr("&Full-time post"), this);
    m_fullTime->setObjectName(QStringLiteral("fullTime"));
    form->addRow(QString(), m_fullTime);
    // Union committees are elected for five years.
    const QDate today = Clock::today();
    m_termStart = dateEdit(this, "termStart", today);
    form->addRow(tr("Term &starts:"), m_termStart);
    m_termEnd = dateEdit(this, "termEnd", today.addYears(5).addDays(-1));
    form->addRow(tr("Term &ends:"), m_termEnd);
    m_elected = new QComboBox(this);
    m_elected->setObjectName(QStringLiteral("electedHow"));
    codecombo::fill(m_elected, codes::cadreAppointment(), tr("(not recorded)"), true);
    form->addRow(tr("&How elected:"), m_elected);
    m_chairHint = new QLabel(this);
    m_chairHint->setObjectName(QStringLiteral("chairHint"));
    m_chairHint->setWordWrap(true);
    m_chairHint->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_chairHint->hide();
    form->addRow(QString(), m_chairHint);
    layout->addLayout(form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Add cadre"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &CadreDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CadreDialog::reject);
    connect(m_idNumber, &QLineEdit::textChanged, this, &CadreDialog::lookUpMember);
    connect(m_notMember, &QCheckBox::toggled, this, [this](bool notMember) {
        m_idNumber->setEnabled(!notMember);
        m_name->setEnabled(notMember);
        lookUpMember();
    });
    connect(m_name, &QLineEdit::textChanged, this, &CadreDialog::updateOk);
    connect(m_position, &QComboBox::currentIndexChanged, this, &CadreDialog::updateChairHint);
    connect(m_termStart, &QDateEdit::dateChanged, this, &CadreDialog::updateChairHint);
    connect(m_termEnd, &QDateEdit::dateChanged, this, &CadreDialog::updateChairHint);

    const std::optional<Organisation> org = OrganisationRepository(m_store, m_scope).find(organisationId);
    m_ready = org && org->isActive();
    setWindowTitle(org ? tr("Add a cadre to %1").arg(org->name) : tr("Add a cadre"));
    if (!org)
        m_messageBar->showMessage(tr("The organisation no longer exists or is outside your organisation."),
                                  MessageBar::Kind::Error);
    else if (!org->isActive())
        m_messageBar->showMessage(tr("%1 is dissolved; it has no committee.").arg(org->name),
                                  MessageBar::Kind::Error);
    lookUpMember();
    updateChairHint();
    resize(std::max(sizeHint().width(), 500), sizeHint().height());
}

void CadreDialog::lookUpMember()
{
    m_memberId.clear();
    m_memberLabel->setStyleSheet(QString());
    if (m_notMember->isChecked()) {
        m_memberLabel->clear();
        updateOk();
        return;
    }
    const QString text = m_idNumber->text().trimmed();
    if (text.isEmpty()) {
        m_memberLabel->setText(tr("Type the ID number of a member of this union or of a union under it."));
    } else if (const std::optional<Member> m = MemberRepository(m_store, m_scope).findByIdNumber(text)) {
        m_memberId = m->id;
        m_name->setText(m->name);
        const std::optional<Organisation> home =
            OrganisationRepository(m_store, m_scope).find(m->organisationId);
        m_memberLabel->setText(
            tr("%1, %2, %3")
                .arg(m->name, home ? home->name : QString(), codes::memberStatus().label(m->status)));
    } else {
        m_name->clear();
        m_memberLabel->setText(text.size() < 15 ? tr("Keep typing: an ID number has 18 characters.")
                                                : tr("No member in your organisation has this ID number."));
        m_memberLabel->setStyleSheet(text.size() < 15 ? QString() : QStringLiteral("color: #c62828;"));
    }
    updateOk();
}

void CadreDialog::updateChairHint()
{
    Cadre probe;
    probe.organisationId = m_organisationId;
    probe.position = codecombo::key(m_position);
    probe.termStart = m_termStart->date().toString(Qt::ISODate);
    probe.termEnd = m_termEnd->date().toString(Qt::ISODate);
    const std::optional<Cadre> chair = CadreRepository(m_store, m_scope).overlappingChair(probe);
    if (chair)
        m_chairHint->setText(
            chair->termEnd.isEmpty()
                ? tr("%1 is the chair, with no end date set. End that term before adding another chair.")
                      .arg(chair->name)
                : tr("%1 is the chair until %2. End that term before adding another chair.")
                      .arg(chair->name, chair->termEnd));
    m_chairHint->setVisible(chair.has_value());
    updateOk();
}

void CadreDialog::updateOk()
{
    const bool person =
        m_notMember->isChecked() ? !m_name->text().trimmed().isEmpty() : !m_memberId.isEmpty();
    m_ok->setEnabled(m_ready && person);
}

bool CadreDialog::save()
{
    if (!m_ok->isEnabled())
        return false;
    Cadre cadre;
    cadre.organisationId = m_organisationId;
    if (m_notMember->isChecked())
        cadre.name = m_name->text();
    else
        cadre.memberId = m_memberId;
    cadre.position = codecombo::key(m_position);
    cadre.fullTime = m_fullTime->isChecked();
    cadre.termStart = m_termStart->date().toString(Qt::ISODate);
    cadre.termEnd = m_termEnd->date().toString(Qt::ISODate);
    cadre.electedHow = codecombo::key(m_elected);
    QString error;
    if (!CadreRepository(m_store, m_scope).add(cadre, m_actor, &error)) {
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        return false;
    }
    emit cadreAdded(cadre.id);
    return true;
}

void CadreDialog::accept()
{
    if (save())
        QDialog::accept();
}

} // namespace ud
