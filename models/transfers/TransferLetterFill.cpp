#include "transfers/TransferLetterFill.h"

#include "domain/IdNumber.h"
#include "members/MemberRepository.h"
#include "transfers/TransferReason.h"
#include "transfers/TransferRepository.h"

namespace ud {

TransferLetterContent TransferLetterFill::of(Database& store, const Scope& scope, const Transfer& transfer,
                                             bool unmasked)
{
    const TransferRepository transfers(store, scope);
    QJsonObject member = transfer.memberSnapshot;
    // Her record as it is now, while she is still here.
    if (const auto here = MemberRepository(store, scope).find(transfer.memberId))
        member = Transfer::snapshotOf(*here, transfers.organisationName(here->organisationId));
    return of(transfers.summarise(transfer), member, unmasked);
}

TransferLetterContent TransferLetterFill::of(const TransferSummary& s, const QJsonObject& member,
                                             bool unmasked)
{
    const Transfer& t = s.transfer;
    auto text = [&member](const char* field) {
        return member.value(QLatin1String(field)).toString();
    };
    TransferLetterContent c;
    c.letterNumber = t.shortCode();
    c.transferId = t.id;
    c.memberName = knowsMember(member) ? text("name") : s.member;
    // The letter is a Chinese paper form whatever the interface language.
    const QString gender = text("gender");
    c.genderLabel = gender == QLatin1String("female") ? QStringLiteral("女")
                    : gender == QLatin1String("male") ? QStringLiteral("男")
                                                      : QString();
    const QString idNumber = text("idNumber").isEmpty() ? t.idNumber : text("idNumber");
    c.idNumber = unmasked ? idNumber : IdNumber::masked(idNumber);
    c.birthDate = QDate::fromString(text("birthDate"), Qt::ISODate);
    c.birthYearOnly = !unmasked;
    c.joinDate = QDate::fromString(text("joinDate"), Qt::ISODate);
    c.fromName = s.from;
    // A hung member is addressed to the union holding her; a direct transfer or an approved request
    // to the union taking her in.
    c.toName = t.kind == Transfer::KindOut ? QString() : s.to;
    c.holdingName = s.holding;
    c.reasonLabel = t.reason.isEmpty() ? QString() : TransferReason::letterLabel(t.reason);
    // The sending union issues it; for a request, the union that held her and approved it.
    c.issuerName = t.kind == Transfer::KindRequest ? s.holding : s.from;
    // The year in the letter number is the year it was requested: the letter is dated that day.
    c.issuedOn = t.requestedOn();
    c.note = t.note;
    return c;
}

} // namespace ud
