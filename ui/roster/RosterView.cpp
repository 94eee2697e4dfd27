#include "roster/RosterView.h"

#include "common/ActionText.h"
#include "common/Actor.h"
#include "common/Ask.h"
#include "common/CodeCombo.h"
#include "domain/CodeList.h"
#include "members/RosterModel.h"
#include "util/LogCategories.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QShortcut>
#include <QSignalBlocker>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace ud {

namespace {
enum VerifiedChoice
{
    AnyVerification,
    OnlyVerified,
    OnlyUnverified,
};

int widestLabel(const QFontMetrics& fm, const CodeList& list)
{
    int widest = 0;
    for (int i = 0; i < list.size(); ++i)
        widest = std::max(widest, fm.horizontalAdvance(list.label(QString::fromLatin1(list.at(i).key))));
    return widest;
}
} // namespace

void RosterTable::keyboardSearch(const QString& search)
{
    // QAbstractItemView would call model()->match() over every row; hand the text to the search box.
    if (!search.trimmed().isEmpty())
        emit typed(search);
}

RosterView::RosterView(QWidget* parent)
    : QWidget(parent)
    , m_model(new RosterModel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    // The filter row: search, then the three filters, then the unmask toggle and the count.
    auto* filters = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("rosterSearch"));
    m_search->setPlaceholderText(tr("Search name, ID number, mobile or card number"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(
        tr("Type part of a name, the last digits of an ID number or mobile, or a card number "
           "(Ctrl+F; Esc clears)"));
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(m_search->placeholderText()) + 40);
    filters->addWidget(m_search, 2);

    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("rosterStatus"));
    codecombo::fill(m_status, codes::memberStatus(), tr("All statuses"), true);
    m_status->setToolTip(tr("Membership status"));
    filters->addWidget(m_status);

    m_employmentForm = new QComboBox(this);
    m_employmentForm->setObjectName(QStringLiteral("rosterEmploymentForm"));
    codecombo::fill(m_employmentForm, codes::employmentForm(), tr("All employment forms"), true);
    m_employmentForm->setToolTip(tr("Employment form"));
    filters->addWidget(m_employmentForm);

    m_verified = new QComboBox(this);
    m_verified->setObjectName(QStringLiteral("rosterVerified"));
    m_verified->addItem(tr("Verified or not"), AnyVerification);
    m_verified->addItem(tr("Real-name verified"), OnlyVerified);
    m_verified->addItem(tr("Not verified"), OnlyUnverified);
    m_verified->setToolTip(tr("Real-name verification"));
    filters->addWidget(m_verified);

    m_showFullNumbers = new QAction(tr("Show &full numbers"), this);
    m_showFullNumbers->setIconText(buttonText(m_showFullNumbers->text()));
    m_showFullNumbers->setObjectName(QStringLiteral("actionShowFullNumbers"));
    m_showFullNumbers->setCheckable(true);
    m_showFullNumbers->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    m_showFullNumbers->setToolTip(tr("Show ID numbers and mobiles in full (Ctrl+Shift+U)"));
    auto* unmask = new QToolButton(this);
    unmask->setObjectName(QStringLiteral("rosterShowFullNumbers"));
    unmask->setDefaultAction(m_showFullNumbers);
    unmask->setToolButtonStyle(Qt::ToolButtonTextOnly);
    filters->addWidget(unmask);

    filters->addStretch(1);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("rosterCount"));
    filters->addWidget(m_countLabel);
    layout->addLayout(filters);

    m_table = new RosterTable(this);
    m_table->setObjectName(QStringLiteral("rosterTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setCornerButtonEnabled(false);
    m_table->setTabKeyNavigation(false);
    // Every row has the same height and nothing is measured: a row's height never depends on its
    // content, so the view never reads rows it does not show.
    QHeaderView* rows = m_table->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setMinimumSectionSize(1);
    rows->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    rows->hide();
    QHeaderView* columns = m_table->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setSectionsMovable(true);
    columns->setHighlightSections(false);
    columns->setStretchLastSection(true);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Sorting is driven here, not by QTableView, so that a click on a column the store cannot sort
    // leaves the indicator where the order really is.
    m_table->setSortingEnabled(false);
    columns->setSectionsClickable(true);
    columns->setSortIndicatorShown(true);
    columns->setSortIndicator(RosterModel::NameColumn, Qt::AscendingOrder);
    setInitialColumnWidths();
    layout->addWidget(m_table, 1);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);

    m_findAction = new QAction(tr("&Find member"), this);
    m_findAction->setObjectName(QStringLiteral("actionFind"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setToolTip(tr("Search the roster (Ctrl+F)"));
    addAction(m_findAction);
    addAction(m_showFullNumbers);

    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &RosterView::applyFilter);
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_search);
    escape->setContext(Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, this, &RosterView::clearSearch);
    for (QComboBox* combo : {m_status, m_employmentForm, m_verified})
        connect(combo, &QComboBox::currentIndexChanged, this, &RosterView::applyFilter);
    connect(m_findAction, &QAction::triggered, this, &RosterView::focusSearch);
    // Showing numbers in full is audit-logged; if the log cannot be written they stay masked.
    connect(m_showFullNumbers, &QAction::toggled, this, [this](bool on) {
        QString error;
        if (m_model->setUnmasked(on, currentActor(), &error))
            return;
        const QSignalBlocker blocker(m_showFullNumbers);
        m_showFullNumbers->setChecked(false);
        Ask::error(
            this, tr("Numbers stay masked"),
            tr("Showing numbers in full must be written to the audit log, which failed.\n\n%1").arg(error));
    });
    connect(m_model, &RosterModel::countChanged, this, &RosterView::updateCountLabel);
    connect(columns, &QHeaderView::sortIndicatorChanged, this, &RosterView::onSortIndicatorChanged);
    connect(m_table, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString id = m_model->memberIdAt(index.row());
        if (!id.isEmpty())
            emit memberActivated(id);
    });
    for (const QKeySequence& key : {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)}) {
        auto* enter = new QShortcut(key, m_table);
        enter->setContext(Qt::WidgetShortcut);
        connect(enter, &QShortcut::activated, this, [this] {
            const QString id = currentMemberId();
            if (!id.isEmpty())
                emit memberActivated(id);
        });
    }
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                emit currentMemberChanged(m_model->memberIdAt(current.row()));
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { emit currentMemberChanged(QString()); });
    connect(m_table, &RosterTable::typed, this, [this](const QString& text) {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->setText(m_search->text() + text);
    });
    updateCountLabel(0);
}

