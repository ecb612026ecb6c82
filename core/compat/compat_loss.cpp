#include "compat/compat_loss.h"

#include "compat/evaluator.h"

namespace w2w::compat {

torch::Tensor pairInfoNce(const torch::Tensor& a, const torch::Tensor& b, double temperature) {
  const torch::Tensor logits = a.mm(b.t()) / temperature;
  const torch::Tensor targets = torch::arange(a.size(0), torch::TensorOptions().dtype(torch::kLong));
  return 0.5 * (torch::nn::functional::cross_entropy(logits, targets) +
                torch::nn::functional::cross_entropy(logits.t(), targets));
}

torch::Tensor outfitLoss(const torch::Tensor& latent, double temperature) {
  torch::Tensor sum;
  for (const auto& p : kPairs) {
    const torch::Tensor l = pairInfoNce(latent.select(1, p[0]), latent.select(1, p[1]), temperature);
    sum = sum.defined() ? sum + l : l;
  }
  return sum / 3.0;
}

torch::Tensor gatherModified(const torch::Tensor& latent, const std::vector<ModifiedOutfit>& modified) {
  std::vector<torch::Tensor> slots;
  for (int c = 0; c < 3; ++c) {
    std::vector<std::int64_t> rows(modified.size());
    for (std::size_t i = 0; i < modified.size(); ++i)
      rows[i] = modified[i].source[static_cast<std::size_t>(c)];
    const torch::Tensor index = torch::tensor(rows, torch::TensorOptions().dtype(torch::kLong));
    slots.push_back(latent.select(1, c).index_select(0, index));
  }
  return torch::stack(slots, 1);
}

torch::Tensor modifiedLoss(const torch::Tensor& modifiedLatent, double threshold) {
  torch::Tensor sum;
  for (const auto& p : kPairs) {
    const torch::Tensor sim = (modifiedLatent.select(1, p[0]) * modifiedLatent.select(1, p[1])).sum(1);
    const torch::Tensor l = torch::relu(threshold - sim).mean();
    sum = sum.defined() ? sum + l : l;
  }
  return sum / 3.0;
}

}  // namespace w2w::compat
