// Downloading model files over HTTP(S): progress, resume, checksum.
//
// A file is fetched into "<destination>.part"; an interrupted download keeps
// that part and the next attempt asks the server for the rest (HTTP Range).
// The finished file is checked against the expected SHA-256 (from the model
// descriptor, or from the server's X-Linked-Etag header, which the Hugging
// Face hub sets to the SHA-256 of large files) and only then renamed into
// place, so a model folder never holds a half-written or corrupt file.
//
// Blocking: runs its own event loop, so it may be called from a worker thread.
#pragma once

#include <string>

#include "common/progress.h"
#include "common/result.h"

namespace w2w {

struct DownloadRequest {
  std::string url;
  std::string destination;      // final path of the file
  std::string expectedSha256;   // empty: take it from the server if it offers one
  long long expectedSize = -1;  // -1: unknown
  int timeoutSeconds = 60;      // without any data arriving
};

struct DownloadResult {
  std::string path;
  std::string sha256;
  long long bytes = 0;
  bool resumed = false;           // part of the file came from an earlier attempt
  bool checksumVerified = false;  // false only when no checksum was known anywhere
};

Result<DownloadResult> downloadFile(const DownloadRequest& request, const ProgressCallback& progress = {},
                                    const CancelFlag* cancel = nullptr);

}  // namespace w2w
