#include "demo/DemoGenerator.h"

#include "demo/DemoNames.h"
#include "members/MemberSearchIndex.h"
#include "members/NameGramWriter.h"
#include "members/NameSortKey.h"
#include "organisations/OrganisationRepository.h"
#include "store/Database.h"
#include "store/Sql.h"
#include "store/Transaction.h"
#include "util/Clock.h"
#include "util/Ids.h"
#include "util/LogCategories.h"

#include <QDate>
#include <QSqlQuery>

#include <algorithm>
#include <unordered_set>
#include <vector>

namespace ud {

namespace {

const QString kActor = QStringLiteral("demo");

struct BaseUnion
{
    QString id;
    double weight;
};

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

class OrganisationWriter
{
public:
    OrganisationWriter(const QSqlDatabase& db, const QString& now)
        : m_query(db)
        , m_now(now)
    {
    }

    bool prepare(QString* error)
    {
        return sql::prepare(
            m_query,
            QStringLiteral("INSERT INTO organisation(id, parent_id, path, level, kind, name, "
                           "credit_code, founded_on, address, contact, industry, headcount, status, "
                           "version, updated_at, updated_by) "
                           "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,'active',0,?,?)"),
            error);
    }

    // Returns the new organisation's path ('' on failure).
    QString add(const QString& parentId, const QString& parentPath, const QString& level, const QString& kind,
                const QString& name, const QString& creditCode, const QString& industry, int headcount,
                QString* error, QString* idOut)
    {
        const QString id = newRecordId();
        const QString path = parentPath + id + QLatin1Char('/');
        const QVariantList values{
            id,        parentId,  path,     level,     kind,  name,  creditCode, QStringLiteral("2005-06-01"),
            QString(), QString(), industry, headcount, m_now, kActor};
        for (int i = 0; i < values.size(); ++i)
            m_query.bindValue(i, sql::bindable(values.at(i)));
        if (!sql::exec(m_query, error))
            return {};
        *idOut = id;
        return path;
    }

private:
    QSqlQuery m_query;
    QString m_now;
};

} // namespace

bool DemoGenerator::generate(Database& store, const Options& options, const Progress& progress,
                             QString* error)
{
    if (options.members < 0)
        return fail(error, tr("Number of members: it must not be negative."));
    std::mt19937_64 random(options.seed);
    DemoNames names(random);
    const QSqlDatabase db = store.connection();

    Scope root = OrganisationRepository::rootScope(store);
    if (!root.isValid()) {
        if (!OrganisationRepository::createRoot(store, QStringLiteral("示例市总工会"), QStringLiteral("city"),
                                                kActor, error))
            return false;
        root = OrganisationRepository::rootScope(store);
    }

    // Bulk load: no per-row index maintenance. The index definitions are read back from the schema
    // so they are recreated exactly as the migrations made them.
    QList<QPair<QString, QString>> indexes;
    {
        QSqlQuery q(db);
        if (!sql::execBound(q,
                            QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND "
                                           "tbl_name = 'member' AND sql IS NOT NULL"),
                            {}, error))
            return false;
        while (q.next())
            indexes.append({q.value(0).toString(), q.value(1).toString()});
    }

    Transaction tx(db);
    if (!tx.isActive())
        return fail(error, tx.error());
    for (const auto& index : std::as_const(indexes)) {
        if (!sql::run(db, QStringLiteral("DROP INDEX \"%1\"").arg(index.first), error))
            return false;
    }

    const QString now = Clock::nowIso();
    OrganisationWriter orgs(db, now);
    if (!orgs.prepare(error))
        return false;

    // The tree: districts → townships → base unions, plus an industry federation per district. A
    // store whose root is itself a base union gets its members directly.
    const bool rootIsBase =
        OrganisationRepository(store, root).find(root.organisationId())->level == QLatin1String("base");
    const qint64 baseCount = rootIsBase ? 0 : std::max<qint64>(3, options.members / 200);
    const int districtCount =
        rootIsBase ? 0 : static_cast<int>(std::clamp<qint64>(baseCount / 400 + 2, 2, 11));
    std::vector<std::pair<QString, QString>> parents; // (id, path) of townships and federations
    for (int d = 0; d < districtCount; ++d) {
        QString districtId;
        const QString districtPath =
            orgs.add(root.organisationId(), root.path(), QStringLiteral("district"),
                     QStringLiteral("district-union"), names.districtName(d) + QStringLiteral("总工会"),
                     names.creditCode(true), QString(), 0, error, &districtId);
        if (districtPath.isEmpty())
            return false;
        const int townships = std::clamp<int>(static_cast<int>(baseCount / districtCount / 60) + 2, 2, 24);
        for (int t = 0; t < townships; ++t) {
            QString id;
            const QString path = orgs.add(
                districtId, districtPath, QStringLiteral("township"), QStringLiteral("township-union"),
                names.districtName(d) + names.townshipName(d * 7 + t) + QStringLiteral("工会"),
                names.creditCode(true), QString(), 0, error, &id);
            if (path.isEmpty())
                return false;
            parents.emplace_back(id, path);
        }
        QString fedId;
        const QString fedPath = orgs.add(
            districtId, districtPath, QStringLiteral("township"), QStringLiteral("industry-federation"),
            names.districtName(d) + QStringLiteral("快递物流行业工会联合会"), names.creditCode(true),
            QStringLiteral("交通运输、仓储和邮政业"), 0, error, &fedId);
        if (fedPath.isEmpty())
            return false;
        parents.emplace_back(fedId, fedPath);
    }

