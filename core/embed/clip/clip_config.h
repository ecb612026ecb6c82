// ClipVisionConfig: the architecture and preprocessing of a CLIP image tower,
// read from a Hugging Face or open_clip model folder (config_loader.h) or
// filled in by hand (tests, benchmark). Defaults are OpenAI ViT-B/32's, the
// base of FashionCLIP.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "common/result.h"

namespace w2w::clip {

enum class Activation {
  QuickGelu,  // x * sigmoid(1.702 x): OpenAI CLIP, FashionCLIP, HF "quick_gelu"
  Gelu,       // exact erf GELU: HF "gelu", open_clip without quick_gelu
  GeluTanh,   // tanh approximation: HF "gelu_pytorch_tanh" / "gelu_new"
};
const char* activationName(Activation a);

enum class WeightLayout { HuggingFace, OpenClip };
const char* layoutName(WeightLayout layout);  // "hf" / "openclip"

// How the centre-crop offset is rounded when (size - crop) is odd.
enum class CropRounding {
  Floor,        // Hugging Face CLIPImageProcessor (the golden reference)
  Torchvision,  // torchvision CenterCrop: Python round() (half to even); open_clip's and OpenAI's transforms
};

// Hugging Face CLIPImageProcessor settings (its defaults shown).
struct PreprocessConfig {
  // Resize: either the shortest edge to `shortestEdge` keeping the aspect
  // ratio (the long side truncated), or, when resizeHeight/Width > 0, to that
  // exact size.
  bool doResize = true;
  int shortestEdge = 224;
  int resizeHeight = 0;
  int resizeWidth = 0;
  bool doCenterCrop = true;
  int cropHeight = 224;
  int cropWidth = 224;
  CropRounding cropRounding = CropRounding::Floor;
  bool doRescale = true;
  double rescaleFactor = 1.0 / 255.0;
  bool doNormalize = true;
  std::array<float, 3> mean{0.48145466f, 0.4578275f, 0.40821073f};
  std::array<float, 3> std{0.26862954f, 0.26130258f, 0.27577711f};

  // Size of the tensor preprocessing produces (crop size, or resize size without crop).
  int outputHeight() const;
  int outputWidth() const;
  Status validate() const;
};

struct ClipVisionConfig {
  int imageSize = 224;
  int patchSize = 32;
  int channels = 3;
  int width = 768;  // hidden size
  int layers = 12;
  int heads = 12;
  int mlpDim = 3072;    // intermediate size
  int outputDim = 512;  // projection size
  Activation activation = Activation::QuickGelu;
  double layerNormEps = 1e-5;
  WeightLayout layout = WeightLayout::HuggingFace;
  PreprocessConfig preprocess;

  int gridSize() const { return imageSize / patchSize; }
  int tokens() const { return gridSize() * gridSize() + 1; }  // patches + class token
  int headDim() const { return heads > 0 ? width / heads : 0; }

  // Checks the numbers fit together (positive, width divisible by heads, ...).
  Status validate() const;
  // One line for logs: "ViT 224px/32, width 768, 12 layers, 12 heads, mlp 3072, out 512, quick_gelu, hf".
  std::string describe() const;
};

}  // namespace w2w::clip
