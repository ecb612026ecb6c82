#include "compat/compat_config.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <type_traits>

#include "compat/outfit_set.h"
#include "format/json.h"

namespace w2w::compat {
namespace {

using format::Json;

// One table of fields per struct serves both directions.
template <typename T>
struct Field {
  std::function<Json(const T&)> get;
  std::function<bool(T&, const Json&)> set;
};

// Integral members are written as integers, the others as doubles; either
// kind of JSON number is read into either.
template <typename T, typename V>
Field<T> number(V T::*member) {
  return {[member](const T& t) {
            if constexpr (std::is_integral_v<V>) return Json(static_cast<std::int64_t>(t.*member));
            return Json(static_cast<double>(t.*member));
          },
          [member](T& t, const Json& v) {
            if (!v.is_number()) return false;
            t.*member = static_cast<V>(v.get<double>());
            return true;
          }};
}

template <typename T>
Field<T> flag(bool T::*member) {
  return {[member](const T& t) { return Json(t.*member); },
          [member](T& t, const Json& v) {
            if (!v.is_boolean()) return false;
            t.*member = v.get<bool>();
            return true;
          }};
}

const std::map<std::string, Field<HeadConfig>>& headFields() {
  static const std::map<std::string, Field<HeadConfig>> fields = {
      {"input_dim", number(&HeadConfig::inputDim)},
      {"hidden_dim", number(&HeadConfig::hiddenDim)},
      {"output_dim", number(&HeadConfig::outputDim)},
      {"dropout", number(&HeadConfig::dropout)},
      {"standardize", flag(&HeadConfig::standardize)},
      {"ensemble", number(&HeadConfig::ensemble)},
      {"slots",
       {[](const HeadConfig& h) {
          Json names = Json::array();
          for (Category c : h.slots) names.push_back(categoryName(c));
          return names;
        },
        [](HeadConfig& h, const Json& v) {
          if (!v.is_array()) return false;
          h.slots.clear();
          for (const Json& name : v) {
            const auto c = parseCategory(format::textOf(name));
            if (!c) return false;
            h.slots.push_back(*c);
          }
          return true;
        }}},
      {"mode",
       {[](const HeadConfig& h) { return Json(headModeName(h.mode)); },
        [](HeadConfig& h, const Json& v) {
          const auto mode = parseHeadMode(format::textOf(v));
          if (mode) h.mode = *mode;
          return mode.has_value();
        }}},
  };
  return fields;
}

const std::map<std::string, Field<LossConfig>>& lossFields() {
  static const std::map<std::string, Field<LossConfig>> fields = {
      {"temperature", number(&LossConfig::temperature)},
      {"threshold", number(&LossConfig::threshold)},
      {"modified_weight", number(&LossConfig::modifiedWeight)},
  };
  return fields;
}

const std::map<std::string, Field<TrainConfig>>& trainFields() {
  // The seed is a 64-bit integer: kept as a decimal string, since JSON numbers are doubles.
  static const std::map<std::string, Field<TrainConfig>> fields = {
      {"epochs", number(&TrainConfig::epochs)},
      {"batch_size", number(&TrainConfig::batchSize)},
      {"learning_rate", number(&TrainConfig::learningRate)},
      {"weight_decay", number(&TrainConfig::weightDecay)},
      {"warmup_fraction", number(&TrainConfig::warmupFraction)},
      {"curriculum_epochs", number(&TrainConfig::curriculumEpochs)},
      {"noise_std", number(&TrainConfig::noiseStd)},
      {"feature_dropout", number(&TrainConfig::featureDropout)},
      {"validation_fraction", number(&TrainConfig::validationFraction)},
      {"patience", number(&TrainConfig::patience)},
      {"eval_rounds", number(&TrainConfig::evalRounds)},
      {"threads", number(&TrainConfig::threads)},
      {"max_grad_norm", number(&TrainConfig::maxGradNorm)},
      {"seed",
       {[](const TrainConfig& t) { return Json(std::to_string(t.seed)); },
        [](TrainConfig& t, const Json& v) {
          const std::string text = format::textOf(v);
          const char* end = text.data() + text.size();
          const auto [last, error] = std::from_chars(text.data(), end, t.seed);
          return !text.empty() && error == std::errc() && last == end;
        }}},
  };
  return fields;
}

template <typename T>
Json toObject(const T& value, const std::map<std::string, Field<T>>& fields) {
  Json out = Json::object();
  for (const auto& [key, field] : fields) out[key] = field.get(value);
  return out;
}

template <typename T>
Status fromObject(const Json& object, const std::map<std::string, Field<T>>& fields, T& value,
                  const std::string& where) {
  for (const auto& [key, member] : object.items()) {
    const auto field = fields.find(key);
    if (field == fields.end()) return makeError(where + ": unknown key '" + key + "'");
    if (!field->second.set(value, member)) return makeError(where + ": bad value for '" + key + "'");
  }
  return Status::success();
}

Result<Json> parseObject(const std::string& json, const std::string& what) {
  auto parsed = format::parseJson(json);
  if (!parsed) return makeError(what + ": not a JSON object (" + parsed.message() + ")");
  if (!parsed->is_object()) return makeError(what + ": not a JSON object");
  return parsed;
}

}  // namespace

const char* headModeName(HeadMode mode) {
  switch (mode) {
    case HeadMode::Shared: return "shared";
    case HeadMode::PerCategory: return "per_category";
    case HeadMode::PairSpaces: return "pair_spaces";
  }
  return "shared";
}

std::optional<HeadMode> parseHeadMode(const std::string& name) {
  for (HeadMode m : {HeadMode::Shared, HeadMode::PerCategory, HeadMode::PairSpaces}) {
    if (name == headModeName(m)) return m;
  }
  return std::nullopt;
}

std::string headConfigJson(const HeadConfig& head) { return format::dumpJson(toObject(head, headFields())); }

Result<HeadConfig> parseHeadConfig(const std::string& json) {
  auto object = parseObject(json, "head configuration");
  if (!object) return object.error();
  HeadConfig head;
  if (Status s = fromObject(*object, headFields(), head, "head configuration"); !s) return s.error();
  return head;
}

std::string trainConfigJson(const TrainConfig& config) {
  Json object = toObject(config, trainFields());
  object["head"] = toObject(config.head, headFields());
  object["loss"] = toObject(config.loss, lossFields());
  return format::dumpJson(object);
}

Result<TrainConfig> parseTrainConfig(const std::string& json) {
  auto object = parseObject(json, "training configuration");
  if (!object) return object.error();
  TrainConfig config;
  const Json head = format::objectOf(*object, "head");
  const Json loss = format::objectOf(*object, "loss");
  Json rest = *object;
  rest.erase("head");
  rest.erase("loss");
  if (Status s = fromObject(rest, trainFields(), config, "training configuration"); !s) return s.error();
  if (Status s = fromObject(head, headFields(), config.head, "training configuration: head"); !s)
    return s.error();
  if (Status s = fromObject(loss, lossFields(), config.loss, "training configuration: loss"); !s)
    return s.error();
  return config;
}

long long headParameterCount(const HeadConfig& h) {
  // Mirrors CompatHeadImpl: per projection Linear(in, hidden), LayerNorm(hidden),
  // Linear(hidden, out); one projection per member (Shared) or per category
  // of the layout and member; plus the [categories, in] mean and scale buffers.
  const std::vector<Category> slots = h.slots.empty() ? seedLayout() : h.slots;
  const std::vector<Category> categories = layoutCategories(slots);
  const std::vector<CategoryPair> pairs = layoutPairs(slots);
  const long long in = h.inputDim, hidden = h.hiddenDim;
  const std::size_t perMember = h.mode == HeadMode::Shared ? 1 : categories.size();
  long long total = 0;
  for (std::size_t c = 0; c < perMember; ++c) {
    long long out = h.outputDim;
    if (h.mode == HeadMode::PairSpaces) {
      const auto touches = [&](const CategoryPair& p) {
        return p.first == categories[c] || p.second == categories[c];
      };
      out *= static_cast<long long>(std::count_if(pairs.begin(), pairs.end(), touches));
    }
    total += in * hidden + hidden + 2 * hidden + hidden * out + out;
  }
  return total * std::max(1, h.ensemble) + 2 * static_cast<long long>(categories.size()) * in;
}

Status validateConfig(const TrainConfig& c) {
  const auto bad = [](const std::string& what) {
    return Status(makeError("invalid training configuration: " + what));
  };
  if (c.head.inputDim <= 0) return bad("input_dim must be positive");
  if (c.head.slots.size() == 1) return bad("slots must name at least two outfit slots (or none: the data's)");
  if (c.head.hiddenDim <= 0 || c.head.outputDim <= 0)
    return bad("hidden_dim and output_dim must be positive");
  if (c.head.inputDim > kMaxLayerWidth || c.head.hiddenDim > kMaxLayerWidth ||
      c.head.outputDim > kMaxLayerWidth) {
    return bad("input_dim, hidden_dim and output_dim must be at most " + std::to_string(kMaxLayerWidth));
  }
  if (c.head.ensemble < 1 || c.head.ensemble > kMaxEnsemble)
    return bad("ensemble must be from 1 to " + std::to_string(kMaxEnsemble));
  const long long pairCount =
      static_cast<long long>(layoutPairs(c.head.slots.empty() ? seedLayout() : c.head.slots).size());
  const long long memberLatent = (c.head.mode == HeadMode::PairSpaces ? pairCount : 1LL) * c.head.outputDim;
  if (memberLatent * c.head.ensemble > kMaxLatentWidth) {
    return bad("ensemble x output_dim (" + std::to_string(memberLatent * c.head.ensemble) +
               " latent values per item) must be at most " + std::to_string(kMaxLatentWidth));
  }
  if (headParameterCount(c.head) > kMaxHeadParameters) {
    return bad("the head would have " + std::to_string(headParameterCount(c.head)) +
               " parameters, more than the " + std::to_string(kMaxHeadParameters) + " allowed");
  }
  if (!(c.head.dropout >= 0 && c.head.dropout < 1)) return bad("dropout must be in [0, 1)");
  if (!(c.loss.temperature > 0)) return bad("temperature must be positive");
  if (!(c.loss.threshold >= -1 && c.loss.threshold <= 1)) return bad("threshold must be in [-1, 1]");
  if (!(c.loss.modifiedWeight >= 0)) return bad("modified_weight must not be negative");
  if (c.epochs <= 0) return bad("epochs must be positive");
  if (c.batchSize < 2) return bad("batch_size must be at least 2");
  if (!(c.learningRate > 0) || !std::isfinite(c.learningRate)) return bad("learning_rate must be positive");
  if (!(c.weightDecay >= 0)) return bad("weight_decay must not be negative");
  if (!(c.warmupFraction >= 0 && c.warmupFraction < 1)) return bad("warmup_fraction must be in [0, 1)");
  if (c.curriculumEpochs < 0) return bad("curriculum_epochs must not be negative");
  if (!(c.noiseStd >= 0)) return bad("noise_std must not be negative");
  if (!(c.featureDropout >= 0 && c.featureDropout < 1)) return bad("feature_dropout must be in [0, 1)");
  if (!(c.validationFraction > 0 && c.validationFraction < 1))
    return bad("validation_fraction must be in (0, 1)");
  if (c.patience < 1) return bad("patience must be at least 1");
  if (c.evalRounds < 1) return bad("eval_rounds must be at least 1");
  if (c.threads < 1) return bad("threads must be at least 1");
  return Status::success();
}

}  // namespace w2w::compat
