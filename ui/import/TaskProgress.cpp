#include "import/TaskProgress.h"

#include <QFutureWatcherBase>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ud {

TaskProgress::TaskProgress(QWidget* parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("taskProgress"));
    m_cancel->setObjectName(QStringLiteral("taskCancel"));
    m_label->setWordWrap(true);
    auto* row = new QHBoxLayout;
    row->addWidget(m_bar, 1);
    row->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addLayout(row);
    connect(m_cancel, &QPushButton::clicked, this, &TaskProgress::requestCancel);
    hide();
}

void TaskProgress::start(const QString& text, QFutureWatcherBase* watcher)
{
    m_label->setText(text);
    m_bar->setRange(0, 0);
    m_bar->setValue(0);
    m_cancel->setEnabled(true);
    connect(watcher, &QFutureWatcherBase::progressRangeChanged, m_bar, [this](int minimum, int maximum) {
        // A range of one row or none says nothing: keep the bar busy.
        if (maximum > minimum)
            m_bar->setRange(minimum, maximum);
    });
    connect(watcher, &QFutureWatcherBase::progressValueChanged, m_bar, &QProgressBar::setValue);
    show();
}

void TaskProgress::stop()
{
    hide();
}

void TaskProgress::setCancelVisible(bool visible)
{
    m_cancel->setVisible(visible);
}

QString TaskProgress::text() const
{
    return m_label->text();
}

void TaskProgress::showCancelling()
{
    m_label->setText(tr("Cancelling\u2026"));
    m_cancel->setEnabled(false);
}

void TaskProgress::requestCancel()
{
    showCancelling();
    emit cancelRequested();
}

} // namespace ud
