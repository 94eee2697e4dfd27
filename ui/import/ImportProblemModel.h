#pragma once

#include "io/ImportPlan.h"

#include <QAbstractTableModel>
#include <QList>

namespace ud {

// Every problem of an import preview, one per row: where it is as the clerk finds it in Excel (row
// and column), the value, the reason, and whether the row is left out or only needs a look.
class ImportProblemModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        RowColumn,
        NameColumn,
        ColumnColumn,
        ValueColumn,
        OutcomeColumn,
        ReasonColumn,
        ColumnCount,
    };

    explicit ImportProblemModel(QObject* parent = nullptr);

    void setProblems(const QList<ImportProblem>& problems);
    const ImportProblem& problemAt(int row) const { return m_problems.at(row); }
    // "Not imported" for an error, "Imported; please check" for a warning about a member, "Column
    // not imported" for one about a column (on the header row).
    static QString outcomeText(const ImportProblem& problem);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ImportProblem> m_problems;
};

} // namespace ud
