#pragma once

#include <QLoggingCategory>

// One logging category per module, so a clerk's log can be narrowed to what went wrong
// (QT_LOGGING_RULES="uniondesk.store.debug=true").
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcMembers)
Q_DECLARE_LOGGING_CATEGORY(lcOrganisations)
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcIo)
