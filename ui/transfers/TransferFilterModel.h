#pragma once

#include <QSortFilterProxyModel>

namespace ud {

// Narrows a TransferListModel to a group of states and to a search: the text against the member,
// the masked ID number, the unions and the letter number, or the transfer a typed or scanned code
// names (TransferRepository::resolve), which is always kept.
class TransferFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class StateGroup
    {
        All,
        Open, // hung or awaiting approval
        Hung,
        Requested,
        Done, // completed, rejected, cancelled, expired
    };
    Q_ENUM(StateGroup)

    explicit TransferFilterModel(QObject* parent = nullptr);

    void setStateGroup(StateGroup group);
    StateGroup stateGroup() const { return m_group; }
    // `resolvedId`: the transfer the text names as a code, or empty.
    void setSearch(const QString& text, const QString& resolvedId = QString());
    QString search() const { return m_text; }

    static bool inGroup(const QString& state, StateGroup group);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    StateGroup m_group = StateGroup::All;
    QString m_text;
    QString m_resolvedId;
};

} // namespace ud
