#include "compat/torch_bridge.h"

#include <cstring>

namespace w2w::compat {

torch::Tensor outfitTensor(const OutfitSet& set) {
  return torch::from_blob(const_cast<float*>(set.vectors.data()), {set.size(), 3, set.dim}, torch::kFloat32)
      .clone();
}

OutfitSet latentSet(const OutfitSet& like, const torch::Tensor& latent, const std::string& spaceId) {
  const torch::Tensor z = latent.detach().to(torch::kFloat32).contiguous();
  OutfitSet out;
  out.encoderId = spaceId;
  out.dim = static_cast<int>(z.size(2));
  out.ids = like.ids;
  out.items = like.items;
  out.vectors.resize(static_cast<std::size_t>(z.numel()));
  if (!out.vectors.empty())
    std::memcpy(out.vectors.data(), z.data_ptr<float>(), out.vectors.size() * sizeof(float));
  return out;
}

}  // namespace w2w::compat
