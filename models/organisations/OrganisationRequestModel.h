#pragma once

#include "organisations/OrganisationRequest.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace ud {

// The set-up, change and dissolve requests about one organisation, oldest first, for the
// organisation page: kind, the union concerned, state, when submitted and decided (and by whom),
// the reasons on both sides and what a request proposes.
class OrganisationRequestModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        KindColumn,
        UnionColumn,
        StateColumn,
        SubmittedColumn,
        DecidedColumn,
        ReasonColumn,
        DecisionReasonColumn,
        ProposedColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        StateRole, // the state's key
    };

    explicit OrganisationRequestModel(QObject* parent = nullptr);

    // `organisationNames`: the names of the organisations the requests are about, by id.
    void setRequests(const QList<OrganisationRequest>& requests,
                     const QHash<QString, QString>& organisationNames);
    const OrganisationRequest* request(int row) const;
    int rowOf(const QString& requestId) const;

    // "Organisation name: A → B; Headcount: 30" for a change, the proposed name and level for a set-up.
    static QString describeProposal(const OrganisationRequest& request);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<OrganisationRequest> m_requests;
    QHash<QString, QString> m_names;
};

} // namespace ud
