#include "util/LogCategories.h"

Q_LOGGING_CATEGORY(lcStore, "uniondesk.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMembers, "uniondesk.members", QtWarningMsg)
Q_LOGGING_CATEGORY(lcOrganisations, "uniondesk.organisations", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDemo, "uniondesk.demo", QtWarningMsg)
Q_LOGGING_CATEGORY(lcUi, "uniondesk.ui", QtWarningMsg)
Q_LOGGING_CATEGORY(lcIo, "uniondesk.io", QtWarningMsg)
