#pragma once

#include "members/MemberEvent.h"

#include <QAbstractTableModel>
#include <QList>

namespace ud {

// A member's history (joined, changes, status changes), oldest first.
class MemberHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        DateColumn,
        EventColumn,
        ChangeColumn,
        ReasonColumn,
        ByColumn,
        ColumnCount
    };

    explicit MemberHistoryModel(QObject* parent = nullptr);

    void setEvents(const QList<MemberEvent>& events);
    // A readable one-line summary of what an event changed.
    static QString describeChange(const MemberEvent& event);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<MemberEvent> m_events;
};

} // namespace ud
