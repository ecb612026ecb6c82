#include "embed/clip/vision_transformer.h"

#include <cmath>

namespace w2w::clip {

const char* precisionName(Precision p) {
  switch (p) {
    case Precision::Float32: return "float32";
    case Precision::BFloat16: return "bf16";
    case Precision::Float16: return "fp16";
  }
  return "?";
}

torch::Dtype precisionDtype(Precision p) {
  switch (p) {
    case Precision::BFloat16: return torch::kBFloat16;
    case Precision::Float16: return torch::kFloat16;
    case Precision::Float32: break;
  }
  return torch::kFloat32;
}

VisionTransformerImpl::VisionTransformerImpl(const ClipVisionConfig& config, const ClipVisionWeights& w,
                                             const VitOptions& options)
    : config_(config), options_(options) {
  const auto precision = precisionDtype(options.precision);
  const bool bf16WeightsOnly =
      options.device.is_cpu() && precision == torch::kBFloat16 && !cpuHasBf16Kernels();
  computeDtype_ = bf16WeightsOnly ? torch::kFloat32 : precision;
  kernel_ = resolveLinearKernel(options.linearKernel, options.device, computeDtype_);
  // Linear weights as the products see them.
  const auto productWeight = [&](const torch::Tensor& t) {
    return bf16WeightsOnly ? t.to(torch::kBFloat16).to(torch::kFloat32) : t;
  };

  const auto f32 = torch::TensorOptions().dtype(torch::kFloat32).device(options.device);
  const auto low = torch::TensorOptions().dtype(computeDtype_).device(options.device);
  // Each tensor is registered as a buffer (no autograd) under its canonical
  // name ('.' becomes '_', which torch requires); device and precision are
  // fixed here, so to() must not be used on this module.
  auto keep = [&](std::string name, const torch::Tensor& t, const torch::TensorOptions& o) {
    for (auto& ch : name)
      if (ch == '.') ch = '_';
    return register_buffer(name, t.to(o).contiguous());
  };
  // The patch embedding (and the layers without oneDNN) use LibTorch's operators.
  const LinearKernel torchKernel =
      kernel_ == LinearKernel::OneDnn
          ? resolveLinearKernel(LinearKernel::MkldnnConv, options.device, computeDtype_)
          : kernel_;
  auto linear = [&](const std::string& name, const torch::Tensor& weight, const torch::Tensor& bias) {
    const auto wt = keep(name + ".weight", productWeight(weight), low);
    const auto bt = bias.defined() ? keep(name + ".bias", bias, low) : torch::Tensor();
    return PackedLinear(wt, bt, torchKernel);
  };

  const std::int64_t W = config.width;
  patch_ = linear("patch", w.patch.reshape({W, -1}), torch::Tensor());
  classEmbedding_ = keep("class_embedding", w.classEmbedding, f32);
  positionEmbedding_ = keep("position_embedding", w.positionEmbedding, f32);
  preLnWeight_ = keep("ln_pre.weight", w.preLnWeight, f32);
  preLnBias_ = keep("ln_pre.bias", w.preLnBias, f32);
  postLnWeight_ = keep("ln_post.weight", w.postLnWeight, f32);
  postLnBias_ = keep("ln_post.bias", w.postLnBias, f32);
  projectionT_ = keep("projection", w.projection.t(), f32);

  // 1/sqrt(head_dim) folded into the Q rows (a power of two for head_dim 16 or
  // 64, so the folding is exact there).
  const double scale = 1.0 / std::sqrt(static_cast<double>(config.headDim()));
  std::vector<ClipLayerWeights> prepared;
  for (const auto& src : w.layers) {
    ClipLayerWeights l = src;
    l.qkv = src.qkv.clone();
    l.qkvBias = src.qkvBias.clone();
    l.qkv.narrow(0, 0, W).mul_(scale);
    l.qkvBias.narrow(0, 0, W).mul_(scale);
    for (auto* t : {&l.qkv, &l.out, &l.fc1, &l.fc2}) *t = productWeight(*t);
    prepared.push_back(std::move(l));
  }
  if (kernel_ == LinearKernel::OneDnn) {
    try {
      oneDnn_ = std::make_shared<const OneDnnLayers>(config, prepared, computeDtype_);
    } catch (const c10::Error&) {
      kernel_ = torchKernel;  // a shape oneDNN has no fast kernel for: LibTorch's route
    }
  }
  if (!oneDnn_) {
    for (std::size_t i = 0; i < prepared.size(); ++i) {
      const auto& src = prepared[i];
      const std::string p = "layers." + std::to_string(i) + ".";
      Layer l;
      l.ln1Weight = keep(p + "ln_1.weight", src.ln1Weight, f32);
      l.ln1Bias = keep(p + "ln_1.bias", src.ln1Bias, f32);
      l.ln2Weight = keep(p + "ln_2.weight", src.ln2Weight, f32);
      l.ln2Bias = keep(p + "ln_2.bias", src.ln2Bias, f32);
      l.qkv = linear(p + "qkv", src.qkv, src.qkvBias);
      l.out = linear(p + "out", src.out, src.outBias);
      l.fc1 = linear(p + "fc1", src.fc1, src.fc1Bias);
      l.fc2 = linear(p + "fc2", src.fc2, src.fc2Bias);
      layers_.push_back(std::move(l));
    }
  }
  eval();
}

torch::Tensor VisionTransformerImpl::activation(torch::Tensor x) const {
  switch (config_.activation) {
    case Activation::QuickGelu: {
      auto s = at::mul(x, 1.702);  // one temporary: sigmoid in place, then the product
      return x.mul_(s.sigmoid_());
    }
    case Activation::Gelu: return at::gelu_(x, "none");
    case Activation::GeluTanh: return at::gelu_(x, "tanh");
  }
  return x;
}

// One pre-norm block on the float32 residual stream x [B,T,W].
torch::Tensor VisionTransformerImpl::block(const Layer& l, torch::Tensor x) const {
  const auto B = x.size(0), T = x.size(1), W = x.size(2);
  const auto H = config_.heads, D = config_.headDim();
  const double eps = config_.layerNormEps;

  auto h = at::layer_norm(x, {W}, l.ln1Weight, l.ln1Bias, eps).to(computeDtype_).view({B * T, W});
  // [B*T, 3W] -> [3, B, H, T, D]: heads are contiguous head_dim chunks of each of Q, K, V.
  auto qkv = l.qkv(h).view({B, T, 3, H, D}).permute({2, 0, 3, 1, 4});
  auto q = qkv[0], k = qkv[1], v = qkv[2];
  auto scores = at::matmul(q, k.transpose(-2, -1));  // Q already carries 1/sqrt(D)
  auto probs = computeDtype_ == torch::kFloat32
                   ? at::_softmax(scores, -1, false)
                   : at::_softmax(scores.to(torch::kFloat32), -1, false).to(computeDtype_);
  auto context = at::matmul(probs, v).permute({0, 2, 1, 3}).reshape({B * T, W});
  x.add_(l.out(context).view({B, T, W}));

  h = at::layer_norm(x, {W}, l.ln2Weight, l.ln2Bias, eps).to(computeDtype_).view({B * T, W});
  auto m = activation(l.fc1(h));
  x.add_(l.fc2(m).view({B, T, W}));
  return x;
}

torch::Tensor VisionTransformerImpl::forward(const torch::Tensor& pixels, VitIntermediates* debug) const {
  const auto B = pixels.size(0);
  const std::int64_t P = config_.patchSize, G = config_.gridSize(), W = config_.width;
  const auto input = pixels.to(options_.device, computeDtype_).contiguous();  // channels-last input too
  // [B,3,G*P,G*P] -> [B*G*G, 3*P*P]: row-major patches, each flattened (c, y, x)
  // like the conv weight, so the patch embedding is one matrix product.
  auto patches = input.view({B, 3, G, P, G, P}).permute({0, 2, 4, 1, 3, 5}).reshape({B * G * G, 3 * P * P});
  auto tokens = patch_(patches).view({B, G * G, W});

  auto x = torch::empty({B, G * G + 1, W}, classEmbedding_.options());
  x.select(1, 0).copy_(classEmbedding_.expand({B, W}));
  x.narrow(1, 1, G * G).copy_(tokens);
  x.add_(positionEmbedding_);
  if (debug) debug->embeddings = x.clone();

  x = at::layer_norm(x, {W}, preLnWeight_, preLnBias_, config_.layerNormEps);
  if (oneDnn_)
    oneDnn_->run(x);
  else
    for (const auto& layer : layers_) x = block(layer, x);
  if (debug) debug->lastHidden = x;

  auto pooled = at::layer_norm(x.select(1, 0), {W}, postLnWeight_, postLnBias_, config_.layerNormEps);
  if (debug) debug->pooled = pooled;
  return at::mm(pooled, projectionT_);
}

}  // namespace w2w::clip
