#include "format/safetensors.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <limits>
#include <utility>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define W2W_HAVE_MMAP 1
#endif

#include "format/json.h"

namespace w2w::format {

// The bytes of the file: a read-only mapping, or one buffer.
struct SafetensorsFile::Storage {
  const std::uint8_t* bytes = nullptr;
  std::uint64_t size = 0;
  std::vector<std::uint8_t> buffer;
  void* mapping = nullptr;

  ~Storage() {
#ifdef W2W_HAVE_MMAP
    if (mapping) munmap(mapping, static_cast<std::size_t>(size));
#endif
  }
};

SafetensorsFile::~SafetensorsFile() = default;

std::size_t stDtypeSize(StDtype dtype) {
  switch (dtype) {
    case StDtype::F64:
    case StDtype::I64: return 8;
    case StDtype::F32:
    case StDtype::I32: return 4;
    case StDtype::F16:
    case StDtype::BF16:
    case StDtype::I16: return 2;
    case StDtype::I8:
    case StDtype::U8:
    case StDtype::Bool:
    case StDtype::F8E4M3:
    case StDtype::F8E5M2: return 1;
  }
  return 1;
}

const char* stDtypeName(StDtype dtype) {
  switch (dtype) {
    case StDtype::F64: return "F64";
    case StDtype::F32: return "F32";
    case StDtype::F16: return "F16";
    case StDtype::BF16: return "BF16";
    case StDtype::I64: return "I64";
    case StDtype::I32: return "I32";
    case StDtype::I16: return "I16";
    case StDtype::I8: return "I8";
    case StDtype::U8: return "U8";
    case StDtype::Bool: return "BOOL";
    case StDtype::F8E4M3: return "F8_E4M3";
    case StDtype::F8E5M2: return "F8_E5M2";
  }
  return "?";
}

std::int64_t StTensorInfo::numel() const {
  std::int64_t n = 1;
  for (auto d : shape) n *= d;  // validated at parse time not to overflow
  return n;
}

std::string StTensorInfo::shapeString() const {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? "," : "") + std::to_string(shape[i]);
  return s + "]";
}

const StTensorInfo* SafetensorsFile::find(std::string_view name) const {
  const auto it = index_.find(std::string(name));
  return it == index_.end() ? nullptr : &tensors_[it->second];
}

namespace {

bool parseDtype(const std::string& s, StDtype& out) {
  static const std::pair<const char*, StDtype> kNames[] = {
      {"F64", StDtype::F64},   {"F32", StDtype::F32},        {"F16", StDtype::F16},
      {"BF16", StDtype::BF16}, {"I64", StDtype::I64},        {"I32", StDtype::I32},
      {"I16", StDtype::I16},   {"I8", StDtype::I8},          {"U8", StDtype::U8},
      {"BOOL", StDtype::Bool}, {"F8_E4M3", StDtype::F8E4M3}, {"F8_E5M2", StDtype::F8E5M2}};
  for (const auto& [name, dtype] : kNames) {
    if (s == name) {
      out = dtype;
      return true;
    }
  }
  return false;
}

// Non-negative integer within the int64 range from JSON, or false.
bool toU64(const Json& v, std::uint64_t& out) {
  const std::int64_t value = integerOf(v, -1);
  if (!v.is_number_integer() || value < 0) return false;
  out = static_cast<std::uint64_t>(value);
  return true;
}

// Reads one tensor entry; on failure returns the reason (without file/key).
std::string parseEntry(const Json& v, StTensorInfo& info) {
  if (!v.is_object()) return std::string("entry is a JSON ") + v.type_name() + ", expected an object";
  const Json* dtype = nullptr;
  const Json* shape = nullptr;
  const Json* offsets = nullptr;
  for (const auto& [k, val] : v.items()) {
    if (k == "dtype")
      dtype = &val;
    else if (k == "shape")
      shape = &val;
    else if (k == "data_offsets")
      offsets = &val;
    else
      return "unexpected field \"" + k + "\"";
  }
  if (!dtype || !shape || !offsets) return "entry needs dtype, shape and data_offsets";
  if (!dtype->is_string()) return "dtype is not a string";
  const std::string dtypeName = dtype->get<std::string>();
  if (!parseDtype(dtypeName, info.dtype)) return "unknown dtype \"" + dtypeName + "\"";
  if (!shape->is_array()) return "shape is not an array";
  // Element count in 128-bit-safe steps: stop as soon as it passes the int64 range.
  std::uint64_t count = 1;
  bool overflow = false;
  for (const auto& d : *shape) {
    std::uint64_t dim = 0;
    if (!toU64(d, dim)) return "shape holds something other than a non-negative integer";
    info.shape.push_back(static_cast<std::int64_t>(dim));
    if (dim != 0 && count > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) / dim)
      overflow = true;
    else
      count *= dim;
  }
  if (!offsets->is_array() || offsets->size() != 2 || !toU64((*offsets)[0], info.begin) ||
      !toU64((*offsets)[1], info.end))
    return "data_offsets must be two non-negative integers";
  if (info.end < info.begin) return "data_offsets end before they begin";
  const std::uint64_t elem = stDtypeSize(info.dtype);
  // A zero dimension makes the count 0 whatever overflowed before it.
  for (auto d : info.shape)
    if (d == 0) overflow = false, count = 0;
  if (overflow || count > std::numeric_limits<std::uint64_t>::max() / elem)
    return "shape " + info.shapeString() + " is too large";
  if (count * elem != info.end - info.begin)
    return "shape " + info.shapeString() + " of " + stDtypeName(info.dtype) + " needs " +
           std::to_string(count * elem) + " bytes, data_offsets give " +
           std::to_string(info.end - info.begin);
  return {};
}

}  // namespace

