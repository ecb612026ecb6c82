#include "vision/crop_proposer.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

#include "common/resources.h"
#include "io/cv_convert.h"
#include "vision/garment_boxes.h"
#include "vision/garment_labels.h"
#include "vision/garment_parser.h"
#include "vision/person_finder.h"

namespace w2w {
namespace {

// A second pass pays off when it sees the person this much larger.
constexpr double kSecondPassGain = 1.3;

// The person box grown by a margin and to the network's aspect ratio, so the
// second pass sees the whole person with some context around.
cv::Rect secondPassRegion(const cv::Rect& person, cv::Size input) {
  double w = person.width * 1.2, h = person.height * 1.1;
  const double aspect = static_cast<double>(input.width) / input.height;
  if (w / h < aspect)
    w = h * aspect;
  else
    h = w / aspect;
  const double cx = person.x + person.width / 2.0, cy = person.y + person.height / 2.0;
  return cv::Rect(static_cast<int>(std::lround(cx - w / 2)), static_cast<int>(std::lround(cy - h / 2)),
                  static_cast<int>(std::lround(w)), static_cast<int>(std::lround(h)));
}

// From work-image pixels to photo pixels (outward rounding, clipped).
Box scaleBox(const cv::Rect& r, double sx, double sy, int width, int height) {
  const int x0 = std::clamp(static_cast<int>(std::floor(r.x * sx)), 0, width - 1);
  const int y0 = std::clamp(static_cast<int>(std::floor(r.y * sy)), 0, height - 1);
  const int x1 = std::clamp(static_cast<int>(std::ceil(r.br().x * sx)), x0 + 1, width);
  const int y1 = std::clamp(static_cast<int>(std::ceil(r.br().y * sy)), y0 + 1, height);
  return {x0, y0, x1 - x0, y1 - y0};
}

}  // namespace

Result<std::shared_ptr<const CropProposer>> CropProposer::load(const std::string& modelPath,
                                                               const ProposerOptions& options) {
  auto parser = GarmentParser::load(modelPath);
  if (!parser) return parser.error();
  std::shared_ptr<CropProposer> proposer(new CropProposer());
  proposer->parser_ = std::move(*parser);
  proposer->options_ = options;
  return std::shared_ptr<const CropProposer>(std::move(proposer));
}

std::string CropProposer::bundledModelPath() { return findResource("models/garment_parser.safetensors"); }

const std::map<std::string, std::string>& CropProposer::modelMetadata() const { return parser_->metadata(); }

CropProposal CropProposer::propose(const RgbImage& photo) const {
  CropProposal out;
  out.width = photo.width;
  out.height = photo.height;
  out.person = Box{0, 0, photo.width, photo.height};
  out.personConfidence = 0.05;
  out.mask.width = photo.width;
  out.mask.height = photo.height;
  // Without a person nothing is masked out: the photo is kept as it is.
  out.mask.pixels.assign(static_cast<std::size_t>(photo.width) * photo.height, 255);
  if (photo.empty()) return out;

  // Work on a copy no larger than maxWorkSide: the network sees 192 rows anyway.
  const int longer = std::max(photo.width, photo.height);
  const double toWork =
      longer > options_.maxWorkSide ? static_cast<double>(options_.maxWorkSide) / longer : 1.0;
  cv::Mat work = rgbView(photo);
  if (toWork < 1.0) {
    cv::resize(work, work,
               cv::Size(std::max(1, static_cast<int>(photo.width * toWork)),
                        std::max(1, static_cast<int>(photo.height * toWork))),
               0, 0, cv::INTER_AREA);
  }
  const cv::Rect whole(0, 0, work.cols, work.rows);

  // First pass: the whole photo; the main person at the network's resolution.
  ParsedRegion pass = parser_->parse(work, whole);
  const PersonBlob coarse = findMainPerson(1.0 - pass.probs[0], pass.covered);
  if (!coarse.found) return out;  // no person: the whole photo, low confidence
  cv::Rect personRect = pass.toImage(coarse.box);

  // Second pass on the person alone when that shows them markedly larger.
  const cv::Rect region = secondPassRegion(personRect, parser_->inputSize());
  const double gain = std::min(static_cast<double>(parser_->inputSize().width) / region.width,
                               static_cast<double>(parser_->inputSize().height) / region.height) /
                      pass.scale;
  if (gain >= kSecondPassGain) pass = parser_->parse(work, region);

  // Full-resolution probabilities around the person (a margin for what the
  // coarse pass cut off); everything outside is background.
  const int mx = personRect.width / 5 + 4, my = personRect.height / 10 + 4;
  const cv::Rect area =
      cv::Rect(personRect.x - mx, personRect.y - my, personRect.width + 2 * mx, personRect.height + 2 * my) &
      whole;
  std::vector<cv::Mat> planes = pass.planesFor(area);
  const PersonBlob fine = findMainPerson(1.0 - planes[0], cv::Rect(0, 0, area.width, area.height), 0.002);
  if (!fine.found) return out;

  cv::Mat labels(area.size(), CV_8U, cv::Scalar(0));
  for (int y = 0; y < area.height; ++y) {
    const std::uint8_t* m = fine.mask.ptr<std::uint8_t>(y);
    std::uint8_t* l = labels.ptr<std::uint8_t>(y);
    for (int x = 0; x < area.width; ++x) {
      if (!m[x]) continue;
      int best = 1;  // argmax over the person labels (background is excluded inside the mask)
      for (int c = 2; c < kGarmentLabelCount; ++c)
        if (planes[c].at<float>(y, x) > planes[best].at<float>(y, x)) best = c;
      l[x] = static_cast<std::uint8_t>(best);
    }
  }
  const GarmentBoxes boxes = findGarmentBoxes(labels, planes, fine.box);

  // Per axis: the work image's sides were rounded separately.
  const double sx = static_cast<double>(photo.width) / work.cols,
               sy = static_cast<double>(photo.height) / work.rows;
  auto place = [&](const cv::Rect& r) { return scaleBox(r + area.tl(), sx, sy, photo.width, photo.height); };
  out.personFound = true;
  out.person = place(fine.box);
  out.personConfidence = std::min(coarse.confidence, fine.confidence);
  auto item = [&](const std::optional<LabelBox>& b) -> std::optional<ItemBox> {
    if (!b) return std::nullopt;
    return ItemBox{place(b->box), b->confidence};
  };
  out.items[categoryIndex(Category::Top)] = item(boxes.upper);
  out.items[categoryIndex(Category::Bottom)] = item(boxes.bottom);
  out.items[categoryIndex(Category::Shoes)] = item(boxes.shoes);
  out.onepiece = boxes.onepieceOutfit;
  out.onepieceItem = item(boxes.onepiece);

  // The mask at the photo's size; smooth edges when it is scaled up.
  cv::Mat workMask = cv::Mat::zeros(work.size(), CV_8U);
  fine.mask.copyTo(workMask(area));
  cv::Mat full = grayView(out.mask);
  if (toWork < 1.0) {
    cv::Mat scaled;
    cv::resize(workMask, scaled, full.size(), 0, 0, cv::INTER_LINEAR);
    cv::threshold(scaled, full, 127, 255, cv::THRESH_BINARY);
  } else {
    workMask.copyTo(full);
  }

  // The labels at the photo's size (nearest: labels are not averaged).
  cv::Mat workLabels = cv::Mat::zeros(work.size(), CV_8U);
  labels.copyTo(workLabels(area));
  out.labels.width = photo.width;
  out.labels.height = photo.height;
  out.labels.pixels.assign(static_cast<std::size_t>(photo.width) * photo.height, 0);
  cv::Mat fullLabels = grayView(out.labels);
  if (toWork < 1.0) {
    cv::resize(workLabels, fullLabels, fullLabels.size(), 0, 0, cv::INTER_NEAREST);
  } else {
    workLabels.copyTo(fullLabels);
  }
  return out;
}

}  // namespace w2w
