#include "synthetic_outfits.h"

#include <cmath>
#include <vector>

#include "compat/rng.h"

namespace w2w::compat::synth {
namespace {

double gaussian(Rng& rng) {
  // Box-Muller from two uniforms (deterministic everywhere, unlike std::normal_distribution).
  const double u1 = std::max(rng.uniform(), 1e-300), u2 = rng.uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

}  // namespace

OutfitSet plantedOutfits(int count, int dim, int styleDim, double noise, std::uint64_t worldSeed,
                         std::uint64_t seed, const std::string& prefix) {
  Rng world(worldSeed);
  std::vector<std::vector<double>> mix(3, std::vector<double>(static_cast<std::size_t>(dim * styleDim)));
  for (auto& m : mix)
    for (double& v : m) v = gaussian(world) / std::sqrt(static_cast<double>(styleDim));
  Rng rng(seed);
  OutfitSet set;
  set.encoderId = "synthetic";
  set.dim = dim;
  std::vector<float> slot[3];
  for (int i = 0; i < count; ++i) {
    std::vector<double> style(static_cast<std::size_t>(styleDim));
    for (double& s : style) s = gaussian(rng);
    for (int c = 0; c < 3; ++c) {
      slot[c].assign(static_cast<std::size_t>(dim), 0.f);
      for (int d = 0; d < dim; ++d) {
        double v = noise * gaussian(rng);
        for (int k = 0; k < styleDim; ++k) v += mix[c][static_cast<std::size_t>(d * styleDim + k)] * style[k];
        slot[c][static_cast<std::size_t>(d)] = static_cast<float>(v);
      }
    }
    const std::string id = prefix + std::to_string(i);
    set.add(id, {id + ":top", id + ":bottom", id + ":shoes"}, slot[0].data(), slot[1].data(), slot[2].data());
  }
  return set;
}

OutfitSet randomOutfits(int count, int dim, std::uint64_t seed) {
  Rng rng(seed);
  OutfitSet set;
  set.encoderId = "random";
  set.dim = dim;
  std::vector<float> slot[3];
  for (int i = 0; i < count; ++i) {
    for (auto& s : slot) {
      s.resize(static_cast<std::size_t>(dim));
      for (float& v : s) v = static_cast<float>(gaussian(rng));
    }
    const std::string id = "r" + std::to_string(i);
    set.add(id, {id + "t", id + "b", id + "s"}, slot[0].data(), slot[1].data(), slot[2].data());
  }
  normalizeRows(set);
  return set;
}

}  // namespace w2w::compat::synth
