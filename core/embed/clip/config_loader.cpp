#include "embed/clip/config_loader.h"

#include <cmath>
#include <filesystem>

namespace w2w::clip {

namespace fs = std::filesystem;

namespace {

// Typed access to the members of one JSON object, with messages that name the
// file and the full key. A member that is absent or null keeps the default.
class Fields {
 public:
  Fields(const format::Json& obj, std::string file, std::string prefix)
      : obj_(obj), file_(std::move(file)), prefix_(std::move(prefix)) {}

  const format::Json* get(const char* key) const { return format::member(obj_, key); }
  const std::string& file() const { return file_; }
  std::string key(const char* k) const { return prefix_.empty() ? k : prefix_ + "." + k; }
  Error wrong(const char* k, const char* expected) const {
    return makeError(file_ + ": key \"" + key(k) + "\" must be " + expected + " (got " + get(k)->type_name() +
                     ")");
  }
  Error bad(const char* k, const std::string& why) const {
    return makeError(file_ + ": key \"" + key(k) + "\": " + why);
  }

  Status integer(const char* k, int& out) const {
    const format::Json* v = get(k);
    if (!v) return Status::success();
    // 224.0 is accepted as 224: some tools write integral floats.
    const double d = v->is_number() ? v->get<double>() : 0.5;
    if (!v->is_number() || d != std::floor(d) || std::fabs(d) > 1e9) return wrong(k, "an integer");
    out = static_cast<int>(d);
    return Status::success();
  }
  Status number(const char* k, double& out) const {
    const format::Json* v = get(k);
    if (!v) return Status::success();
    if (!v->is_number()) return wrong(k, "a number");
    out = v->get<double>();
    return Status::success();
  }
  Status boolean(const char* k, bool& out) const {
    const format::Json* v = get(k);
    if (!v) return Status::success();
    if (!v->is_boolean()) return wrong(k, "true or false");
    out = v->get<bool>();
    return Status::success();
  }
  Status string(const char* k, std::string& out) const {
    const format::Json* v = get(k);
    if (!v) return Status::success();
    if (!v->is_string()) return wrong(k, "a string");
    out = v->get<std::string>();
    return Status::success();
  }
  Status triple(const char* k, std::array<float, 3>& out) const {
    const format::Json* v = get(k);
    if (!v) return Status::success();
    if (!v->is_array() || v->size() != 3) return wrong(k, "an array of 3 numbers");
    for (int i = 0; i < 3; ++i) {
      if (!(*v)[i].is_number()) return wrong(k, "an array of 3 numbers");
      out[i] = static_cast<float>((*v)[i].get<double>());
    }
    return Status::success();
  }

