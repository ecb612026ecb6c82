#include "embed/clip/clip_weights.h"

#include <cmath>
#include <set>
#include <string>

#include <ATen/CPUGeneratorImpl.h>

#include "embed/clip/safetensors_torch.h"

namespace w2w::clip {

namespace {

std::string shapeString(at::IntArrayRef shape) {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? "," : "") + std::to_string(shape[i]);
  return s + "]";
}

// Takes tensors by name, checks their shapes and remembers what it took, so
// that keys under the tower's prefix that nobody took can be reported.
class Taker {
 public:
  Taker(const std::shared_ptr<const format::SafetensorsFile>& file, const ClipVisionConfig& config)
      : file_(file), config_(config) {}

  Result<torch::Tensor> take(const std::string& key, std::vector<std::int64_t> shape) {
    taken_.insert(key);
    if (!file_->find(key))
      return makeError(file_->path() + ": missing tensor \"" + key + "\" (check that this is a " +
                       layoutName(config_.layout) + "-layout CLIP checkpoint)");
    auto t = loadFloatTensor(file_, key);
    if (!t) return t;
    if (t->sizes() != at::IntArrayRef(shape))
      return makeError(file_->path() + ": tensor \"" + key + "\" has shape " + shapeString(t->sizes()) +
                       ", expected " + shapeString(shape) + " for " + config_.describe());
    // One NaN or infinity would make every embedding of every crop NaN.
    if (!torch::isfinite(*t).all().item<bool>())
      return makeError(file_->path() + ": tensor \"" + key + "\" has non-finite values (NaN or infinity)");
    return t;
  }

  // Every key under one of the prefixes must have been taken (or be ignorable).
  Status checkNothingLeft(const std::vector<std::string>& prefixes) const {
    for (const auto& info : file_->tensors()) {
      if (taken_.count(info.name)) continue;
      // position_ids: an int64 buffer older transformers versions saved.
      if (info.name.size() >= 13 && info.name.compare(info.name.size() - 13, 13, ".position_ids") == 0)
        continue;
      for (const auto& p : prefixes) {
        if (info.name.compare(0, p.size(), p) == 0)
          return makeError(file_->path() + ": unexpected tensor \"" + info.name + "\" for " +
                           config_.describe() +
                           " (a different architecture, or more layers than the config says?)");
      }
    }
    return Status::success();
  }

