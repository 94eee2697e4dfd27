#pragma once

#include <QJsonObject>
#include <QSqlRecord>
#include <QString>

namespace ud {

// A union at any level. `path` is the materialised path "rootId/…/thisId/" that makes a subtree
// one index range; it is derived locally from the parent chain and never sent over the API.
struct Organisation
{
    QString id;
    QString parentId;
    QString path;
    QString level;
    QString kind;
    QString name;
    QString creditCode;
    QString foundedOn;
    QString address;
    QString contact;
    QString industry;
    int headcount = 0;
    QString status = QStringLiteral("active");
    QString legalPersonNumber;       // 工会法人资格证书 number
    QString legalPersonRegisteredOn; // date of the legal-person registration

    qint64 version = 0;
    QString updatedAt;
    QString updatedBy;
    bool deleted = false;

    int depth() const { return static_cast<int>(path.count(QLatin1Char('/'))); }
    bool isActive() const { return status == QLatin1String("active"); }
    // The synced fields by their API names (camelCase), without id and sync columns.
    QJsonObject toFields() const;
    // Sets the descriptive fields present in `fields` (the ones a change request may propose:
    // everything but parent and status); unknown names are ignored.
    void applyFields(const QJsonObject& fields);
    static QStringList editableFields();
    // The API names of the fields whose values differ.
    static QStringList changedFields(const Organisation& before, const Organisation& after);
    static Organisation fromRecord(const QSqlRecord& record);
};

} // namespace ud
