#include "format/safetensors_writer.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>

#include <fcntl.h>
#include <unistd.h>

namespace w2w::format {
namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
          out += escaped;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

// Written and flushed to the disk before it is renamed into place: after a
// power cut the new name holds the whole new file, never an empty one.
bool writeDurably(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return false;
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  const bool synced = written == bytes.size() && ::fsync(fd) == 0;
  return ::close(fd) == 0 && synced;
}

}  // namespace

Result<std::vector<std::uint8_t>> serializeSafetensors(const std::vector<StTensorToWrite>& tensors,
                                                       const std::map<std::string, std::string>& metadata) {
  std::string header = "{";
  if (!metadata.empty()) {
    header += "\"__metadata__\":{";
    bool first = true;
    for (const auto& [key, value] : metadata) {
      header += (first ? "" : ",") + quoted(key) + ":" + quoted(value);
      first = false;
    }
    header += "}";
  }
  std::set<std::string> names;
  std::uint64_t offset = 0;
  std::vector<std::uint64_t> sizes;
  for (const StTensorToWrite& t : tensors) {
    if (t.name.empty() || t.name == "__metadata__" || !names.insert(t.name).second) {
      return makeError("cannot write tensor '" + t.name + "': empty, reserved or duplicate name");
    }
    std::uint64_t numel = 1;
    std::string shape = "[";
    for (std::size_t i = 0; i < t.shape.size(); ++i) {
      if (t.shape[i] < 0) return makeError("cannot write tensor '" + t.name + "': negative dimension");
      numel *= static_cast<std::uint64_t>(t.shape[i]);
      shape += (i ? "," : "") + std::to_string(t.shape[i]);
    }
    shape += "]";
    const std::uint64_t bytes = numel * stDtypeSize(t.dtype);
    if (bytes > 0 && !t.data) return makeError("cannot write tensor '" + t.name + "': no data");
    header += std::string(header.size() > 1 ? "," : "") + quoted(t.name) + ":{\"dtype\":\"" +
              stDtypeName(t.dtype) + "\",\"shape\":" + shape + ",\"data_offsets\":[" +
              std::to_string(offset) + "," + std::to_string(offset + bytes) + "]}";
    sizes.push_back(bytes);
    offset += bytes;
  }
  header += "}";
  header.append((8 - header.size() % 8) % 8, ' ');

  std::vector<std::uint8_t> out(8 + header.size() + offset);
  const std::uint64_t headerSize = header.size();
  for (int i = 0; i < 8; ++i)
    out[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(headerSize >> (8 * i));
  std::memcpy(out.data() + 8, header.data(), header.size());
  std::uint8_t* data = out.data() + 8 + header.size();
  for (std::size_t i = 0; i < tensors.size(); ++i) {
    if (sizes[i]) std::memcpy(data, tensors[i].data, sizes[i]);
    data += sizes[i];
  }
  return out;
}

Status writeSafetensorsFile(const std::string& path, const std::vector<StTensorToWrite>& tensors,
                            const std::map<std::string, std::string>& metadata) {
  auto bytes = serializeSafetensors(tensors, metadata);
  if (!bytes) return makeError(path + ": " + bytes.message());
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  if (!writeDurably(temporary, *bytes)) {
    std::remove(temporary.c_str());
    return makeError(path + ": cannot write (disk full or no permission?)");
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return makeError(path + ": cannot move the written file into place");
  }
  return Status::success();
}

}  // namespace w2w::format
