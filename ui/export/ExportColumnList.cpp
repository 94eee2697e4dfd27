#include "export/ExportColumnList.h"

#include "io/RosterExport.h"

namespace ud {

ExportColumnList::ExportColumnList(QWidget* parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("exportColumns"));
    setSelectionMode(QAbstractItemView::NoSelection);
    // Top to bottom in columns, so all twenty fit without scrolling and read in the file's order.
    setFlow(QListView::TopToBottom);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setSpacing(2);
    for (const QString& field : RosterExport::columns()) {
        auto* item = new QListWidgetItem(RosterExport::columnLabel(field), this);
        item->setData(FieldRole, field);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    connect(this, &QListWidget::itemChanged, this, &ExportColumnList::checkedFieldsChanged);
}

void ExportColumnList::setCheckedFields(const QStringList& fields)
{
    bool known = false;
    for (const QString& field : fields)
        known = known || itemForField(field) != nullptr;
    const QSignalBlocker blocker(this);
    for (int i = 0; i < count(); ++i) {
        QListWidgetItem* it = item(i);
        const bool on = !known || fields.contains(it->data(FieldRole).toString());
        it->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    emit checkedFieldsChanged();
}

QStringList ExportColumnList::checkedFields() const
{
    QStringList fields;
    for (int i = 0; i < count(); ++i) {
        if (item(i)->checkState() == Qt::Checked)
            fields.append(item(i)->data(FieldRole).toString());
    }
    return fields;
}

void ExportColumnList::setAllChecked(bool checked)
{
    {
        const QSignalBlocker blocker(this);
        for (int i = 0; i < count(); ++i)
            item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
    emit checkedFieldsChanged();
}

QListWidgetItem* ExportColumnList::itemForField(const QString& field) const
{
    for (int i = 0; i < count(); ++i) {
        if (item(i)->data(FieldRole).toString() == field)
            return item(i);
    }
    return nullptr;
}

} // namespace ud
