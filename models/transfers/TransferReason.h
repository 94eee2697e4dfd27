#pragma once

#include <QString>
#include <QStringView>

namespace ud {

// Why a member leaves her union, as a clerk types it: a code (left-job, retired, unemployed,
// other), its English label, or a Chinese word (离职, 辞职, 调动 → left-job; 退休 → retired;
// 失业 → unemployed; 其他 → other). Any other text is a reason of its own: it counts as "other"
// and the words are kept, for the transfer's note.
class TransferReason
{
public:
    TransferReason() = default;

    static TransferReason parse(QStringView text);

    bool isEmpty() const { return m_key.isEmpty(); }
    QString key() const { return m_key; }
    // The clerk's own words when they named no known reason; empty otherwise.
    QString freeText() const { return m_freeText; }
    // Retirement and unemployment may keep the membership where it is (保留会籍).
    bool mayRetain() const;

    // The label in the interface language.
    static QString label(const QString& key);
    // The words the transfer letter prints (it is a Chinese document whatever the interface
    // language): 工作变动, 退休, 失业, 其他.
    static QString letterLabel(const QString& key);

private:
    QString m_key;
    QString m_freeText;
};

} // namespace ud
