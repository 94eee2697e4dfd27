#pragma once

#include <QStyledItemDelegate>

namespace ud {

// The drop-down of member fields in the mapping table: "Not imported" and every importable field,
// the required ones marked. A choice is written to the model at once, not when the editor closes.
class FieldComboDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

} // namespace ud
