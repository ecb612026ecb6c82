// libFuzzer target: the strict JSON parser, then the three config parsers on
// whatever JSON it accepts (they must refuse or accept, never crash), then
// writing the value back out (which must parse again).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "embed/clip/config_loader.h"
#include "format/json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto json = w2w::format::parseJson(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!json) return 0;
  (void)w2w::clip::parseHfConfig(*json, "config.json");
  (void)w2w::clip::parseHfPreprocessorConfig(*json, "preprocessor_config.json");
  auto oc = w2w::clip::parseOpenClipConfig(*json, "open_clip_config.json");
  if (oc) (void)oc->validate();
  if (!w2w::format::parseJson(w2w::format::dumpJson(*json))) std::abort();
  return 0;
}
