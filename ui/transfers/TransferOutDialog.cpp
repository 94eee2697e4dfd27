#include "transfers/TransferOutDialog.h"

#include "common/Actor.h"
#include "common/CodeCombo.h"
#include "common/MessageBar.h"
#include "domain/CodeList.h"
#include "domain/IdNumber.h"
#include "members/MemberRepository.h"
#include "organisations/OrganisationRepository.h"
#include "transfers/TransferCodes.h"
#include "transfers/TransferLetterOutput.h"
#include "transfers/TransferReason.h"
#include "transfers/TransferRepository.h"
#include "transfers/TransferWorkflow.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QUrl>
#include <QVBoxLayout>

namespace ud {

TransferOutDialog::TransferOutDialog(Database& store, const Scope& scope, const QString& memberId,
                                     QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_scope(scope)
    , m_actor(currentActor())
{
    setObjectName(QStringLiteral("transferOutDialog"));
    auto* layout = new QVBoxLayout(this);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);
    // The form, then (once the transfer is made) what was done and the letter: one shown at a time.
    m_form = buildForm();
    m_donePage = buildDonePage();
    m_donePage->hide();
    layout->addWidget(m_form, 1);
    layout->addWidget(m_donePage, 1);
    // Room for the unions' long Chinese names on one line with the rest.
    setMinimumWidth(fontMetrics().averageCharWidth() * 100);

    const std::optional<Member> member = MemberRepository(m_store, m_scope).find(memberId);
    if (!member) {
        setWindowTitle(tr("Transfer out"));
        m_messageBar->showMessage(tr("Member: the record no longer exists or is outside your organisation."),
                                  MessageBar::Kind::Error);
        m_form->setEnabled(false);
    } else {
        m_member = *member;
        m_ready = true;
        const OrganisationRepository organisations(m_store, m_scope);
        const std::optional<Organisation> own = organisations.find(m_member.organisationId);
        m_organisationName = own ? own->name : QString();
        if (own) {
            if (const std::optional<Organisation> above = organisations.find(own->parentId))
                m_parentName = above->name;
        }
        setWindowTitle(tr("Transfer out \u2013 %1").arg(m_member.name));
        m_intro->setText(tr("%1 (ID number %2) leaves %3.")
                             .arg(m_member.name, IdNumber::masked(m_member.idNumber), m_organisationName));
        m_hung->setText(m_parentName.isEmpty() ? tr("&Hung at the union one level above (上挂)")
                                               : tr("&Hung at the level above (上挂): %1").arg(m_parentName));
        for (const Organisation& o : organisations.subtree()) {
            if (o.id != m_member.organisationId && o.isActive())
                m_destination->addItem(o.name, o.id);
        }
        m_destination->setCurrentIndex(-1);
        m_destination->setEditText(QString());
        // What the workflow would refuse (an open transfer, a membership that cannot move): said
        // before the clerk fills anything in.
        QString why;
        if (!TransferWorkflow(m_store, m_scope).transferableMember(m_member.id, &why)) {
            m_messageBar->showMessage(why, MessageBar::Kind::Warning);
            m_ready = false;
        }
    }
    updateForm();
    m_reason->setFocus();
    resize(minimumWidth(),
           heightForWidth(minimumWidth()) > 0 ? heightForWidth(minimumWidth()) : sizeHint().height());
}

QWidget* TransferOutDialog::buildForm()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_intro = new QLabel(page);
    m_intro->setObjectName(QStringLiteral("transferOutIntro"));
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    layout->addWidget(m_intro);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_reason = new QComboBox(page);
    m_reason->setObjectName(QStringLiteral("transferReason"));
    codecombo::fill(m_reason, codes::transferReason(), tr("(choose the reason)"), true);
    form->addRow(tr("&Reason:"), m_reason);
    m_note = new QLineEdit(page);
    m_note->setObjectName(QStringLiteral("transferNote"));
    m_note->setPlaceholderText(tr("Optional: the new employer, a telephone number, \u2026"));
    form->addRow(tr("&Note:"), m_note);
    layout->addLayout(form);

    auto* where = new QGroupBox(tr("Where the membership goes"), page);
    auto* grid = new QGridLayout(where);
    m_hung = new QRadioButton(where);
    m_hung->setObjectName(QStringLiteral("transferHung"));
    m_hung->setChecked(true);
    m_direct = new QRadioButton(tr("Send straight to a &union:"), where);
    m_direct->setObjectName(QStringLiteral("transferDirect"));
    m_destination = new QComboBox(where);
    m_destination->setObjectName(QStringLiteral("transferDestination"));
    m_destination->setEditable(true);
    m_destination->setInsertPolicy(QComboBox::NoInsert);
    m_destination->setMinimumContentsLength(24);
    m_destination->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_destination->setToolTip(
        tr("A union of this data file, or the exact name of a union elsewhere (the server looks it up)"));
    m_retain = new QRadioButton(tr("&Keep the membership here (保留会籍)"), where);
    m_retain->setObjectName(QStringLiteral("transferRetain"));
    auto* group = new QButtonGroup(this);
    for (QRadioButton* radio : {m_hung, m_direct, m_retain})
        group->addButton(radio);
    grid->addWidget(m_hung, 0, 0, 1, 2);
    grid->addWidget(m_direct, 1, 0);
    grid->addWidget(m_destination, 1, 1);
    grid->addWidget(m_retain, 2, 0, 1, 2);
    grid->setColumnStretch(1, 1);
    layout->addWidget(where);

