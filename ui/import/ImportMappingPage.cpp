#include "import/ImportMappingPage.h"

#include "import/ColumnMappingModel.h"
#include "import/FieldComboDelegate.h"
#include "import/ImportSession.h"
#include "import/MappingMemory.h"
#include "members/MemberValidator.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ud {

ImportMappingPage::ImportMappingPage(ImportSession& session, MappingMemory& memory, QWidget* parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_memory(memory)
    , m_model(new ColumnMappingModel(this))
{
    setObjectName(QStringLiteral("importMappingPage"));
    setTitle(tr("Check the columns"));
    setSubTitle(tr("Check which member field each column of the file holds, and correct it where it is "
                   "wrong. Columns set to \u201cNot imported\u201d are left out."));

    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("mappingStatus"));
    m_status->setWordWrap(true);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("mappingTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(ColumnMappingModel::FieldColumn, new FieldComboDelegate(m_table));
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus); // Tab goes from drop-down to drop-down
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(ColumnMappingModel::HeaderColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ColumnMappingModel::SamplesColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ColumnMappingModel::FieldColumn, QHeaderView::Fixed);
    header->resizeSection(ColumnMappingModel::FieldColumn, fontMetrics().averageCharWidth() * 30);

    m_automatic = new QPushButton(tr("&Use the automatic mapping"), this);
    m_automatic->setObjectName(QStringLiteral("automaticMappingButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_automatic, 0, Qt::AlignTop);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_model, &ColumnMappingModel::mappingChanged, this, [this] {
        updateStatus();
        emit completeChanged();
    });
    connect(m_automatic, &QPushButton::clicked, this, &ImportMappingPage::useAutomaticMapping);
}

QString ImportMappingPage::sourceKey() const
{
    return m_session.filePath + QChar(u'\n') + m_session.fileModified.toString(Qt::ISODateWithMs) +
           QChar(u'\n') + QString::number(m_session.sheetIndex);
}

void ImportMappingPage::initializePage()
{
    if (!m_session.hasWorkbook())
        return;
    const Sheet& sheet = m_session.sheet();
    //: %1 is a row number as in Excel, %2 the name of a sheet
    m_intro->setText(tr("Row %1 of the sheet \u201c%2\u201d is the header row; the rows below it are read as "
                        "members.")
                         .arg(m_session.map.headerRow() + 1)
                         .arg(sheet.name));
    if (m_loadedFrom == sourceKey())
        return; // the clerk came back from a later page: keep the corrections
    m_loadedFrom = sourceKey();
    m_model->setSheet(sheet, m_session.map);
    m_automaticFields = m_model->fieldsByColumn();
    m_rememberedFields.clear();
    if (const std::optional<QStringList> remembered = m_memory.recall(m_model->headers())) {
        for (int c = 0; c < m_model->rowCount(); ++c)
            m_model->setField(c, QString());
        for (int c = 0; c < remembered->size(); ++c)
            m_model->setField(c, remembered->at(c));
        m_rememberedFields = m_model->fieldsByColumn();
    }
    for (int r = 0; r < m_model->rowCount(); ++r)
        m_table->openPersistentEditor(m_model->index(r, ColumnMappingModel::FieldColumn));
    m_table->resizeRowsToContents();
    updateStatus();
}

bool ImportMappingPage::setField(int column, const QString& field)
{
    return m_model->setField(column, field);
}

void ImportMappingPage::useAutomaticMapping()
{
    for (int c = 0; c < m_model->rowCount(); ++c)
        m_model->setField(c, QString());
    for (int c = 0; c < m_automaticFields.size(); ++c)
        m_model->setField(c, m_automaticFields.at(c));
}

void ImportMappingPage::updateStatus()
{
    const QStringList missing = m_model->missingRequiredFields();
    m_automatic->setEnabled(m_model->fieldsByColumn() != m_automaticFields);
    if (!missing.isEmpty()) {
        QStringList labels;
        for (const QString& field : missing)
            labels.append(MemberValidator::fieldLabel(field));
        //: %1 lists fields such as "Name, ID number"
        m_status->setText(tr("Choose the column that holds: %1. Without it no member can be imported.")
                              .arg(labels.join(tr(", "))));
        m_status->setStyleSheet(QStringLiteral("color: #b02020;"));
        return;
    }
    m_status->setStyleSheet(QString());
    m_status->setText(usesRememberedMapping()
                          ? tr("These are the columns you chose last time for a file with the same "
                               "headers.")
                          : QString());
}

bool ImportMappingPage::usesRememberedMapping() const
{
    const QStringList fields = m_model->fieldsByColumn();
    return !m_rememberedFields.isEmpty() && fields == m_rememberedFields && fields != m_automaticFields;
}

bool ImportMappingPage::isComplete() const
{
    return m_model->rowCount() > 0 && m_model->missingRequiredFields().isEmpty();
}

bool ImportMappingPage::validatePage()
{
    if (!isComplete())
        return false;
    m_session.map = m_model->map();
    m_memory.remember(m_model->headers(), m_model->fieldsByColumn(), m_automaticFields);
    return true;
}

} // namespace ud
