#include "organisations/OrganisationCombo.h"

#include "domain/CodeList.h"

#include <QHash>
#include <QStandardItemModel>
#include <QStyledItemDelegate>

#include <algorithm>
#include <functional>
#include <limits>

namespace ud {

namespace {
constexpr int DepthRole = Qt::UserRole + 1;

// Shifts each entry right by its depth, so the list reads as the tree it is.
class IndentDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem shifted(option);
        shifted.rect.setLeft(shifted.rect.left() + indent(option, index));
        QStyledItemDelegate::paint(painter, shifted, index);
    }
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.rwidth() += indent(option, index);
        return size;
    }

private:
    static int indent(const QStyleOptionViewItem& option, const QModelIndex& index)
    {
        return index.data(DepthRole).toInt() * option.fontMetrics.averageCharWidth() * 3;
    }
};
} // namespace

OrganisationCombo::OrganisationCombo(QWidget* parent)
    : QComboBox(parent)
    , m_model(new QStandardItemModel(this))
{
    setModel(m_model);
    setItemDelegate(new IndentDelegate(this));
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    // Room for a union's name of 14 or more Chinese characters (花城华盛物流股份有限公司工会);
    // the length counts 'x' widths, and a Chinese character is about two of them.
    setMinimumContentsLength(30);
    setMaxVisibleItems(20);
    setPlaceholderText(tr("Choose an organisation"));
}

void OrganisationCombo::setOrganisations(const QList<Organisation>& organisations)
{
    const QString current = organisationId();
    m_model->clear();
    int top = std::numeric_limits<int>::max();
    for (const Organisation& o : organisations)
        top = std::min(top, o.depth());
    // Children come right after their parent, in name order, like the tree on the left.
    QHash<QString, QList<const Organisation*>> children;
    QList<const Organisation*> roots;
    for (const Organisation& o : organisations) {
        if (o.depth() == top)
            roots.append(&o);
        else
            children[o.parentId].append(&o);
    }
    auto byName = [](const Organisation* a, const Organisation* b) {
        return a->name.localeAwareCompare(b->name) < 0;
    };
    std::function<void(const Organisation*)> addWithChildren = [&](const Organisation* o) {
        auto* item = new QStandardItem(o->name);
        item->setData(o->id, Qt::UserRole);
        item->setData(o->depth() - top, DepthRole);
        item->setToolTip(codes::organisationLevel().label(o->level));
        m_model->appendRow(item);
        QList<const Organisation*> mine = children.value(o->id);
        std::sort(mine.begin(), mine.end(), byName);
        for (const Organisation* child : mine)
            addWithChildren(child);
    };
    std::sort(roots.begin(), roots.end(), byName);
    for (const Organisation* root : roots)
        addWithChildren(root);
    setOrganisationId(current);
}

QString OrganisationCombo::organisationId() const
{
    return currentData(Qt::UserRole).toString();
}

void OrganisationCombo::setOrganisationId(const QString& id)
{
    setCurrentIndex(id.isEmpty() ? -1 : findData(id, Qt::UserRole));
}

} // namespace ud