    static const std::vector<std::pair<const char*, int>> baseKinds = {
        {"enterprise", 75}, {"institution", 15}, {"joint", 10}};
    std::vector<BaseUnion> bases;
    bases.reserve(static_cast<size_t>(baseCount));
    double totalWeight = 0;
    for (qint64 b = 0; b < baseCount; ++b) {
        const auto& parent =
            parents[static_cast<size_t>(names.uniform(0, static_cast<int>(parents.size()) - 1))];
        const QString kind = QString::fromLatin1(names.weighted(baseKinds));
        const QString name = kind == QLatin1String("joint")
                                 ? names.townshipName(names.uniform(0, 50)) + QStringLiteral("联合工会")
                                 : names.companyName() + QStringLiteral("工会");
        // A few large employers and many small ones, as in a real district.
        const double weight = names.unit() < 0.05 ? 8.0 + names.unit() * 12.0 : 0.3 + names.unit() * 1.4;
        QString id;
        if (orgs.add(parent.first, parent.second, QStringLiteral("base"), kind, name, names.creditCode(true),
                     QString(), 0, error, &id)
                .isEmpty())
            return false;
        bases.push_back({id, weight});
        totalWeight += weight;
    }
    if (rootIsBase) {
        bases.push_back({root.organisationId(), 1.0});
        totalWeight = 1.0;
    }
    std::vector<double> cumulative;
    cumulative.reserve(bases.size());
    double running = 0;
    for (const BaseUnion& b : bases) {
        running += b.weight / totalWeight;
        cumulative.push_back(running);
    }

    static const std::vector<std::pair<const char*, int>> statuses = {
        {"active", 860}, {"retained", 60}, {"hung", 25},    {"withdrawn", 30},
        {"stopped", 10}, {"expelled", 3},  {"deceased", 12}};
    static const std::vector<std::pair<const char*, int>> forms = {
        {"employee", 790},    {"courier", 45},    {"food-delivery", 45}, {"ride-hailing", 30},
        {"truck-driver", 20}, {"sanitation", 20}, {"construction", 40},  {"flexible", 10}};
    static const std::vector<std::pair<const char*, int>> educations = {
        {"master", 40},       {"bachelor", 260},    {"college", 250}, {"vocational", 140},
        {"high-school", 160}, {"junior-high", 130}, {"primary", 20}};
    static const std::vector<std::pair<const char*, int>> politics = {
        {"cpc", 120}, {"cpc-probationary", 5}, {"cyl", 150}, {"democratic-party", 5}, {"masses", 720}};

    QSqlQuery insert(db);
    if (!sql::prepare(
            insert,
            QStringLiteral(
                "INSERT INTO member(local_id, id, organisation_id, name, gender, ethnicity, id_type, "
                "id_number, birth_date, mobile, education, political_status, employer, job_title, "
                "industry, employment_form, household, join_date, card_number, status, verified, "
                "verified_method, verified_at, labour_model_level, hardship, notes, version, "
                "updated_at, updated_by, id_number_rev, mobile_rev, name_key) "
                "VALUES(?,?,?,?,?,?,'resident',?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'',0,?,?,?,?,?)"),
            error))
        return false;
    QSqlQuery event(db);
    if (!sql::prepare(
            event,
            QStringLiteral("INSERT INTO member_event(id, member_id, kind, occurred_on, from_status, "
                           "to_status, reason, details, version, updated_at, updated_by) "
                           "VALUES(?,?,?,?,?,?,'','{}',0,?,?)"),
            error))
        return false;

