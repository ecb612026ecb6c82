#include "category_style.h"

#include <QCoreApplication>

namespace w2w {

QColor categoryColor(Category c) {
  switch (c) {
    case Category::Top: return QColor(216, 27, 96);
    case Category::Outer: return QColor(239, 108, 0);
    case Category::Bottom: return QColor(94, 53, 177);
    case Category::Onepiece: return QColor(30, 136, 229);
    case Category::Shoes: return QColor(0, 137, 123);
    case Category::Bag: return QColor(121, 85, 72);
    case Category::Accessory: return QColor(124, 179, 66);
  }
  return Qt::gray;
}

QString categoryLabel(Category c) {
  switch (c) {
    case Category::Top: return QCoreApplication::translate("w2w::Category", "Top");
    case Category::Outer: return QCoreApplication::translate("w2w::Category", "Outer layer");
    case Category::Bottom: return QCoreApplication::translate("w2w::Category", "Bottom");
    case Category::Onepiece: return QCoreApplication::translate("w2w::Category", "One-piece");
    case Category::Shoes: return QCoreApplication::translate("w2w::Category", "Shoes");
    case Category::Bag: return QCoreApplication::translate("w2w::Category", "Bag");
    case Category::Accessory: return QCoreApplication::translate("w2w::Category", "Accessory");
  }
  return {};
}

}  // namespace w2w
