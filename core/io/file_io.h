// Reading and writing whole files with clear one-line errors, and content
// hashes. Paths are UTF-8 strings (non-ASCII names work everywhere).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"

namespace w2w {

using Bytes = std::vector<std::uint8_t>;

// Reads the whole file. Fails with "<path>: no such file", "<path>: is a
// folder", "<path>: permission denied" or "<path>: larger than the N MB limit".
Result<Bytes> readFileBytes(const std::string& path, long long maxBytes = 512LL << 20);

// Writes to "<path>.tmp-<random>" and renames over <path>, so a crash leaves
// either the old file or the new one, never a half-written file.
Status writeFileAtomically(const std::string& path, const Bytes& bytes);

// Lower-case hexadecimal SHA-256 of a byte range.
std::string sha256Hex(const std::uint8_t* data, std::size_t size);
inline std::string sha256Hex(const Bytes& bytes) { return sha256Hex(bytes.data(), bytes.size()); }

// SHA-256 of a file, read in chunks (for model files of hundreds of MB).
Result<std::string> sha256OfFile(const std::string& path);

}  // namespace w2w
