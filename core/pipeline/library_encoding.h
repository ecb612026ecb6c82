// Encoding a library: every crop and item whose crop image has no embedding
// for the encoder yet is encoded and stored, batch by batch, each batch in
// its own transaction. Interrupted, it keeps every finished batch; run again,
// it encodes only what is still missing (resumable). A crop that cannot be
// decoded, or whose embedding has a non-finite value, is reported and left
// without an embedding; the others go on.
#pragma once

#include <vector>

#include "common/progress.h"
#include "common/result.h"
#include "embed/encoder.h"
#include "library/library.h"

namespace w2w {

struct EncodeLibraryOptions {
  int batchSize = 32;
  // Only these items (crops just drawn, edited or imported); empty: every item.
  std::vector<Id> onlyItems;
};

// An item whose crop could not be encoded, and why (one line).
struct EncodeFailure {
  Id itemId = 0;
  std::string reason;
};

struct EncodeLibraryReport {
  std::string modelId;
  long long encoded = 0;        // crop images encoded in this run
  long long alreadyCached = 0;  // items whose crop already had an embedding
  long long failed = 0;         // crop images that could not be encoded (failures.size())
  std::vector<EncodeFailure> failures;
  bool cancelled = false;
};

// Registers the encoder's model in the library, then encodes what is missing.
Result<EncodeLibraryReport> encodeLibrary(Library& library, Encoder& encoder,
                                          const EncodeLibraryOptions& options = {},
                                          const ProgressCallback& progress = {},
                                          const CancelFlag* cancel = nullptr);

}  // namespace w2w
