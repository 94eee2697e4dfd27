#include "transfers/TransferCodes.h"

namespace ud::codes {

const CodeList& transferKind()
{
    static const CodeList list{
        {"out", QT_TRANSLATE_NOOP("ud::Codes", "Out, hung above"), "转出|上挂"},
        {"direct", QT_TRANSLATE_NOOP("ud::Codes", "Out to a named union"), "直接转出|转至"},
        {"request", QT_TRANSLATE_NOOP("ud::Codes", "Request to take in"), "转入|申请转入|接收"},
    };
    return list;
}

const CodeList& transferState()
{
    static const CodeList list{
        {"hung", QT_TRANSLATE_NOOP("ud::Codes", "Hung"), "上挂|挂靠|待接转"},
        {"requested", QT_TRANSLATE_NOOP("ud::Codes", "Awaiting approval"), "待审批|申请中|已申请"},
        {"completed", QT_TRANSLATE_NOOP("ud::Codes", "Completed"), "已完成|完成|已转入"},
        {"rejected", QT_TRANSLATE_NOOP("ud::Codes", "Rejected"), "已驳回|驳回|拒绝"},
        {"cancelled", QT_TRANSLATE_NOOP("ud::Codes", "Cancelled"), "已撤销|撤销|已撤回|撤回|取消"},
        {"expired", QT_TRANSLATE_NOOP("ud::Codes", "Expired"), "已过期|过期|逾期"},
    };
    return list;
}

const CodeList& transferReason()
{
    static const CodeList list{
        {"left-job", QT_TRANSLATE_NOOP("ud::Codes", "Left the job"), "工作变动|离职|辞职|调动|工作调动|跳槽"},
        {"retired", QT_TRANSLATE_NOOP("ud::Codes", "Retired"), "退休|离退休"},
        {"unemployed", QT_TRANSLATE_NOOP("ud::Codes", "Unemployed"), "失业|下岗"},
        {"other", QT_TRANSLATE_NOOP("ud::Codes", "Other"), "其他|其它"},
    };
    return list;
}

} // namespace ud::codes
