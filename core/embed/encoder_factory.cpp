#include "embed/encoder_factory.h"

#include <QFileInfo>

#include "embed/basic_encoder.h"
#include "embed/clip_encoder.h"

namespace w2w {

Result<std::unique_ptr<Encoder>> openEncoder(const std::string& spec, const EncoderOptions& options) {
  if (spec == "basic") return std::unique_ptr<Encoder>(std::make_unique<BasicEncoder>());
  const QFileInfo folder(QString::fromStdString(spec));
  if (!folder.exists())
    return makeError(spec + ": no such model folder (expected \"basic\" or a FashionCLIP folder)");
  if (!folder.isDir())
    return makeError(spec + ": not a folder (a FashionCLIP model is a folder with config.json)");
  ClipEncoderOptions clip;
  clip.device = options.device;
  clip.batchSize = options.batchSize;
  clip.precision = options.precision;
  clip.threads = options.threads;
  auto encoder = ClipEncoder::open(spec, clip);
  if (!encoder) return encoder.error();
  return std::unique_ptr<Encoder>(std::move(*encoder));
}

}  // namespace w2w
