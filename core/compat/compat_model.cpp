#include "compat/compat_model.h"

#include <cstring>

#include "compat/checkpoint_io.h"
#include "compat/compat_head.h"
#include "compat/evaluator.h"
#include "compat/torch_bridge.h"

namespace w2w::compat {

struct CompatModel::Impl {
  CheckpointInfo info;
  CompatHead head{nullptr};
};

CompatModel::CompatModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CompatModel::~CompatModel() = default;

Result<std::unique_ptr<CompatModel>> CompatModel::load(const std::string& dir) {
  // config.json's sizes are checked when it is read, and the weights are
  // counted against them, before the head is built.
  auto info = readCheckpointInfo(dir);
  if (!info) return info.error();
  auto weights = readModelWeights(dir, *info);
  if (!weights) return weights.error();
  auto impl = std::make_unique<Impl>();
  impl->info = *info;
  try {
    impl->head = CompatHead(info->config.head);
  } catch (const std::exception& e) {
    return makeError(dir + ": cannot build the head (" + std::string(e.what()).substr(0, 200) + ")");
  }
  if (Status s = loadHeadTensors(*weights, *impl->head, dir + "/" + kCheckpointModelFile); !s)
    return s.error();
  impl->head->eval();
  return std::unique_ptr<CompatModel>(new CompatModel(std::move(impl)));
}

const CheckpointInfo& CompatModel::info() const { return impl_->info; }

int CompatModel::latentDim() const { return impl_->head->latentDim(); }

Result<FloatMatrix> CompatModel::embed(Category category, const FloatMatrix& vectors) const {
  const int dim = impl_->info.encoderDim;
  if (vectors.cols != dim) {
    return makeError("the model expects " + std::to_string(dim) + "-dimensional embeddings, got " +
                     std::to_string(vectors.cols));
  }
  const int slot = impl_->head->slotOf(category);
  if (slot < 0)
    return makeError(std::string("the model was trained without ") + categoryName(category) + " items");
  c10::InferenceMode inference;
  // Put the items in their category's slot; the other slots are unused.
  torch::Tensor x =
      torch::zeros({vectors.rows, static_cast<std::int64_t>(impl_->head->config.slots.size()), dim});
  x.select(1, slot).copy_(
      torch::from_blob(const_cast<float*>(vectors.data.data()), {vectors.rows, dim}, torch::kFloat32));
  const torch::Tensor z = impl_->head->forward(x).select(1, slot).contiguous();
  FloatMatrix out(z.size(0), z.size(1));
  if (!out.data.empty()) std::memcpy(out.data.data(), z.data_ptr<float>(), out.data.size() * sizeof(float));
  return out;
}

bool CompatModel::knows(Category category) const { return impl_->head->slotOf(category) >= 0; }

Result<OutfitSet> CompatModel::project(const OutfitSet& outfits) const {
  if (Status s = outfits.validate(); !s) return s.error();
  if (outfits.dim != impl_->info.encoderDim) {
    return makeError("the model expects " + std::to_string(impl_->info.encoderDim) +
                     "-dimensional embeddings, got " + std::to_string(outfits.dim));
  }
  if (!outfits.encoderId.empty() && outfits.encoderId != impl_->info.encoderId) {
    return makeError("the model was trained on " + impl_->info.encoderId + " embeddings, not " +
                     outfits.encoderId);
  }
  for (Category c : outfits.slots) {
    if (!knows(c))
      return makeError(std::string("the model was trained without ") + categoryName(c) + " items");
  }
  c10::InferenceMode inference;
  const std::string space = "latent:" + impl_->info.encoderId;
  if (outfits.slots == impl_->head->config.slots)
    return latentSet(outfits, impl_->head->forward(outfitTensor(outfits)), space);
  // Another layout: each slot goes through the model's slot of its category.
  const torch::Tensor x = outfitTensor(outfits);
  std::vector<torch::Tensor> slots;
  for (int s = 0; s < outfits.slotCount(); ++s) {
    const Category c = outfits.slots[static_cast<std::size_t>(s)];
    const int modelSlot = impl_->head->slotOf(c);
    torch::Tensor in =
        torch::zeros({x.size(0), static_cast<std::int64_t>(impl_->head->config.slots.size()), x.size(2)});
    in.select(1, modelSlot).copy_(x.select(1, s));
    slots.push_back(impl_->head->forward(in).select(1, modelSlot));
  }
  return latentSet(outfits, torch::stack(slots, 1), space);
}

Result<std::vector<double>> CompatModel::score(const OutfitSet& outfits) const {
  auto latent = project(outfits);
  if (!latent) return latent.error();
  return outfitScores(*latent);
}

}  // namespace w2w::compat
