#pragma once

#include "io/HeaderMap.h"
#include "io/Workbook.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace ud {

// The mapping step as a table: one row per column of the file, with its header, a few sample
// values and the member field it imports as (editable; an empty field leaves the column out).
// Edits go straight into a HeaderMap, so a field that is chosen for a second column leaves the first.
class ColumnMappingModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        HeaderColumn,
        SamplesColumn,
        FieldColumn,
        ColumnCount,
    };

    explicit ColumnMappingModel(QObject* parent = nullptr);

    // `map` must come from HeaderMap::detect() on `sheet`.
    void setSheet(const Sheet& sheet, const HeaderMap& map);
    const HeaderMap& map() const { return m_map; }
    // The field of each file column, "" for a column left out (what MappingMemory keeps).
    QStringList fieldsByColumn() const;
    // The header of each file column as written in the file.
    QStringList headers() const;
    // Maps (or, with an empty field, leaves out) a file column; false for an unknown field.
    bool setField(int column, const QString& field);
    // The fields an import cannot do without (name, ID number) that no column holds yet.
    QStringList missingRequiredFields() const;

    static QStringList requiredFields();

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

signals:
    void mappingChanged();

private:
    HeaderMap m_map;
    QStringList m_samples;
    int m_columns = 0;
};

} // namespace ud
