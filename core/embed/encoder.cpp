#include "embed/encoder.h"

namespace w2w {

Result<FloatMatrix> Encoder::encodePixelsFile(const std::string& path, const std::string&) {
  return makeError(path + ": " + info().displayName + " encodes images, not preprocessed pixels");
}

}  // namespace w2w
