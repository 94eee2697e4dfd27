#pragma once

#include "members/RosterFilter.h"
#include "store/Scope.h"

#include <QSqlDatabase>
#include <QTableView>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;

namespace ud {

class RosterModel;

// The roster's table. Typing while it has focus starts a search in the search box instead of
// Qt's keyboard search, which would read every row of a million-member roster to find a match.
class RosterTable : public QTableView
{
    Q_OBJECT

public:
    using QTableView::QTableView;
    void keyboardSearch(const QString& search) override;

signals:
    void typed(const QString& text);
};

// The member roster: a search box, filters for status, employment form and real-name
// verification, and the table over RosterModel. It reads only the rows on screen, so it opens at
// once on any number of members. Sorting is offered only on the columns the store has an index
// for; the sort indicator never claims an order the model does not have.
class RosterView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int SearchDelayMs = 200;

    explicit RosterView(QWidget* parent = nullptr);

    // The connection must stay open while the view shows it.
    void setSource(const QSqlDatabase& db, const Scope& scope);
    // Narrows the roster to an organisation's subtree (empty: the whole scope).
    void setOrganisationPath(const QString& path);
    QString organisationPath() const { return m_organisationPath; }
    RosterFilter currentFilter() const;

    // Re-reads the roster (after an edit) and keeps the current member selected.
    void refresh();
    QString currentMemberId() const;
    bool selectMember(const QString& memberId);
    void focusSearch();
    void clearSearch();
    // Applies the search box and the filters now, as the end of the typing delay does, and shows
    // the first matches.
    void applyFilter();

    QByteArray saveHeaderState() const;
    bool restoreHeaderState(const QByteArray& state);

    RosterModel* model() const { return m_model; }
    RosterTable* table() const { return m_table; }
    QLineEdit* searchEdit() const { return m_search; }
    QComboBox* statusCombo() const { return m_status; }
    QComboBox* employmentFormCombo() const { return m_employmentForm; }
    QComboBox* verifiedCombo() const { return m_verified; }
    QLabel* countLabel() const { return m_countLabel; }
    // Ctrl+F: puts the cursor in the search box.
    QAction* findAction() const { return m_findAction; }
    // Ctrl+Shift+U: shows ID numbers and mobiles in full (masked by default).
    QAction* showFullNumbersAction() const { return m_showFullNumbers; }

signals:
    // Enter or a double click on a member.
    void memberActivated(const QString& memberId);
    void currentMemberChanged(const QString& memberId);
    // The number of members under the current filter.
    void countChanged(qint64 count);

private:
    void updateCountLabel(qint64 count);
    void onSortIndicatorChanged(int column, Qt::SortOrder order);
    void setInitialColumnWidths();

    RosterModel* m_model = nullptr;
    RosterTable* m_table = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_employmentForm = nullptr;
    QComboBox* m_verified = nullptr;
    QLabel* m_countLabel = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_showFullNumbers = nullptr;
    QTimer* m_searchTimer = nullptr;
    QString m_organisationPath;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace ud
