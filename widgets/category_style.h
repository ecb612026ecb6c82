// The colour and name of each category, the same in every view.
#pragma once

#include <QColor>
#include <QString>

#include "common/category.h"

namespace w2w {

QColor categoryColor(Category c);
QString categoryLabel(Category c);  // translated: "Top", "Outer layer", "Bottom", ...

}  // namespace w2w
