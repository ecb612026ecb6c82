// what2wear crop PHOTO... [--json] [--save-crops DIR] [--model FILE] [--quiet]
//
// Runs the photo pipeline (person, white background, item boxes) on each
// photo and prints the boxes, one JSON object per photo and line with --json.
// A photo that cannot be read gets a line with "error" and the rest go on.
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include "cli.h"
#include "common/seed_slots.h"
#include "io/image_decoder.h"
#include "io/image_encoder.h"
#include "vision/photo_analyzer.h"

namespace w2w::cli {
namespace {

format::Json boxJson(const Box& b) { return format::Json::array({b.x, b.y, b.width, b.height}); }

format::Json itemJson(const std::optional<ItemBox>& item) {
  return item ? boxJson(item->box) : format::Json();
}

// Two decimals are all a confidence needs.
double rounded(double v) { return std::round(v * 100.0) / 100.0; }

format::Json proposalJson(const QString& file, const CropProposal& p) {
  format::Json boxes = format::Json::object();
  format::Json confidence = {{"person", rounded(p.personConfidence)}};
  for (Category c : kSeedSlots) {
    boxes[categoryName(c)] = itemJson(p.item(c));
    confidence[categoryName(c)] = p.item(c) ? format::Json(rounded(p.item(c)->confidence)) : format::Json();
  }
  return {{"file", file.toStdString()},
          {"width", p.width},
          {"height", p.height},
          {"person", boxJson(p.person)},
          {"boxes", boxes},
          {"confidence", confidence},
          {"onepiece", p.onepiece},
          {"onepiece_box", itemJson(p.onepieceItem)}};
}

QString boxText(const std::optional<ItemBox>& item) {
  if (!item) return QStringLiteral("none");
  const Box& b = item->box;
  return QStringLiteral("%1,%2 %3x%4 (%5)")
      .arg(b.x)
      .arg(b.y)
      .arg(b.width)
      .arg(b.height)
      .arg(item->confidence, 0, 'f', 2);
}

// Writes <stem>_white.png and <stem>_<category>.png into `dir`.
Status saveCrops(const QString& dir, const QString& file, const RgbImage& photo, const CropProposal& p) {
  const QString stem = QDir(dir).filePath(QFileInfo(file).completeBaseName());
  auto write = [](const QString& path, const Result<Bytes>& png) -> Status {
    if (!png) return png.error();
    return writeFileAtomically(path.toStdString(), *png);
  };
  if (Status s = write(stem + "_white.png", encodePng(whiteBackground(photo, p.mask))); !s) return s;
  for (Category c : kSeedSlots) {
    if (!p.item(c)) continue;
    const QString path = stem + "_" + categoryName(c) + ".png";
    if (Status s = write(path, encodePng(renderCrop(photo, &p.mask, p.item(c)->box))); !s) return s;
  }
  return Status::success();
}

}  // namespace

int runCrop(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Find the person, the white-background mask and the boxes of top, bottom and shoes in outfit photos.\n"
      "Boxes are [x, y, width, height] in pixels of the upright (EXIF-rotated) photo; null when not found.");
  parser.addOption({"save-crops", "Also write <name>_white.png and the crops as PNG into DIR.", "DIR"});
  parser.addOption({"model", "Garment parser model (default: the bundled one).", "FILE"});
  parser.addOption({"quiet", "No progress on stderr."});
  parser.addPositionalArgument("photos", "Photo files.", "PHOTO...");
  int code = kOk;
  if (!parseArguments(parser, args, &code, kAnyNumber)) return code;
  const QStringList photos = parser.positionalArguments();
  if (photos.isEmpty()) return fail(QStringLiteral("no photos given"), kUsage);
  const QString saveDir = parser.value("save-crops");
  if (!saveDir.isEmpty() && !QDir().mkpath(saveDir)) return fail("cannot create the folder " + saveDir);

  AnalyzerOptions options;
  options.modelPath = parser.value("model").toStdString();
  auto proposer = sharedCropProposer(options);
  if (!proposer) return fail(proposer.message());

  const bool json = parser.isSet("json");
  ProgressPrinter printer(parser.isSet("quiet"));
  int failed = 0;
  for (int i = 0; i < photos.size(); ++i) {
    if (interruptFlag().isCancelled()) return kInterrupted;
    const QString& file = photos[i];
    printer({i, photos.size(), file.toStdString()});
    auto decoded = decodeImageFile(file.toStdString());
    if (!decoded) {
      ++failed;
      printer.finish();
      warn(QString::fromStdString(decoded.message()));
      if (json) printJson({{"file", file.toStdString()}, {"error", decoded.message()}});
      continue;
    }
    const CropProposal proposal = (*proposer)->propose(decoded->image);
    if (!saveDir.isEmpty()) {
      if (Status s = saveCrops(saveDir, file, decoded->image, proposal); !s) {
        printer.finish();
        return fail(s.message());
      }
    }
    if (json) {
      printJson(proposalJson(file, proposal));
    } else {
      printLine(QStringLiteral("%1: %2x%3, person %4%5%6\n  top %7\n  bottom %8\n  shoes %9")
                    .arg(file)
                    .arg(proposal.width)
                    .arg(proposal.height)
                    .arg(boxText(ItemBox{proposal.person, proposal.personConfidence}))
                    .arg(proposal.personFound ? "" : ", no person found: the whole photo")
                    .arg(proposal.onepiece ? ", one-piece outfit" : "")
                    .arg(boxText(proposal.item(Category::Top)), boxText(proposal.item(Category::Bottom)),
                         boxText(proposal.item(Category::Shoes))));
    }
  }
  printer({photos.size(), photos.size(), "done"});
  printer.finish();
  return failed > 0 ? kFailed : kOk;
}

}  // namespace w2w::cli
