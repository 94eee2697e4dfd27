#pragma once

#include "import/ImportTasks.h"
#include "organisations/Organisation.h"

#include <QFutureWatcher>
#include <QList>
#include <QWizardPage>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ud {

class MessageBar;
class OrganisationCombo;
class TaskProgress;
struct ImportSession;

// The first step: the roster file and the organisation its members join. Next reads the file on a
// worker (the page shows progress and can be cancelled) and moves on once it is read; a file that
// cannot be read, or has no sheet with a recognisable header row, is explained on the page. A workbook
// with a password to open brings up a password field on the page; the password is kept only until
// the file is read.
class ImportFilePage : public QWizardPage
{
    Q_OBJECT

public:
    ImportFilePage(ImportSession& session, const QList<Organisation>& organisations,
                   const QString& organisationId, QWidget* parent = nullptr);

    QString filePath() const;
    void setFilePath(const QString& path);
    QLineEdit* fileEdit() const { return m_file; }
    QLineEdit* passwordEdit() const { return m_password; }
    OrganisationCombo* organisationCombo() const { return m_organisation; }
    MessageBar* messageBar() const { return m_messageBar; }
    TaskProgress* progress() const { return m_progress; }
    bool isReading() const { return m_watcher != nullptr; }

    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    static QString fileFilter();

private:
    void browse();
    bool isLoaded() const;
    void startReading();
    void cancelReading();
    void readingFinished();
    void askForPassword(bool wrong);
    void forgetPassword();

    ImportSession& m_session;
    QLineEdit* m_file = nullptr;
    QPushButton* m_browse = nullptr;
    QFormLayout* m_form = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QLineEdit* m_password = nullptr;
    QCheckBox* m_showPassword = nullptr;
    OrganisationCombo* m_organisation = nullptr;
    TaskProgress* m_progress = nullptr;
    MessageBar* m_messageBar = nullptr;
    QFutureWatcher<WorkbookResult>* m_watcher = nullptr;
};

} // namespace ud
