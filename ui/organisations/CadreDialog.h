#pragma once

#include "store/Scope.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ud {

class Database;
class MessageBar;

// Adds a cadre to an organisation's committee: the member by ID number (or, for someone who is no
// member, a name), the position, full- or part-time, the term and how the cadre was elected. The
// member is looked up as the number is typed; a chair whose term would overlap the chair in post
// is named before OK (the core refuses it in any case).
class CadreDialog : public QDialog
{
    Q_OBJECT

public:
    CadreDialog(Database& store, const Scope& scope, const QString& organisationId,
                QWidget* parent = nullptr);

    bool isReady() const { return m_ready; }
    void setActor(const QString& actor) { m_actor = actor; }

    // Test seams.
    QLineEdit* idNumberEdit() const { return m_idNumber; }
    QLabel* memberLabel() const { return m_memberLabel; }
    QCheckBox* notMemberCheck() const { return m_notMember; }
    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* positionCombo() const { return m_position; }
    QCheckBox* fullTimeCheck() const { return m_fullTime; }
    QDateEdit* termStartEdit() const { return m_termStart; }
    QDateEdit* termEndEdit() const { return m_termEnd; }
    QComboBox* electedCombo() const { return m_elected; }
    QLabel* chairHint() const { return m_chairHint; }
    MessageBar* messageBar() const { return m_messageBar; }
    QPushButton* okButton() const { return m_ok; }

    // What OK does: adds the cadre and returns true, or shows why not.
    bool save();

public slots:
    void accept() override;

signals:
    void cadreAdded(const QString& cadreId);

private:
    void lookUpMember();
    void updateChairHint();
    void updateOk();

    Database& m_store;
    Scope m_scope;
    QString m_organisationId;
    QString m_actor;
    QString m_memberId;
    bool m_ready = false;

    MessageBar* m_messageBar = nullptr;
    QLineEdit* m_idNumber = nullptr;
    QLabel* m_memberLabel = nullptr;
    QCheckBox* m_notMember = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_position = nullptr;
    QCheckBox* m_fullTime = nullptr;
    QDateEdit* m_termStart = nullptr;
    QDateEdit* m_termEnd = nullptr;
    QComboBox* m_elected = nullptr;
    QLabel* m_chairHint = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace ud
