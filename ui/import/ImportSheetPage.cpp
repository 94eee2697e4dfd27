#include "import/ImportSheetPage.h"

#include "import/ImportSession.h"
#include "io/HeaderMap.h"

#include <QHeaderView>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ud {

namespace {
constexpr int SheetRole = Qt::UserRole + 1;
constexpr int kHeaderPreview = 6; // header texts shown per sheet
} // namespace

ImportSheetPage::ImportSheetPage(ImportSession& session, QWidget* parent)
    : QWizardPage(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("importSheetPage"));
    setTitle(tr("Choose the sheet"));
    setSubTitle(tr("The workbook has several sheets. Choose the one that holds the member roster."));

    m_sheets = new QTreeWidget(this);
    m_sheets->setObjectName(QStringLiteral("sheetList"));
    m_sheets->setRootIsDecorated(false);
    m_sheets->setUniformRowHeights(true);
    m_sheets->setHeaderLabels({tr("Sheet"), tr("Rows"), tr("Header row")});
    m_sheets->header()->setStretchLastSection(true);
    m_sheets->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_sheets->header()->setSectionResizeMode(RowsColumn, QHeaderView::ResizeToContents);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_sheets);

    connect(m_sheets, &QTreeWidget::currentItemChanged, this, &QWizardPage::completeChanged);
    connect(m_sheets, &QTreeWidget::itemDoubleClicked, this, [this] {
        if (isComplete())
            wizard()->next();
    });
}

void ImportSheetPage::initializePage()
{
    m_sheets->clear();
    const QLocale locale;
    for (int i = 0; i < m_session.workbook.sheets.size(); ++i) {
        const Sheet& sheet = m_session.workbook.sheets.at(i);
        auto* item = new QTreeWidgetItem(m_sheets);
        item->setData(NameColumn, SheetRole, i);
        item->setText(NameColumn, sheet.name);
        item->setText(RowsColumn, locale.toString(sheet.rows.size()));
        item->setTextAlignment(RowsColumn, Qt::AlignRight | Qt::AlignVCenter);
        const std::optional<HeaderMap> map = HeaderMap::detect(sheet);
        if (!map) {
            item->setText(HeaderColumn, tr("None found: no column of the name or the ID number"));
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
            continue;
        }
        QStringList headers;
        for (int c = 0; c < map->columnCount(); ++c) {
            if (!map->headerAt(c).isEmpty())
                headers.append(map->headerAt(c));
        }
        QString shown = headers.mid(0, kHeaderPreview).join(tr(", "));
        if (headers.size() > kHeaderPreview)
            shown += QStringLiteral("\u2026");
        //: %1 is a row number, %2 the column headers found in that row
        item->setText(HeaderColumn, tr("Row %1: %2").arg(map->headerRow() + 1).arg(shown));
    }
    selectSheet(m_session.sheetIndex);
}

int ImportSheetPage::selectedSheet() const
{
    const QTreeWidgetItem* item = m_sheets->currentItem();
    return item && (item->flags() & Qt::ItemIsEnabled) ? item->data(NameColumn, SheetRole).toInt() : -1;
}

bool ImportSheetPage::selectSheet(int sheet)
{
    QTreeWidgetItem* item = m_sheets->topLevelItem(sheet);
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return false;
    m_sheets->setCurrentItem(item);
    return true;
}

bool ImportSheetPage::isComplete() const
{
    return selectedSheet() >= 0;
}

bool ImportSheetPage::validatePage()
{
    const int sheet = selectedSheet();
    const std::optional<HeaderMap> map =
        sheet >= 0 ? HeaderMap::detect(m_session.workbook.sheets.at(sheet)) : std::nullopt;
    if (!map)
        return false;
    m_session.sheetIndex = sheet;
    m_session.map = *map;
    return true;
}

} // namespace ud
