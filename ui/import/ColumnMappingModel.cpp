#include "import/ColumnMappingModel.h"

#include "members/MemberValidator.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace ud {

namespace {
constexpr int kSamples = 3;         // values shown per column
constexpr int kSampleRowsRead = 60; // rows looked at to find them
} // namespace

ColumnMappingModel::ColumnMappingModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ColumnMappingModel::setSheet(const Sheet& sheet, const HeaderMap& map)
{
    beginResetModel();
    m_map = map;
    m_columns = map.columnCount();
    const int first = map.headerRow() + 1;
    const int last = std::min(static_cast<int>(sheet.rows.size()), first + kSampleRowsRead);
    // Data may reach further right than the header row (a column the clerk forgot to name).
    for (int r = first; r < last; ++r)
        m_columns = std::max(m_columns, static_cast<int>(sheet.rows.at(r).size()));
    m_samples.clear();
    for (int c = 0; c < m_columns; ++c) {
        QStringList values;
        for (int r = first; r < last && values.size() < kSamples; ++r) {
            const SheetCell cell = sheet.rows.at(r).value(c);
            if (!cell.isEmpty())
                values.append(cell.text.trimmed());
        }
        m_samples.append(values.join(QStringLiteral(" | ")));
    }
    endResetModel();
    emit mappingChanged();
}

QStringList ColumnMappingModel::fieldsByColumn() const
{
    QStringList fields;
    for (int c = 0; c < m_columns; ++c)
        fields.append(m_map.fieldAt(c));
    return fields;
}

QStringList ColumnMappingModel::headers() const
{
    QStringList headers;
    for (int c = 0; c < m_columns; ++c)
        headers.append(m_map.headerAt(c));
    return headers;
}

bool ColumnMappingModel::setField(int column, const QString& field)
{
    if (column < 0 || column >= m_columns ||
        (!field.isEmpty() && !HeaderMap::importableFields().contains(field)))
        return false;
    if (m_map.fieldAt(column) == field)
        return true;
    m_map.setField(column, field);
    // Choosing a field for this column may have taken it from another: every field cell may change.
    emit dataChanged(index(0, FieldColumn), index(m_columns - 1, FieldColumn));
    emit mappingChanged();
    return true;
}

QStringList ColumnMappingModel::missingRequiredFields() const
{
    return m_map.missingRequiredFields();
}

QStringList ColumnMappingModel::requiredFields()
{
    return HeaderMap::requiredFields();
}

int ColumnMappingModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

int ColumnMappingModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ColumnMappingModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int c = index.row();
    const QString field = m_map.fieldAt(c);
    switch (index.column()) {
    case HeaderColumn:
        if (role == Qt::DisplayRole) {
            const QString header = m_map.headerAt(c);
            return header.isEmpty() ? tr("Column %1 (no header)").arg(HeaderMap::columnLetter(c))
                                    : tr("%1: %2").arg(HeaderMap::columnLetter(c), header);
        }
        break;
    case SamplesColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return m_samples.value(c);
        break;
    case FieldColumn:
        if (role == Qt::EditRole)
            return field;
        if (role == Qt::DisplayRole && field.isEmpty()) {
            // 新手机号码's plain twin, 手机号码2: read where the column the field comes from is empty.
            const QString standsIn = m_map.standsInFor(c);
            if (standsIn.isEmpty())
                return tr("Not imported");
            const QString main = HeaderMap::columnLetter(m_map.columnOf(standsIn));
            if (standsIn == QLatin1String("notes"))
                return tr("Added to %1 (column %2)").arg(MemberValidator::fieldLabel(standsIn), main);
            return m_map.moreValuesOf(standsIn).contains(c)
                       ? tr("%1 where column %2 is empty, else to the notes")
                             .arg(MemberValidator::fieldLabel(standsIn), main)
                       : tr("%1 where column %2 is empty").arg(MemberValidator::fieldLabel(standsIn), main);
        }
        if (role == Qt::DisplayRole)
            return MemberValidator::fieldLabel(field);
        if (role == Qt::FontRole && !field.isEmpty()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (role == Qt::ForegroundRole && field.isEmpty())
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        break;
    default:
        break;
    }
    return {};
}

bool ColumnMappingModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || index.column() != FieldColumn ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    return setField(index.row(), value.toString());
}

QVariant ColumnMappingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case HeaderColumn:
        return tr("Column in the file");
    case SamplesColumn:
        return tr("Sample values");
    case FieldColumn:
        return tr("Imports as");
    default:
        return {};
    }
}

Qt::ItemFlags ColumnMappingModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == FieldColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

} // namespace ud
