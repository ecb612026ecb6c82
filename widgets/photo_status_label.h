// A photo's state as a curator reads it ("to review", "reviewed", ...),
// translated; one wording for every view.
#pragma once

#include <QString>

#include "library/types.h"

namespace w2w {

QString photoStatusLabel(PhotoStatus status);

}  // namespace w2w
