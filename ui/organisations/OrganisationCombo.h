#pragma once

#include "organisations/Organisation.h"

#include <QComboBox>
#include <QList>

class QStandardItemModel;

namespace ud {

// A drop-down of the organisations of a scope, indented by their place in the tree (parents
// before children), for choosing the organisation a member belongs to. Item data is the id.
class OrganisationCombo : public QComboBox
{
    Q_OBJECT

public:
    explicit OrganisationCombo(QWidget* parent = nullptr);

    // `organisations` parents before children (OrganisationRepository::subtree()).
    void setOrganisations(const QList<Organisation>& organisations);
    QString organisationId() const;
    void setOrganisationId(const QString& id);

private:
    QStandardItemModel* m_model = nullptr;
};

} // namespace ud
