#pragma once

#include <QLoggingCategory>

// QT_LOGGING_RULES="uniondesk.sync.debug=true" shows every call and page.
Q_DECLARE_LOGGING_CATEGORY(lcSync)
