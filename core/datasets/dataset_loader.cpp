#include "datasets/dataset_loader.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include "datasets/library_dataset.h"

namespace w2w::datasets {
namespace {

struct Spec {
  std::string kind, path;
};

Result<Spec> splitSpec(const std::string& spec) {
  const auto colon = spec.find(':');
  const std::string kind = colon == std::string::npos ? "" : spec.substr(0, colon);
  if (kind != "ccp" && kind != "polyvore" && kind != "library") {
    return makeError("dataset '" + spec + "': expected ccp:DIR, polyvore:DIR or library:FILE");
  }
  Spec s{kind, spec.substr(colon + 1)};
  if (s.path.empty() || !QFileInfo::exists(QString::fromStdString(s.path))) {
    return makeError("dataset '" + spec +
                     "': " + (s.path.empty() ? std::string("no path") : s.path + ": no such file or folder"));
  }
  return s;
}

}  // namespace

Status checkDatasetSpec(const std::string& spec) {
  auto s = splitSpec(spec);
  return s ? Status::success() : Status(s.error());
}

Result<LoadedDataset> loadDataset(const DatasetRequest& request, Encoder& encoder,
                                  const ProgressCallback& progress, const CancelFlag* cancel) {
  auto spec = splitSpec(request.spec);
  if (!spec) return spec.error();
  if (spec->kind == "ccp") {
    CcpOptions options;
    options.boxes = request.boxes;
    options.background = request.background;
    options.split = request.split;
    options.skipWarnings = request.skipWarnings;
    options.cacheDir = request.cacheDir;
    options.autoCrop = request.autoCrop;
    options.autoCropId = request.autoCropId;
    CcpLoadReport report;
    auto outfits = loadCcpOutfits(spec->path, encoder, options, progress, cancel, &report);
    if (!outfits) return outfits.error();
    return LoadedDataset{std::move(*outfits), report, nullptr};
  }
  if (spec->kind == "polyvore") {
    if (request.split == Split::All) return makeError("polyvore datasets need --split train or --split test");
    PolyvoreOptions options;
    options.split = splitName(request.split);
    options.cacheDir = request.cacheDir;
    auto data = loadPolyvore(spec->path, encoder, options, progress, cancel);
    if (!data) return data.error();
    auto shared = std::make_shared<PolyvoreData>(std::move(*data));
    return LoadedDataset{shared->outfits, std::nullopt, shared};
  }
  // Reading is all a dataset needs; missing embeddings are stored when the
  // library can be written.
  auto library = Library::open(spec->path, Library::Access::ReadWriteIfWritable);
  if (!library) return library.error();
  LibraryDatasetOptions options;
  options.split = request.split;
  auto outfits = loadLibraryOutfits(**library, encoder, options, progress, cancel);
  if (!outfits) return outfits.error();
  return LoadedDataset{std::move(*outfits), std::nullopt, nullptr};
}

std::string datasetJson(const DatasetRequest& r) {
  const QJsonObject o{{"spec", QString::fromStdString(r.spec)},
                      {"split", splitName(r.split)},
                      {"boxes", boxSourceName(r.boxes)},
                      {"background", backgroundName(r.background)},
                      {"skip_warnings", r.skipWarnings}};
  return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

Result<DatasetRequest> parseDatasetJson(const std::string& json) {
  const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
  DatasetRequest r;
  r.spec = o.value("spec").toString().toStdString();
  const auto split = parseSplit(o.value("split").toString("all").toStdString());
  const auto boxes = parseBoxSource(o.value("boxes").toString("gt").toStdString());
  const auto background = parseBackground(o.value("background").toString("garment").toStdString());
  if (!split || !boxes || !background)
    return makeError("dataset description: bad split, boxes or background");
  r.split = *split;
  r.boxes = *boxes;
  r.background = *background;
  r.skipWarnings = o.value("skip_warnings").toBool();
  return r;
}

}  // namespace w2w::datasets
