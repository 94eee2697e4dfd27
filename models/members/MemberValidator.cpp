#include "members/MemberValidator.h"

#include "domain/CodeList.h"
#include "domain/Ethnicity.h"
#include "domain/Gender.h"
#include "domain/IdNumber.h"
#include "domain/MobileNumber.h"
#include "domain/PersonName.h"
#include "domain/TextNormaliser.h"
#include "util/Clock.h"
#include "util/Sentences.h"

#include <QDate>
#include <QRegularExpression>

#include <algorithm>

namespace ud {

namespace {

struct CodedField
{
    const char* field;
    QString Member::*value;
    const CodeList& (*list)();
};

const CodedField kCodedFields[] = {
    {"gender", &Member::gender, &codes::gender},
    {"education", &Member::education, &codes::education},
    {"politicalStatus", &Member::politicalStatus, &codes::politicalStatus},
    {"employmentForm", &Member::employmentForm, &codes::employmentForm},
    {"household", &Member::household, &codes::household},
    {"status", &Member::status, &codes::memberStatus},
    {"verifiedMethod", &Member::verifiedMethod, &codes::verificationMethod},
};

QString genderKey(Gender g)
{
    switch (g) {
    case Gender::Male:
        return QStringLiteral("male");
    case Gender::Female:
        return QStringLiteral("female");
    case Gender::Unknown:
        break;
    }
    return {};
}

Gender genderOf(const QString& key)
{
    if (key == QLatin1String("male"))
        return Gender::Male;
    if (key == QLatin1String("female"))
        return Gender::Female;
    return Gender::Unknown;
}

// The regions of residence permits for Hong Kong (810000), Macao (820000) and Taiwan (830000)
// residents; Taiwan's identity-card region is 710000.
bool isResidencePermitRegion(const QString& region)
{
    return region == QLatin1String("810000") || region == QLatin1String("820000") ||
           region == QLatin1String("830000");
}

} // namespace

QString MemberValidator::fieldLabel(const QString& field)
{
    static const QHash<QString, const char*> labels = {
        {QStringLiteral("organisation"), QT_TR_NOOP("Organisation")},
        {QStringLiteral("name"), QT_TR_NOOP("Name")},
        {QStringLiteral("gender"), QT_TR_NOOP("Gender")},
        {QStringLiteral("ethnicity"), QT_TR_NOOP("Ethnicity")},
        {QStringLiteral("idType"), QT_TR_NOOP("ID document type")},
        {QStringLiteral("idNumber"), QT_TR_NOOP("ID number")},
        {QStringLiteral("birthDate"), QT_TR_NOOP("Birth date")},
        {QStringLiteral("mobile"), QT_TR_NOOP("Mobile")},
        {QStringLiteral("education"), QT_TR_NOOP("Education")},
        {QStringLiteral("politicalStatus"), QT_TR_NOOP("Political status")},
        {QStringLiteral("employer"), QT_TR_NOOP("Employer")},
        {QStringLiteral("jobTitle"), QT_TR_NOOP("Job")},
        {QStringLiteral("industry"), QT_TR_NOOP("Industry")},
        {QStringLiteral("employmentForm"), QT_TR_NOOP("Employment form")},
        {QStringLiteral("household"), QT_TR_NOOP("Household registration")},
        {QStringLiteral("joinDate"), QT_TR_NOOP("Join date")},
        {QStringLiteral("cardNumber"), QT_TR_NOOP("Member card number")},
        {QStringLiteral("status"), QT_TR_NOOP("Membership status")},
        {QStringLiteral("verified"), QT_TR_NOOP("Real-name verified")},
        {QStringLiteral("verifiedMethod"), QT_TR_NOOP("Verification method")},
        {QStringLiteral("verifiedAt"), QT_TR_NOOP("Verification date")},
        {QStringLiteral("labourModelLevel"), QT_TR_NOOP("Labour model level")},
        {QStringLiteral("hardship"), QT_TR_NOOP("Hardship worker")},
        {QStringLiteral("notes"), QT_TR_NOOP("Notes")},
        {QStringLiteral("unionMember"), QT_TR_NOOP("Union member")},
        {QStringLiteral("employeeStatus"), QT_TR_NOOP("Employee status")},
        {QStringLiteral("migrantWorker"), QT_TR_NOOP("Migrant worker")},
    };
    const auto it = labels.constFind(field);
    return it == labels.constEnd() ? field : tr(*it);
}

QList<FieldProblem> MemberValidator::normaliseAndCheck(Member& m)
{
    QList<FieldProblem> problems;
    auto error = [&problems](const char* field, const QString& message) {
        problems.append({QString::fromLatin1(field), message, FieldProblem::Severity::Error});
    };
    auto warning = [&problems](const char* field, const QString& message) {
        problems.append({QString::fromLatin1(field), message, FieldProblem::Severity::Warning});
    };

    if (m.organisationId.isEmpty())
        error("organisation", tr("Organisation: choose the organisation the member belongs to."));

    const PersonName name = PersonName::parse(m.name);
    if (name.isValid()) {
        if (name.joinedWords())
            warning("name", tr("Name: the spaces in \"%1\" are left out, giving %2; if a note followed the "
                               "name (a gender, 退休), correct it.")
                                .arg(m.name.simplified(), name.value()));
        if (name.mayBeTwoNames())
            warning("name",
                    tr("Name: \"%1\" is stored as one name, %2; if the cell holds two people, give each "
                       "a row of their own.")
                        .arg(m.name.simplified(), name.value()));
        if (!name.droppedLatin().isEmpty())
            warning("name",
                    tr("Name: \"%1\" after the Chinese name is left out (a transliteration); the name "
                       "is stored as %2.")
                        .arg(name.droppedLatin(), name.value()));
        if (name.spacesAsDots())
            warning("name",
                    tr("Name: \"%1\" is stored as %2, with the middle dot between the words as "
                       "minority names are written on the identity card; correct it if that is wrong.")
                        .arg(m.name.simplified(), name.value()));
        m.name = name.value();
    } else {
        error("name", name.errorMessage());
    }

    // Free-text fields: full-width letters and digits and stray spaces are normalised, nothing else
    // changes (Chinese brackets and commas stay). A card number is a code: all half-width.
    for (QString* text : {&m.ethnicity, &m.employer, &m.jobTitle, &m.industry, &m.labourModelLevel})
        *text = TextNormaliser::freeText(*text);
    m.cardNumber = TextNormaliser::normalise(m.cardNumber);
    m.notes = m.notes.trimmed();
    // A whole paragraph pasted into a cell (or a column mapped wrongly) is caught here: no name of an
    // employer or job runs to a hundred characters, no roster note to a thousand.
    const struct
    {
        const char* field;
        const QString* text;
        int most;
    } lengths[] = {{"employer", &m.employer, 100},
                   {"jobTitle", &m.jobTitle, 100},
                   {"industry", &m.industry, 100},
                   {"cardNumber", &m.cardNumber, 100},
                   {"labourModelLevel", &m.labourModelLevel, 100},
                   {"ethnicity", &m.ethnicity, 100},
                   {"notes", &m.notes, 1000}};
    for (const auto& length : lengths) {
        const qsizetype size = length.text->toUcs4().size();
        if (size > length.most)
            error(length.field, tr("%1: it has %2 characters; at most %3 are allowed.")
                                    .arg(fieldLabel(QString::fromLatin1(length.field)))
                                    .arg(size)
                                    .arg(length.most));
    }
    if (!m.ethnicity.isEmpty()) {
        const QString group = Ethnicity::normalised(m.ethnicity);
        // A warning: names stored before this check (漢族, 穿青人) must not stop an unrelated edit.
        if (group.isEmpty())
            warning("ethnicity", tr("Ethnicity: \"%1\" is not one of China's 56 ethnic groups; write it as "
                                    "汉族, 回族, 维吾尔族 ….")
                                     .arg(m.ethnicity));
        else
            m.ethnicity = group;
    }

    // Without a type the number tells it: a residence permit of a Hong Kong, Macao or Taiwan resident
    // looks like an identity card number of region 810000, 820000 or 830000.
    const bool idTypeGiven = !m.idType.trimmed().isEmpty();
    if (!idTypeGiven)
        m.idType = QStringLiteral("resident");
    const QString idTypeKey = codes::idType().keyFor(m.idType);
    if (idTypeKey.isEmpty()) {
        QStringList labels;
        for (int i = 0; i < codes::idType().size(); ++i)
            labels.append(codes::idType().label(QString::fromLatin1(codes::idType().at(i).key)));
        static const QRegularExpression travelPermit(QStringLiteral("通行证|回乡证|台胞证"));
        if (IdNumber::parse(m.idNumber).isValid()) {
            // The number tells: a valid identity card number, whatever the type column calls it.
            warning("idType",
                    tr("ID document type: \"%1\" is not a known document type; the number is a valid "
                       "resident identity card number and is taken as one.")
                        .arg(m.idType));
            m.idType = QStringLiteral("resident");
        } else if (travelPermit.match(m.idType).hasMatch()) {
            error("idType",
                  tr("ID document type: \"%1\" is a travel permit, which a membership is not "
                     "registered with. A resident of Hong Kong, Macao or Taiwan living here has a "
                     "residence permit (港澳台居民居住证, its number begins with 81, 82 or 83): enter "
                     "that number.")
                      .arg(m.idType));
        } else {
            error("idType", tr("ID document type: \"%1\" is not a known document type (%2).")
                                .arg(m.idType, labels.join(tr(", "))));
        }
    } else {
        m.idType = idTypeKey;
    }

    for (const CodedField& coded : kCodedFields) {
        QString& value = m.*(coded.value);
        if (value.trimmed().isEmpty()) {
            value.clear();
            continue;
        }
        const QString key = coded.list().keyFor(value);
        if (key.isEmpty())
            error(coded.field,
                  tr("%1: \"%2\" is not one of the allowed values (%3).")
                      .arg(fieldLabel(QString::fromLatin1(coded.field)), value, [&coded] {
                          QStringList labels;
                          for (int i = 0; i < coded.list().size(); ++i)
                              labels.append(coded.list().label(QString::fromLatin1(coded.list().at(i).key)));
                          //: Separates the allowed values in a list
                          return labels.join(MemberValidator::tr(", "));
                      }()));
        else
            value = key;
    }
    if (m.status.isEmpty())
        m.status = QStringLiteral("active");

    // Dates: ISO in the store; anything else is an error here (the importer parses clerks' forms).
    const QDate today = Clock::today();
    auto checkDate = [&](const char* field, QString& value, bool mayBeFuture) {
        value = value.trimmed();
        if (value.isEmpty())
            return QDate();
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (!date.isValid()) {
            error(field, tr("%1: \"%2\" is not a date (use YYYY-MM-DD).")
                             .arg(fieldLabel(QString::fromLatin1(field)), value));
            return QDate();
        }
        if (!mayBeFuture && date > today)
            error(field, tr("%1: %2 is in the future.").arg(fieldLabel(QString::fromLatin1(field)), value));
        if (value.size() != 10) // what fromString read as ten characters is already yyyy-MM-dd
            value = date.toString(Qt::ISODate);
        return date;
    };

    const QDate declaredBirth = checkDate("birthDate", m.birthDate, false);
    const bool permit = m.idType == QLatin1String("hmt-permit");
    bool foreigner = m.idType == QLatin1String("foreigner");
    // Read once: an import checks every row here.
    IdNumber id;
    if (foreigner) {
        id = IdNumber::parseForeignerCard(m.idNumber);
    } else if (m.idType == QLatin1String("resident") || permit) {
        id = IdNumber::parse(m.idNumber);
        if (m.idType == QLatin1String("resident") && !idTypeGiven &&
            (id.error() == IdNumber::Error::BadRegion || id.error() == IdNumber::Error::BadCharacter)) {
            // Without a type the number tells it, as a residence permit's does: 9, a province, a
            // nationality.
            const IdNumber card = IdNumber::parseForeignerCard(m.idNumber);
            if (card.isValid()) {
                m.idType = QStringLiteral("foreigner");
                foreigner = true;
                id = card;
            }
        }
    }
    if (m.idType == QLatin1String("resident") || permit || foreigner) {
        // Residence permits follow the identity card's rules (GB 11643), with their own regions; so
        // does the foreigner's card of 2023.
        const bool permitNumber = !foreigner && id.isValid() && isResidencePermitRegion(id.regionCode());
        if (!id.isValid()) {
            error("idNumber", id.errorMessage());
        } else if (foreigner && !id.birthDate().isValid()) {
            m.idNumber = id.value(); // the 2004 card: no birth date or gender to compare
        } else if (permit && !permitNumber) {
            error("idNumber", tr("ID number: %1 is not the number of a Hong Kong, Macao and Taiwan residence "
                                 "permit, which begins with 810000, 820000 or 830000; check the number "
                                 "and the document type.")
                                  .arg(id.value()));
        } else {
            if (!permit && permitNumber) {
                m.idType = QStringLiteral("hmt-permit");
                if (idTypeGiven)
                    warning("idType",
                            tr("ID document type: %1 is the number of a Hong Kong, Macao and Taiwan "
                               "residence permit, not of a resident identity card; it counts as a "
                               "residence permit.")
                                .arg(id.value()));
            }
            m.idNumber = id.value();
            if (declaredBirth.isValid() && declaredBirth != id.birthDate())
                warning("birthDate", tr("Birth date: %1 differs from the birth date in the ID number (%2).")
                                         .arg(m.birthDate, id.birthDate().toString(Qt::ISODate)));
            if (m.birthDate.isEmpty())
                m.birthDate = id.birthDate().toString(Qt::ISODate);
            const QString mismatch = id.genderMismatch(genderOf(m.gender));
            if (!m.gender.isEmpty() && !mismatch.isEmpty())
                warning("gender", mismatch);
            if (m.gender.isEmpty())
                m.gender = genderKey(id.gender());
        }
    } else {
        m.idNumber = TextNormaliser::identifier(m.idNumber).toUpper();
        if (m.idNumber.size() < 5 || m.idNumber.size() > 30)
            error("idNumber", tr("ID number: a %1 number must have 5 to 30 letters or digits.")
                                  .arg(codes::idType().label(m.idType)));
    }

    if (!m.mobile.trimmed().isEmpty()) {
        const MobileNumber mobile = MobileNumber::parse(m.mobile);
        if (!mobile.isValid()) {
            error("mobile", mobile.errorMessage());
        } else {
            m.mobile = mobile.value();
            if (mobile.looksOdd())
                warning("mobile", tr("Mobile: %1 ends in repeated or consecutive digits and may be made up; "
                                     "please check it.")
                                      .arg(m.mobile));
        }
    } else {
        m.mobile.clear();
    }

    const QDate joined = checkDate("joinDate", m.joinDate, false);
    const QDate birth = QDate::fromString(m.birthDate, Qt::ISODate);
    if (joined.isValid() && birth.isValid()) {
        if (joined < birth)
            error("joinDate",
                  tr("Join date: %1 is before the member was born (%2).").arg(m.joinDate, m.birthDate));
        else if (joined < birth.addYears(16))
            warning("joinDate",
                    tr("Join date: the member was younger than 16 on %1; please check it.").arg(m.joinDate));
    }
    // A birth date a typing slip or a wrong ID number gave: a member of over 100, or a child.
    if (birth.isValid()) {
        int age = today.year() - birth.year();
        if (today < birth.addYears(age))
            --age;
        if (age >= 100)
            warning("birthDate",
                    tr("Birth date: %1 makes the member %2 years old; please check it (and the ID "
                       "number).")
                        .arg(m.birthDate)
                        .arg(age));
        else if (age < 16 && !joined.isValid())
            warning("birthDate",
                    tr("Birth date: %1 makes the member younger than 16; please check it.").arg(m.birthDate));
    }
    checkDate("verifiedAt", m.verifiedAt, false);
    if (!m.verified) {
        m.verifiedMethod.clear();
        m.verifiedAt.clear();
    }

    std::stable_sort(problems.begin(), problems.end(), [](const FieldProblem& a, const FieldProblem& b) {
        return a.isError() && !b.isError();
    });
    return problems;
}

bool MemberValidator::hasErrors(const QList<FieldProblem>& problems)
{
    return std::any_of(problems.cbegin(), problems.cend(), [](const FieldProblem& p) { return p.isError(); });
}

QString MemberValidator::describeErrors(const QList<FieldProblem>& problems)
{
    QStringList lines;
    for (const FieldProblem& p : problems) {
        if (p.isError())
            lines.append(p.message);
    }
    return joinSentences(lines);
}

} // namespace ud
