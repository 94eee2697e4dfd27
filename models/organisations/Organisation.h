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

    qint64 version = 0;
    QString updatedAt;
    QString updatedBy;
    bool deleted = false;

    int depth() const { return static_cast<int>(path.count(QLatin1Char('/'))); }
    QJsonObject toFields() const;
    static Organisation fromRecord(const QSqlRecord& record);
};

} // namespace ud