    auto* outcomeFrame = new QFrame(page);
    outcomeFrame->setFrameShape(QFrame::StyledPanel);
    auto* outcomeLayout = new QVBoxLayout(outcomeFrame);
    auto* outcomeTitle = new QLabel(tr("What will happen:"), outcomeFrame);
    QFont bold = outcomeTitle->font();
    bold.setBold(true);
    outcomeTitle->setFont(bold);
    outcomeLayout->addWidget(outcomeTitle);
    m_outcome = new QLabel(outcomeFrame);
    m_outcome->setObjectName(QStringLiteral("transferOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextFormat(Qt::PlainText);
    // Room for the longest of the texts, so the dialog does not jump as the choice changes.
    m_outcome->setMinimumHeight(m_outcome->fontMetrics().lineSpacing() * 7);
    m_outcome->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    outcomeLayout->addWidget(m_outcome);
    layout->addWidget(outcomeFrame);
    layout->addStretch(1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, page);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_cancel = buttons->button(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &TransferOutDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TransferOutDialog::reject);
    connect(m_reason, &QComboBox::currentIndexChanged, this, &TransferOutDialog::updateForm);
    connect(group, &QButtonGroup::buttonToggled, this, &TransferOutDialog::updateForm);
    // Typing or picking a union means sending the member there.
    const auto chooseDirect = [this] {
        if (!m_destination->currentText().trimmed().isEmpty())
            m_direct->setChecked(true);
    };
    connect(m_destination->lineEdit(), &QLineEdit::textEdited, this, chooseDirect);
    connect(m_destination, &QComboBox::activated, this, chooseDirect);
    connect(m_destination, &QComboBox::currentTextChanged, this, &TransferOutDialog::updateForm);
    return page;
}

QWidget* TransferOutDialog::buildDonePage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_done = new QLabel(page);
    m_done->setObjectName(QStringLiteral("transferDone"));
    m_done->setWordWrap(true);
    m_done->setTextFormat(Qt::PlainText);
    m_done->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_done);
    m_unmask = new QCheckBox(tr("Print the &full ID number on the letter (recorded in the audit log)"), page);
    m_unmask->setObjectName(QStringLiteral("letterUnmasked"));
    layout->addWidget(m_unmask);
    layout->addStretch(1);
    auto* row = new QHBoxLayout;
    m_print = new QPushButton(tr("&Print letter\u2026"), page);
    m_print->setObjectName(QStringLiteral("printLetter"));
    m_savePdf = new QPushButton(tr("Save letter as P&DF\u2026"), page);
    m_savePdf->setObjectName(QStringLiteral("saveLetterPdf"));
    m_close = new QPushButton(tr("&Close"), page);
    m_close->setObjectName(QStringLiteral("closeTransferOut"));
    row->addWidget(m_print);
    row->addWidget(m_savePdf);
    row->addStretch(1);
    row->addWidget(m_close);
    layout->addLayout(row);
    connect(m_print, &QPushButton::clicked, this, &TransferOutDialog::printLetter);
    connect(m_savePdf, &QPushButton::clicked, this, &TransferOutDialog::chooseAndSaveLetter);
    connect(m_close, &QPushButton::clicked, this, [this] { QDialog::accept(); });
    return page;
}

TransferOutDialog::Choice TransferOutDialog::choice() const
{
    if (m_direct->isChecked())
        return Choice::Direct;
    if (m_retain->isChecked())
        return Choice::Retain;
    return Choice::Hung;
}

bool TransferOutDialog::isDone() const
{
    return !m_donePage->isHidden();
}

QString TransferOutDialog::destination() const
{
    const QString typed = m_destination->currentText().trimmed();
    const int index = m_destination->currentIndex();
    // A union picked from the list goes by its id; anything else by the name typed.
    if (index >= 0 && m_destination->itemText(index) == typed)
        return m_destination->itemData(index).toString();
    return typed;
}

QString TransferOutDialog::destinationName() const
{
    return m_destination->currentText().trimmed();
}

