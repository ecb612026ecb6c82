// Internal to core/compat (LibTorch types): AdamW with state we can save.
//
// The update is torch.optim.AdamW's (Loshchilov and Hutter: decoupled weight
// decay, bias-corrected moments). It is written out here rather than taken
// from torch::optim because the checkpoint must hold the moments as named
// safetensors tensors and a resumed run must continue bit for bit; the
// LibTorch optimizer keys its state by tensor address.
// Thread-safety: one thread (the trainer's).
#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

namespace w2w::compat {

class AdamW {
 public:
  struct Slot {
    std::string name;
    torch::Tensor param;
    torch::Tensor exp_avg, exp_avg_sq;
    bool decay = true;  // weight matrices decay; biases and LayerNorm do not
  };

  AdamW(const std::vector<std::pair<std::string, torch::Tensor>>& parameters, double weightDecay,
        double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8);

  void zeroGrad();
  // Global L2 norm of the gradients (NaN or inf when any gradient is).
  double gradNorm() const;
  void step(double learningRate);

  std::int64_t steps() const { return steps_; }
  void setSteps(std::int64_t steps) { steps_ = steps; }
  std::vector<Slot>& slots() { return slots_; }

 private:
  std::vector<Slot> slots_;
  double weightDecay_, beta1_, beta2_, eps_;
  std::int64_t steps_ = 0;
};

}  // namespace w2w::compat
