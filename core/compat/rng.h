// Rng: the seeded random numbers of the compatibility model.
//
// std::mt19937_64's sequence is fixed by the C++ standard, but the standard
// distributions are not (libstdc++ and libc++ differ), so the draws are made
// here: the same seed gives the same outfits, batches and candidates on every
// platform. Streams are derived from (seed, purpose, index) so that a resumed
// run draws exactly what an uninterrupted one would have.
// Thread-safety: an Rng object belongs to one thread.
#pragma once

#include <cstdint>
#include <random>

namespace w2w::compat {

// SplitMix64 finaliser: a well-mixed 64-bit value from several inputs.
inline std::uint64_t mixSeed(std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
  std::uint64_t z = a + 0x9E3779B97F4A7C15ull * (b + 1) + 0xBF58476D1CE4E5B9ull * (c + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Purposes of the derived streams (the second argument of mixSeed).
enum class Stream : std::uint64_t { Split = 1, Shuffle, Modified, Torch, EvalModified, EvalFitb, ValLoss };

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}
  Rng(std::uint64_t seed, Stream stream, std::uint64_t index = 0)
      : engine_(mixSeed(seed, static_cast<std::uint64_t>(stream), index)) {}

  std::uint64_t next() { return engine_(); }

  // Uniform in [0, n) without modulo bias; n > 0.
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t limit = ~std::uint64_t(0) - (~std::uint64_t(0) % n);
    std::uint64_t x;
    do x = engine_();
    while (x >= limit);
    return x % n;
  }
  int belowInt(int n) { return static_cast<int>(below(static_cast<std::uint64_t>(n))); }

  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(engine_() >> 11) * (1.0 / 9007199254740992.0); }

  // Fisher-Yates shuffle.
  template <typename Vector>
  void shuffle(Vector& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace w2w::compat
