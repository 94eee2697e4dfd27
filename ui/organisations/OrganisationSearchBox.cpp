#include "organisations/OrganisationSearchBox.h"

#include "domain/CodeList.h"
#include "organisations/OrganisationRepository.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QStandardItemModel>
#include <QTimer>

namespace ud {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kMaxMatches = 50;
} // namespace

OrganisationSearchBox::OrganisationSearchBox(Database& store, const Scope& scope, QWidget* parent)
    : QLineEdit(parent)
    , m_store(store)
    , m_scope(scope)
    , m_matches(new QStandardItemModel(this))
    , m_completer(new QCompleter(this))
    , m_delay(new QTimer(this))
{
    setObjectName(QStringLiteral("organisationSearch"));
    setPlaceholderText(tr("Find a union by name or credit code"));
    setClearButtonEnabled(true);
    m_completer->setModel(m_matches);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(12);
    m_completer->setWidget(this);
    m_delay->setSingleShot(true);
    m_delay->setInterval(250);
    connect(this, &QLineEdit::textEdited, m_delay, qOverload<>(&QTimer::start));
    connect(m_delay, &QTimer::timeout, this, [this] {
        if (search() > 0)
            m_completer->complete();
        else
            m_completer->popup()->hide();
    });
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this,
            &OrganisationSearchBox::choose);
    connect(this, &QLineEdit::returnPressed, this, [this] {
        m_delay->stop();
        if (search() > 0)
            choose(m_matches->index(0, 0));
    });
}

int OrganisationSearchBox::search()
{
    m_matches->clear();
    const QString text = this->text().trimmed();
    if (text.isEmpty())
        return 0;
    const QList<Organisation> found = OrganisationRepository(m_store, m_scope).search(text, kMaxMatches);
    for (const Organisation& o : found) {
        //: A search match: the union's name, then its credit code or level
        auto* item = new QStandardItem(tr("%1 \u2014 %2")
                                           .arg(o.name, o.creditCode.isEmpty()
                                                            ? codes::organisationLevel().label(o.level)
                                                            : o.creditCode));
        item->setData(o.id, kIdRole);
        item->setToolTip(o.name);
        m_matches->appendRow(item);
    }
    return m_matches->rowCount();
}

void OrganisationSearchBox::choose(const QModelIndex& index)
{
    // The completer hands over an index of its own proxy model; the id rides along in the data.
    const QString id = index.data(kIdRole).toString();
    if (id.isEmpty())
        return;
    m_completer->popup()->hide();
    emit organisationChosen(id);
}

} // namespace ud
