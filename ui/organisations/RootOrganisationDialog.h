#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;

namespace ud {

// Asked once, when a data file has no organisation yet: the name and level of the clerk's own
// union, which becomes the root of everything the file holds.
class RootOrganisationDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RootOrganisationDialog(QWidget* parent = nullptr);

    QString name() const;
    QString level() const; // a key of codes::organisationLevel()

    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* levelCombo() const { return m_level; }

private:
    void updateOk();

    QLineEdit* m_name = nullptr;
    QComboBox* m_level = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    bool m_levelChosen = false;
};

} // namespace ud