 private:
  const format::Json& obj_;
  std::string file_;
  std::string prefix_;
};

#define W2W_TRY(expr)                               \
  do {                                              \
    if (Status s_ = (expr); !s_) return s_.error(); \
  } while (0)

Result<Activation> hfActivation(const std::string& name, const Fields& f) {
  if (name == "quick_gelu") return Activation::QuickGelu;
  if (name == "gelu") return Activation::Gelu;
  if (name == "gelu_pytorch_tanh" || name == "gelu_new") return Activation::GeluTanh;
  return f.bad("hidden_act", "unsupported activation \"" + name +
                                 "\" (expected quick_gelu, gelu, gelu_pytorch_tanh or gelu_new)");
}

// A size given as an int or as {"height","width"} (crop_size, old and new form).
Status heightWidth(const Fields& f, const char* k, int& height, int& width) {
  const format::Json* v = f.get(k);
  if (!v) return Status::success();
  if (v->is_number()) {
    W2W_TRY(f.integer(k, height));
    width = height;
    return Status::success();
  }
  if (!v->is_object()) return f.wrong(k, "an integer or an object");
  Fields inner(*v, f.file(), f.key(k));
  if (!inner.get("height") || !inner.get("width")) return f.bad(k, "needs height and width");
  W2W_TRY(inner.integer("height", height));
  W2W_TRY(inner.integer("width", width));
  return Status::success();
}

// A model config: a JSON object of at most 16 MB.
Result<format::Json> readConfigFile(const std::string& path) {
  auto json = format::readJsonFile(path, 16u << 20);
  if (json && !json->is_object()) return makeError(path + ": expected a JSON object");
  return json;
}

}  // namespace

Result<PreprocessConfig> parseHfPreprocessorConfig(const format::Json& config, const std::string& file) {
  PreprocessConfig p;
  Fields f(config, file, "");
  W2W_TRY(f.boolean("do_resize", p.doResize));
  W2W_TRY(f.boolean("do_center_crop", p.doCenterCrop));
  W2W_TRY(f.boolean("do_rescale", p.doRescale));
  W2W_TRY(f.number("rescale_factor", p.rescaleFactor));
  W2W_TRY(f.boolean("do_normalize", p.doNormalize));
  W2W_TRY(f.triple("image_mean", p.mean));
  W2W_TRY(f.triple("image_std", p.std));
  if (const format::Json* size = f.get("size")) {
    if (size->is_number()) {
      W2W_TRY(f.integer("size", p.shortestEdge));  // old form: "size": 224 is the shortest edge
    } else if (size->is_object()) {
      Fields s(*size, file, "size");
      if (s.get("shortest_edge")) {
        W2W_TRY(s.integer("shortest_edge", p.shortestEdge));
      } else if (s.get("height") && s.get("width")) {
        W2W_TRY(s.integer("height", p.resizeHeight));
        W2W_TRY(s.integer("width", p.resizeWidth));
      } else {
        return f.bad("size", "needs shortest_edge, or height and width");
      }
    } else {
      return f.wrong("size", "an integer or an object");
    }
  }
  W2W_TRY(heightWidth(f, "crop_size", p.cropHeight, p.cropWidth));
  if (const format::Json* r = f.get("resample")) {
    int resample = 3;
    W2W_TRY(f.integer("resample", resample));
    // Only PIL BICUBIC (3) is implemented, the value every CLIP checkpoint uses.
    if (resample != 3)
      return f.bad("resample", "only 3 (PIL BICUBIC) is supported, got " + std::to_string(resample));
    (void)r;
  }
  if (Status s = p.validate(); !s) return makeError(file + ": " + s.message());
  return p;
}

Result<ClipVisionConfig> parseHfConfig(const format::Json& config, const std::string& file) {
  ClipVisionConfig c;
  c.layout = WeightLayout::HuggingFace;
  Fields top(config, file, "");
  std::string modelType;
  W2W_TRY(top.string("model_type", modelType));
  const format::Json* vision = top.get("vision_config");
  std::string prefix = "vision_config";
  if (!vision) {
    if (modelType != "clip_vision_model")
      return makeError(file + ": no \"vision_config\" (expected a CLIP model config)");
    vision = &config;
    prefix.clear();
  } else if (!modelType.empty() && modelType != "clip") {
    return makeError(file + ": model_type \"" + modelType + "\" is not supported (expected \"clip\")");
  }
  if (!vision->is_object()) return top.wrong("vision_config", "an object");
  Fields v(*vision, file, prefix);
  W2W_TRY(v.integer("hidden_size", c.width));
  W2W_TRY(v.integer("intermediate_size", c.mlpDim));
  W2W_TRY(v.integer("num_hidden_layers", c.layers));
  W2W_TRY(v.integer("num_attention_heads", c.heads));
  W2W_TRY(v.integer("patch_size", c.patchSize));
  W2W_TRY(v.integer("image_size", c.imageSize));
  W2W_TRY(v.integer("num_channels", c.channels));
  W2W_TRY(v.number("layer_norm_eps", c.layerNormEps));
  std::string act = "quick_gelu";
  W2W_TRY(v.string("hidden_act", act));
  auto activation = hfActivation(act, v);
  if (!activation) return activation.error();
  c.activation = *activation;
  // CLIPModel's visual_projection uses the top-level projection_dim; a bare
  // vision config carries its own. The weights' shape is checked later anyway.
  W2W_TRY(v.integer("projection_dim", c.outputDim));
  if (vision != &config) W2W_TRY(top.integer("projection_dim", c.outputDim));
  c.preprocess.shortestEdge = c.preprocess.cropHeight = c.preprocess.cropWidth = c.imageSize;
  return c;
}

Result<ClipVisionConfig> parseOpenClipConfig(const format::Json& config, const std::string& file) {
  ClipVisionConfig c;
  c.layout = WeightLayout::OpenClip;
  Fields top(config, file, "");
  const format::Json* model = top.get("model_cfg");
  if (!model || !model->is_object()) return makeError(file + ": missing object \"model_cfg\"");
  Fields m(*model, file, "model_cfg");
  W2W_TRY(m.integer("embed_dim", c.outputDim));
  if (!m.get("embed_dim")) return makeError(file + ": missing key \"model_cfg.embed_dim\"");
  bool quickGelu = false;  // open_clip: absent means nn.GELU
  W2W_TRY(m.boolean("quick_gelu", quickGelu));
  c.activation = quickGelu ? Activation::QuickGelu : Activation::Gelu;
  const format::Json* vision = m.get("vision_cfg");
  if (!vision || !vision->is_object()) return makeError(file + ": missing object \"model_cfg.vision_cfg\"");
  Fields v(*vision, file, "model_cfg.vision_cfg");
  for (const auto& [k, val] : vision->items()) {
    static const char* kKnown[] = {
        "image_size",       "layers",        "width",         "patch_size",          "head_width",
        "mlp_ratio",        "patch_dropout", "output_tokens", "ls_init_value",       "timm_model_name",
        "attentional_pool", "no_ln_pre",     "pool_type",     "final_ln_after_pool", "global_average_pool",
        "input_patchnorm",  "emb_dropout"};
    bool known = false;
    for (const char* name : kKnown) known = known || k == name;
    if (!known) return v.bad(k.c_str(), "unsupported open_clip vision option");
  }
  // Options whose non-default values change the architecture.
  auto refuseIf = [&](const char* k, bool active) -> Status {
    if (active) return v.bad(k, "this open_clip tower variant is not supported");
    return Status::success();
  };
  auto truthy = [&](const char* k) {
    const format::Json* x = v.get(k);
    return x && !(x->is_boolean() && !x->get<bool>());
  };
  W2W_TRY(refuseIf("timm_model_name", v.get("timm_model_name") != nullptr));
  W2W_TRY(refuseIf("ls_init_value", v.get("ls_init_value") != nullptr));
  W2W_TRY(refuseIf("attentional_pool", truthy("attentional_pool")));
  W2W_TRY(refuseIf("no_ln_pre", truthy("no_ln_pre")));
  W2W_TRY(refuseIf("final_ln_after_pool", truthy("final_ln_after_pool")));
  W2W_TRY(refuseIf("global_average_pool", truthy("global_average_pool")));
  W2W_TRY(refuseIf("input_patchnorm", truthy("input_patchnorm")));
  if (const format::Json* pool = v.get("pool_type");
      pool && !(pool->is_string() && pool->get<std::string>() == "tok"))
    return v.bad("pool_type", "only \"tok\" (class token) pooling is supported");
  if (const format::Json* layers = v.get("layers"); layers && layers->is_array())
    return v.bad("layers", "ResNet towers (a list of layers) are not supported");
  if (const format::Json* size = v.get("image_size"); size && size->is_array()) {
    if (size->size() != 2 || !(*size)[0].is_number_integer() ||
        (*size)[0].get<std::int64_t>() != (*size)[1].get<std::int64_t>())
      return v.bad("image_size", "only square image sizes are supported");
    c.imageSize = static_cast<int>((*size)[0].get<std::int64_t>());
  } else {
    W2W_TRY(v.integer("image_size", c.imageSize));
  }
  W2W_TRY(v.integer("layers", c.layers));
  W2W_TRY(v.integer("width", c.width));
  W2W_TRY(v.integer("patch_size", c.patchSize));
  int headWidth = 64;
  W2W_TRY(v.integer("head_width", headWidth));
  double mlpRatio = 4.0;
  W2W_TRY(v.number("mlp_ratio", mlpRatio));
  if (headWidth <= 0 || c.width % headWidth != 0)
    return v.bad("head_width",
                 std::to_string(headWidth) + " does not divide width " + std::to_string(c.width));
  c.heads = c.width / headWidth;
  if (!(mlpRatio > 0) || mlpRatio > 64) return v.bad("mlp_ratio", "out of range");
  c.mlpDim = static_cast<int>(c.width * mlpRatio);  // open_clip: int(width * mlp_ratio)

  PreprocessConfig& p = c.preprocess;
  p.shortestEdge = p.cropHeight = p.cropWidth = c.imageSize;
  if (const format::Json* pre = top.get("preprocess_cfg")) {
    if (!pre->is_object()) return top.wrong("preprocess_cfg", "an object");
    Fields pf(*pre, file, "preprocess_cfg");
    W2W_TRY(pf.triple("mean", p.mean));
    W2W_TRY(pf.triple("std", p.std));
    std::string interpolation = "bicubic", resizeMode = "shortest";
    W2W_TRY(pf.string("interpolation", interpolation));
    W2W_TRY(pf.string("resize_mode", resizeMode));
    if (interpolation != "bicubic") return pf.bad("interpolation", "only \"bicubic\" is supported");
    if (resizeMode == "squash") {
      p.resizeHeight = p.resizeWidth = c.imageSize;
    } else if (resizeMode != "shortest") {
      return pf.bad("resize_mode", "only \"shortest\" and \"squash\" are supported");
    }
  }
  return c;
}

Result<ModelFiles> findModelFiles(const std::string& dir, std::string_view layout) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return makeError(dir + ": not a folder");
  auto has = [&](const char* name) { return fs::is_regular_file(fs::path(dir) / name, ec); };
  auto path = [&](const char* name) { return (fs::path(dir) / name).string(); };
  const bool wantHf = layout == "hf", wantOc = layout == "openclip";
  if (!wantHf && !wantOc && layout != "auto")
    return makeError("unknown model layout \"" + std::string(layout) + "\" (expected auto, hf or openclip)");
  const char* convertHint =
      "; pickle files can run arbitrary code and are not loaded. Download the .safetensors variant of the "
      "model, or convert it once in Python with the safetensors package (safetensors.torch.save_file on the "
      "loaded state dict, or the convert.py script of the safetensors project)";

