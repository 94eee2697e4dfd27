#pragma once

#include "store/Scope.h"

#include <QLineEdit>

class QCompleter;
class QStandardItemModel;
class QTimer;

namespace ud {

class Database;

// "Search by name or code" above the organisation tree: a fragment of a union's name or the start
// of its credit code lists the matches under the box; choosing one (or Enter for the first) emits
// organisationChosen, and the window selects it in the tree.
class OrganisationSearchBox : public QLineEdit
{
    Q_OBJECT

public:
    OrganisationSearchBox(Database& store, const Scope& scope, QWidget* parent = nullptr);

    // Looks the text up now (the box waits for a pause in the typing); returns the number of matches.
    int search();
    QStandardItemModel* matches() const { return m_matches; }

signals:
    void organisationChosen(const QString& organisationId);

private:
    void choose(const QModelIndex& index);

    Database& m_store;
    Scope m_scope;
    QStandardItemModel* m_matches = nullptr;
    QCompleter* m_completer = nullptr;
    QTimer* m_delay = nullptr;
};

} // namespace ud
