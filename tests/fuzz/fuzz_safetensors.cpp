// libFuzzer target: SafetensorsFile::fromBytes on arbitrary bytes. Whatever
// the input, the reader must return a Result (never crash, hang or read out of
// bounds); when it accepts a file, every byte it hands out must lie inside it.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "format/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto file = w2w::format::SafetensorsFile::fromBytes(std::vector<std::uint8_t>(data, data + size), "fuzz");
  if (!file) return 0;
  const auto& f = *file;
  unsigned sum = 0;
  for (const auto& t : f->tensors()) {
    if (f->find(t.name) != &t) __builtin_trap();
    if (t.end > f->dataSize() || t.begin > t.end) __builtin_trap();
    const std::uint8_t* p = f->data(t);
    // Touch the first and last byte: ASan reports any out-of-bounds range.
    if (t.byteSize() > 0) sum += p[0] + p[t.byteSize() - 1];
    if (static_cast<std::uint64_t>(t.numel()) * w2w::format::stDtypeSize(t.dtype) != t.byteSize())
      __builtin_trap();
  }
  return static_cast<int>(sum & 0);
}
