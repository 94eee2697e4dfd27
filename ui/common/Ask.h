#pragma once

#include <QMessageBox>
#include <QString>

#include <functional>

class QWidget;

namespace ud {

// The few questions that must be modal (discard unsaved changes, …). Tests answer them through
// the hook instead of a click, so no test ever blocks on a message box.
class Ask
{
public:
    using Hook = std::function<QMessageBox::StandardButton(const QString& title, const QString& text)>;

    // Asks a yes/no-style question; returns the button chosen.
    static QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);
    // Shows an error that the clerk must acknowledge (used only where no window exists yet).
    static void error(QWidget* parent, const QString& title, const QString& text);

    // Tests: answer the next question with `answer` (once).
    static void setNextAnswer(QMessageBox::StandardButton answer);
    // Tests: answer every question through `hook` until it is reset with an empty function.
    static void setHook(Hook hook);
    // How many questions were asked since the program started (tests check one was asked).
    static int questionsAsked();
};

} // namespace ud