 private:
  std::shared_ptr<const format::SafetensorsFile> file_;
  const ClipVisionConfig& config_;
  std::set<std::string> taken_;
};

#define W2W_TAKE(dst, key, ...)               \
  do {                                        \
    auto t_ = taker.take((key), __VA_ARGS__); \
    if (!t_) return t_.error();               \
    (dst) = std::move(*t_);                   \
  } while (0)

Result<ClipVisionWeights> loadHf(Taker& taker, const ClipVisionConfig& c) {
  const std::int64_t W = c.width, M = c.mlpDim;
  ClipVisionWeights w;
  const std::string e = "vision_model.embeddings.";
  W2W_TAKE(w.classEmbedding, e + "class_embedding", {W});
  W2W_TAKE(w.patch, e + "patch_embedding.weight", {W, c.channels, c.patchSize, c.patchSize});
  W2W_TAKE(w.positionEmbedding, e + "position_embedding.weight", {c.tokens(), W});
  W2W_TAKE(w.preLnWeight, "vision_model.pre_layrnorm.weight", {W});  // HF's own spelling
  W2W_TAKE(w.preLnBias, "vision_model.pre_layrnorm.bias", {W});
  for (int i = 0; i < c.layers; ++i) {
    const std::string p = "vision_model.encoder.layers." + std::to_string(i) + ".";
    ClipLayerWeights l;
    torch::Tensor q, k, v, qb, kb, vb;
    W2W_TAKE(l.ln1Weight, p + "layer_norm1.weight", {W});
    W2W_TAKE(l.ln1Bias, p + "layer_norm1.bias", {W});
    W2W_TAKE(q, p + "self_attn.q_proj.weight", {W, W});
    W2W_TAKE(qb, p + "self_attn.q_proj.bias", {W});
    W2W_TAKE(k, p + "self_attn.k_proj.weight", {W, W});
    W2W_TAKE(kb, p + "self_attn.k_proj.bias", {W});
    W2W_TAKE(v, p + "self_attn.v_proj.weight", {W, W});
    W2W_TAKE(vb, p + "self_attn.v_proj.bias", {W});
    l.qkv = torch::cat({q, k, v}, 0);
    l.qkvBias = torch::cat({qb, kb, vb}, 0);
    W2W_TAKE(l.out, p + "self_attn.out_proj.weight", {W, W});
    W2W_TAKE(l.outBias, p + "self_attn.out_proj.bias", {W});
    W2W_TAKE(l.ln2Weight, p + "layer_norm2.weight", {W});
    W2W_TAKE(l.ln2Bias, p + "layer_norm2.bias", {W});
    W2W_TAKE(l.fc1, p + "mlp.fc1.weight", {M, W});
    W2W_TAKE(l.fc1Bias, p + "mlp.fc1.bias", {M});
    W2W_TAKE(l.fc2, p + "mlp.fc2.weight", {W, M});
    W2W_TAKE(l.fc2Bias, p + "mlp.fc2.bias", {W});
    w.layers.push_back(std::move(l));
  }
  W2W_TAKE(w.postLnWeight, "vision_model.post_layernorm.weight", {W});
  W2W_TAKE(w.postLnBias, "vision_model.post_layernorm.bias", {W});
  W2W_TAKE(w.projection, "visual_projection.weight", {c.outputDim, W});
  if (Status s = taker.checkNothingLeft({"vision_model.", "visual_projection."}); !s) return s.error();
  return w;
}

Result<ClipVisionWeights> loadOpenClip(Taker& taker, const ClipVisionConfig& c) {
  const std::int64_t W = c.width, M = c.mlpDim;
  ClipVisionWeights w;
  W2W_TAKE(w.classEmbedding, "visual.class_embedding", {W});
  W2W_TAKE(w.patch, "visual.conv1.weight", {W, c.channels, c.patchSize, c.patchSize});
  W2W_TAKE(w.positionEmbedding, "visual.positional_embedding", {c.tokens(), W});
  W2W_TAKE(w.preLnWeight, "visual.ln_pre.weight", {W});
  W2W_TAKE(w.preLnBias, "visual.ln_pre.bias", {W});
  for (int i = 0; i < c.layers; ++i) {
    const std::string p = "visual.transformer.resblocks." + std::to_string(i) + ".";
    ClipLayerWeights l;
    W2W_TAKE(l.ln1Weight, p + "ln_1.weight", {W});
    W2W_TAKE(l.ln1Bias, p + "ln_1.bias", {W});
    W2W_TAKE(l.qkv, p + "attn.in_proj_weight", {3 * W, W});
    W2W_TAKE(l.qkvBias, p + "attn.in_proj_bias", {3 * W});
    W2W_TAKE(l.out, p + "attn.out_proj.weight", {W, W});
    W2W_TAKE(l.outBias, p + "attn.out_proj.bias", {W});
    W2W_TAKE(l.ln2Weight, p + "ln_2.weight", {W});
    W2W_TAKE(l.ln2Bias, p + "ln_2.bias", {W});
    W2W_TAKE(l.fc1, p + "mlp.c_fc.weight", {M, W});
    W2W_TAKE(l.fc1Bias, p + "mlp.c_fc.bias", {M});
    W2W_TAKE(l.fc2, p + "mlp.c_proj.weight", {W, M});
    W2W_TAKE(l.fc2Bias, p + "mlp.c_proj.bias", {W});
    w.layers.push_back(std::move(l));
  }
  W2W_TAKE(w.postLnWeight, "visual.ln_post.weight", {W});
  W2W_TAKE(w.postLnBias, "visual.ln_post.bias", {W});
  torch::Tensor proj;
  W2W_TAKE(proj, "visual.proj", {W, c.outputDim});  // [W, D]: transposed vs HF
  w.projection = proj.t().contiguous();
  if (Status s = taker.checkNothingLeft({"visual."}); !s) return s.error();
  return w;
}

}  // namespace

Result<ClipVisionWeights> loadClipWeights(const std::shared_ptr<const format::SafetensorsFile>& file,
                                          const ClipVisionConfig& config) {
  if (Status s = config.validate(); !s) return s.error();
  try {
    Taker taker(file, config);
    return config.layout == WeightLayout::OpenClip ? loadOpenClip(taker, config) : loadHf(taker, config);
  } catch (const std::exception& e) {
    return makeError(file->path() + ": " + e.what());
  }
}

ClipVisionWeights randomClipWeights(const ClipVisionConfig& c, std::uint64_t seed) {
  auto gen = at::detail::createCPUGenerator(seed);
  const std::int64_t W = c.width, M = c.mlpDim;
  auto normal = [&](std::vector<std::int64_t> shape, double std) { return at::randn(shape, gen) * std; };
  auto lnWeight = [&]() { return 1.0 + normal({W}, 0.1); };
  const double s = 1.0 / std::sqrt(static_cast<double>(W));
  ClipVisionWeights w;
  w.patch = normal({W, c.channels, c.patchSize, c.patchSize}, 0.02);
  w.classEmbedding = normal({W}, s);
  w.positionEmbedding = normal({c.tokens(), W}, 0.01);
  w.preLnWeight = lnWeight();
  w.preLnBias = normal({W}, 0.1);
  for (int i = 0; i < c.layers; ++i) {
    ClipLayerWeights l;
    l.ln1Weight = lnWeight();
    l.ln1Bias = normal({W}, 0.1);
    l.qkv = normal({3 * W, W}, s);
    l.qkvBias = normal({3 * W}, 0.1);
    l.out = normal({W, W}, 0.5 * s);
    l.outBias = normal({W}, 0.1);
    l.ln2Weight = lnWeight();
    l.ln2Bias = normal({W}, 0.1);
    l.fc1 = normal({M, W}, s);
    l.fc1Bias = normal({M}, 0.1);
    l.fc2 = normal({W, M}, 0.5 / std::sqrt(static_cast<double>(M)));
    l.fc2Bias = normal({W}, 0.1);
    w.layers.push_back(std::move(l));
  }
  w.postLnWeight = lnWeight();
  w.postLnBias = normal({W}, 0.1);
  w.projection = normal({c.outputDim, W}, s);
  return w;
}

}  // namespace w2w::clip
