#pragma once

#include "organisations/Organisation.h"
#include "organisations/SubtreeCounts.h"

#include <QWidget>

class QFormLayout;
class QLabel;

namespace ud {

// The top of the organisation page: the organisation's fields (credit code, legal-person
// registration, founded, address, contact, industry, headcount, status) beside the counts of its
// subtree (active members by status, the verified share, new-employment-form members, cadres).
class OrganisationSummary : public QWidget
{
    Q_OBJECT

public:
    explicit OrganisationSummary(QWidget* parent = nullptr);

    void setOrganisation(const Organisation& org, const QString& parentName, const SubtreeCounts& counts);
    void clear();

    // Test seams: the value shown for a field (API name: creditCode, headcount …) or a count
    // (active, verified, newEmploymentForm, cadres, status:KEY).
    QString value(const QString& key) const;
    QLabel* titleLabel() const { return m_title; }

private:
    QLabel* addValue(QFormLayout* form, const QString& label, const QString& key);

    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QFormLayout* m_statusForm = nullptr;
    QHash<QString, QLabel*> m_values;
    QList<QWidget*> m_statusRows; // rows of the per-status counts, rebuilt for each organisation
};

} // namespace ud
