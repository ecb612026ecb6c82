#include "datasets/dataset_loader.h"

#include <QFileInfo>

#include "datasets/library_dataset.h"
#include "format/json.h"

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
  const format::Json o{{"spec", r.spec},
                       {"split", splitName(r.split)},
                       {"boxes", boxSourceName(r.boxes)},
                       {"background", backgroundName(r.background)},
                       {"skip_warnings", r.skipWarnings}};
  return format::dumpJson(o);
}

Result<DatasetRequest> parseDatasetJson(const std::string& json) {
  // A description that is not a JSON object reads as the defaults.
  const format::Json o = format::parseObjectOrEmpty(json);
  DatasetRequest r;
  r.spec = format::stringOr(o, "spec");
  const auto split = parseSplit(format::stringOr(o, "split", "all"));
  const auto boxes = parseBoxSource(format::stringOr(o, "boxes", "gt"));
  const auto background = parseBackground(format::stringOr(o, "background", "garment"));
  if (!split || !boxes || !background)
    return makeError("dataset description: bad split, boxes or background");
  r.split = *split;
  r.boxes = *boxes;
  r.background = *background;
  r.skipWarnings = format::boolOr(o, "skip_warnings");
  return r;
}

}  // namespace w2w::datasets
