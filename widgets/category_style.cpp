#include "category_style.h"

#include <QCoreApplication>

namespace w2w {

QColor categoryColor(Category c) {
  switch (c) {
    case Category::Top: return QColor(216, 27, 96);
    case Category::Bottom: return QColor(94, 53, 177);
    case Category::Shoes: return QColor(0, 137, 123);
  }
  return Qt::gray;
}

QString categoryLabel(Category c) {
  switch (c) {
    case Category::Top: return QCoreApplication::translate("w2w::Category", "Top");
    case Category::Bottom: return QCoreApplication::translate("w2w::Category", "Bottom");
    case Category::Shoes: return QCoreApplication::translate("w2w::Category", "Shoes");
  }
  return {};
}

}  // namespace w2w
