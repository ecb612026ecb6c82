#include "crop_legend.h"

#include <QEvent>
#include <QGridLayout>
#include <QPainter>
#include <QPixmap>
#include <QToolButton>

#include <algorithm>

#include "category_style.h"

namespace w2w {
namespace {

// A swatch that says the state at a glance: filled (a box), outlined
// (missing, or none), crossed out (not visible).
QIcon swatch(Category c, CropLegend::State state) {
  QPixmap pixmap(14, 14);
  pixmap.fill(Qt::transparent);
  QPainter painter(&pixmap);
  painter.setRenderHint(QPainter::Antialiasing);
  const QColor color = categoryColor(c);
  painter.setPen(QPen(color, 2, state == CropLegend::State::None ? Qt::DotLine : Qt::SolidLine));
  painter.setBrush(state == CropLegend::State::Boxed ? QBrush(color) : QBrush(Qt::NoBrush));
  painter.drawRect(QRectF(1.5, 1.5, 11, 11));
  if (state == CropLegend::State::NotVisible) {
    painter.drawLine(QPointF(2, 2), QPointF(12, 12));
    painter.drawLine(QPointF(12, 2), QPointF(2, 12));
  }
  return QIcon(pixmap);
}

}  // namespace

CropLegend::CropLegend(QWidget* parent) : QWidget(parent) {
  auto* layout = new QGridLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  for (Category c : kCategories) {
    auto* b = new QToolButton(this);
    b->setObjectName(QStringLiteral("legend_%1").arg(QString::fromUtf8(categoryName(c))));
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setCheckable(true);
    b->setAutoRaise(true);
    // The canvas keeps the keyboard; the number keys do what a click does.
    b->setFocusPolicy(Qt::NoFocus);
    connect(b, &QToolButton::clicked, this, [this, c] {
      setSelected(c);
      Q_EMIT categoryClicked(c);
    });
    buttons_[static_cast<std::size_t>(categoryIndex(c))] = b;
    refresh(c);
  }
  arrange(kCategoryCount);
}

int CropLegend::rowWidth(int perRow) const {
  const int spacing = static_cast<QGridLayout*>(layout())->horizontalSpacing();
  int widest = 0;
  for (int first = 0; first < kCategoryCount; first += perRow) {
    int row = 0;
    for (int i = first; i < std::min(first + perRow, kCategoryCount); ++i)
      row += buttons_[static_cast<std::size_t>(i)]->sizeHint().width() + (i > first ? spacing : 0);
    widest = std::max(widest, row);
  }
  return widest;
}

void CropLegend::arrange(int perRow) {
  auto* grid = static_cast<QGridLayout*>(layout());
  for (QToolButton* b : buttons_) grid->removeWidget(b);
  grid->setColumnStretch(perRow_, 0);
  perRow_ = perRow;
  for (int i = 0; i < kCategoryCount; ++i)
    grid->addWidget(buttons_[static_cast<std::size_t>(i)], i / perRow, i % perRow);
  grid->setColumnStretch(perRow, 1);
  updateGeometry();
}

// One row where the window is wide enough, two where it is not, so that the
// photo and the queue fit beside each other on a 1024-pixel screen.
void CropLegend::fitRows() {
  const int perRow = width() >= rowWidth(kCategoryCount) ? kCategoryCount : (kCategoryCount + 1) / 2;
  if (perRow != perRow_) arrange(perRow);
}

QSize CropLegend::sizeHint() const { return {rowWidth(kCategoryCount), QWidget::sizeHint().height()}; }

QSize CropLegend::minimumSizeHint() const {
  return {rowWidth((kCategoryCount + 1) / 2), QWidget::minimumSizeHint().height()};
}

void CropLegend::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  fitRows();
}

QString CropLegend::stateText(State state) {
  switch (state) {
    case State::Boxed: return {};
    case State::Missing: return tr("missing");
    case State::None: return tr("none");
    case State::NotVisible: return tr("not visible");
  }
  return {};
}

void CropLegend::setState(Category category, State state) {
  states_[static_cast<std::size_t>(categoryIndex(category))] = state;
  refresh(category);
}

void CropLegend::setSelected(Category category) {
  for (Category c : kCategories) button(c)->setChecked(c == category);
}

void CropLegend::refresh(Category c) {
  QToolButton* b = button(c);
  const State s = state(c);
  const int key = categoryIndex(c) + 1;
  // "none" is the common case for optional garments: the dotted swatch says it.
  const QString status = s == State::None ? QString() : stateText(s);
  b->setIcon(swatch(c, s));
  b->setText(status.isEmpty() ? QStringLiteral("%1 %2").arg(key).arg(categoryLabel(c))
                              : QStringLiteral("%1 %2: %3").arg(key).arg(categoryLabel(c), status));
  b->setToolTip(s == State::Boxed ? tr("Select the %1 box (%2)").arg(categoryLabel(c)).arg(key)
                                  : tr("Draw the %1 box: press %2 or click here, then drag on the photo")
                                        .arg(categoryLabel(c))
                                        .arg(key));
}

void CropLegend::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    for (Category c : kCategories) refresh(c);
    updateGeometry();  // other words, other widths
    fitRows();
  }
  QWidget::changeEvent(event);
}

}  // namespace w2w
