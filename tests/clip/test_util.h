// Helpers shared by the w2w_clip tests: test data paths, a temporary folder,
// and a tiny safetensors writer to build good and broken files in the test.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <torch/types.h>

namespace w2w::clip {
class ClipVision;
}

namespace w2w::clip::test {

// $W2W_TEST_DATA (set by ctest), or tests/data relative to the source tree.
std::filesystem::path dataDir();
std::filesystem::path goldenDir();
// A float32 tensor of tests/data/golden/golden_io.safetensors (pixels, hf_embeds, ...).
torch::Tensor goldenTensor(const char* key);

// A fresh empty folder, removed with everything in it when destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

struct StEntry {
  std::string name;
  std::string dtype;  // "F32", "BF16", ...
  std::vector<std::int64_t> shape;
  std::vector<std::uint8_t> data;
};

// An entry holding a CPU tensor's bytes (float32 -> F32, bf16 -> BF16, ...).
StEntry entryFromTensor(const std::string& name, const torch::Tensor& t);

// A well-formed file: header padded to 8 bytes, contiguous offsets.
std::vector<std::uint8_t> buildSafetensors(const std::vector<StEntry>& entries,
                                           const std::string& metadataJson = "");
// A file with the given header text (not checked) followed by `data`.
std::vector<std::uint8_t> buildRawSafetensors(const std::string& header,
                                              const std::vector<std::uint8_t>& data,
                                              std::uint64_t headerLength = UINT64_MAX);

void writeFile(const std::string& path, const std::vector<std::uint8_t>& bytes);
void writeText(const std::string& path, const std::string& text);
std::string readText(const std::string& path);

// Copies a golden model folder into `dir` (so a test can break one file).
void copyFolder(const std::filesystem::path& from, const std::filesystem::path& to);

// Runs the golden "pixels" through `model` (clip_tiny_hf) and expects its
// embeddings, last hidden state and pooled output to match the reference.
void expectHfIntermediatesMatch(const ClipVision& model);

double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b);
// Cosine similarity of each row pair, [B].
torch::Tensor rowCosine(const torch::Tensor& a, const torch::Tensor& b);

}  // namespace w2w::clip::test
