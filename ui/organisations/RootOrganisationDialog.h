#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPushButton;

namespace ud {

// Asked once, when a data file has no organisation yet: the name and level of the clerk's own
// union, which becomes the root of everything the file holds. A clerk with an account on the
// server may instead connect to it: the dialog then ends with ConnectToServer, and the file
// receives the account's organisation and everything under it from the server.
class RootOrganisationDialog : public QDialog
{
    Q_OBJECT

public:
    // The result (QDialog::result()) when the clerk chose to connect to a server.
    static constexpr int ConnectToServer = 2;

    explicit RootOrganisationDialog(QWidget* parent = nullptr);

    QString name() const;
    QString level() const; // a key of codes::organisationLevel()

    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* levelCombo() const { return m_level; }
    QPushButton* connectButton() const { return m_connect; }

private:
    void updateOk();

    QLineEdit* m_name = nullptr;
    QComboBox* m_level = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_connect = nullptr;
    bool m_levelChosen = false;
};

} // namespace ud
