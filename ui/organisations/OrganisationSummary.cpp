#include "organisations/OrganisationSummary.h"

#include "domain/CodeList.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace ud {

namespace {
QString orDash(const QString& text)
{
    return text.trimmed().isEmpty() ? QStringLiteral("\u2014") : text;
}
} // namespace

OrganisationSummary::OrganisationSummary(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("organisationSummary"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("organisationTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("organisationSubtitle"));
    m_subtitle->setWordWrap(true);
    layout->addWidget(m_subtitle);

    auto* row = new QHBoxLayout;
    auto* details = new QGroupBox(tr("Details"), this);
    auto* detailsForm = new QFormLayout(details);
    detailsForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addValue(detailsForm, tr("Unified social credit code:"), QStringLiteral("creditCode"));
    addValue(detailsForm, tr("Legal-person certificate:"), QStringLiteral("legalPersonNumber"));
    addValue(detailsForm, tr("Legal-person registration date:"), QStringLiteral("legalPersonRegisteredOn"));
    addValue(detailsForm, tr("Date founded:"), QStringLiteral("foundedOn"));
    addValue(detailsForm, tr("Address:"), QStringLiteral("address"));
    addValue(detailsForm, tr("Contact:"), QStringLiteral("contact"));
    addValue(detailsForm, tr("Industry:"), QStringLiteral("industry"));
    addValue(detailsForm, tr("Headcount (employees):"), QStringLiteral("headcount"));
    addValue(detailsForm, tr("Status:"), QStringLiteral("status"));
    row->addWidget(details, 3);

    auto* counts = new QGroupBox(tr("Members and cadres, with the unions under it"), this);
    m_statusForm = new QFormLayout(counts);
    addValue(m_statusForm, tr("Active members:"), QStringLiteral("active"));
    addValue(m_statusForm, tr("Real-name verified:"), QStringLiteral("verified"));
    addValue(m_statusForm, tr("New-employment-form workers:"), QStringLiteral("newEmploymentForm"));
    addValue(m_statusForm, tr("Cadres in post:"), QStringLiteral("cadres"));
    row->addWidget(counts, 2);
    layout->addLayout(row);
}

QLabel* OrganisationSummary::addValue(QFormLayout* form, const QString& label, const QString& key)
{
    auto* value = new QLabel(this);
    value->setObjectName(key);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    form->addRow(label, value);
    m_values.insert(key, value);
    return value;
}

QString OrganisationSummary::value(const QString& key) const
{
    const QLabel* label = m_values.value(key);
    return label ? label->text() : QString();
}

void OrganisationSummary::clear()
{
    m_title->clear();
    m_subtitle->clear();
    for (QLabel* label : std::as_const(m_values))
        label->clear();
}

void OrganisationSummary::setOrganisation(const Organisation& org, const QString& parentName,
                                          const SubtreeCounts& counts)
{
    const QLocale locale;
    m_title->setText(org.name);
    QStringList about = {codes::organisationLevel().label(org.level)};
    if (!org.kind.isEmpty())
        about.append(codes::organisationKind().label(org.kind));
    if (!parentName.isEmpty())
        about.append(tr("under %1").arg(parentName));
    //: Separates the level, kind and parent under the organisation's name
    m_subtitle->setText(about.join(tr(" \u00b7 ")));

    m_values.value(QStringLiteral("creditCode"))->setText(orDash(org.creditCode));
    m_values.value(QStringLiteral("legalPersonNumber"))->setText(orDash(org.legalPersonNumber));
    m_values.value(QStringLiteral("legalPersonRegisteredOn"))->setText(orDash(org.legalPersonRegisteredOn));
    m_values.value(QStringLiteral("foundedOn"))->setText(orDash(org.foundedOn));
    m_values.value(QStringLiteral("address"))->setText(orDash(org.address));
    m_values.value(QStringLiteral("contact"))->setText(orDash(org.contact));
    m_values.value(QStringLiteral("industry"))->setText(orDash(org.industry));
    m_values.value(QStringLiteral("headcount"))
        ->setText(org.headcount > 0 ? locale.toString(org.headcount) : QStringLiteral("\u2014"));
    QLabel* status = m_values.value(QStringLiteral("status"));
    status->setText(codes::organisationStatus().label(org.status));
    status->setStyleSheet(org.isActive() ? QString() : QStringLiteral("color: #b71c1c; font-weight: bold;"));

    m_values.value(QStringLiteral("active"))->setText(locale.toString(counts.active));
    m_values.value(QStringLiteral("verified"))
        ->setText(counts.active > 0
                      //: Verified members: "1,234 of 2,000 (61.7%)"
                      ? tr("%1 of %2 (%3%)")
                            .arg(locale.toString(counts.verifiedActive), locale.toString(counts.active),
                                 locale.toString(counts.verifiedShare() * 100.0, 'f', 1))
                      : QStringLiteral("\u2014"));
    m_values.value(QStringLiteral("newEmploymentForm"))
        ->setText(locale.toString(counts.newEmploymentFormActive));
    m_values.value(QStringLiteral("cadres"))->setText(locale.toString(counts.cadres));

    // One row per other status that has members (retained, hung, withdrawn …), in the code list's order.
    for (QWidget* w : std::as_const(m_statusRows))
        m_statusForm->removeRow(w);
    m_statusRows.clear();
    for (auto it = m_values.begin(); it != m_values.end();) {
        if (it.key().startsWith(QLatin1String("status:")))
            it = m_values.erase(it);
        else
            ++it;
    }
    const CodeList& statuses = codes::memberStatus();
    int row = 1; // after the active members
    for (int i = 0; i < statuses.size(); ++i) {
        const QString key = QString::fromLatin1(statuses.at(i).key);
        const qint64 n = counts.membersByStatus.value(key);
        if (key == QLatin1String("active") || n == 0)
            continue;
        auto* value = new QLabel(locale.toString(n), this);
        value->setObjectName(QStringLiteral("status:") + key);
        //: A count of members by membership status, e.g. "Retained:"
        m_statusForm->insertRow(row++, tr("%1:").arg(statuses.label(key)), value);
        m_values.insert(value->objectName(), value);
        m_statusRows.append(value);
    }
}

} // namespace ud
