#include "compat/compat_head.h"

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

CompatHeadImpl::CompatHeadImpl(const HeadConfig& headConfig) : config(headConfig) {
  const int heads = (config.mode == HeadMode::Shared ? 1 : 3) * std::max(1, config.ensemble);
  const int out = config.mode == HeadMode::PairSpaces ? 2 * config.outputDim : config.outputDim;
  for (int i = 0; i < heads; ++i) {
    projections.push_back(register_module(
        "proj" + std::to_string(i), Projection(config.inputDim, config.hiddenDim, out, config.dropout)));
  }
  mean = register_buffer("mean", torch::zeros({3, config.inputDim}));
  scale = register_buffer("scale", torch::ones({3, config.inputDim}));
}

void CompatHeadImpl::initialize(at::Generator& generator) {
  for (Projection& p : projections) p->initialize(generator);
}

int CompatHeadImpl::memberLatentDim() const {
  return config.mode == HeadMode::PairSpaces ? 3 * config.outputDim : config.outputDim;
}

int CompatHeadImpl::latentDim() const { return memberLatentDim() * std::max(1, config.ensemble); }

std::vector<torch::Tensor> CompatHeadImpl::members(const torch::Tensor& latent) const {
  const int k = std::max(1, config.ensemble);
  if (k == 1) return {latent};
  std::vector<torch::Tensor> out;
  for (int m = 0; m < k; ++m)
    out.push_back(latent.narrow(2, m * memberLatentDim(), memberLatentDim()) * std::sqrt(k));
  return out;
}

void CompatHeadImpl::fitStandardization(const torch::Tensor& data) {
  torch::NoGradGuard noGrad;
  if (!config.standardize) {
    mean.zero_();
    scale.fill_(1.0);
    return;
  }
  mean.copy_(data.mean(0));
  // A floor on the std keeps constant dimensions (e.g. the shape grid of
  // crops with their backgrounds) from being blown up.
  const torch::Tensor stddev = data.std(0, /*unbiased=*/false);
  scale.copy_(1.0 / stddev.clamp_min(1e-3 + 1e-2 * stddev.mean().item<double>()));
}

torch::Tensor CompatHeadImpl::standardized(const torch::Tensor& x) const { return (x - mean) * scale; }

namespace {

// One member's latent tensor (see compat_head.h for the layouts).
torch::Tensor projectMember(const HeadConfig& config, std::vector<Projection>& projections, std::size_t first,
                            const torch::Tensor& xs, at::Generator* generator) {
  const std::int64_t n = xs.size(0);
  const std::int64_t d = xs.size(2);
  if (config.mode == HeadMode::Shared) {
    torch::Tensor z = projections[first]->forward(xs.reshape({n * 3, d}), generator);
    return torch::nn::functional::normalize(z, torch::nn::functional::NormalizeFuncOptions().dim(1))
        .reshape({n, 3, -1});
  }
  std::vector<torch::Tensor> perCategory;
  for (int c = 0; c < 3; ++c) {
    torch::Tensor z = projections[first + static_cast<std::size_t>(c)]->forward(xs.select(1, c), generator);
    if (config.mode == HeadMode::PerCategory) {
      perCategory.push_back(
          torch::nn::functional::normalize(z, torch::nn::functional::NormalizeFuncOptions().dim(1)));
      continue;
    }
    // Pair spaces: (top,bottom)=0, (bottom,shoes)=1, (top,shoes)=2; each
    // category fills the two spaces it belongs to, in that order.
    const std::int64_t e = config.outputDim;
    const auto unit = [&](std::int64_t block) {
      return torch::nn::functional::normalize(z.narrow(1, block * e, e),
                                              torch::nn::functional::NormalizeFuncOptions().dim(1));
    };
    const torch::Tensor zero = torch::zeros({n, e}, z.options());
    if (c == 0) perCategory.push_back(torch::cat({unit(0), zero, unit(1)}, 1));
    if (c == 1) perCategory.push_back(torch::cat({unit(0), unit(1), zero}, 1));
    if (c == 2) perCategory.push_back(torch::cat({zero, unit(0), unit(1)}, 1));
  }
  return torch::stack(perCategory, 1);
}

}  // namespace

torch::Tensor CompatHeadImpl::project(const torch::Tensor& xs, at::Generator* generator) {
  const int k = std::max(1, config.ensemble);
  const std::size_t perMember = config.mode == HeadMode::Shared ? 1 : 3;
  if (k == 1) return projectMember(config, projections, 0, xs, generator);
  std::vector<torch::Tensor> parts;
  for (int m = 0; m < k; ++m) {
    parts.push_back(
        projectMember(config, projections, static_cast<std::size_t>(m) * perMember, xs, generator));
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
