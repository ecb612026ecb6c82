#include "embed/encoder_factory.h"

#include <filesystem>

#include "embed/basic_encoder.h"
#include "embed/clip/config_loader.h"
#include "embed/clip_encoder.h"
#include "embed/model_manager.h"
#include "embed/torchscript_image_encoder.h"

namespace w2w {
namespace fs = std::filesystem;

namespace {

bool isTorchScriptFile(const fs::path& path) { return path.extension() == ".pt"; }

}  // namespace

Result<EncoderSpecInfo> identifyEncoder(const std::string& spec) {
  if (spec == kBasicEncoderSpec) return EncoderSpecInfo{"basic", "", kBasicEncoderSpec, "", ""};
  std::error_code ec;
  const fs::path path = fs::absolute(fs::u8path(spec), ec).lexically_normal();
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) {
    return makeError(
        spec +
        ": no such model folder or file (expected \"basic\", a FashionCLIP folder or a TorchScript "
        ".pt file)");
  }
  if (fs::is_regular_file(status)) {
    if (!isTorchScriptFile(path)) {
      return makeError(spec +
                       ": not a model (a FashionCLIP model is a folder with config.json; a TorchScript "
                       "encoder is a .pt file)");
    }
    return EncoderSpecInfo{"torchscript", "torchscript", path.filename().u8string(),
                           path.parent_path().u8string(), path.u8string()};
  }
  const auto has = [&](const char* file) { return fs::is_regular_file(path / file, ec); };
  const bool clipConfig = has("config.json") || has("open_clip_config.json");
  if (!clipConfig && has(kTorchScriptFile)) {
    return EncoderSpecInfo{"torchscript", "torchscript", path.filename().u8string(), path.u8string(),
                           (path / kTorchScriptFile).u8string()};
  }
  if (!clipConfig) {
    return makeError(spec + ": not a model folder (no config.json, open_clip_config.json or TorchScript " +
                     kTorchScriptFile + ")");
  }
  // The loader's own rule for FashionCLIP folders, so a folder accepted here loads.
  auto files = clip::findModelFiles(path.u8string());
  if (!files) return files.error();
  const bool openClip = files->layout == clip::WeightLayout::OpenClip;
  return EncoderSpecInfo{"fashionclip", openClip ? "openclip" : "hf", path.filename().u8string(),
                         path.u8string(), files->weightsPath};
}

Result<std::string> encoderModelId(const std::string& spec) {
  if (spec == kBasicEncoderSpec) return std::string(BasicEncoder::kModelId);
  auto model = ModelManager::inspect(spec);
  if (!model) return model.error();
  return model->id;
}

Result<std::unique_ptr<Encoder>> openEncoder(const std::string& spec, const EncoderOptions& options) {
  auto identified = identifyEncoder(spec);
  if (!identified) return identified.error();
  if (identified->kind == "basic") return std::unique_ptr<Encoder>(std::make_unique<BasicEncoder>());
  if (identified->kind == "torchscript") {
    auto encoder = TorchScriptImageEncoder::open(spec, options);
    if (!encoder) return encoder.error();
    return std::unique_ptr<Encoder>(std::move(*encoder));
  }
  ClipEncoderOptions clip;
  clip.device = options.device;
  clip.batchSize = options.batchSize;
  clip.precision = options.precision;
  clip.threads = options.threads;
  clip.normalize = options.normalize;
  auto encoder = ClipEncoder::open(spec, clip);
  if (!encoder) return encoder.error();
  return std::unique_ptr<Encoder>(std::move(*encoder));
}

}  // namespace w2w
