#include "compat/adamw.h"

#include <cmath>

namespace w2w::compat {

AdamW::AdamW(const std::vector<std::pair<std::string, torch::Tensor>>& parameters, double weightDecay,
             double beta1, double beta2, double eps)
    : weightDecay_(weightDecay), beta1_(beta1), beta2_(beta2), eps_(eps) {
  for (const auto& [name, p] : parameters) {
    Slot s;
    s.name = name;
    s.param = p;
    s.exp_avg = torch::zeros_like(p);
    s.exp_avg_sq = torch::zeros_like(p);
    s.decay = p.dim() >= 2;
    slots_.push_back(std::move(s));
  }
}

void AdamW::zeroGrad() {
  for (Slot& s : slots_) {
    if (s.param.grad().defined()) s.param.mutable_grad().zero_();
  }
}

double AdamW::gradNorm() const {
  double sum = 0;
  for (const Slot& s : slots_) {
    if (s.param.grad().defined()) sum += s.param.grad().pow(2).sum().item<double>();
  }
  return std::sqrt(sum);
}

void AdamW::step(double lr) {
  torch::NoGradGuard noGrad;
  ++steps_;
  const double correction1 = 1.0 - std::pow(beta1_, static_cast<double>(steps_));
  const double correction2 = 1.0 - std::pow(beta2_, static_cast<double>(steps_));
  for (Slot& s : slots_) {
    if (!s.param.grad().defined()) continue;
    const torch::Tensor& g = s.param.grad();
    if (s.decay && weightDecay_ > 0) s.param.mul_(1.0 - lr * weightDecay_);
    s.exp_avg.mul_(beta1_).add_(g, 1.0 - beta1_);
    s.exp_avg_sq.mul_(beta2_).addcmul_(g, g, 1.0 - beta2_);
    const torch::Tensor denom = (s.exp_avg_sq / correction2).sqrt_().add_(eps_);
    s.param.addcdiv_(s.exp_avg, denom, -lr / correction1);
  }
}

}  // namespace w2w::compat
