#pragma once

#include <QString>

namespace ud {

// Records get their UUID where they are created, so rows made offline on two PCs never collide.
QString newRecordId();
// A UUID that begins with the time (version 7 layout: milliseconds, then random bits), for the ids
// of outbox operations and history events: written in time order they go to the end of their index
// instead of a random place in it, which an import of a hundred thousand members notices. Not for records:
// the first digits of a record's id are what a clerk reads (a transfer letter's code) and must differ.
QString newTimeOrderedId();

} // namespace ud
