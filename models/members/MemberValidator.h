#pragma once

#include "members/Member.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ud {

// One thing wrong (or worth a second look) with one field of a record.
struct FieldProblem
{
    enum class Severity
    {
        Error,   // the record cannot be stored
        Warning, // stored, but the clerk should look
    };
    QString field; // API field name, e.g. "idNumber"
    QString message;
    Severity severity = Severity::Error;

    bool isError() const { return severity == Severity::Error; }
};

// Normalises a member's fields the way clerks type them (full-width digits, +86, a lower-case x)
// and reports every problem with a message naming the field and the reason.
class MemberValidator
{
    Q_DECLARE_TR_FUNCTIONS(ud::MemberValidator)

public:
    // Normalises `member` in place and returns its problems (errors first).
    static QList<FieldProblem> normaliseAndCheck(Member& member);
    static bool hasErrors(const QList<FieldProblem>& problems);
    // The translated name of a field, for messages and column headers.
    static QString fieldLabel(const QString& field);
    // "Field: reason" lines, errors only, for a one-line CLI error or a message bar.
    static QString describeErrors(const QList<FieldProblem>& problems);
};

} // namespace ud
