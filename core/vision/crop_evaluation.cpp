#include "vision/crop_evaluation.h"

#include <algorithm>
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

// The tight box around both (either may be missing).
std::optional<ItemBox> unionOf(const std::optional<ItemBox>& a, const std::optional<ItemBox>& b) {
  if (!a || !b) return a ? a : b;
  const int x0 = std::min(a->box.x, b->box.x), y0 = std::min(a->box.y, b->box.y);
  const int x1 = std::max(a->box.x + a->box.width, b->box.x + b->box.width),
            y1 = std::max(a->box.y + a->box.height, b->box.y + b->box.height);
  return ItemBox{Box{x0, y0, x1 - x0, y1 - y0}, std::min(a->confidence, b->confidence)};
}

// The categories the evaluation scores (accessories are small and often
// several: no box).
constexpr std::array<Category, 6> kScored = {Category::Top,      Category::Outer, Category::Bottom,
                                             Category::Onepiece, Category::Shoes, Category::Bag};

// The annotated box of each scored category: the record's own boxes, and for
// outer layer and bag (which the records do not list) the dataset's box rule
// on the pixels of the classes of that category (context rules applied).
std::array<std::optional<Box>, kCategoryCount> truthBoxes(const CcpDataset& dataset, const CcpRecord& r,
                                                          const GrayImage& classes) {
  const std::vector<std::optional<Category>> categories = ccpPhotoCategories(dataset, r, &classes);
  const auto ruleBox = [&](Category c) {
    GrayImage mask = classes;
    for (auto& v : mask.pixels) v = v < categories.size() && categories[v] == c ? 255 : 0;
    return ccpRuleBox(mask);
  };
  std::array<std::optional<Box>, kCategoryCount> truth;
  truth[categoryIndex(Category::Top)] = r.top;
  truth[categoryIndex(Category::Outer)] = ruleBox(Category::Outer);
  truth[categoryIndex(Category::Bottom)] = r.bottom;
  truth[categoryIndex(Category::Onepiece)] = r.onepiece;
  truth[categoryIndex(Category::Shoes)] = r.shoes;
  truth[categoryIndex(Category::Bag)] = ruleBox(Category::Bag);
  return truth;
}

// What the pipeline proposes per category, as `what2wear crop` reports it:
// the items, and the one-piece box of a photo flagged as a one-piece outfit.
std::optional<ItemBox> proposed(const CropProposal& p, Category c) {
  if (c == Category::Onepiece && !p.item(c) && p.onepiece) return p.onepieceItem;
  return p.item(c);
}

bool makesValidOutfit(const std::array<std::optional<Box>, kCategoryCount>& boxes) {
  CategoryCounts counts;
  for (Category c : kCategories)
    if (boxes[categoryIndex(c)]) counts.add(c);
  return isValidOutfit(counts);
}

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

Result<CropEvaluation> evaluateCrops(const CcpDataset& dataset, const std::vector<const CcpRecord*>& records,
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
    score.onepieceTruth = r->onepieceOutfit;
    score.onepiecePredicted = p.onepiece;
    onepieceRight += p.onepiece == r->onepieceOutfit;
    const auto truth = truthBoxes(dataset, *r, *classes);
    std::array<std::optional<Box>, kCategoryCount> predicted;
    for (Category c : kScored) {
      const auto i = static_cast<std::size_t>(categoryIndex(c));
      if (proposed(p, c)) predicted[i] = proposed(p, c)->box;
      if (!truth[i]) continue;
      score.iou[i] = itemIoU(proposed(p, c), truth[i]);
      e.byCategory[i].iou += *score.iou[i];
      ++e.byCategory[i].photos;
    }
    const std::optional<ItemBox> topAndOuter = unionOf(p.item(Category::Top), p.item(Category::Outer));
    if (r->topWithOuter) {
      score.topWithOuter = itemIoU(topAndOuter, r->topWithOuter);
      e.topWithOuter.iou += *score.topWithOuter;
      ++e.topWithOuter.photos;
    }
    score.validTruth = makesValidOutfit(truth);
    score.validPredicted = makesValidOutfit(predicted);
    e.validTruth += score.validTruth;
    e.validOutfits += score.validPredicted;
    if (isComplete(*r)) {
      ++e.completeOutfits;
      score.complete = true;
      score.top = itemIoU(topAndOuter, r->topWithOuter);
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
    e.validOutfits /= e.photos;
    e.secondsPerPhoto = seconds / e.photos;
  }
  for (PresentScore& s : e.byCategory)
    if (s.photos) s.iou /= s.photos;
  if (e.topWithOuter.photos) e.topWithOuter.iou /= e.topWithOuter.photos;
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
