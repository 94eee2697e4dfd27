#include "import/ImportWizard.h"

#include "common/Actor.h"
#include "import/ImportFilePage.h"
#include "import/ImportMappingPage.h"
#include "import/ImportPreviewPage.h"
#include "import/ImportProgressPage.h"
#include "import/ImportSheetPage.h"
#include "import/ImportSummaryPage.h"
#include "import/ImportUndoRunner.h"
#include "import/MappingMemory.h"
#include "organisations/OrganisationRepository.h"
#include "store/Database.h"

namespace ud {

ImportWizard::ImportWizard(Database& store, const Scope& scope, const QString& organisationId,
                           AppSettings& settings, QWidget* parent)
    : QWizard(parent)
    , m_memory(std::make_unique<MappingMemory>(settings))
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import members"));
    setWizardStyle(QWizard::ClassicStyle);
    setOptions(QWizard::NoBackButtonOnStartPage | QWizard::NoBackButtonOnLastPage |
               QWizard::NoCancelButtonOnLastPage);
    m_session.storePath = store.path();
    m_session.scope = scope;
    m_session.actor = currentActor();

    m_filePage = new ImportFilePage(m_session, OrganisationRepository(store, scope).subtree(),
                                    organisationId.isEmpty() ? scope.organisationId() : organisationId, this);
    m_sheetPage = new ImportSheetPage(m_session, this);
    m_mappingPage = new ImportMappingPage(m_session, *m_memory, this);
    m_previewPage = new ImportPreviewPage(m_session, this);
    m_progressPage = new ImportProgressPage(m_session, this);
    m_summaryPage = new ImportSummaryPage(m_session, this);
    setPage(FilePage, m_filePage);
    setPage(SheetPage, m_sheetPage);
    setPage(MappingPage, m_mappingPage);
    setPage(PreviewPage, m_previewPage);
    setPage(ProgressPage, m_progressPage);
    setPage(SummaryPage, m_summaryPage);
    setStartId(FilePage);

    connect(m_progressPage, &ImportProgressPage::importFinished, this, [this] {
        if (m_session.importSucceeded && m_session.imported > 0)
            emit membersImported(m_session.organisationId, m_session.imported);
    });
    connect(m_summaryPage, &ImportSummaryPage::importUndone, this, &ImportWizard::importUndone);
    // Room for an 18-digit ID number and a reason side by side in the preview.
    const int ch = fontMetrics().averageCharWidth();
    resize(ch * 165, fontMetrics().height() * 44);
}

ImportWizard::~ImportWizard() = default;

void ImportWizard::reject()
{
    if (m_progressPage->isRunning()) {
        m_progressPage->cancel();
        return;
    }
    if (m_summaryPage->isUndoing()) {
        m_summaryPage->undoRunner()->cancel();
        return;
    }
    QWizard::reject();
}

} // namespace ud
