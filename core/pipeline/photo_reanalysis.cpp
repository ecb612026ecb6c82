#include "pipeline/photo_reanalysis.h"

#include "io/image_decoder.h"

namespace w2w {

Result<ReanalysisReport> reanalyzePhotos(Library& library, const std::vector<Id>& photoIds,
                                         const PhotoAnalyzer& analyzer, const ProgressCallback& progress,
                                         const CancelFlag* cancel) {
  ReanalysisReport report;
  const auto total = static_cast<long long>(photoIds.size());
  for (std::size_t i = 0; i < photoIds.size(); ++i) {
    if (cancel && cancel->isCancelled()) {
      report.cancelled = true;
      break;
    }
    auto photo = library.photo(photoIds[i]);
    if (!photo) return photo.error();
    if (!*photo) continue;  // removed meanwhile
    const std::string path = library.resolvePath((*photo)->path);
    if (progress) progress({static_cast<long long>(i), total, "cropping " + path});
    // A file that is gone or unreadable, or a photo without a person, is a
    // failed photo with its reason, not a failed run.
    auto decoded = decodeImageFile(path);
    Result<PhotoAnalysis> analysis = decoded ? analyzer(*decoded) : Result<PhotoAnalysis>(decoded.error());
    // The crops and the photo's outfit change together (one transaction).
    const Id id = (*photo)->id;
    const Status stored = library.transaction([&]() -> Status {
      if (!analysis) return library.setPhotoStatus(id, PhotoStatus::Failed, analysis.message());
      if (Status s = library.storeAnalysis(id, *analysis); !s) return s;
      auto synced = library.syncPhotoOutfits(id);
      return synced ? Status::success() : Status(synced.error());
    });
    if (!stored) return stored.error();
    ++(analysis ? report.analysed : report.failed);
  }
  if (progress) progress({total, total, "cropped"});
  return report;
}

}  // namespace w2w