  ModelFiles files;
  if (!wantHf && has("open_clip_config.json")) {
    if (has("open_clip_model.safetensors")) {
      files.layout = WeightLayout::OpenClip;
      files.configPath = path("open_clip_config.json");
      files.weightsPath = path("open_clip_model.safetensors");
      return files;
    }
    if (has("open_clip_pytorch_model.bin") || has("open_clip_model.bin") || has("pytorch_model.bin"))
      if (wantOc || !has("model.safetensors"))
        return makeError(
            dir + ": only pickle weights (open_clip_pytorch_model.bin), no open_clip_model.safetensors" +
            std::string(convertHint));
  }
  if (!wantOc && has("config.json")) {
    if (!has("model.safetensors")) {
      if (has("pytorch_model.bin") || has("pytorch_model.bin.index.json"))
        return makeError(dir + ": only pickle weights (pytorch_model.bin), no model.safetensors" +
                         std::string(convertHint));
      return makeError(dir + ": config.json but no model.safetensors");
    }
    if (!has("preprocessor_config.json")) return makeError(dir + ": missing preprocessor_config.json");
    files.layout = WeightLayout::HuggingFace;
    files.configPath = path("config.json");
    files.preprocessorPath = path("preprocessor_config.json");
    files.weightsPath = path("model.safetensors");
    return files;
  }
  if (wantOc) return makeError(dir + ": missing open_clip_config.json or open_clip_model.safetensors");
  return makeError(dir +
                   ": no model config found (expected config.json with model.safetensors, or "
                   "open_clip_config.json with open_clip_model.safetensors)");
}

Result<ClipVisionConfig> loadModelConfig(const ModelFiles& files) {
  auto json = readConfigFile(files.configPath);
  if (!json) return json.error();
  Result<ClipVisionConfig> config = files.layout == WeightLayout::OpenClip
                                        ? parseOpenClipConfig(*json, files.configPath)
                                        : parseHfConfig(*json, files.configPath);
  if (!config) return config;
  if (files.layout == WeightLayout::HuggingFace) {
    auto pre = readConfigFile(files.preprocessorPath);
    if (!pre) return pre.error();
    auto p = parseHfPreprocessorConfig(*pre, files.preprocessorPath);
    if (!p) return p.error();
    config->preprocess = *p;
  }
  if (Status s = config->validate(); !s) return makeError(files.configPath + ": " + s.message());
  return config;
}

}  // namespace w2w::clip
