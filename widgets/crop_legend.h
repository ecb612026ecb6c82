// CropLegend: one button per garment category under the crop canvas, in the
// category's colour, with its key (1, 2, ...) and what the photo has of it: a
// box, no box though the outfit needs one ("missing"), no box and none needed,
// or "not visible" (a curator said the garment cannot be seen). Clicking a
// button chooses the category, as its number key does. The buttons wrap to a
// second row when the window is narrow.
#pragma once

#include <QWidget>

#include <array>

#include "common/category.h"

class QToolButton;

namespace w2w {

class CropLegend : public QWidget {
  Q_OBJECT

 public:
  enum class State { Boxed, Missing, None, NotVisible };

  explicit CropLegend(QWidget* parent = nullptr);

  void setState(Category category, State state);
  State state(Category category) const { return states_[static_cast<std::size_t>(categoryIndex(category))]; }
  void setSelected(Category category);
  QToolButton* button(Category category) const {
    return buttons_[static_cast<std::size_t>(categoryIndex(category))];
  }

  // "Shoes: missing", translated (also for the view's details).
  static QString stateText(State state);

 Q_SIGNALS:
  void categoryClicked(Category category);

 protected:
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 private:
  void refresh(Category category);
  int rowWidth(int perRow) const;  // of the widest row with perRow buttons a row
  void arrange(int perRow);
  void fitRows();  // one row when it fits, else two

  int perRow_ = 0;
  std::array<QToolButton*, kCategoryCount> buttons_{};
  std::array<State, kCategoryCount> states_{};
};

}  // namespace w2w
