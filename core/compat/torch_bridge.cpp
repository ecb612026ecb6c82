#include "compat/torch_bridge.h"

#include <algorithm>
#include <cstring>

namespace w2w::compat {

torch::Tensor outfitTensor(const OutfitSet& set) {
  return torch::from_blob(const_cast<float*>(set.vectors.data()), {set.size(), set.slotCount(), set.dim},
                          torch::kFloat32)
      .clone();
}

torch::Tensor presenceTensor(const OutfitSet& set) {
  return torch::from_blob(const_cast<std::uint8_t*>(set.present.data()), {set.size(), set.slotCount()},
                          torch::kUInt8)
      .to(torch::kFloat32);
}

OutfitSet latentSet(const OutfitSet& like, const torch::Tensor& latent, const std::string& spaceId) {
  const torch::Tensor z = latent.detach().to(torch::kFloat32).contiguous();
  OutfitSet out;
  out.encoderId = spaceId;
  out.dim = static_cast<int>(z.size(2));
  out.slots = like.slots;
  out.ids = like.ids;
  out.items = like.items;
  out.present = like.present;
  out.vectors.resize(static_cast<std::size_t>(z.numel()));
  if (!out.vectors.empty())
    std::memcpy(out.vectors.data(), z.data_ptr<float>(), out.vectors.size() * sizeof(float));
  // Empty slots stay zero whatever the head made of their zero input.
  const std::size_t dim = static_cast<std::size_t>(out.dim);
  for (std::size_t r = 0; r < out.present.size(); ++r) {
    if (!out.present[r]) std::fill(out.vectors.begin() + r * dim, out.vectors.begin() + (r + 1) * dim, 0.f);
  }
  return out;
}

}  // namespace w2w::compat