    qint64 firstLocalId = 1;
    {
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("SELECT coalesce(max(local_id), 0) + 1 FROM member")) && q.next())
            firstLocalId = q.value(0).toLongLong();
    }
    std::unordered_set<QString> usedIds;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (q.exec(QStringLiteral("SELECT id_number FROM member")))
            while (q.next())
                usedIds.insert(q.value(0).toString());
    }
    usedIds.reserve(static_cast<size_t>(options.members) + usedIds.size());
    NameGramWriter grams;

    const QDate today = Clock::today();
    const QStringList jobs = {QStringLiteral("操作工"), QStringLiteral("技术员"), QStringLiteral("会计"),
                              QStringLiteral("司机"),   QStringLiteral("销售"),   QStringLiteral("文员"),
                              QStringLiteral("工程师"), QStringLiteral("保安"),   QStringLiteral("厨师")};
    for (qint64 i = 0; i < options.members; ++i) {
        const bool female = names.unit() < 0.45;
        const QString ethnicity = names.ethnicity();
        const QString name = names.personName(female, ethnicity);
        const QByteArray nameKey = NameSortKey::of(name);
        const QDate birth = QDate(1962, 1, 1).addDays(names.uniform(0, 42 * 365));
        QString idNumber;
        do {
            idNumber = names.idNumber(birth, female);
        } while (!usedIds.insert(idNumber).second);
        const QDate earliestJoin = std::max(birth.addYears(18), QDate(1992, 1, 1));
        const QDate joined =
            earliestJoin.addDays(names.uniform(0, static_cast<int>(earliestJoin.daysTo(today))));
        const QString status = QString::fromLatin1(names.weighted(statuses));
        const QString form = QString::fromLatin1(names.weighted(forms));
        const bool verified = names.unit() < 0.65;
        const size_t baseIndex = static_cast<size_t>(
            std::lower_bound(cumulative.begin(), cumulative.end(), names.unit()) - cumulative.begin());
        const BaseUnion& base = bases[std::min(baseIndex, bases.size() - 1)];
        const QString memberId = newRecordId();
        const QString mobile = names.unit() < 0.92 ? names.mobile() : QString();
        const qint64 localId = firstLocalId + i;
        const QVariantList values{
            localId,
            memberId,
            base.id,
            name,
            female ? QStringLiteral("female") : QStringLiteral("male"),
            ethnicity,
            idNumber,
            birth.toString(Qt::ISODate),
            mobile,
            QString::fromLatin1(names.weighted(educations)),
            QString::fromLatin1(names.weighted(politics)),
            QString(),
            jobs.at(names.uniform(0, static_cast<int>(jobs.size()) - 1)),
            QString(),
            form,
            names.unit() < 0.35 ? QStringLiteral("rural") : QStringLiteral("urban"),
            joined.toString(Qt::ISODate),
            QStringLiteral("GH%1").arg(localId, 10, 10, QLatin1Char('0')),
            status,
            verified ? 1 : 0,
            verified ? QStringLiteral("platform") : QString(),
            verified ? joined.addDays(names.uniform(0, 30)).toString(Qt::ISODate) : QString(),
            names.unit() < 0.002 ? QStringLiteral("市级") : QString(),
            names.unit() < 0.02 ? 1 : 0,
            now,
            kActor,
            MemberSearchIndex::reversed(idNumber),
            MemberSearchIndex::reversed(mobile),
            nameKey,
        };
        for (int v = 0; v < values.size(); ++v)
            insert.bindValue(v, sql::bindable(values.at(v)));
        if (!sql::exec(insert, error))
            return false;
        grams.add(localId, name, nameKey, base.id);

        // Members who left the active roll carry the event that says when and how.
        if (status != QLatin1String("active")) {
            const QDate changed = joined.addDays(names.uniform(0, static_cast<int>(joined.daysTo(today))));
            const QVariantList eventValues{newRecordId(),
                                           memberId,
                                           QStringLiteral("status-changed"),
                                           changed.toString(Qt::ISODate),
                                           QStringLiteral("active"),
                                           status,
                                           now,
                                           kActor};
            for (int v = 0; v < eventValues.size(); ++v)
                event.bindValue(v, sql::bindable(eventValues.at(v)));
            if (!sql::exec(event, error))
                return false;
        }
        if (progress && (i % 5000 == 0) && !progress(i, options.members))
            return fail(error, tr("Cancelled; nothing was kept."));
    }

    if (!grams.write(db, error))
        return false;

    for (const auto& index : std::as_const(indexes)) {
        if (!sql::run(db, index.second, error))
            return false;
    }
    if (!store.setMeta(QString::fromLatin1(meta::StoreKind), QStringLiteral("demo"), error))
        return false;
    if (!tx.commit(error))
        return false;
    if (progress)
        progress(options.members, options.members);
    store.optimise();
    qCInfo(lcDemo) << "generated" << options.members << "members in" << bases.size() << "base unions";
    return true;
}

} // namespace ud
