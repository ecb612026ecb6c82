#include "vision/parser_net.h"

#include <sstream>

namespace w2w {
namespace {

namespace nn = torch::nn;

std::string joinInts(const std::vector<int>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + std::to_string(v[i]);
  return s;
}

std::vector<int> splitInts(const std::string& s) {
  std::vector<int> out;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, ',')) out.push_back(std::stoi(part));
  return out;
}

}  // namespace

ConvBlockImpl::ConvBlockImpl(int in, int out) {
  body = register_module("body",
                         nn::Sequential(nn::Conv2d(nn::Conv2dOptions(in, out, 3).padding(1).bias(false)),
                                        nn::BatchNorm2d(out), nn::ReLU(nn::ReLUOptions(true)),
                                        nn::Conv2d(nn::Conv2dOptions(out, out, 3).padding(1).bias(false)),
                                        nn::BatchNorm2d(out), nn::ReLU(nn::ReLUOptions(true))));
}

torch::Tensor ConvBlockImpl::forward(torch::Tensor x) { return body->forward(x); }

ParserNetImpl::ParserNetImpl(const ParserNetConfig& cfg) : config(cfg) {
  down = register_module("down", nn::ModuleList());
  up = register_module("up", nn::ModuleList());
  int previous = 3;
  for (int c : cfg.channels) {
    down->push_back(ConvBlock(previous, c));
    previous = c;
  }
  for (int i = static_cast<int>(cfg.channels.size()) - 1; i > 0; --i)
    up->push_back(ConvBlock(cfg.channels[i] + cfg.channels[i - 1], cfg.channels[i - 1]));
  head = register_module("head", nn::Conv2d(nn::Conv2dOptions(cfg.channels.front(), cfg.classes, 1)));
}

torch::Tensor ParserNetImpl::forward(torch::Tensor x) {
  std::vector<torch::Tensor> skips;
  for (std::size_t i = 0; i < down->size(); ++i) {
    if (i > 0) x = torch::max_pool2d(x, 2);
    x = down[i]->as<ConvBlock>()->forward(x);
    skips.push_back(x);
  }
  namespace F = torch::nn::functional;
  for (std::size_t j = 0; j < up->size(); ++j) {
    const torch::Tensor& skip = skips[skips.size() - 2 - j];
    x = F::interpolate(x, F::InterpolateFuncOptions()
                              .size(std::vector<int64_t>{skip.size(2), skip.size(3)})
                              .mode(torch::kBilinear)
                              .align_corners(false));
    x = up[j]->as<ConvBlock>()->forward(torch::cat({x, skip}, 1));
  }
  return head->forward(x);
}

torch::Tensor normalizeInput(const torch::Tensor& rgb) {
  torch::Tensor x = rgb.dim() == 4 && rgb.size(3) == 3 ? rgb.permute({0, 3, 1, 2}) : rgb;
  // Fixed statistics (not the dataset's): the model must not depend on them.
  return (x.to(torch::kFloat32) / 255.0 - 0.5) / 0.25;
}

Status saveParserNet(ParserNet& net, const std::string& path, std::map<std::string, std::string> metadata) {
  TensorFile file;
  file.metadata = std::move(metadata);
  file.metadata["format"] = "w2w-garment-parser";
  file.metadata["format_version"] = "1";
  file.metadata["channels"] = joinInts(net->config.channels);
  file.metadata["classes"] = std::to_string(net->config.classes);
  file.metadata["input_width"] = std::to_string(net->config.inputWidth);
  file.metadata["input_height"] = std::to_string(net->config.inputHeight);
  auto store = [&](const std::string& name, const torch::Tensor& t) {
    torch::Tensor c = t.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    FloatTensor out;
    out.shape.assign(c.sizes().begin(), c.sizes().end());
    out.values.assign(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    file.tensors[name] = std::move(out);
  };
  for (const auto& p : net->named_parameters()) store(p.key(), p.value());
  for (const auto& b : net->named_buffers()) {
    if (b.value().scalar_type() == torch::kFloat32) store(b.key(), b.value());  // skips num_batches_tracked
  }
  return writeTensorFile(path, file);
}

Result<ParserNet> loadParserNet(const std::string& path, std::map<std::string, std::string>* metadata) {
  auto file = readTensorFile(path);
  if (!file) return file.error();
  const auto& meta = file->metadata;
  auto field = [&](const char* key) -> std::string {
    auto it = meta.find(key);
    return it == meta.end() ? std::string() : it->second;
  };
  if (field("format") != "w2w-garment-parser")
    return makeError(path + ": not a garment parser model (metadata 'format' is '" + field("format") + "')");
  ParserNetConfig config;
  try {
    config.channels = splitInts(field("channels"));
    config.classes = std::stoi(field("classes"));
    config.inputWidth = std::stoi(field("input_width"));
    config.inputHeight = std::stoi(field("input_height"));
  } catch (const std::exception&) {
    return makeError(path + ": bad architecture metadata");
  }
  if (config.channels.size() < 2 || config.classes < 2)
    return makeError(path + ": bad architecture metadata");
  ParserNet net(config);
  torch::NoGradGuard noGrad;
  auto assign = [&](const std::string& name, torch::Tensor& target) -> Status {
    auto it = file->tensors.find(name);
    if (it == file->tensors.end()) return makeError(path + ": missing tensor '" + name + "'");
    const FloatTensor& t = it->second;
    if (std::vector<int64_t>(target.sizes().begin(), target.sizes().end()) != t.shape)
      return makeError(path + ": tensor '" + name + "' has the wrong shape");
    target.copy_(torch::from_blob(const_cast<float*>(t.values.data()), t.shape, torch::kFloat32));
    return Status::success();
  };
  for (auto& p : net->named_parameters()) {
    if (Status s = assign(p.key(), p.value()); !s) return s.error();
  }
  for (auto& b : net->named_buffers()) {
    if (b.value().scalar_type() != torch::kFloat32) continue;
    if (Status s = assign(b.key(), b.value()); !s) return s.error();
  }
  net->eval();
  if (metadata) *metadata = meta;
  return net;
}

}  // namespace w2w
