#pragma once

#include <QCoreApplication>
#include <QInputMethodEvent>
#include <QString>
#include <QTest>
#include <QWidget>

namespace ud::test {

// Types `text` into `widget` as a clerk would: ASCII as key presses, anything else (Chinese) as
// the committed text of an input method, which is how it reaches a widget on a real desktop.
// (QTest::keyClicks accepts Latin-1 only.)
inline void typeText(QWidget* widget, const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            QTest::keyClick(widget, c.toLatin1());
        } else {
            QInputMethodEvent event;
            event.setCommitString(QString(c));
            QCoreApplication::sendEvent(widget, &event);
        }
    }
}

} // namespace ud::test
