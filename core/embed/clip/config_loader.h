// Reading a model folder: which layout it is, where its files are, and the
// ClipVisionConfig its JSON files describe.
//
// Hugging Face layout (e.g. patrickjohncyh/fashion-clip): config.json (a
// CLIPModel config with vision_config, or a bare clip_vision_model config),
// preprocessor_config.json (CLIPImageProcessor, new or old form) and
// model.safetensors. open_clip layout (e.g. Marqo/marqo-fashionCLIP):
// open_clip_config.json and open_clip_model.safetensors; preferred when both
// layouts are present, since such folders wrap open_clip weights in custom HF
// code. Pickle weights (.bin, .pt) are refused: they can run arbitrary code.
//
// Config keys the vision tower does not use are ignored; keys it uses must
// have the right type, and open_clip tower options this implementation does
// not have (timm towers, attentional pooling, layer scale, ...) are refused by
// name rather than silently computed wrong.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "embed/clip/clip_config.h"
#include "format/json.h"

namespace w2w::clip {

struct ModelFiles {
  WeightLayout layout = WeightLayout::HuggingFace;
  std::string configPath;        // config.json or open_clip_config.json
  std::string preprocessorPath;  // preprocessor_config.json (HF only)
  std::string weightsPath;       // the .safetensors file
};

// layout: "auto", "hf" or "openclip".
Result<ModelFiles> findModelFiles(const std::string& dir, std::string_view layout = "auto");

// Reads and checks the config files of a folder found by findModelFiles.
Result<ClipVisionConfig> loadModelConfig(const ModelFiles& files);

// The parsers, on JSON already in memory (`file` names it in messages).
Result<ClipVisionConfig> parseHfConfig(const format::Json& config, const std::string& file);
Result<PreprocessConfig> parseHfPreprocessorConfig(const format::Json& config, const std::string& file);
Result<ClipVisionConfig> parseOpenClipConfig(const format::Json& config, const std::string& file);

}  // namespace w2w::clip
