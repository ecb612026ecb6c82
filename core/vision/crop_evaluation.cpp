#include "vision/crop_evaluation.h"

#include <chrono>

#include "io/image_decoder.h"
#include "io/image_encoder.h"

namespace w2w {
namespace {

double itemIoU(const std::optional<ItemBox>& predicted, const std::optional<Box>& truth) {
  return predicted && truth ? boxIoU(predicted->box, *truth) : 0.0;
}

double maskIoU(const GrayImage& predicted, const GrayImage& classes) {
  long long inter = 0, uni = 0;
  for (std::size_t i = 0; i < classes.pixels.size(); ++i) {
    const bool p = predicted.pixels[i] >= 128, t = classes.pixels[i] != 0;
    inter += p && t;
    uni += p || t;
  }
  return uni ? static_cast<double>(inter) / uni : 1.0;
}

bool isComplete(const CcpRecord& r) { return r.topWithOuter && r.bottom && r.shoes; }

Box band(const Box& ref, double from, double to) {
  const int y0 = ref.y + static_cast<int>(from * ref.height), y1 = ref.y + static_cast<int>(to * ref.height);
  return {ref.x, y0, ref.width, std::max(1, y1 - y0)};
}

}  // namespace

std::vector<const CcpRecord*> completeOutfits(const std::vector<const CcpRecord*>& records) {
  std::vector<const CcpRecord*> out;
  for (const CcpRecord* r : records)
    if (isComplete(*r)) out.push_back(r);
  return out;
}

Result<CropEvaluation> evaluateCrops(const std::vector<const CcpRecord*>& records,
                                     const CropProposer& proposer, const ProgressCallback& progress) {
  CropEvaluation e;
  double seconds = 0;
  int onepieceRight = 0;
  for (const CcpRecord* r : records) {
    auto photo = decodeImageFile(r->photo);
    if (!photo) return photo.error();
    auto maskBytes = readFileBytes(r->mask);
    if (!maskBytes) return maskBytes.error();
    auto classes = decodeMaskPng(*maskBytes);
    if (!classes) return makeError(r->mask + ": " + classes.message());
    const auto start = std::chrono::steady_clock::now();
    const CropProposal p = proposer.propose(photo->image);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (classes->width != p.mask.width || classes->height != p.mask.height)
      return makeError(r->mask + ": mask and photo differ in size");
    ++e.photos;
    PhotoScore score;
    score.id = r->id;
    score.mask = maskIoU(p.mask, *classes);
    e.mask += score.mask;
    e.person += r->person ? boxIoU(p.person, *r->person) : 0.0;
    onepieceRight += p.onepiece == r->onepieceOutfit;
    if (isComplete(*r)) {
      ++e.completeOutfits;
      score.complete = true;
      score.top = itemIoU(p.item(Category::Top), r->topWithOuter);
      score.bottom = itemIoU(p.item(Category::Bottom), r->bottom);
      score.shoes = itemIoU(p.item(Category::Shoes), r->shoes);
      e.top += score.top;
      e.bottom += score.bottom;
      e.shoes += score.shoes;
    }
    e.scores.push_back(score);
    if (progress) progress({e.photos, static_cast<long long>(records.size()), r->id});
  }
  if (e.photos) {
    e.mask /= e.photos;
    e.person /= e.photos;
    e.onepieceAccuracy = static_cast<double>(onepieceRight) / e.photos;
    e.secondsPerPhoto = seconds / e.photos;
  }
  if (e.completeOutfits) {
    e.top /= e.completeOutfits;
    e.bottom /= e.completeOutfits;
    e.shoes /= e.completeOutfits;
  }
  return e;
}

RatioBaseline ratioBaseline(const std::vector<const CcpRecord*>& fit,
                            const std::vector<const CcpRecord*>& score, bool onPersonBox) {
  auto reference = [&](const CcpRecord& r) {
    return onPersonBox && r.person ? *r.person : Box{0, 0, r.width, r.height};
  };
  // Each band is fitted on its own (they may overlap, as real garments do).
  auto fitBand = [&](auto truth, double* from, double* to) {
    double best = -1;
    for (int i = 0; i < 100; i += 2)
      for (int j = i + 2; j <= 100; j += 2) {
        double sum = 0;
        for (const CcpRecord* r : fit) sum += boxIoU(band(reference(*r), i / 100.0, j / 100.0), *truth(*r));
        if (sum > best) best = sum, *from = i / 100.0, *to = j / 100.0;
      }
  };
  RatioBaseline b;
  fitBand([](const CcpRecord& r) { return r.topWithOuter; }, &b.topFrom, &b.topTo);
  fitBand([](const CcpRecord& r) { return r.bottom; }, &b.bottomFrom, &b.bottomTo);
  fitBand([](const CcpRecord& r) { return r.shoes; }, &b.shoesFrom, &b.shoesTo);
  for (const CcpRecord* r : score) {
    b.top += boxIoU(band(reference(*r), b.topFrom, b.topTo), *r->topWithOuter);
    b.bottom += boxIoU(band(reference(*r), b.bottomFrom, b.bottomTo), *r->bottom);
    b.shoes += boxIoU(band(reference(*r), b.shoesFrom, b.shoesTo), *r->shoes);
  }
  if (!score.empty()) b.top /= score.size(), b.bottom /= score.size(), b.shoes /= score.size();
  return b;
}

}  // namespace w2w
