#include "embed/clip/safetensors_torch.h"

#include <cstdint>
#include <cstring>

namespace w2w::clip {

// safetensors is little-endian; so is every platform LibTorch supports.
static_assert(sizeof(float) == 4, "float must be 32-bit");

Result<torch::Dtype> torchDtypeOf(format::StDtype dtype) {
  switch (dtype) {
    case format::StDtype::F64: return torch::kFloat64;
    case format::StDtype::F32: return torch::kFloat32;
    case format::StDtype::F16: return torch::kFloat16;
    case format::StDtype::BF16: return torch::kBFloat16;
    case format::StDtype::I64: return torch::kInt64;
    case format::StDtype::I32: return torch::kInt32;
    case format::StDtype::I16: return torch::kInt16;
    case format::StDtype::I8: return torch::kInt8;
    case format::StDtype::U8: return torch::kUInt8;
    case format::StDtype::Bool: return torch::kBool;
    case format::StDtype::F8E4M3:
    case format::StDtype::F8E5M2: break;
  }
  return makeError(std::string("dtype ") + format::stDtypeName(dtype) + " is not supported by this LibTorch");
}

Result<torch::Tensor> tensorView(const std::shared_ptr<const format::SafetensorsFile>& file,
                                 const format::StTensorInfo& info) {
  auto dtype = torchDtypeOf(info.dtype);
  if (!dtype) return makeError(file->path() + ": tensor \"" + info.name + "\": " + dtype.message());
  try {
    const auto options = torch::TensorOptions().dtype(*dtype).device(torch::kCPU);
    const std::uint8_t* bytes = file->data(info);
    const auto elem = format::stDtypeSize(info.dtype);
    if (info.byteSize() == 0) return torch::empty(info.shape, options);
    if (reinterpret_cast<std::uintptr_t>(bytes) % elem != 0) {
      // Vector kernels may assume natural alignment: copy this one.
      auto t = torch::empty(info.shape, options);
      std::memcpy(t.data_ptr(), bytes, info.byteSize());
      return t;
    }
    // The deleter owns a reference to the file, so the mapping outlives the view.
    auto keepAlive = new std::shared_ptr<const format::SafetensorsFile>(file);
    return torch::from_blob(
        const_cast<std::uint8_t*>(bytes), info.shape, [keepAlive](void*) { delete keepAlive; }, options);
  } catch (const std::exception& e) {
    return makeError(file->path() + ": tensor \"" + info.name + "\": " + e.what());
  }
}

Result<torch::Tensor> loadFloatTensor(const std::shared_ptr<const format::SafetensorsFile>& file,
                                      std::string_view name, bool keepDtype) {
  const format::StTensorInfo* info = file->find(name);
  if (!info) return makeError(file->path() + ": missing tensor \"" + std::string(name) + "\"");
  switch (info->dtype) {
    case format::StDtype::F32:
    case format::StDtype::F16:
    case format::StDtype::BF16:
    case format::StDtype::F64: break;
    default:
      return makeError(file->path() + ": tensor \"" + info->name + "\" has dtype " +
                       format::stDtypeName(info->dtype) +
                       ", expected a floating-point type (F32, F16, BF16)");
  }
  auto view = tensorView(file, *info);
  if (!view) return view.error();
  try {
    torch::Tensor t = *view;
    const bool keep =
        keepDtype && (t.scalar_type() == torch::kFloat16 || t.scalar_type() == torch::kBFloat16);
    // clone() for F32 so the result never aliases the mapped file.
    return keep ? t.clone() : (t.scalar_type() == torch::kFloat32 ? t.clone() : t.to(torch::kFloat32));
  } catch (const std::exception& e) {
    return makeError(file->path() + ": tensor \"" + info->name + "\": " + e.what());
  }
}

}  // namespace w2w::clip
