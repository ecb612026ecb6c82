// The Qt logging categories of What2Wear's areas, for Qt code (the studio,
// the command line, core .cpp files) that logs with qCWarning(w2w::lcStudio)
// and the like. Core code without Qt uses common/log.h, which logs to these.
#pragma once

#include <QLoggingCategory>

namespace w2w {

Q_DECLARE_LOGGING_CATEGORY(lcLibrary)
Q_DECLARE_LOGGING_CATEGORY(lcPipeline)
Q_DECLARE_LOGGING_CATEGORY(lcEncoders)
Q_DECLARE_LOGGING_CATEGORY(lcTraining)
Q_DECLARE_LOGGING_CATEGORY(lcStudio)

}  // namespace w2w
