#pragma once

#include <QFrame>

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
    void hideMessage();

    QString text() const;
    Kind kind() const { return m_kind; }
    QToolButton* closeButton() const { return m_close; }

signals:
    void closed();

private:
    QLabel* m_label = nullptr;
    QToolButton* m_close = nullptr;
    Kind m_kind = Kind::Information;
};

} // namespace ud
