#include "compat/compat_head.h"

#include <algorithm>
#include <cmath>

namespace w2w::compat {

ProjectionImpl::ProjectionImpl(int inputDim, int hiddenDim, int outputDim, double dropoutRate)
    : dropout(dropoutRate) {
  fc1 = register_module("fc1", torch::nn::Linear(inputDim, hiddenDim));
  norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({hiddenDim})));
  fc2 = register_module("fc2", torch::nn::Linear(hiddenDim, outputDim));
}

void ProjectionImpl::initialize(at::Generator& generator) {
  torch::NoGradGuard noGrad;
  for (torch::nn::Linear* fc : {&fc1, &fc2}) {
    const double bound = 1.0 / std::sqrt(static_cast<double>((*fc)->weight.size(1)));
    (*fc)->weight.uniform_(-bound, bound, generator);
    (*fc)->bias.uniform_(-bound, bound, generator);
  }
  norm->weight.fill_(1.0);
  norm->bias.zero_();
}

torch::Tensor dropoutMask(const torch::Tensor& like, double rate, at::Generator* generator) {
  // One 64-bit draw gives the keep decisions of 8 elements (a byte each,
  // compared with the rate in 1/256 steps): 8 times fewer generator calls
  // than bernoulli_, which was a sixth of a training step.
  const std::int64_t n = like.numel();
  torch::Tensor words = torch::empty({(n + 7) / 8}, torch::TensorOptions().dtype(torch::kLong));
  if (generator) {
    words.random_(*generator);
  } else {
    words.random_();
  }
  const double cut = std::round(rate * 256.0);
  const torch::Tensor bytes = words.view(torch::kUInt8).narrow(0, 0, n).view(like.sizes());
  return bytes.ge(cut).to(like.scalar_type()) * (256.0 / (256.0 - cut));
}

torch::Tensor ProjectionImpl::forward(const torch::Tensor& x, at::Generator* generator) {
  torch::Tensor h = torch::gelu(norm(fc1(x)));
  if (is_training() && dropout > 0) h = h * dropoutMask(h, dropout, generator);
  return fc2(h);
}

namespace {

// How many of the layout's category pairs category c belongs to.
int pairsOf(const std::vector<CategoryPair>& pairs, Category c) {
  int n = 0;
  for (const CategoryPair& p : pairs) n += p.first == c || p.second == c ? 1 : 0;
  return n;
}

bool isIdentity(const std::vector<int>& map) {
  for (std::size_t i = 0; i < map.size(); ++i)
    if (map[i] != static_cast<int>(i)) return false;
  return true;
}

}  // namespace

CompatHeadImpl::CompatHeadImpl(const HeadConfig& headConfig) : config(headConfig) {
  if (config.slots.empty()) config.slots = seedLayout();
  categories = layoutCategories(config.slots);
  for (Category c : config.slots) {
    categoryOfSlot.push_back(
        static_cast<int>(std::find(categories.begin(), categories.end(), c) - categories.begin()));
  }
  pairs = layoutPairs(config.slots);
  const int perMember = config.mode == HeadMode::Shared ? 1 : static_cast<int>(categories.size());
  for (int m = 0; m < std::max(1, config.ensemble); ++m) {
    for (int c = 0; c < perMember; ++c) {
      const int out = config.mode == HeadMode::PairSpaces
                          ? pairsOf(pairs, categories[static_cast<std::size_t>(c)]) * config.outputDim
                          : config.outputDim;
      const std::size_t index = projections.size();
      projections.push_back(
          register_module("proj" + std::to_string(index),
                          Projection(config.inputDim, config.hiddenDim, out, config.dropout)));
    }
  }
  const auto rows = static_cast<std::int64_t>(categories.size());
  mean = register_buffer("mean", torch::zeros({rows, config.inputDim}));
  scale = register_buffer("scale", torch::ones({rows, config.inputDim}));
}

void CompatHeadImpl::initialize(at::Generator& generator) {
  for (Projection& p : projections) p->initialize(generator);
}

int CompatHeadImpl::memberLatentDim() const {
  return config.mode == HeadMode::PairSpaces ? static_cast<int>(pairs.size()) * config.outputDim
                                             : config.outputDim;
}

int CompatHeadImpl::latentDim() const { return memberLatentDim() * std::max(1, config.ensemble); }

int CompatHeadImpl::slotOf(Category c) const {
  for (std::size_t s = 0; s < config.slots.size(); ++s)
    if (config.slots[s] == c) return static_cast<int>(s);
  return -1;
}

std::vector<torch::Tensor> CompatHeadImpl::members(const torch::Tensor& latent) const {
  const int k = std::max(1, config.ensemble);
  if (k == 1) return {latent};
  std::vector<torch::Tensor> out;
  for (int m = 0; m < k; ++m)
    out.push_back(latent.narrow(2, m * memberLatentDim(), memberLatentDim()) * std::sqrt(k));
  return out;
}

