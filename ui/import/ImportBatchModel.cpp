#include "import/ImportBatchModel.h"

#include <QBrush>
#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace ud {

ImportBatchModel::ImportBatchModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ImportBatchModel::setBatches(const QList<ImportBatch>& batches)
{
    beginResetModel();
    m_batches = batches;
    endResetModel();
}

QString ImportBatchModel::localDateTime(const QString& iso)
{
    const QDateTime when = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!when.isValid())
        return iso;
    return when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

int ImportBatchModel::rowOf(const QString& batchId) const
{
    for (int row = 0; row < m_batches.size(); ++row) {
        if (m_batches.at(row).id == batchId)
            return row;
    }
    return -1;
}

int ImportBatchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_batches.size());
}

int ImportBatchModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ImportBatchModel::stateText(const ImportBatch& batch) const
{
    if (!batch.isUndone())
        return tr("Imported");
    //: %1 is a date and time
    return tr("Undone on %1").arg(localDateTime(batch.undoneAt));
}

QVariant ImportBatchModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImportBatch& b = m_batches.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ImportedAtColumn:
            return localDateTime(b.importedAt);
        case OrganisationColumn:
            return b.organisationName.isEmpty() ? b.organisationId : b.organisationName;
        case FileColumn:
            return b.fileName;
        case SheetColumn:
            return b.sheetName;
        case MembersColumn:
            return QLocale().toString(b.memberCount);
        case RejectedColumn:
            return QLocale().toString(b.rejectedCount);
        case StateColumn:
            return stateText(b);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == ImportedAtColumn && !b.importedBy.isEmpty())
            return tr("Imported by %1").arg(b.importedBy);
        if (index.column() == StateColumn && b.isUndone() && !b.undoneBy.isEmpty())
            return tr("Undone by %1").arg(b.undoneBy);
        if (index.column() == FileColumn || index.column() == OrganisationColumn)
            return data(index, Qt::DisplayRole);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == MembersColumn || index.column() == RejectedColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        // An undone import is only a record: it recedes.
        if (b.isUndone())
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case BatchIdRole:
        return b.id;
    case UndoneRole:
        return b.isUndone();
    default:
        return {};
    }
}

QVariant ImportBatchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case ImportedAtColumn:
        return tr("Import time");
    case OrganisationColumn:
        return tr("Organisation");
    case FileColumn:
        return tr("File");
    case SheetColumn:
        return tr("Sheet");
    case MembersColumn:
        return tr("Members");
    case RejectedColumn:
        return tr("Rejected rows");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace ud
