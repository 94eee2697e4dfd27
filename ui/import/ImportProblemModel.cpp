#include "import/ImportProblemModel.h"

#include <QBrush>
#include <QColor>

namespace ud {

ImportProblemModel::ImportProblemModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ImportProblemModel::setProblems(const QList<ImportProblem>& problems)
{
    beginResetModel();
    m_problems = problems;
    endResetModel();
}

QString ImportProblemModel::outcomeText(const ImportProblem& problem)
{
    if (problem.error)
        return tr("Not imported");
    return problem.concernsColumn() ? tr("Column not imported") : tr("Imported; please check");
}

int ImportProblemModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_problems.size());
}

int ImportProblemModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportProblemModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImportProblem& p = m_problems.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case RowColumn:
            return p.row;
        case NameColumn:
            return p.name;
        case ColumnColumn:
            return p.column;
        case ValueColumn:
            return p.value;
        case ReasonColumn:
            return p.reasonBesideColumn();
        case OutcomeColumn:
            return outcomeText(p);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == RowColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    // The rows left out stand out; a warning is only a note.
    if (role == Qt::ForegroundRole && index.column() == OutcomeColumn && p.error)
        return QBrush(QColor(0xb0, 0x20, 0x20));
    return {};
}

QVariant ImportProblemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case RowColumn:
        return tr("Row");
    case NameColumn:
        return tr("Name");
    case ColumnColumn:
        return tr("Column");
    case ValueColumn:
        return tr("Value");
    case ReasonColumn:
        return tr("Problem");
    case OutcomeColumn:
        return tr("Outcome");
    default:
        return {};
    }
}

} // namespace ud