void CompatHeadImpl::fitStandardization(const torch::Tensor& data, const torch::Tensor& present) {
  torch::NoGradGuard noGrad;
  if (!config.standardize) {
    mean.zero_();
    scale.fill_(1.0);
    return;
  }
  torch::Tensor stddev;
  if (isIdentity(categoryOfSlot) && present.min().item<double>() > 0) {
    // One slot per category, all filled (the seed's data).
    mean.copy_(data.mean(0));
    stddev = data.std(0, /*unbiased=*/false);
  } else {
    std::vector<torch::Tensor> stds;
    for (std::size_t c = 0; c < categories.size(); ++c) {
      std::vector<torch::Tensor> rows;
      for (std::size_t s = 0; s < config.slots.size(); ++s) {
        if (categoryOfSlot[s] != static_cast<int>(c)) continue;
        const torch::Tensor filled = present.select(1, static_cast<std::int64_t>(s)).nonzero().flatten();
        rows.push_back(data.select(1, static_cast<std::int64_t>(s)).index_select(0, filled));
      }
      const torch::Tensor items = torch::cat(rows, 0);
      if (items.size(0) == 0) {  // a category no training outfit has: leave its inputs as they are
        mean[static_cast<std::int64_t>(c)].zero_();
        stds.push_back(torch::ones({data.size(2)}));
        continue;
      }
      mean[static_cast<std::int64_t>(c)].copy_(items.mean(0));
      stds.push_back(items.std(0, /*unbiased=*/false));
    }
    stddev = torch::stack(stds, 0);
  }
  // A floor on the std keeps constant dimensions (e.g. the shape grid of
  // crops with their backgrounds) from being blown up.
  scale.copy_(1.0 / stddev.clamp_min(1e-3 + 1e-2 * stddev.mean().item<double>()));
}

torch::Tensor CompatHeadImpl::standardized(const torch::Tensor& x) const {
  if (isIdentity(categoryOfSlot)) return (x - mean) * scale;
  std::vector<std::int64_t> rows(categoryOfSlot.begin(), categoryOfSlot.end());
  const torch::Tensor index = torch::tensor(rows, torch::TensorOptions().dtype(torch::kLong));
  return (x - mean.index_select(0, index)) * scale.index_select(0, index);
}

namespace {

torch::Tensor unitRows(const torch::Tensor& z) {
  return torch::nn::functional::normalize(z, torch::nn::functional::NormalizeFuncOptions().dim(1));
}

// One member's latent tensor (see compat_head.h for the layouts).
torch::Tensor projectMember(const CompatHeadImpl& head, std::vector<Projection>& projections,
                            std::size_t first, const torch::Tensor& xs, at::Generator* generator) {
  const HeadConfig& config = head.config;
  const std::int64_t n = xs.size(0);
  const std::int64_t slots = xs.size(1);
  const std::int64_t d = xs.size(2);
  if (config.mode == HeadMode::Shared) {
    torch::Tensor z = projections[first]->forward(xs.reshape({n * slots, d}), generator);
    return unitRows(z).reshape({n, slots, -1});
  }
  std::vector<torch::Tensor> perSlot;
  for (std::int64_t s = 0; s < slots; ++s) {
    const int c = head.categoryOfSlot[static_cast<std::size_t>(s)];
    torch::Tensor z = projections[first + static_cast<std::size_t>(c)]->forward(xs.select(1, s), generator);
    if (config.mode == HeadMode::PerCategory) {
      perSlot.push_back(unitRows(z));
      continue;
    }
    // Pair spaces: the category's blocks go to its pairs in pair order; the
    // spaces of the other pairs stay zero.
    const Category category = head.categories[static_cast<std::size_t>(c)];
    const std::int64_t e = config.outputDim;
    const torch::Tensor zero = torch::zeros({n, e}, z.options());
    std::vector<torch::Tensor> blocks;
    std::int64_t own = 0;
    for (const CategoryPair& p : head.pairs) {
      if (p.first == category || p.second == category) {
        blocks.push_back(unitRows(z.narrow(1, own++ * e, e)));
      } else {
        blocks.push_back(zero);
      }
    }
    perSlot.push_back(torch::cat(blocks, 1));
  }
  return torch::stack(perSlot, 1);
}

}  // namespace

torch::Tensor CompatHeadImpl::project(const torch::Tensor& xs, at::Generator* generator) {
  const int k = std::max(1, config.ensemble);
  const std::size_t perMember = config.mode == HeadMode::Shared ? 1 : categories.size();
  if (k == 1) return projectMember(*this, projections, 0, xs, generator);
  std::vector<torch::Tensor> parts;
  for (int m = 0; m < k; ++m) {
    parts.push_back(
        projectMember(*this, projections, static_cast<std::size_t>(m) * perMember, xs, generator));
  }
  return torch::cat(parts, 2) / std::sqrt(static_cast<double>(k));
}

torch::Tensor CompatHeadImpl::forward(const torch::Tensor& x, at::Generator* generator) {
  return project(standardized(x), generator);
}

std::vector<std::pair<std::string, torch::Tensor>> headTensors(CompatHeadImpl& head) {
  std::vector<std::pair<std::string, torch::Tensor>> out;
  for (const auto& p : head.named_parameters()) out.emplace_back(p.key(), p.value());
  for (const auto& b : head.named_buffers()) out.emplace_back(b.key(), b.value());
  return out;
}

}  // namespace w2w::compat
