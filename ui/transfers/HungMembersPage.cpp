#include "transfers/HungMembersPage.h"

#include "audit/AuditLog.h"
#include "common/Actor.h"
#include "common/MessageBar.h"
#include "io/TableFileWriter.h"
#include "organisations/OrganisationRepository.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "transfers/TransferListModel.h"
#include "transfers/TransferRepository.h"
#include "util/AppSettings.h"
#include "util/Clock.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTextDocument>
#include <QUrl>
#include <QVBoxLayout>

namespace ud {

namespace {
// The columns of the report, in the order of TransferListModel.
constexpr int ReportColumns[] = {TransferListModel::MemberColumn, TransferListModel::IdNumberColumn,
                                 TransferListModel::FromColumn, TransferListModel::HoldingColumn,
                                 TransferListModel::RequestedColumn};
} // namespace

HungMembersPage::HungMembersPage(Database& store, const Scope& scope, MessageBar* messages, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_scope(scope)
    , m_actor(currentActor())
    , m_messages(messages)
{
    setObjectName(QStringLiteral("hungMembersPage"));
    if (const auto holder = OrganisationRepository(m_store, m_scope).find(m_scope.organisationId()))
        m_holderName = holder->name;
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* label = new QLabel(tr("Hung for at &least"), this);
    m_months = new QSpinBox(this);
    m_months->setObjectName(QStringLiteral("hungMonths"));
    m_months->setRange(0, 240);
    m_months->setValue(6);
    m_months->setSuffix(tr(" months"));
    m_months->setToolTip(tr("Whole months since the member was hung; 0 lists every hung member"));
    label->setBuddy(m_months);
    top->addWidget(label);
    top->addWidget(m_months);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("hungSummary"));
    m_summary->setWordWrap(true);
    top->addWidget(m_summary, 1);
    m_print = new QPushButton(tr("&Print list\u2026"), this);
    m_print->setObjectName(QStringLiteral("printHungList"));
    m_print->setAutoDefault(false);
    m_export = new QPushButton(tr("E&xport list\u2026"), this);
    m_export->setObjectName(QStringLiteral("exportHungList"));
    m_export->setAutoDefault(false);
    m_export->setToolTip(tr("Save the list as an Excel workbook or a CSV file"));
    top->addWidget(m_print);
    top->addWidget(m_export);
    layout->addLayout(top);

    m_model = new TransferListModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("hungTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int column = 0; column < TransferListModel::ColumnCount; ++column) {
        if (std::find(std::begin(ReportColumns), std::end(ReportColumns), column) == std::end(ReportColumns))
            m_table->hideColumn(column);
    }
    layout->addWidget(m_table, 1);

    connect(m_months, &QSpinBox::valueChanged, this, &HungMembersPage::reload);
    connect(m_print, &QPushButton::clicked, this, &HungMembersPage::print);
    connect(m_export, &QPushButton::clicked, this, &HungMembersPage::chooseAndExport);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit transferActivated(index.data(TransferListModel::IdRole).toString());
    });
    // Filled by reload(): the Transfers window loads both its tabs at once.
}

void HungMembersPage::reload()
{
    const TransferRepository transfers(m_store, m_scope);
    m_model->setToday(Clock::today());
    m_model->setTransfers(transfers.summarise(transfers.hungHeldBy(QString(), m_months->value())));
    const int count = m_model->rowCount();
    const QString holder = m_holderName.isEmpty() ? tr("your organisation") : m_holderName;
    if (m_months->value() == 0)
        m_summary->setText(tr("%n member(s) hung at %1 or below.", nullptr, count).arg(holder));
    else
        m_summary->setText(tr("%n member(s) hung at %1 or below for %2 months or more.", nullptr, count)
                               .arg(holder)
                               .arg(m_months->value()));
    m_print->setEnabled(count > 0);
    m_export->setEnabled(count > 0);
    m_table->resizeColumnsToContents();
}

QString HungMembersPage::title() const
{
    const QString holder = m_holderName.isEmpty() ? tr("your organisation") : m_holderName;
    if (m_months->value() == 0)
        return tr("Members hung at %1").arg(holder);
    return tr("Members hung at %1 for %2 months or more").arg(holder).arg(m_months->value());
}