Result<std::shared_ptr<const SafetensorsFile>> SafetensorsFile::parse(std::unique_ptr<Storage> storage,
                                                                      std::string name) {
  auto fail = [&name](const std::string& why) { return makeError(name + ": " + why); };
  const std::uint64_t size = storage->size;
  if (size < 8)
    return fail("not a safetensors file (" + std::to_string(size) +
                " bytes, shorter than the 8-byte header length)");
  std::uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | storage->bytes[i];  // little-endian
  if (n > size - 8)
    return fail("bad header length " + std::to_string(n) + " (the file has only " + std::to_string(size - 8) +
                " bytes after it; truncated or not a safetensors file)");
  if (n > kMaxHeaderBytes) return fail("header length " + std::to_string(n) + " exceeds the 100 MB limit");
  if (n < 2 || storage->bytes[8] != '{') return fail("header does not start with a JSON object");

  auto json = parseJson(std::string_view(reinterpret_cast<const char*>(storage->bytes + 8), n));
  if (!json) return fail("header: " + json.message());
  if (!json->is_object()) return fail("header is not a JSON object");

  std::shared_ptr<SafetensorsFile> file(new SafetensorsFile());
  file->path_ = name;
  file->dataSection_ = storage->bytes + 8 + n;
  file->dataSize_ = size - 8 - n;
  for (const auto& [key, v] : json->items()) {
    if (key == "__metadata__") {
      if (!v.is_object()) return fail("__metadata__ is not an object");
      for (const auto& [mk, mv] : v.items()) {
        if (!mv.is_string()) return fail("__metadata__: value of \"" + mk + "\" is not a string");
        file->metadata_[mk] = mv.get<std::string>();
      }
      continue;
    }
    StTensorInfo info;
    info.name = key;
    const std::string why = parseEntry(v, info);
    if (!why.empty()) return fail("tensor \"" + key + "\": " + why);
    if (info.end > file->dataSize_)
      return fail("tensor \"" + key + "\": data_offsets [" + std::to_string(info.begin) + "," +
                  std::to_string(info.end) + "] run past the data section (" +
                  std::to_string(file->dataSize_) + " bytes; truncated file?)");
    file->index_[key] = file->tensors_.size();
    file->tensors_.push_back(std::move(info));
  }

  // Sorted by offset, each tensor must start where the previous one ended.
  std::vector<const StTensorInfo*> order;
  for (const auto& t : file->tensors_) order.push_back(&t);
  std::sort(order.begin(), order.end(), [](const StTensorInfo* a, const StTensorInfo* b) {
    return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
  });
  std::uint64_t cursor = 0;
  const StTensorInfo* previous = nullptr;
  for (const auto* t : order) {
    if (t->begin < cursor)
      return fail("tensor \"" + t->name + "\": data_offsets overlap those of \"" + previous->name + "\"");
    if (t->begin > cursor)
      return fail("tensor \"" + t->name + "\": a gap of " + std::to_string(t->begin - cursor) +
                  " unindexed bytes precedes it");
    cursor = t->end;
    previous = t;
  }
  if (cursor != file->dataSize_)
    return fail(std::to_string(file->dataSize_ - cursor) + " bytes after the last tensor are not indexed");

  file->storage_ = std::move(storage);
  return std::shared_ptr<const SafetensorsFile>(std::move(file));
}

Result<std::shared_ptr<const SafetensorsFile>> SafetensorsFile::fromBytes(std::vector<std::uint8_t> bytes,
                                                                          std::string name) {
  auto storage = std::make_unique<Storage>();
  storage->buffer = std::move(bytes);
  storage->bytes = storage->buffer.data();
  storage->size = storage->buffer.size();
  return parse(std::move(storage), std::move(name));
}

Result<std::shared_ptr<const SafetensorsFile>> SafetensorsFile::open(const std::string& path) {
  auto storage = std::make_unique<Storage>();
#ifdef W2W_HAVE_MMAP
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return makeError(path + ": cannot open (" + std::strerror(errno) + ")");
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return makeError(path + ": not a regular file");
  }
  storage->size = static_cast<std::uint64_t>(st.st_size);
  if (storage->size > 0) {
    void* m = mmap(nullptr, static_cast<std::size_t>(storage->size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED) {
      ::close(fd);
      return makeError(path + ": cannot map the file (" + std::strerror(errno) + ")");
    }
    storage->mapping = m;
    storage->bytes = static_cast<const std::uint8_t*>(m);
  }
  ::close(fd);  // the mapping stays valid
#else
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return makeError(path + ": cannot open");
  const auto end = in.tellg();
  if (end < 0) return makeError(path + ": cannot read");
  storage->buffer.resize(static_cast<std::size_t>(end));
  in.seekg(0);
  if (!in.read(reinterpret_cast<char*>(storage->buffer.data()), end)) return makeError(path + ": read error");
  storage->bytes = storage->buffer.data();
  storage->size = storage->buffer.size();
#endif
  return parse(std::move(storage), path);
}

}  // namespace w2w::format
