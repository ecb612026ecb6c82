#include "vision/garment_parser.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

#include "vision/garment_labels.h"
#include "vision/parser_net.h"

namespace w2w {

struct GarmentParser::Net {
  ParserNet module{nullptr};
};

GarmentParser::~GarmentParser() = default;

Result<std::shared_ptr<const GarmentParser>> GarmentParser::load(const std::string& path) {
  std::map<std::string, std::string> metadata;
  auto net = loadParserNet(path, &metadata);
  if (!net) return net.error();
  if ((*net)->config.classes != kGarmentLabelCount)
    return makeError(path + ": the model predicts " + std::to_string((*net)->config.classes) +
                     " labels, expected " + std::to_string(kGarmentLabelCount));
  std::shared_ptr<GarmentParser> parser(new GarmentParser());
  parser->net_ = std::make_unique<Net>();
  parser->net_->module = std::move(*net);
  parser->metadata_ = std::move(metadata);
  return std::shared_ptr<const GarmentParser>(std::move(parser));
}

cv::Size GarmentParser::inputSize() const {
  return {net_->module->config.inputWidth, net_->module->config.inputHeight};
}

ParsedRegion GarmentParser::parse(const cv::Mat& rgb, const cv::Rect& region) const {
  const cv::Size input = inputSize();
  ParsedRegion out;
  out.imageSize = rgb.size();
  out.scale = std::min(static_cast<double>(input.width) / region.width,
                       static_cast<double>(input.height) / region.height);
  const cv::Size scaled(
      std::max(1, std::min(input.width, static_cast<int>(std::lround(region.width * out.scale)))),
      std::max(1, std::min(input.height, static_cast<int>(std::lround(region.height * out.scale)))));
  const int left = (input.width - scaled.width) / 2, top = (input.height - scaled.height) / 2;
  out.offsetX = left - region.x * out.scale;
  out.offsetY = top - region.y * out.scale;

  // The region, padded grey where it leaves the image, shrunk with area
  // averaging (as the training photos were) and centred on a grey canvas.
  const cv::Scalar grey(128, 128, 128);
  const cv::Rect inside = region & cv::Rect(0, 0, rgb.cols, rgb.rows);
  cv::Mat padded;
  cv::copyMakeBorder(rgb(inside), padded, inside.y - region.y, region.br().y - inside.br().y,
                     inside.x - region.x, region.br().x - inside.br().x, cv::BORDER_CONSTANT, grey);
  cv::Mat canvas(input, CV_8UC3, grey);
  cv::resize(padded, canvas(cv::Rect(left, top, scaled.width, scaled.height)), scaled, 0, 0, cv::INTER_AREA);
  // The input pixels that show the image itself (not the padding).
  const cv::Rect2d shown((inside.x * out.scale + out.offsetX), (inside.y * out.scale + out.offsetY),
                         inside.width * out.scale, inside.height * out.scale);
  out.covered =
      cv::Rect(
          cv::Point(static_cast<int>(std::floor(shown.x)), static_cast<int>(std::floor(shown.y))),
          cv::Point(static_cast<int>(std::ceil(shown.br().x)), static_cast<int>(std::ceil(shown.br().y)))) &
      cv::Rect(0, 0, input.width, input.height);

  c10::InferenceMode inference;
  const torch::Tensor image = torch::from_blob(canvas.data, {1, input.height, input.width, 3}, torch::kUInt8);
  const torch::Tensor probs = torch::softmax(net_->module->forward(normalizeInput(image)), 1).contiguous();
  for (int c = 0; c < kGarmentLabelCount; ++c) {
    out.probs.push_back(cv::Mat(input, CV_32F, probs[0][c].data_ptr<float>()).clone());
  }
  return out;
}

std::vector<cv::Mat> ParsedRegion::planesFor(const cv::Rect& rect) const {
  // Image pixel centre (x + 0.5) lies at input coordinate (x + 0.5) * scale + offset.
  const cv::Matx23d toInput(scale, 0, (rect.x + 0.5) * scale + offsetX - 0.5, 0, scale,
                            (rect.y + 0.5) * scale + offsetY - 0.5);
  std::vector<cv::Mat> planes(probs.size());
  for (std::size_t c = 0; c < probs.size(); ++c) {
    cv::warpAffine(probs[c], planes[c], toInput, rect.size(), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                   cv::BORDER_REPLICATE);
  }
  return planes;
}

cv::Rect ParsedRegion::toImage(const cv::Rect& r) const {
  const cv::Point tl(static_cast<int>(std::floor((r.x - offsetX) / scale)),
                     static_cast<int>(std::floor((r.y - offsetY) / scale)));
  const cv::Point br(static_cast<int>(std::ceil((r.br().x - offsetX) / scale)),
                     static_cast<int>(std::ceil((r.br().y - offsetY) / scale)));
  return cv::Rect(tl, br) & cv::Rect(0, 0, imageSize.width, imageSize.height);
}

}  // namespace w2w