void RosterView::setSource(const QSqlDatabase& db, const Scope& scope)
{
    m_model->setSource(db, scope);
    m_model->setFilter(currentFilter());
}

void RosterView::setOrganisationPath(const QString& path)
{
    if (path == m_organisationPath)
        return;
    m_organisationPath = path;
    applyFilter();
}

RosterFilter RosterView::currentFilter() const
{
    RosterFilter filter;
    filter.search = m_search->text().trimmed();
    filter.organisationPath = m_organisationPath;
    filter.status = codecombo::key(m_status);
    filter.employmentForm = codecombo::key(m_employmentForm);
    switch (m_verified->currentData().toInt()) {
    case OnlyVerified:
        filter.verified = true;
        break;
    case OnlyUnverified:
        filter.verified = false;
        break;
    default:
        break;
    }
    return filter;
}

void RosterView::applyFilter()
{
    m_searchTimer->stop();
    m_model->setFilter(currentFilter());
    // Other matches are other rows: show the first of them, not wherever the last list was scrolled.
    m_table->scrollToTop();
}

void RosterView::refresh()
{
    const QString current = currentMemberId();
    m_model->refresh();
    if (!current.isEmpty())
        selectMember(current);
}

QString RosterView::currentMemberId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->memberIdAt(current.row()) : QString();
}

bool RosterView::selectMember(const QString& memberId)
{
    const int row = m_model->rowOfMember(memberId);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, std::max(0, m_table->currentIndex().column()));
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

void RosterView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void RosterView::clearSearch()
{
    if (m_search->text().isEmpty())
        return;
    m_search->clear();
    applyFilter();
}

QByteArray RosterView::saveHeaderState() const
{
    return m_table->horizontalHeader()->saveState();
}

