#pragma once

#include <QDate>
#include <QString>

#include <random>
#include <utility>
#include <vector>

namespace ud {

// Realistic synthetic personal and organisation data for demonstrations and benchmarks: Chinese
// names in their real surname frequencies (with minority names and rare characters beyond the BMP),
// valid ID numbers and credit codes, mobiles. Deterministic for a given random engine state.
class DemoNames
{
public:
    explicit DemoNames(std::mt19937_64& random);

    QString personName(bool female, const QString& ethnicity);
    QString ethnicity();
    // An 18-character ID number with a valid check character for the given birth date and sex.
    QString idNumber(const QDate& birth, bool female);
    QString mobile();
    QString companyName();
    QString districtName(int index);
    QString townshipName(int index);
    QString creditCode(bool union_);

    int uniform(int lowInclusive, int highInclusive);
    double unit();
    // One of `items`, each as likely as its weight.
    template <typename T>
    T weighted(const std::vector<std::pair<T, int>>& items)
    {
        int total = 0;
        for (const auto& item : items)
            total += item.second;
        int roll = uniform(0, total - 1);
        for (const auto& item : items) {
            if (roll < item.second)
                return item.first;
            roll -= item.second;
        }
        return items.front().first;
    }

private:
    std::mt19937_64& m_random;
};

} // namespace ud
