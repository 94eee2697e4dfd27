#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QToolButton;

namespace ud {

// An inline message above a form or a list: information, a warning or an error, in the colour of
// its kind, closable. Used instead of a modal message box wherever the flow allows, so the clerk
// sees the problem next to the work and nothing is lost.
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    enum class Kind
    {
        Information,
        Warning,
        Error,
    };
    Q_ENUM(Kind)

    explicit MessageBar(QWidget* parent = nullptr);

    void showMessage(const QString& text, Kind kind = Kind::Information);
    // The message with a button after it ("Open folder"), which stays until the next message.
    void showMessage(const QString& text, Kind kind, const QString& actionText, std::function<void()> action);
    void hideMessage();

    QString text() const;
    Kind kind() const { return m_kind; }
    QToolButton* closeButton() const { return m_close; }
    QToolButton* actionButton() const { return m_action; }

signals:
    void closed();

private:
    QLabel* m_label = nullptr;
    QToolButton* m_close = nullptr;
    QToolButton* m_action = nullptr;
    std::function<void()> m_onAction;
    Kind m_kind = Kind::Information;
};

} // namespace ud
