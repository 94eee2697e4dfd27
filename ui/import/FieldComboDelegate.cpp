#include "import/FieldComboDelegate.h"

#include "import/ColumnMappingModel.h"
#include "io/HeaderMap.h"
#include "members/MemberValidator.h"

#include <QComboBox>
#include <QSignalBlocker>

namespace ud {

QWidget* FieldComboDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&,
                                          const QModelIndex&) const
{
    auto* combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("fieldCombo"));
    combo->setMaxVisibleItems(24);
    combo->addItem(tr("Not imported"), QString());
    const QStringList required = ColumnMappingModel::requiredFields();
    for (const QString& field : HeaderMap::importableFields()) {
        const QString label = MemberValidator::fieldLabel(field);
        combo->addItem(required.contains(field) ? tr("%1 (required)").arg(label) : label, field);
    }
    // createEditor() is const, but telling the view about the clerk's choice (a signal) is not.
    auto* self = const_cast<FieldComboDelegate*>(this);
    connect(combo, &QComboBox::activated, self, [self, combo] { emit self->commitData(combo); });
    return combo;
}

void FieldComboDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* combo = qobject_cast<QComboBox*>(editor);
    if (!combo)
        return;
    const QSignalBlocker blocker(combo);
    // An unmapped column may still be read (a second 备注, 手机号码2): the first choice says how.
    const QString field = index.data(Qt::EditRole).toString();
    combo->setItemText(0, field.isEmpty() ? index.data(Qt::DisplayRole).toString() : tr("Not imported"));
    combo->setCurrentIndex(std::max(0, combo->findData(field)));
}

void FieldComboDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                      const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor))
        model->setData(index, combo->currentData().toString(), Qt::EditRole);
}

} // namespace ud
