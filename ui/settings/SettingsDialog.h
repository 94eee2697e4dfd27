#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace ud {

class AppSettings;

// The clerk's preferences: the interface language (applied the next time UnionDesk starts) and
// the name their edits are signed with.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(AppSettings& settings, QWidget* parent = nullptr);

    QComboBox* languageCombo() const { return m_language; }
    QLineEdit* actorEdit() const { return m_actor; }
    QLabel* restartNote() const { return m_restartNote; }

    // What OK does: writes the settings.
    void save();

public slots:
    void accept() override;

private:
    AppSettings& m_settings;
    QString m_initialLanguage;
    QComboBox* m_language = nullptr;
    QLineEdit* m_actor = nullptr;
    QLabel* m_restartNote = nullptr;
};

} // namespace ud
