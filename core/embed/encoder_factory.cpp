#include "embed/encoder_factory.h"

#include <QFileInfo>

#include "embed/basic_encoder.h"

namespace w2w {

Result<std::unique_ptr<Encoder>> openEncoder(const std::string& spec, const EncoderOptions& options) {
  if (spec == "basic") return std::unique_ptr<Encoder>(std::make_unique<BasicEncoder>());
  const QFileInfo folder(QString::fromStdString(spec));
  if (!folder.exists())
    return makeError(spec + ": no such model folder (expected \"basic\" or a FashionCLIP folder)");
  if (!folder.isDir())
    return makeError(spec + ": not a folder (a FashionCLIP model is a folder with config.json)");
  // TEMPORARY INTEGRATION POINT: the FashionCLIP encoder (core/embed/clip/)
  // is built on another branch; the integrator replaces this line with it.
  (void)options;
  return makeError(spec + ": FashionCLIP support is not built yet (use --encoder basic)");
}

}  // namespace w2w
