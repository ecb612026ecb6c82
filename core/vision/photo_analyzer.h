// The photo pipeline's entry points for the importer, the CLI and the
// studio's crop editor: photo -> person, white-background mask, item boxes
// -> square crops ready for the library (PhotoAnalysis).
//
// Thread-safety: every function here may be called from many threads at
// once. Models are loaded once per path and shared (immutable); nothing else
// is shared.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/image.h"
#include "common/result.h"
#include "io/image_decoder.h"
#include "library/library.h"
#include "vision/crop_proposer.h"
#include "vision/crop_renderer.h"

namespace w2w {

struct AnalyzerOptions {
  std::string modelPath;     // empty: the bundled garment parser
  int cropSize = kCropSize;  // side of the square crops (the encoder's input size)
};

// The proposer for `options.modelPath`, loaded on first use and cached for
// the process. Fails with a one-line reason (missing or bad model file).
Result<std::shared_ptr<const CropProposer>> sharedCropProposer(const AnalyzerOptions& options = {});

// Person, mask and boxes, without crops (what the crop editor shows).
Result<CropProposal> proposeBoxes(const RgbImage& photo, const AnalyzerOptions& options = {});

// The whole pipeline for one photo: proposal, mask as PNG, one crop per
// category found. A photo without a person still succeeds: the person is
// the whole photo with a low confidence and the crops are what was found.
Result<PhotoAnalysis> analyzePhoto(const DecodedImage& photo, const AnalyzerOptions& options = {});

// PhotoAnalysis from an existing proposal (crops rendered from the photo with
// its background set to white).
Result<PhotoAnalysis> analysisFromProposal(const RgbImage& photo, const CropProposal& proposal,
                                           int cropSize = kCropSize);

// The photo with everything outside the mask set to white.
RgbImage whiteBackground(const RgbImage& photo, const GrayImage& mask);

// After a person edits a box: the new crop from the photo, its stored mask
// (Library::photoMask; empty bytes = no mask, keep the background) and the
// edited box. Store it with Library::updateCrop.
Result<CropImage> recomputeCrop(const RgbImage& photo, const std::vector<std::uint8_t>& maskPng,
                                const Box& box, int cropSize = kCropSize);
// The same with the mask already decoded (null or empty: no mask), for the
// crop editor, which re-cuts crops of one photo many times.
Result<CropImage> recomputeCrop(const RgbImage& photo, const GrayImage* mask, const Box& box,
                                int cropSize = kCropSize);

// The importer's analyzer (ImportOptions::analyzer): loads the model now so a
// missing model fails the import up front, not once per photo.
Result<std::function<Result<PhotoAnalysis>(const DecodedImage&)>> makeImportAnalyzer(
    const AnalyzerOptions& options = {});

// Keeps OpenCV and LibTorch from starting their own thread pools on top of
// the caller's worker threads (call once, before starting workers, when the
// caller parallelises over photos itself).
void useOneLibraryThreadPerWorker();

}  // namespace w2w