bool RosterView::restoreHeaderState(const QByteArray& state)
{
    QHeaderView* header = m_table->horizontalHeader();
    if (state.isEmpty() || !header->restoreState(state)) {
        setInitialColumnWidths();
        return false;
    }
    // The restored indicator must match the model's order; an unsortable one falls back to names.
    const int column = header->sortIndicatorSection();
    if (!RosterModel::isSortable(column))
        header->setSortIndicator(RosterModel::NameColumn, Qt::AscendingOrder);
    else
        onSortIndicatorChanged(column, header->sortIndicatorOrder());
    return true;
}

void RosterView::onSortIndicatorChanged(int column, Qt::SortOrder order)
{
    if (!RosterModel::isSortable(column)) {
        // Put the indicator back where the order is; this re-enters with the sortable column.
        qCDebug(lcUi) << "roster column" << column << "cannot be sorted";
        m_table->horizontalHeader()->setSortIndicator(m_sortColumn, m_sortOrder);
        return;
    }
    m_sortColumn = column;
    m_sortOrder = order;
    m_model->sort(column, order);
}

void RosterView::updateCountLabel(qint64 count)
{
    const int n = static_cast<int>(std::min<qint64>(count, std::numeric_limits<int>::max()));
    const RosterFilter filter = currentFilter();
    const bool narrowed = !filter.search.isEmpty() || !filter.status.isEmpty() ||
                          !filter.employmentForm.isEmpty() || filter.verified.has_value();
    if (count == 0 && narrowed)
        m_countLabel->setText(tr("No members match"));
    else
        m_countLabel->setText(tr("Members: %1").arg(QLocale().toString(n)));
    emit countChanged(count);
}

void RosterView::setInitialColumnWidths()
{
    // Measured from the font and the labels, never from the rows: measuring the content would
    // read the whole roster.
    const QFontMetrics fm = m_table->fontMetrics();
    const QFontMetrics headerFm = m_table->horizontalHeader()->fontMetrics();
    const int padding = fm.averageCharWidth() * 2;
    const int sortArrow = headerFm.height() + 4;
    auto widthFor = [&](int column, int content) {
        int header = headerFm.horizontalAdvance(
            m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        if (RosterModel::isSortable(column))
            header += sortArrow;
        return std::max(content, header) + padding;
    };
    const QChar han(0x6C49); // a typical CJK character, as wide as any
    const int widths[RosterModel::ColumnCount] = {
        widthFor(RosterModel::NameColumn, fm.horizontalAdvance(QString(4, han))),
        widthFor(RosterModel::GenderColumn, widestLabel(fm, codes::gender())),
        widthFor(RosterModel::IdNumberColumn, fm.horizontalAdvance(QStringLiteral("44010619900101123X"))),
        widthFor(RosterModel::MobileColumn, fm.horizontalAdvance(QStringLiteral("13800138000"))),
        widthFor(RosterModel::OrganisationColumn, fm.horizontalAdvance(QString(10, han))),
        widthFor(RosterModel::EmploymentFormColumn, widestLabel(fm, codes::employmentForm())),
        widthFor(RosterModel::JoinDateColumn, fm.horizontalAdvance(QStringLiteral("2024-12-31"))),
        widthFor(RosterModel::CardNumberColumn, fm.horizontalAdvance(QStringLiteral("GH2024-000000"))),
        widthFor(RosterModel::StatusColumn, widestLabel(fm, codes::memberStatus())),
        widthFor(
            RosterModel::VerifiedColumn,
            std::max(fm.horizontalAdvance(QCoreApplication::translate("ud::RosterModel", "Verified")),
                     fm.horizontalAdvance(QCoreApplication::translate("ud::RosterModel", "Not verified")))),
    };
    QHeaderView* header = m_table->horizontalHeader();
    for (int column = 0; column < RosterModel::ColumnCount; ++column)
        header->resizeSection(column, widths[column]);
    // Organisation names are the longest values: shown last, that column takes the room left over.
    header->moveSection(header->visualIndex(RosterModel::OrganisationColumn), RosterModel::ColumnCount - 1);
}

} // namespace ud
