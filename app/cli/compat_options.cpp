#include "compat_options.h"

#include "compat/outfit_cache.h"
#include "pipeline/dataset_crops.h"

namespace w2w::cli {

void addDatasetOptions(QCommandLineParser& parser, const QString& defaultSplit) {
  parser.addOption({"dataset",
                    "ccp:DIR (a folder laid out like shared/datasets/ccp), polyvore:DIR or library:FILE.",
                    "SPEC"});
  parser.addOption(
      {"split",
       "Photos to use: train, test or all. ccp: test = photo numbers ending in 0, 1 or 2 (30%), train = "
       "the rest. Default: " +
           defaultSplit + ".",
       "SPLIT", defaultSplit});
  parser.addOption(
      {"boxes",
       "Crop boxes (ccp): auto (the app's crop pipeline on every outfit photo; photos where it finds no "
       "valid outfit are left out; the default for train) or gt (the dataset's boxes, pixel-annotated "
       "photos only). eval defaults to the checkpoint's.",
       "gt|auto"});
  parser.addOption(
      {"background",
       "Pixels around the garment: remove (white outside the garment's own pixels, the default), person "
       "(white outside the person) or keep.",
       "remove|person|keep"});
  parser.addOption({"skip-warnings", "Leave out photos whose labels have plausibility warnings."});
  parser.addOption(
      {"cache", "Folder for the encoded-dataset cache (default: the user's cache folder).", "DIR"});
  parser.addOption({"no-cache", "Encode the dataset again and do not cache it."});
  parser.addOption({"quiet", "No progress on stderr."});
}

QString readDatasetOptions(const QCommandLineParser& parser, datasets::DatasetRequest& request) {
  if (parser.isSet("dataset")) request.spec = parser.value("dataset").toStdString();
  const auto split = datasets::parseSplit(parser.value("split").toStdString());
  if (!split) return "--split must be train, test or all";
  request.split = *split;
  if (parser.isSet("boxes")) {
    const auto boxes = datasets::parseBoxSource(parser.value("boxes").toStdString());
    if (!boxes) return "--boxes must be gt or auto";
    request.boxes = *boxes;
  }
  if (request.boxes == datasets::BoxSource::Auto) {
    request.autoCrop = importCropFunction();
    request.autoCropId = importCropFunctionId();
  }
  if (parser.isSet("background")) {
    const auto background = datasets::parseBackground(parser.value("background").toStdString());
    if (!background) return "--background must be remove, person or keep";
    request.background = *background;
  }
  if (parser.isSet("skip-warnings")) request.skipWarnings = true;
  request.cacheDir = parser.isSet("no-cache") ? std::string()
                     : parser.isSet("cache")  ? parser.value("cache").toStdString()
                                              : compat::defaultOutfitCacheDir();
  return {};
}

bool readNumber(const QCommandLineParser& parser, const QString& name, double lo, double hi, double* value,
                QString* error) {
  if (!parser.isSet(name)) return true;
  bool ok = false;
  const double v = parser.value(name).toDouble(&ok);
  if (!ok || !(v >= lo && v <= hi)) {
    *error = QStringLiteral("--%1 needs a number from %2 to %3").arg(name).arg(lo).arg(hi);
    return false;
  }
  *value = v;
  return true;
}

bool readInteger(const QCommandLineParser& parser, const QString& name, long long lo, long long hi,
                 long long* value, QString* error) {
  if (!parser.isSet(name)) return true;
  bool ok = false;
  const long long v = parser.value(name).toLongLong(&ok);
  if (!ok || v < lo || v > hi) {
    *error = QStringLiteral("--%1 needs a whole number from %2 to %3").arg(name).arg(lo).arg(hi);
    return false;
  }
  *value = v;
  return true;
}

}  // namespace w2w::cli
