#include "common/Ask.h"

#include "util/LogCategories.h"

#include <optional>

namespace ud {

namespace {
std::optional<QMessageBox::StandardButton>& nextAnswer()
{
    static std::optional<QMessageBox::StandardButton> answer;
    return answer;
}

Ask::Hook& hook()
{
    static Ask::Hook h;
    return h;
}

int& asked()
{
    static int count = 0;
    return count;
}
} // namespace

QMessageBox::StandardButton Ask::question(QWidget* parent, const QString& title, const QString& text,
                                          QMessageBox::StandardButtons buttons,
                                          QMessageBox::StandardButton defaultButton)
{
    ++asked();
    if (auto& answer = nextAnswer()) {
        const QMessageBox::StandardButton given = *answer;
        answer.reset();
        qCDebug(lcUi) << "answered by test:" << text << given;
        return given;
    }
    if (hook())
        return hook()(title, text);
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void Ask::error(QWidget* parent, const QString& title, const QString& text)
{
    ++asked();
    if (nextAnswer()) {
        nextAnswer().reset();
        return;
    }
    if (hook()) {
        hook()(title, text);
        return;
    }
    QMessageBox::critical(parent, title, text);
}

void Ask::setNextAnswer(QMessageBox::StandardButton answer)
{
    nextAnswer() = answer;
}

void Ask::setHook(Hook h)
{
    hook() = std::move(h);
}

int Ask::questionsAsked()
{
    return asked();
}

} // namespace ud
