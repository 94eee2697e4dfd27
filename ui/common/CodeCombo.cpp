#include "common/CodeCombo.h"

#include "domain/CodeList.h"

#include <QComboBox>

namespace ud::codecombo {

void fill(QComboBox* combo, const CodeList& list, const QString& emptyText, bool withEmpty)
{
    combo->clear();
    if (withEmpty)
        combo->addItem(emptyText, QString());
    for (int i = 0; i < list.size(); ++i) {
        const QString k = QString::fromLatin1(list.at(i).key);
        combo->addItem(list.label(k), k);
    }
}

QString key(const QComboBox* combo)
{
    return combo->currentData().toString();
}

void setKey(QComboBox* combo, const QString& k)
{
    int index = combo->findData(k);
    if (index < 0 && !k.isEmpty()) {
        combo->addItem(k, k);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(std::max(index, 0));
}

} // namespace ud::codecombo
