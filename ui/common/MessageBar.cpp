#include "common/MessageBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace ud {

namespace {
struct Colours
{
    const char* background;
    const char* border;
    const char* text;
};

Colours coloursFor(MessageBar::Kind kind)
{
    switch (kind) {
    case MessageBar::Kind::Warning:
        return {"#fff4d6", "#e0a800", "#5c4400"};
    case MessageBar::Kind::Error:
        return {"#fde7e7", "#d32f2f", "#7f1313"};
    case MessageBar::Kind::Information:
        break;
    }
    return {"#e6f0fb", "#4a86c5", "#123a63"};
}
} // namespace

MessageBar::MessageBar(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("messageBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 4, 6);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("messageBarText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    layout->addWidget(m_label, 1);
    m_action = new QToolButton(this);
    m_action->setObjectName(QStringLiteral("messageBarAction"));
    m_action->hide();
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    connect(m_action, &QToolButton::clicked, this, [this] {
        if (m_onAction)
            m_onAction();
    });
    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("messageBarClose"));
    m_close->setText(QStringLiteral("\u00D7"));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close this message"));
    m_close->setAccessibleName(tr("Close this message"));
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hideMessage();
        emit closed();
    });
    hide();
}

void MessageBar::showMessage(const QString& text, Kind kind)
{
    m_kind = kind;
    const Colours c = coloursFor(kind);
    setStyleSheet(
        QStringLiteral("ud--MessageBar { background: %1; border: 1px solid %2; border-radius: 4px; }"
                       "ud--MessageBar QLabel { color: %3; }")
            .arg(QLatin1String(c.background), QLatin1String(c.border), QLatin1String(c.text)));
    m_label->setText(text);
    m_onAction = nullptr;
    m_action->hide();
    show();
}

void MessageBar::showMessage(const QString& text, Kind kind, const QString& actionText,
                             std::function<void()> action)
{
    showMessage(text, kind);
    m_onAction = std::move(action);
    m_action->setText(actionText);
    m_action->show();
}

void MessageBar::hideMessage()
{
    m_label->clear();
    m_onAction = nullptr;
    m_action->hide();
    hide();
}

QString MessageBar::text() const
{
    return m_label->text();
}

} // namespace ud
