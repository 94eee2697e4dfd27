#include "organisations/OrganisationImportDialog.h"

#include "import/ImportProblemModel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ud {

OrganisationImportDialog::OrganisationImportDialog(const OrganisationImport& plan, const QString& fileName,
                                                   const QString& parentName, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("organisationImportDialog"));
    setWindowTitle(tr("Import unions"));
    auto* layout = new QVBoxLayout(this);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setText(
        tr("<p>%1: unions to add under <b>%2</b> (or under the parents the file names): <b>%3</b>; already "
           "in the tree and left as they are: %4; rows not imported: <b>%5</b>.</p>")
            .arg(fileName.toHtmlEscaped(), parentName.toHtmlEscaped())
            .arg(plan.validCount())
            .arg(plan.existingCount())
            .arg(plan.rejectedCount()));
    layout->addWidget(m_summary);

    m_problems = new ImportProblemModel(this);
    m_problems->setProblems(plan.problems());
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("importProblems"));
    m_table->setModel(m_problems);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setVisible(!plan.problems().isEmpty());
    layout->addWidget(m_table, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import =
        buttons->addButton(tr("&Add the unions (%1)").arg(plan.validCount()), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("addUnionsButton"));
    m_import->setEnabled(plan.validCount() > 0);
    m_import->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(900, plan.problems().isEmpty() ? 180 : 520);
}

} // namespace ud
