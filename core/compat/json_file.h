// Internal to core/compat: reading a JSON file with a one-line error.
#pragma once

#include <QJsonDocument>

#include <string>

#include "common/result.h"

namespace w2w::compat {

// "<path>: no such file" or "<path>: not valid JSON (<reason>)".
Result<QJsonDocument> readJsonFile(const std::string& path);

}  // namespace w2w::compat
