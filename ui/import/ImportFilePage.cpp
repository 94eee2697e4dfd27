#include "import/ImportFilePage.h"

#include "common/MessageBar.h"
#include "import/ImportSession.h"
#include "import/ImportWizard.h"
#include "import/TaskProgress.h"
#include "io/RosterImport.h"
#include "organisations/OrganisationCombo.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace ud {

ImportFilePage::ImportFilePage(ImportSession& session, const QList<Organisation>& organisations,
                               const QString& organisationId, QWidget* parent)
    : QWizardPage(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("importFilePage"));
    setTitle(tr("Choose the roster file"));
    setSubTitle(tr("Excel and WPS workbooks (.xlsx, .xls), OpenDocument spreadsheets (.ods) and text files "
                   "(.csv, .txt) can be read. Title rows above the header are fine."));

    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("fileEdit"));
    m_file->setClearButtonEnabled(true);
    m_browse = new QPushButton(tr("&Browse\u2026"), this);
    m_browse->setObjectName(QStringLiteral("browseButton"));
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);

    m_organisation = new OrganisationCombo(this);
    m_organisation->setObjectName(QStringLiteral("organisationCombo"));
    m_organisation->setOrganisations(organisations);
    m_organisation->setOrganisationId(organisationId);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto* fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);
    form->addRow(tr("&Import into:"), m_organisation);

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_showPassword = new QCheckBox(tr("Sho&w"), this);
    m_showPassword->setObjectName(QStringLiteral("showPasswordCheck"));
    m_showPassword->setToolTip(tr("Show the password as typed, to check capital letters and half-width "
                                  "characters."));
    auto* passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_password, 1);
    passwordRow->addWidget(m_showPassword);
    m_passwordLabel = new QLabel(tr("Open &password:"), this);
    m_passwordLabel->setBuddy(m_password);
    form->addRow(m_passwordLabel, passwordRow);
    form->setRowVisible(m_passwordLabel, false);
    m_form = form;

    auto* hint = new QLabel(tr("Every member row of the file goes to this organisation. Nothing is written "
                               "before you have seen the preview of every row."),
                            this);
    hint->setWordWrap(true);

    m_progress = new TaskProgress(this);
    m_messageBar = new MessageBar(this);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addStretch(1);
    layout->addWidget(m_progress);
    layout->addWidget(m_messageBar);

    connect(m_browse, &QPushButton::clicked, this, &ImportFilePage::browse);
    connect(m_file, &QLineEdit::textChanged, this, [this] {
        m_messageBar->hideMessage();
        forgetPassword();
        emit completeChanged();
    });
    connect(m_showPassword, &QCheckBox::toggled, this,
            [this](bool shown) { m_password->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password); });
    connect(m_organisation, &QComboBox::currentIndexChanged, this, &QWizardPage::completeChanged);
    connect(m_progress, &TaskProgress::cancelRequested, this, &ImportFilePage::cancelReading);
}

QString ImportFilePage::fileFilter()
{
    return tr("Rosters (*.xlsx *.xlsm *.xls *.et *.ods *.csv *.txt *.xml);;All files (*)");
}

QString ImportFilePage::filePath() const
{
    return m_file->text().trimmed();
}

void ImportFilePage::setFilePath(const QString& path)
{
    m_file->setText(QDir::toNativeSeparators(path));
}

void ImportFilePage::browse()
{
    QString folder = QFileInfo(filePath()).absolutePath();
    if (filePath().isEmpty())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getOpenFileName(this, tr("Import members"), folder, fileFilter());
    if (!path.isEmpty())
        setFilePath(path);
}

bool ImportFilePage::isComplete() const
{
    return !filePath().isEmpty() && !m_organisation->organisationId().isEmpty() && !isReading();
}

bool ImportFilePage::isLoaded() const
{
    const QFileInfo info(QDir::fromNativeSeparators(filePath()));
    return m_session.hasWorkbook() && m_session.filePath == info.absoluteFilePath() &&
           m_session.fileModified == info.lastModified() && m_session.fileSize == info.size();
}

bool ImportFilePage::validatePage()
{
    m_session.organisationId = m_organisation->organisationId();
    m_session.organisationName = m_organisation->currentText().trimmed();
    if (isLoaded())
        return true;
    startReading(); // moves on by itself once the file is read
    return false;
}

int ImportFilePage::nextId() const
{
    return m_session.workbook.sheets.size() > 1 ? ImportWizard::SheetPage : ImportWizard::MappingPage;
}

void ImportFilePage::startReading()
{
    const QFileInfo info(QDir::fromNativeSeparators(filePath()));
    if (!info.isFile()) {
        m_messageBar->showMessage(tr("There is no file %1.").arg(QDir::toNativeSeparators(info.filePath())),
                                  MessageBar::Kind::Error);
        return;
    }
    m_messageBar->hideMessage();
    m_session.workbook = Workbook();
    m_session.sheetIndex = -1;
    m_watcher = new QFutureWatcher<WorkbookResult>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &ImportFilePage::readingFinished);
    m_progress->start(tr("Reading %1\u2026").arg(info.fileName()), m_watcher);
    m_watcher->setFuture(ImportTasks::readWorkbook(info.absoluteFilePath(), m_password->text()));
    m_file->setEnabled(false);
    m_browse->setEnabled(false);
    m_password->setEnabled(false);
    emit completeChanged();
}

void ImportFilePage::cancelReading()
{
    // The reader cannot stop half-way; its result is left to the worker to throw away.
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    m_progress->stop();
    m_file->setEnabled(true);
    m_browse->setEnabled(true);
    m_password->setEnabled(true);
    m_messageBar->showMessage(tr("Reading the file was cancelled."), MessageBar::Kind::Information);
    emit completeChanged();
}

void ImportFilePage::readingFinished()
{
    const WorkbookResult result = m_watcher->result();
    m_watcher->deleteLater();
    m_watcher = nullptr;
    m_progress->stop();
    m_file->setEnabled(true);
    m_browse->setEnabled(true);
    m_password->setEnabled(true);
    emit completeChanged();

    if (result.passwordProblem != SheetReader::PasswordProblem::None) {
        m_messageBar->showMessage(result.error, result.passwordProblem == SheetReader::PasswordProblem::Wrong
                                                    ? MessageBar::Kind::Error
                                                    : MessageBar::Kind::Warning);
        askForPassword(result.passwordProblem == SheetReader::PasswordProblem::Wrong);
        return;
    }
    // Read: the password has done its work and is not kept.
    forgetPassword();
    QString error = result.error;
    std::optional<RosterImport::SheetChoice> choice;
    if (result.ok)
        choice = RosterImport::chooseSheet(result.workbook, QString(), &error);
    if (!choice) {
        m_messageBar->showMessage(error, MessageBar::Kind::Error);
        return;
    }
    const QFileInfo info(QDir::fromNativeSeparators(filePath()));
    m_session.filePath = info.absoluteFilePath();
    m_session.fileModified = info.lastModified();
    m_session.fileSize = info.size();
    m_session.workbook = result.workbook;
    m_session.sheetIndex = choice->sheet;
    m_session.map = choice->map;
    wizard()->next();
}

void ImportFilePage::askForPassword(bool wrong)
{
    m_form->setRowVisible(m_passwordLabel, true);
    m_password->setFocus();
    if (wrong)
        m_password->selectAll();
}

void ImportFilePage::forgetPassword()
{
    m_password->clear();
    m_showPassword->setChecked(false);
    m_form->setRowVisible(m_passwordLabel, false);
}

} // namespace ud
