#include "members/HistoryDialog.h"

#include "members/MemberHistoryModel.h"
#include "members/MemberRepository.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace ud {

HistoryDialog::HistoryDialog(Database& store, const Scope& scope, const QString& memberId, QWidget* parent)
    : QDialog(parent)
    , m_model(new MemberHistoryModel(this))
{
    setObjectName(QStringLiteral("historyDialog"));
    const MemberRepository repository(store, scope);
    const std::optional<Member> member = repository.find(memberId);
    setWindowTitle(member ? tr("History \u2013 %1").arg(member->name) : tr("History"));
    m_model->setEvents(repository.history(memberId));

    auto* layout = new QVBoxLayout(this);
    if (!member) {
        auto* missing = new QLabel(tr("The member no longer exists or is outside your organisation."), this);
        missing->setWordWrap(true);
        layout->addWidget(missing);
    }
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    // A member has a handful of events: measuring them is cheap.
    m_table->resizeColumnsToContents();
    const int padding = m_table->fontMetrics().averageCharWidth() * 3;
    for (int column = 0; column < m_model->columnCount(); ++column)
        m_table->setColumnWidth(column, m_table->columnWidth(column) + padding);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(MemberHistoryModel::ChangeColumn, QHeaderView::Stretch);
    m_table->resizeRowsToContents();
    layout->addWidget(m_table, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(760, 360);
}

} // namespace ud