void TransferOutDialog::updateForm()
{
    const QString reasonKey = codecombo::key(m_reason);
    const bool mayRetain = TransferReason::parse(reasonKey).mayRetain();
    m_retain->setEnabled(mayRetain);
    m_retain->setToolTip(mayRetain ? QString()
                                   : tr("Only a retired or unemployed member can keep the membership here."));
    if (!mayRetain && m_retain->isChecked())
        m_hung->setChecked(true);
    m_ok->setText(choice() == Choice::Retain ? tr("&Keep membership") : tr("Transfer &out"));

    const QString name = m_member.name;
    const QString from = m_organisationName;
    QString text;
    bool complete = m_ready && !reasonKey.isEmpty();
    if (reasonKey.isEmpty()) {
        text = tr("Choose why the member leaves.");
    } else if (choice() == Choice::Retain) {
        text =
            tr("%1 stays in %2 and keeps the membership (保留会籍): the status becomes \"%3\" and the change "
               "goes into the member's history. Nothing is transferred and no letter is needed.")
                .arg(name, from, codes::memberStatus().label(QStringLiteral("retained")));
    } else if (choice() == Choice::Direct) {
        const QString to = destinationName();
        if (to.isEmpty()) {
            text = tr("Choose or type the union that takes the member in.");
            complete = false;
        } else {
            text =
                tr("%1 leaves %2 and becomes a member of %3 straight away, keeping the history and the join "
                   "date.")
                    .arg(name, from, to);
            if (destination() == to)
                text +=
                    QLatin1Char(' ') + tr("%1 is not in this data file: the server looks it up by this exact "
                                          "name and refuses the transfer if there is no such union.")
                                           .arg(to);
        }
    } else {
        const QString holder = m_parentName.isEmpty() ? tr("the union one level above") : m_parentName;
        text =
            tr("%1 leaves %2 and is hung (上挂) at %3 until a union takes the member in. %1 is no longer an "
               "active member of %2.")
                .arg(name, from, holder);
    }
    if (complete && choice() != Choice::Retain)
        text +=
            QLatin1Char('\n') + tr("This takes effect when this computer next syncs with the server; until "
                                   "then the transfer shows as pending. A transfer letter (介绍信) can be "
                                   "printed at once.");
    m_outcome->setText(text);
    m_ok->setEnabled(complete);
    fitHeight();
}

void TransferOutDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    fitHeight();
}

void TransferOutDialog::fitHeight()
{
    // A window does not follow its layout's height-for-width by itself.
    if (!isVisible() || !layout())
        return;
    layout()->activate();
    const int needed = heightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

bool TransferOutDialog::save()
{
    if (!m_ok->isEnabled() || isDone())
        return false;
    TransferWorkflow workflow(m_store, m_scope);
    QString error;
    const QString reason = codecombo::key(m_reason);
    const QString note = m_note->text().trimmed();
    if (choice() == Choice::Retain) {
        if (!workflow.retain(m_member.id, reason, note, m_actor, &error)) {
            m_messageBar->showMessage(error, MessageBar::Kind::Error);
            return false;
        }
        emit retained(m_member.id);
        return true;
    }
    const QString to = choice() == Choice::Direct ? destination() : QString();
    const std::optional<Transfer> made = workflow.transferOut(m_member.id, reason, note, to, m_actor, &error);
    if (!made) {
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        return false;
    }
    m_transfer = *made;
    emit transferred(m_transfer.id);
    showDone();
    return true;
}

void TransferOutDialog::showDone()
{
    const TransferSummary s = TransferRepository(m_store, m_scope).summarise(m_transfer);
    const QString where =
        m_transfer.kind == Transfer::KindDirect
            ? tr("to %1").arg(s.to)
            : tr("hung at %1").arg(s.holding.isEmpty() ? tr("the union one level above") : s.holding);
    m_done->setText(
        tr("%1 is transferred out of %2, %3.\nLetter number: %4\n\nThe server receives the transfer "
           "at the next sync; until then it shows as pending in Member \u25B8 Transfers. Print the "
           "letter now, or save it as a PDF to send.")
            .arg(m_member.name, s.from, where, m_transfer.letterNumber()));
    m_messageBar->hideMessage();
    m_form->hide();
    m_donePage->show();
    setWindowTitle(tr("Transferred out \u2013 %1").arg(m_member.name));
    m_print->setDefault(true);
    m_print->setFocus();
}

void TransferOutDialog::printLetter()
{
    QString error;
    if (!TransferLetterOutput(m_store, m_scope, m_actor)
             .print(m_transfer, m_unmask->isChecked(), this, &error))
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
}

void TransferOutDialog::chooseAndSaveLetter()
{
    const QString path = TransferLetterOutput::askPdfPath(this, m_transfer);
    if (!path.isEmpty())
        saveLetter(path);
}

bool TransferOutDialog::saveLetter(const QString& path)
{
    QString error;
    if (!TransferLetterOutput(m_store, m_scope, m_actor)
             .savePdf(m_transfer, path, m_unmask->isChecked(), &error)) {
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        return false;
    }
    const QString folder = QFileInfo(path).absolutePath();
    m_messageBar->showMessage(tr("The letter was saved to %1.").arg(QDir::toNativeSeparators(path)),
                              MessageBar::Kind::Information, tr("Open folder"),
                              [folder] { QDesktopServices::openUrl(QUrl::fromLocalFile(folder)); });
    return true;
}

void TransferOutDialog::accept()
{
    if (isDone()) {
        QDialog::accept();
        return;
    }
    if (!save())
        return;
    // A kept membership has no letter: nothing more to offer.
    if (choice() == Choice::Retain)
        QDialog::accept();
}

void TransferOutDialog::reject()
{
    if (isDone())
        QDialog::accept();
    else
        QDialog::reject();
}

} // namespace ud
