#include "organisations/ExpiringTermsDialog.h"

#include "cadres/CadreRepository.h"
#include "cadres/ExpiringTermsModel.h"
#include "util/Clock.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace ud {

ExpiringTermsDialog::ExpiringTermsDialog(Database& store, const Scope& scope, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_scope(scope)
{
    setObjectName(QStringLiteral("expiringTermsDialog"));
    setWindowTitle(tr("Terms ending soon"));
    auto* layout = new QVBoxLayout(this);

    auto* options = new QHBoxLayout;
    auto* daysLabel = new QLabel(tr("Terms ending &within"), this);
    m_days = new QSpinBox(this);
    m_days->setObjectName(QStringLiteral("expiringDays"));
    m_days->setRange(1, 3650);
    m_days->setValue(180);
    m_days->setSuffix(tr(" days"));
    daysLabel->setBuddy(m_days);
    m_overdue = new QCheckBox(tr("Also terms that have &run out"), this);
    m_overdue->setObjectName(QStringLiteral("expiringOverdue"));
    m_overdue->setChecked(true);
    m_overdue->setToolTip(tr("Terms whose end date has passed without the term being ended: the "
                             "election is overdue"));
    options->addWidget(daysLabel);
    options->addWidget(m_days);
    options->addSpacing(16);
    options->addWidget(m_overdue);
    options->addStretch(1);
    layout->addLayout(options);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("expiringSummary"));
    layout->addWidget(m_summary);

    m_model = new ExpiringTermsModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("expiringTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ExpiringTermsModel::OrganisationColumn,
                                                      QHeaderView::Stretch);
    m_table->setToolTip(tr("Double-click a row to open its union"));
    layout->addWidget(m_table, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_days, &QSpinBox::valueChanged, this, &ExpiringTermsDialog::reload);
    connect(m_overdue, &QCheckBox::toggled, this, &ExpiringTermsDialog::reload);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (const Cadre* c = m_model->cadre(index.row()))
            emit organisationActivated(c->organisationId);
    });
    resize(820, 460);
    reload();
}

void ExpiringTermsDialog::reload()
{
    const QList<Cadre> terms =
        CadreRepository(m_store, m_scope).expiring(m_days->value(), m_overdue->isChecked());
    m_model->setTerms(terms, Clock::today());
    m_summary->setText(terms.isEmpty()
                           ? tr("No term of office ends in this period.")
                           : tr("Terms of office to prepare an election for: %1").arg(terms.size()));
}

} // namespace ud
