#include "io/OrganisationExport.h"

#include "domain/CodeList.h"
#include "io/HeaderVocabulary.h"
#include "io/TableFileWriter.h"
#include "organisations/Organisation.h"
#include "organisations/OrganisationRepository.h"
#include "organisations/SubtreeCounts.h"
#include "store/Database.h"

#include <QHash>

namespace ud {

QStringList OrganisationExport::fields()
{
    return HeaderVocabulary::organisations().fields();
}

bool OrganisationExport::write(const QString& path, Database& store, const Scope& scope,
                               const Organisation& top, int* count, QString* error)
{
    if (count)
        *count = 0;
    OrganisationRepository repository(store, scope);
    const QList<Organisation> organisations = repository.subtreeOf(top);
    if (organisations.isEmpty()) {
        if (error)
            *error = tr("Organisation: the record no longer exists or is outside your organisation.");
        return false;
    }
    QString countError;
    const QHash<QString, SubtreeCounts> counts =
        SubtreeCounter(repository.connection(), scope).all(&countError);

    // Names several unions share (机关工会 …) cannot name a parent: those parents go by their code.
    QHash<QString, int> nameUses;
    QHash<QString, const Organisation*> byId;
    for (const Organisation& o : repository.subtree()) {
        ++nameUses[o.name];
    }
    for (const Organisation& o : organisations)
        byId.insert(o.id, &o);

    const QStringList columns = fields();
    const HeaderVocabulary& vocabulary = HeaderVocabulary::organisations();
    QStringList headers;
    QList<bool> text;
    for (const QString& field : columns) {
        headers.append(vocabulary.label(field));
        text.append(field == QLatin1String("creditCode") || field == QLatin1String("legalPersonNumber") ||
                    field == QLatin1String("parent"));
    }
    headers.append(tr("Active members"));
    text.append(false);

    TableFileWriter writer(path);
    if (!writer.begin(tr("Organisations"), tr("Organisations: %1").arg(top.name), headers, text, error))
        return false;
    for (const Organisation& o : organisations) {
        QStringList cells;
        for (const QString& field : columns) {
            if (field == QLatin1String("parent")) {
                const Organisation* parent = byId.value(o.parentId);
                if (!parent || o.id == top.id)
                    cells.append(QString()); // the head of the export: under whatever the importer chooses
                else
                    cells.append(nameUses.value(parent->name) > 1 && !parent->creditCode.isEmpty()
                                     ? parent->creditCode
                                     : parent->name);
            } else if (field == QLatin1String("level")) {
                cells.append(codes::organisationLevel().label(o.level));
            } else if (field == QLatin1String("kind")) {
                cells.append(o.kind.isEmpty() ? QString() : codes::organisationKind().label(o.kind));
            } else if (field == QLatin1String("status")) {
                cells.append(codes::organisationStatus().label(o.status));
            } else if (field == QLatin1String("headcount")) {
                cells.append(o.headcount > 0 ? QString::number(o.headcount) : QString());
            } else {
                cells.append(o.toFields().value(field).toString());
            }
        }
        cells.append(QString::number(counts.value(o.id).active));
        writer.writeRow(cells);
    }
    if (!writer.finish(error))
        return false;
    if (count)
        *count = static_cast<int>(organisations.size());
    return true;
}

} // namespace ud
