#include "compat/compat_loss.h"

namespace w2w::compat {
namespace {

// The batch rows where both slots of `p` are filled (all rows: an undefined tensor).
torch::Tensor rowsWithBoth(const torch::Tensor& present, const SlotPair& p, std::int64_t* count) {
  const torch::Tensor both = present.select(1, p.a) * present.select(1, p.b);
  *count = static_cast<std::int64_t>(both.sum().item<double>());
  if (*count == present.size(0)) return {};
  return both.nonzero().flatten();
}

torch::Tensor rowsOf(const torch::Tensor& t, const torch::Tensor& rows) {
  return rows.defined() ? t.index_select(0, rows) : t;
}

// Averages per category pair, then over the category pairs (see compat_loss.h).
class PairAverage {
 public:
  void add(const CategoryPair& pair, const torch::Tensor& loss) {
    for (Entry& e : entries_) {
      if (e.pair == pair) {
        e.sum = e.sum + loss;
        ++e.count;
        return;
      }
    }
    entries_.push_back({pair, loss, 1});
  }
  torch::Tensor mean() const {
    torch::Tensor sum;
    for (const Entry& e : entries_) {
      const torch::Tensor l = e.count == 1 ? e.sum : e.sum / static_cast<double>(e.count);
      sum = sum.defined() ? sum + l : l;
    }
    return sum.defined() ? sum / static_cast<double>(entries_.size()) : sum;
  }

 private:
  struct Entry {
    CategoryPair pair;
    torch::Tensor sum;
    int count;
  };
  std::vector<Entry> entries_;
};

}  // namespace

torch::Tensor pairInfoNce(const torch::Tensor& a, const torch::Tensor& b, double temperature) {
  const torch::Tensor logits = a.mm(b.t()) / temperature;
  const torch::Tensor targets = torch::arange(a.size(0), torch::TensorOptions().dtype(torch::kLong));
  return 0.5 * (torch::nn::functional::cross_entropy(logits, targets) +
                torch::nn::functional::cross_entropy(logits.t(), targets));
}

torch::Tensor outfitLoss(const torch::Tensor& latent, const torch::Tensor& present,
                         const std::vector<SlotPair>& pairs, double temperature) {
  PairAverage average;
  for (const SlotPair& p : pairs) {
    std::int64_t count = 0;
    const torch::Tensor rows = rowsWithBoth(present, p, &count);
    if (count < 2) continue;  // InfoNCE needs a negative
    average.add(p.categories, pairInfoNce(rowsOf(latent.select(1, p.a), rows),
                                          rowsOf(latent.select(1, p.b), rows), temperature));
  }
  return average.mean();
}

ModifiedLatent gatherModified(const torch::Tensor& latent, const std::vector<ModifiedOutfit>& modified) {
  const std::int64_t slots = latent.size(1);
  std::vector<torch::Tensor> gathered;
  std::vector<float> present(modified.size() * static_cast<std::size_t>(slots), 0.f);
  for (std::int64_t s = 0; s < slots; ++s) {
    std::vector<std::int64_t> rows(modified.size());
    for (std::size_t i = 0; i < modified.size(); ++i) {
      const int source = modified[i].source[static_cast<std::size_t>(s)];
      rows[i] = source < 0 ? 0 : source;
      present[i * static_cast<std::size_t>(slots) + static_cast<std::size_t>(s)] = source < 0 ? 0.f : 1.f;
    }
    const torch::Tensor index = torch::tensor(rows, torch::TensorOptions().dtype(torch::kLong));
    gathered.push_back(latent.select(1, s).index_select(0, index));
  }
  return {
      torch::stack(gathered, 1),
      torch::from_blob(present.data(), {static_cast<std::int64_t>(modified.size()), slots}, torch::kFloat32)
          .clone()};
}

torch::Tensor modifiedLoss(const ModifiedLatent& modified, const std::vector<SlotPair>& pairs,
                           double threshold) {
  PairAverage average;
  for (const SlotPair& p : pairs) {
    std::int64_t count = 0;
    const torch::Tensor rows = rowsWithBoth(modified.present, p, &count);
    if (count < 1) continue;
    const torch::Tensor sim =
        (rowsOf(modified.latent.select(1, p.a), rows) * rowsOf(modified.latent.select(1, p.b), rows)).sum(1);
    average.add(p.categories, torch::relu(threshold - sim).mean());
  }
  return average.mean();
}

}  // namespace w2w::compat
