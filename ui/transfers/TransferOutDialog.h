#pragma once

#include "members/Member.h"
#include "store/Scope.h"
#include "transfers/Transfer.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace ud {

class Database;
class MessageBar;

// 转出: a member leaves her union, with a reason and a note. By default she is hung (上挂) at the
// union one level up until a union takes her in; the clerk can send her straight to a union (one
// of this data file, or one named by its exact name, which the server finds), or, for a retired or
// unemployed member, keep the membership where it is (保留会籍). The dialog says what will happen
// before the clerk confirms, and afterwards offers the transfer letter (介绍信) to print or save.
// The step is written with its outbox operation; the member moves when it reaches the server.
class TransferOutDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice
    {
        Hung,
        Direct,
        Retain,
    };

    TransferOutDialog(Database& store, const Scope& scope, const QString& memberId,
                      QWidget* parent = nullptr);

    // False when the member could not be read (the dialog then shows why and does nothing).
    bool isReady() const { return m_ready; }
    void setActor(const QString& actor) { m_actor = actor; }
    Choice choice() const;
    // The transfer made by the last successful save (empty before, and for a kept membership).
    const Transfer& transfer() const { return m_transfer; }

    // Test seams.
    QComboBox* reasonCombo() const { return m_reason; }
    QLineEdit* noteEdit() const { return m_note; }
    QRadioButton* hungRadio() const { return m_hung; }
    QRadioButton* directRadio() const { return m_direct; }
    QRadioButton* retainRadio() const { return m_retain; }
    QComboBox* destinationCombo() const { return m_destination; }
    QLabel* outcomeLabel() const { return m_outcome; }
    MessageBar* messageBar() const { return m_messageBar; }
    QPushButton* okButton() const { return m_ok; }
    // The page shown once the transfer is made.
    QLabel* doneLabel() const { return m_done; }
    QPushButton* printButton() const { return m_print; }
    QPushButton* savePdfButton() const { return m_savePdf; }
    QCheckBox* unmaskCheck() const { return m_unmask; }
    bool isDone() const;

    // What OK does: makes the transfer (or keeps the membership) and returns true, or shows why not.
    bool save();
    // The letter of the transfer made, to `path`; the outcome shows in the message bar.
    bool saveLetter(const QString& path);
    void printLetter();

public slots:
    void accept() override;
    // Once the transfer is made, closing the dialog in any way ends it as done.
    void reject() override;

protected:
    void showEvent(QShowEvent* event) override;

signals:
    void transferred(const QString& transferId);
    void retained(const QString& memberId);

private:
    QWidget* buildForm();
    QWidget* buildDonePage();
    void updateForm();
    QString destination() const;
    QString destinationName() const;
    void showDone();
    // Grows the dialog to fit wrapped texts that have become longer.
    void fitHeight();
    void chooseAndSaveLetter();

    Database& m_store;
    Scope m_scope;
    QString m_actor;
    Member m_member;
    QString m_organisationName;
    QString m_parentName;
    bool m_ready = false;
    Transfer m_transfer;

    MessageBar* m_messageBar = nullptr;
    QWidget* m_form = nullptr;
    QWidget* m_donePage = nullptr;
    QLabel* m_intro = nullptr;
    QComboBox* m_reason = nullptr;
    QLineEdit* m_note = nullptr;
    QRadioButton* m_hung = nullptr;
    QRadioButton* m_direct = nullptr;
    QRadioButton* m_retain = nullptr;
    QComboBox* m_destination = nullptr;
    QLabel* m_outcome = nullptr;
    QPushButton* m_ok = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_done = nullptr;
    QPushButton* m_print = nullptr;
    QPushButton* m_savePdf = nullptr;
    QCheckBox* m_unmask = nullptr;
    QPushButton* m_close = nullptr;
};

} // namespace ud