QStringList HungMembersPage::headers() const
{
    QStringList out;
    for (const int column : ReportColumns)
        out.append(m_model->headerData(column, Qt::Horizontal).toString());
    return out;
}

QList<QStringList> HungMembersPage::rows() const
{
    QList<QStringList> out;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QStringList cells;
        for (const int column : ReportColumns)
            cells.append(m_model->index(row, column).data().toString());
        out.append(cells);
    }
    return out;
}

std::unique_ptr<QTextDocument> HungMembersPage::document() const
{
    QString html =
        QStringLiteral("<h2>%1</h2><p>%2</p><table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
                       "width=\"100%\"><thead><tr>")
            .arg(title().toHtmlEscaped(), tr("As of %1; %n member(s).", nullptr, m_model->rowCount())
                                              .arg(QLocale().toString(Clock::today(), QLocale::LongFormat))
                                              .toHtmlEscaped());
    for (const QString& header : headers())
        html += QStringLiteral("<th>%1</th>").arg(header.toHtmlEscaped());
    html += QStringLiteral("</tr></thead><tbody>");
    for (const QStringList& cells : rows()) {
        html += QStringLiteral("<tr>");
        for (const QString& cell : cells)
            html += QStringLiteral("<td>%1</td>").arg(cell.toHtmlEscaped());
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</tbody></table>");
    auto document = std::make_unique<QTextDocument>();
    document->setHtml(html);
    return document;
}

void HungMembersPage::print()
{
    auto* preview = new QPrintPreviewDialog(this);
    preview->setObjectName(QStringLiteral("hungListPreview"));
    preview->setAttribute(Qt::WA_DeleteOnClose);
    preview->setWindowTitle(title());
    preview->printer()->setPageLayout(
        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(15, 15, 15, 15)));
    // The rows as they are now, even if the list changes while the preview is open.
    std::shared_ptr<QTextDocument> document = this->document();
    connect(preview, &QPrintPreviewDialog::paintRequested, preview,
            [document](QPrinter* printer) { document->print(printer); });
    preview->open();
}

bool HungMembersPage::exportTo(const QString& path, QString* error)
{
    TableFileWriter writer(path);
    const QList<bool> textColumns{false, true, false, false, false};
    if (!writer.begin(tr("Hung members"), title(), headers(), textColumns, error))
        return false;
    const QList<QStringList> all = rows();
    for (const QStringList& cells : all)
        writer.writeRow(cells);
    // An export of members that cannot be logged does not happen.
    AuditEntry entry;
    entry.actor = m_actor;
    entry.action = AuditLog::Export;
    entry.entity = entity::Transfer;
    entry.detail = QStringLiteral("hung members report (%1 months or more), %2 rows, ID numbers masked → %3")
                       .arg(m_months->value())
                       .arg(all.size())
                       .arg(QFileInfo(path).fileName());
    QString logError;
    if (!AuditLog(m_store.connection()).append(entry, &logError)) {
        if (error)
            *error = tr("The list cannot be written to the audit log: %1").arg(logError);
        return false;
    }
    return writer.finish(error);
}

void HungMembersPage::chooseAndExport()
{
    AppSettings& settings = AppSettings::instance();
    QString folder = settings.value(AppSettings::Key::ExportFolder).toString();
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(this, tr("Export the list of hung members"),
                                                QDir(folder).filePath(title() + QStringLiteral(".xlsx")),
                                                tr("Excel workbook (*.xlsx);;CSV file (*.csv)"));
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("xlsx") && suffix != QLatin1String("csv"))
        path += QStringLiteral(".xlsx");
    QString error;
    if (!exportTo(path, &error)) {
        m_messages->showMessage(error, MessageBar::Kind::Error);
        return;
    }
    const QString saved = QFileInfo(path).absolutePath();
    settings.setValue(AppSettings::Key::ExportFolder, saved);
    m_messages->showMessage(tr("The list was saved to %1.").arg(QDir::toNativeSeparators(path)),
                            MessageBar::Kind::Information, tr("Open folder"),
                            [saved] { QDesktopServices::openUrl(QUrl::fromLocalFile(saved)); });
}

} // namespace ud
