#include "export/RosterFilterText.h"

#include "domain/CodeList.h"

namespace ud {

QStringList RosterFilterText::conditions(const RosterFilter& filter)
{
    QStringList lines;
    if (!filter.status.isEmpty())
        lines.append(tr("Membership status: %1").arg(codes::memberStatus().label(filter.status)));
    if (!filter.employmentForm.isEmpty())
        lines.append(tr("Employment form: %1").arg(codes::employmentForm().label(filter.employmentForm)));
    if (filter.verified.has_value())
        lines.append(*filter.verified ? tr("Only members with verified real names")
                                      : tr("Only members whose real names are not verified"));
    const QString search = filter.search.trimmed();
    if (!search.isEmpty())
        lines.append(tr("Search: \u201c%1\u201d").arg(search));
    return lines;
}

} // namespace ud
