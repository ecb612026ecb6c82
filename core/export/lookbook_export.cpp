// The lookbook format: saved outfits as lookbook.pdf, one outfit per page
// (its name, its pieces side by side with their categories, and with a
// checkpoint its score and verdict), and the same page as outfit-<id>.png.
// Pages are painted once by paintPage() for both, so the PDF and the
// pictures always agree.
#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <array>
#include <memory>

#include "compat/compat_model.h"
#include "compat/verdict.h"
#include "export/export_internal.h"

namespace w2w::detail {
namespace {

struct Piece {
  Category category;
  QImage crop;  // null when the item has no crop image
};

struct Page {
  QString title;
  QString subtitle;  // origin and date
  std::vector<Piece> pieces;
  QString scoreLine;  // empty without a checkpoint
};

// Lays out one page in a width x height rectangle (any resolution: the
// sizes scale with the page).
void paintPage(QPainter& painter, const Page& page, double width, double height) {
  painter.fillRect(QRectF(0, 0, width, height), Qt::white);
  const double margin = width * 0.08;
  QFont title(QStringLiteral("Sans Serif"));
  title.setPixelSize(static_cast<int>(width * 0.045));
  title.setBold(true);
  painter.setFont(title);
  painter.setPen(QColor(30, 30, 30));
  painter.drawText(QRectF(margin, margin, width - 2 * margin, width * 0.07), Qt::AlignLeft | Qt::AlignVCenter,
                   page.title);
  QFont small(QStringLiteral("Sans Serif"));
  small.setPixelSize(static_cast<int>(width * 0.022));
  painter.setFont(small);
  painter.setPen(QColor(110, 110, 110));
  painter.drawText(QRectF(margin, margin + width * 0.07, width - 2 * margin, width * 0.04),
                   Qt::AlignLeft | Qt::AlignVCenter, page.subtitle);

  // Pieces stacked top to bottom, as they are worn.
  const int n = std::max<int>(1, static_cast<int>(page.pieces.size()));
  const double top = margin + width * 0.14;
  const double bottomSpace = page.scoreLine.isEmpty() ? margin : margin + width * 0.08;
  const double slot = (height - top - bottomSpace) / n;
  const double side = std::min(slot * 0.9, width - 2 * margin - width * 0.25);
  for (int i = 0; i < static_cast<int>(page.pieces.size()); ++i) {
    const Piece& piece = page.pieces[static_cast<std::size_t>(i)];
    const QRectF box((width - side) / 2, top + i * slot + (slot - side) / 2, side, side);
    if (!piece.crop.isNull()) {
      painter.drawImage(box, piece.crop);
    } else {
      painter.setPen(QColor(200, 200, 200));
      painter.drawRect(box);
    }
    painter.setPen(QColor(110, 110, 110));
    painter.drawText(QRectF(margin, box.top(), box.left() - margin - width * 0.02, box.height()),
                     Qt::AlignRight | Qt::AlignVCenter, QString::fromLatin1(categoryName(piece.category)));
  }
  if (!page.scoreLine.isEmpty()) {
    QFont score(QStringLiteral("Sans Serif"));
    score.setPixelSize(static_cast<int>(width * 0.03));
    painter.setFont(score);
    painter.setPen(QColor(30, 30, 30));
    painter.drawText(QRectF(margin, height - margin - width * 0.07, width - 2 * margin, width * 0.06),
                     Qt::AlignCenter, page.scoreLine);
  }
}

// The verdict as a page says it (compat/verdict.h decides it).
QString verdictLabel(compat::Verdict verdict) {
  switch (verdict) {
    case compat::Verdict::GoesTogether: return QStringLiteral("goes together");
    case compat::Verdict::Borderline: return QStringLiteral("borderline");
    case compat::Verdict::Clashes: return QStringLiteral("clashes");
  }
  return {};
}

// The outfit's score and verdict with the checkpoint, as one line; or why there is none.
QString scoreLine(Library& library, const compat::CompatModel& model, const Outfit& outfit) {
  const std::string& encoder = model.info().encoderId;
  // One slot per piece of the outfit, in category order.
  std::vector<Category> slots;
  std::vector<std::string> keys;
  std::vector<std::vector<float>> vectors;
  for (const OutfitItem& piece : outfit.items) {
    auto item = library.item(piece.item);
    if (!item || !*item)
      return QStringLiteral("Not scored: a piece of the outfit is no longer in the library");
    auto vector = library.embedding((*item)->cropHash, encoder);
    if (!vector || !*vector)
      return QStringLiteral("Not scored: the %1 is not encoded with %2")
          .arg(categoryName(piece.category), QString::fromStdString(encoder));
    slots.push_back(piece.category);
    keys.push_back(std::to_string(piece.item));
    vectors.push_back(std::move(**vector));
  }
  if (vectors.empty()) return QStringLiteral("Not scored: the outfit has no pieces");
  compat::OutfitSet set;
  set.encoderId = encoder;
  set.dim = static_cast<int>(vectors.front().size());
  set.slots = slots;
  std::vector<const float*> pointers;
  for (const auto& v : vectors) pointers.push_back(v.data());
  set.add("outfit", keys, pointers);
  auto scores = model.score(set);
  if (!scores) return QStringLiteral("Not scored: %1").arg(QString::fromStdString(scores.message()));
  const double score = scores->front();
  const double threshold = model.info().config.loss.threshold;
  return QStringLiteral("Score %1 · %2 (the model's threshold: %3)")
      .arg(score, 0, 'f', 2)
      .arg(verdictLabel(compat::verdictOf(score, threshold)))
      .arg(threshold, 0, 'f', 2);
}

}  // namespace

Status writeLookbook(ExportJob& job) {
  if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
    return makeError("the lookbook needs a QGuiApplication (fonts and painting)");
  Library& library = job.library;
  std::vector<Outfit> chosen;
  if (job.options.outfitIds.empty()) {
    auto saved = library.outfits(OutfitOrigin::User);
    if (!saved) return saved.error();
    chosen = std::move(*saved);
  } else {
    for (Id id : job.options.outfitIds) {
      auto outfit = library.outfit(id);
      if (!outfit) return outfit.error();
      if (!*outfit) return makeError("no outfit with id " + std::to_string(id) + " in the library");
      chosen.push_back(**outfit);
    }
  }
  if (chosen.empty()) return makeError("the library has no saved outfits (save one on the outfit board)");

  std::unique_ptr<compat::CompatModel> model;
  if (!job.options.checkpoint.empty()) {
    auto loaded = compat::CompatModel::load(job.options.checkpoint);
    if (!loaded) return loaded.error();
    model = std::move(*loaded);
  }

  const std::string pdfPath = job.path("lookbook.pdf");
  QPdfWriter pdf(QString::fromStdString(pdfPath));
  pdf.setPageSize(QPageSize(QPageSize::A4));
  pdf.setResolution(150);
  pdf.setTitle(QStringLiteral("Lookbook"));
  pdf.setCreator(QStringLiteral("What2Wear Studio"));
  QPainter pdfPainter;
  if (!pdfPainter.begin(&pdf)) return makeError(pdfPath + ": cannot be written");
  const double pageWidth = pdf.width(), pageHeight = pdf.height();

  const long long total = static_cast<long long>(chosen.size());
  for (long long i = 0; i < total; ++i) {
    const Outfit& outfit = chosen[static_cast<std::size_t>(i)];
    if (job.cancelled()) {
      pdfPainter.end();
      return Status::success();
    }
    job.step(i, total, "outfit " + std::to_string(i + 1) + " of " + std::to_string(total));
    Page page;
    page.title = outfit.name.empty() ? QStringLiteral("Outfit %1").arg(outfit.id)
                                     : QString::fromStdString(outfit.name);
    page.subtitle =
        QStringLiteral("%1 outfit %2 · %3")
            .arg(outfit.origin == OutfitOrigin::Photo ? QStringLiteral("Photo") : QStringLiteral("Saved"))
            .arg(outfit.id)
            .arg(QString::fromStdString(outfit.createdAt.substr(0, 10)));
    for (const OutfitItem& member : outfit.items) {
      Piece piece{member.category, {}};
      if (auto crop = library.cropImage(member.item); crop && !crop->png.empty())
        piece.crop = QImage::fromData(crop->png.data(), static_cast<int>(crop->png.size()), "PNG");
      page.pieces.push_back(piece);
    }
    if (model) page.scoreLine = scoreLine(library, *model, outfit);

    if (i > 0) pdf.newPage();
    paintPage(pdfPainter, page, pageWidth, pageHeight);
    // The picture: the same page at 100 pixels per inch.
    QImage picture(827, 1169, QImage::Format_RGB32);
    QPainter picturePainter(&picture);
    picturePainter.setRenderHint(QPainter::Antialiasing);
    picturePainter.setRenderHint(QPainter::SmoothPixmapTransform);
    paintPage(picturePainter, page, picture.width(), picture.height());
    picturePainter.end();
    const std::string png = "outfit-" + std::to_string(outfit.id) + ".png";
    if (!picture.save(QString::fromStdString(job.path(png)), "PNG"))
      return makeError(job.path(png) + ": cannot be written");
    job.report.files.push_back(png);
    ++job.report.outfits;
  }
  if (!pdfPainter.end()) return makeError(pdfPath + ": cannot be written");
  job.report.files.insert(job.report.files.begin(), "lookbook.pdf");
  return Status::success();
}

}  // namespace w2w::detail
