// SafetensorsFile: a strict, read-only safetensors reader (standard library only).
//
// Layout: an 8-byte little-endian header length N, N bytes of JSON, then the
// raw data; each tensor's data_offsets count from the first byte after the
// header. Everything a hostile or damaged file can get wrong is checked before
// any byte is handed out: header length against file size, the JSON, dtypes,
// shapes against byte lengths (overflow-safe), offsets in bounds, no overlaps
// and no holes (the format requires the data section to be fully indexed).
// Every failure is a one-line Error naming the file and, where there is one,
// the key. Nothing throws across this API.
//
// The file is memory-mapped on POSIX systems (read once into one buffer
// elsewhere), so tensor bytes are read in place and never copied twice.
//
// Thread-safety: an opened SafetensorsFile is immutable; any number of threads
// may read from it at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace w2w::format {

// The element types of the safetensors format. F8 types are recognised (so a
// file holding some is not refused) but cannot be converted to a tensor.
enum class StDtype { F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool, F8E4M3, F8E5M2 };

// Size of one element in bytes.
std::size_t stDtypeSize(StDtype dtype);
// The format's name for the dtype ("F32", "BF16", ...).
const char* stDtypeName(StDtype dtype);

struct StTensorInfo {
  std::string name;
  StDtype dtype = StDtype::F32;
  std::vector<std::int64_t> shape;  // empty for a 0-d scalar
  std::uint64_t begin = 0;          // byte offsets into the data section
  std::uint64_t end = 0;

  std::int64_t numel() const;
  std::uint64_t byteSize() const { return end - begin; }
  std::string shapeString() const;  // "[768,3,32,32]"
};

class SafetensorsFile {
 public:
  // Upper bound on the JSON header, as in the reference implementation (100 MB).
  static constexpr std::uint64_t kMaxHeaderBytes = 100u * 1000u * 1000u;

  // Maps (or reads) and validates the file.
  static Result<std::shared_ptr<const SafetensorsFile>> open(const std::string& path);
  // Validates bytes already in memory; `name` stands in for the path in messages.
  static Result<std::shared_ptr<const SafetensorsFile>> fromBytes(std::vector<std::uint8_t> bytes,
                                                                  std::string name);

  ~SafetensorsFile();
  SafetensorsFile(const SafetensorsFile&) = delete;
  SafetensorsFile& operator=(const SafetensorsFile&) = delete;

  const std::string& path() const { return path_; }
  const std::vector<StTensorInfo>& tensors() const { return tensors_; }  // sorted by name
  const StTensorInfo* find(std::string_view name) const;
  const std::map<std::string, std::string>& metadata() const { return metadata_; }
  // The first byte of a tensor's data (valid while this object lives).
  const std::uint8_t* data(const StTensorInfo& info) const { return dataSection_ + info.begin; }
  std::uint64_t dataSize() const { return dataSize_; }

 private:
  struct Storage;
  SafetensorsFile() = default;
  static Result<std::shared_ptr<const SafetensorsFile>> parse(std::unique_ptr<Storage> storage,
                                                              std::string name);

  std::string path_;
  std::unique_ptr<Storage> storage_;
  const std::uint8_t* dataSection_ = nullptr;
  std::uint64_t dataSize_ = 0;
  std::vector<StTensorInfo> tensors_;
  std::map<std::string, std::size_t> index_;
  std::map<std::string, std::string> metadata_;
};

}  // namespace w2w::format
