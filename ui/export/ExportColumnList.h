#pragma once

#include <QListWidget>
#include <QStringList>

namespace ud {

// The columns of a roster export as a checkable list, in RosterExport::columns() order, each under
// the header it gets in the file.
class ExportColumnList : public QListWidget
{
    Q_OBJECT

public:
    explicit ExportColumnList(QWidget* parent = nullptr);

    // Checks exactly these fields; an empty list (or one naming no known column) checks them all.
    void setCheckedFields(const QStringList& fields);
    // The checked fields, in the export's column order.
    QStringList checkedFields() const;
    void setAllChecked(bool checked);
    QListWidgetItem* itemForField(const QString& field) const;

signals:
    void checkedFieldsChanged();

private:
    static constexpr int FieldRole = Qt::UserRole + 1;
};

} // namespace ud
