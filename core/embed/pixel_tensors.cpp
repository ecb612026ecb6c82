#include "embed/pixel_tensors.h"

#include <cstring>

#include "embed/clip/safetensors_torch.h"
#include "format/safetensors.h"

namespace w2w {

Result<torch::Tensor> readPixelTensor(const std::string& path, const std::string& tensor) {
  auto file = format::SafetensorsFile::open(path);
  if (!file) return file.error();
  std::string name = tensor;
  if (name.empty()) {
    if ((*file)->tensors().size() != 1) {
      return makeError(path + ": holds " + std::to_string((*file)->tensors().size()) +
                       " tensors; name one as FILE:TENSOR");
    }
    name = (*file)->tensors().front().name;
  }
  auto pixels = clip::loadFloatTensor(*file, name);
  if (!pixels) return pixels.error();
  if (pixels->dim() == 3) return pixels->unsqueeze(0);
  return *pixels;
}

FloatMatrix toFloatMatrix(const torch::Tensor& rows) {
  const torch::Tensor t = rows.to(torch::kFloat32).contiguous();
  FloatMatrix out(t.size(0), t.size(1));
  if (!out.data.empty()) std::memcpy(out.data.data(), t.data_ptr<float>(), out.data.size() * sizeof(float));
  return out;
}

}  // namespace w2w
