#pragma once

#include "transfers/Transfer.h"

namespace ud {

// A transfer as a list shows it: the member's name as this store may show it (her full name when
// she is in the store or was when the transfer was made here, else the masked name the server
// gave), the organisations by name (empty when unknown), and whether it still waits to be synced.
struct TransferSummary
{
    Transfer transfer;
    QString member;
    QString from;
    QString holding;
    QString to;
    bool pending = false;
};

} // namespace ud
