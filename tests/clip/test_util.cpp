#include "test_util.h"

#include "embed/clip/clip_vision.h"
#include "embed/clip/safetensors_torch.h"
#include "format/safetensors.h"

#include <gtest/gtest.h>

#include <ftw.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace w2w::clip::test {

namespace fs = std::filesystem;

fs::path dataDir() {
  if (const char* env = std::getenv("W2W_TEST_DATA")) return env;
  return fs::path(__FILE__).parent_path().parent_path() / "data";
}

fs::path goldenDir() { return dataDir() / "golden"; }

torch::Tensor goldenTensor(const char* key) {
  static auto file = format::SafetensorsFile::open((goldenDir() / "golden_io.safetensors").string());
  if (!file) throw std::runtime_error(file.message());
  auto t = loadFloatTensor(*file, key);
  if (!t) throw std::runtime_error(t.message());
  return *t;
}

TempDir::TempDir() {
  // mkdtemp makes a new folder under a unique name in one step, so tests in
  // parallel processes never share one.
  std::string pattern = (fs::temp_directory_path() / "w2w_clip_test_XXXXXX").string();
  if (!::mkdtemp(pattern.data()))
    throw std::runtime_error("cannot make a temporary folder: " + std::string(std::strerror(errno)));
  path_ = pattern;
}

namespace {
int removeEntry(const char* path, const struct stat*, int, struct FTW*) { return ::remove(path); }
}  // namespace

// Not std::filesystem::remove_all: a PyTorch wheel's libtorch.so exports a
// broken copy of it that a program linked to LibTorch binds to (it crashed
// every test using a TempDir on such a build). nftw visits the contents
// before their folder (FTW_DEPTH) and never follows links (FTW_PHYS).
TempDir::~TempDir() { ::nftw(path_.c_str(), removeEntry, 16, FTW_DEPTH | FTW_PHYS); }

StEntry entryFromTensor(const std::string& name, const torch::Tensor& tensor) {
  const auto t = tensor.contiguous().cpu();
  StEntry e;
  e.name = name;
  switch (t.scalar_type()) {
    case torch::kFloat32: e.dtype = "F32"; break;
    case torch::kFloat16: e.dtype = "F16"; break;
    case torch::kBFloat16: e.dtype = "BF16"; break;
    case torch::kFloat64: e.dtype = "F64"; break;
    case torch::kInt64: e.dtype = "I64"; break;
    case torch::kUInt8: e.dtype = "U8"; break;
    default: throw std::runtime_error("entryFromTensor: unsupported dtype");
  }
  e.shape = t.sizes().vec();
  e.data.resize(t.numel() * t.element_size());
  if (!e.data.empty()) std::memcpy(e.data.data(), t.data_ptr(), e.data.size());
  return e;
}

std::vector<std::uint8_t> buildRawSafetensors(const std::string& header,
                                              const std::vector<std::uint8_t>& data,
                                              std::uint64_t headerLength) {
  const std::uint64_t n = headerLength == UINT64_MAX ? header.size() : headerLength;
  std::vector<std::uint8_t> out(8 + header.size() + data.size());
  for (int i = 0; i < 8; ++i) out[i] = static_cast<std::uint8_t>(n >> (8 * i));
  std::copy(header.begin(), header.end(), out.begin() + 8);
  std::copy(data.begin(), data.end(), out.begin() + 8 + static_cast<std::ptrdiff_t>(header.size()));
  return out;
}

std::vector<std::uint8_t> buildSafetensors(const std::vector<StEntry>& entries,
                                           const std::string& metadataJson) {
  std::ostringstream h;
  h << "{";
  bool first = true;
  if (!metadataJson.empty()) {
    h << "\"__metadata__\":" << metadataJson;
    first = false;
  }
  std::vector<std::uint8_t> data;
  for (const auto& e : entries) {
    if (!first) h << ",";
    first = false;
    h << "\"" << e.name << "\":{\"dtype\":\"" << e.dtype << "\",\"shape\":[";
    for (std::size_t i = 0; i < e.shape.size(); ++i) h << (i ? "," : "") << e.shape[i];
    h << "],\"data_offsets\":[" << data.size() << "," << data.size() + e.data.size() << "]}";
    data.insert(data.end(), e.data.begin(), e.data.end());
  }
  h << "}";
  std::string header = h.str();
  while (header.size() % 8) header += ' ';
  return buildRawSafetensors(header, data);
}

void writeFile(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

void writeText(const std::string& path, const std::string& text) {
  writeFile(path, std::vector<std::uint8_t>(text.begin(), text.end()));
}

std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void copyFolder(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  for (const auto& e : fs::directory_iterator(from)) {
    const auto target = to / e.path().filename();
    fs::copy_file(e.path(), target, fs::copy_options::overwrite_existing);
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::add);
  }
}

void expectHfIntermediatesMatch(const ClipVision& model) {
  auto r = model.encodePixelsDebug(goldenTensor("pixels"));
  ASSERT_TRUE(r) << r.message();
  const auto& mid = r->second;
  EXPECT_LE(maxAbsDiff(mid.embeddings, goldenTensor("hf_embeddings")), 1e-5);
  EXPECT_LE(maxAbsDiff(mid.lastHidden, goldenTensor("hf_last_hidden")), 1e-4);
  EXPECT_LE(maxAbsDiff(mid.pooled, goldenTensor("hf_pooled")), 1e-4);
  EXPECT_LE(maxAbsDiff(r->first, goldenTensor("hf_embeds")), 1e-4);
}

double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

torch::Tensor rowCosine(const torch::Tensor& a, const torch::Tensor& b) {
  const auto x = a.to(torch::kFloat64), y = b.to(torch::kFloat64);
  return (x * y).sum(1) / (x.norm(2, {1}) * y.norm(2, {1}));
}

}  // namespace w2w::clip::test
