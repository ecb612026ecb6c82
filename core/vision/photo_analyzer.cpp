#include "vision/photo_analyzer.h"

#include <torch/torch.h>
#include <opencv2/core.hpp>

#include <map>
#include <mutex>

#include "io/cv_convert.h"
#include "io/image_encoder.h"

namespace w2w {

Result<std::shared_ptr<const CropProposer>> sharedCropProposer(const AnalyzerOptions& options) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const CropProposer>> cache;
  const std::string path = options.modelPath.empty() ? CropProposer::bundledModelPath() : options.modelPath;
  if (path.empty())
    return makeError(
        "the garment parser model (resources/models/garment_parser.safetensors) was not found; "
        "set W2W_RESOURCES to the resources folder");
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(path);
  if (it != cache.end()) return it->second;
  auto loaded = CropProposer::load(path);
  if (!loaded) return loaded.error();
  cache.emplace(path, *loaded);
  return *loaded;
}

Result<CropProposal> proposeBoxes(const RgbImage& photo, const AnalyzerOptions& options) {
  if (photo.empty()) return makeError("empty image");
  auto proposer = sharedCropProposer(options);
  if (!proposer) return proposer.error();
  return (*proposer)->propose(photo);
}

RgbImage whiteBackground(const RgbImage& photo, const GrayImage& mask) {
  RgbImage out = photo;
  if (mask.width != photo.width || mask.height != photo.height) return out;
  rgbView(out).setTo(cv::Scalar(255, 255, 255), grayView(mask) < 128);
  return out;
}

Result<PhotoAnalysis> analysisFromProposal(const RgbImage& photo, const CropProposal& proposal,
                                           int cropSize) {
  PhotoAnalysis analysis;
  analysis.person = proposal.person;  // the whole photo when no person was found
  analysis.onepiece = proposal.onepiece;
  auto mask = encodePng(proposal.mask);
  if (!mask) return mask.error();
  analysis.maskPng = std::move(*mask);
  // Every garment the parser found becomes an item of its category.
  for (Category c : kCategories) {
    const auto& item = proposal.item(c);
    if (!item) continue;
    const GrayImage* mask = cropUsesPersonMask(c) ? &proposal.mask : nullptr;
    CropImage crop = makeCropImage(renderCrop(photo, mask, item->box, cropSize));
    if (crop.png.empty()) return makeError(std::string("cannot encode the ") + categoryName(c) + " crop");
    analysis.crops.push_back({c, item->box, item->confidence, std::move(crop)});
  }
  return analysis;
}

Result<PhotoAnalysis> analyzePhoto(const DecodedImage& photo, const AnalyzerOptions& options) {
  auto proposal = proposeBoxes(photo.image, options);
  if (!proposal) return proposal.error();
  return analysisFromProposal(photo.image, *proposal, options.cropSize);
}

Result<CropImage> recomputeCrop(const RgbImage& photo, const GrayImage* mask, const Box& box, int cropSize) {
  if (photo.empty()) return makeError("empty photo");
  if (box.empty()) return makeError("empty box");
  const Box clipped = {std::max(0, box.x), std::max(0, box.y),
                       std::min(photo.width, box.x + box.width) - std::max(0, box.x),
                       std::min(photo.height, box.y + box.height) - std::max(0, box.y)};
  if (clipped.empty()) return makeError("the box lies outside the photo");
  if (mask && !mask->empty() && (mask->width != photo.width || mask->height != photo.height))
    return makeError("the stored mask does not match the photo's size");
  CropImage crop =
      makeCropImage(renderCrop(photo, mask && !mask->empty() ? mask : nullptr, clipped, cropSize));
  if (crop.png.empty()) return makeError("cannot encode the crop");
  return crop;
}

Result<CropImage> recomputeCrop(const RgbImage& photo, const std::vector<std::uint8_t>& maskPng,
                                const Box& box, int cropSize) {
  GrayImage mask;
  if (!maskPng.empty()) {
    auto decoded = decodeMaskPng(maskPng);
    if (!decoded) return decoded.error();
    mask = std::move(*decoded);
  }
  return recomputeCrop(photo, &mask, box, cropSize);
}

Result<std::function<Result<PhotoAnalysis>(const DecodedImage&)>> makeImportAnalyzer(
    const AnalyzerOptions& options) {
  auto proposer = sharedCropProposer(options);
  if (!proposer) return proposer.error();
  std::shared_ptr<const CropProposer> shared = *proposer;
  const int cropSize = options.cropSize;
  return std::function<Result<PhotoAnalysis>(const DecodedImage&)>(
      [shared, cropSize](const DecodedImage& photo) -> Result<PhotoAnalysis> {
        return analysisFromProposal(photo.image, shared->propose(photo.image), cropSize);
      });
}

void useOneLibraryThreadPerWorker() {
  cv::setNumThreads(1);
  at::set_num_threads(1);
}

}  // namespace w2w
