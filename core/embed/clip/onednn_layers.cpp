#include "embed/clip/onednn_layers.h"

#include <c10/util/Exception.h>

#if W2W_CLIP_HAVE_ONEDNN

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <string>

#include <ATen/ATen.h>
#include <ATen/record_function.h>
#include <oneapi/dnnl/dnnl.hpp>

#include "embed/clip/packed_linear.h"

namespace w2w::clip {

namespace {

using dnnl::memory;
using Dims = memory::dims;
using Type = memory::data_type;
using Tag = memory::format_tag;

const dnnl::engine& cpuEngine() {
  static const dnnl::engine engine(dnnl::engine::kind::cpu, 0);
  return engine;
}

// A oneDNN memory object over a tensor's (or a slice's) bytes.
memory view(const memory::desc& desc, const void* data) {
  return memory(desc, cpuEngine(), const_cast<void*>(data));
}

// oneDNN falls back to its reference kernels for what it has no optimised
// kernel for; those are orders of magnitude slower than LibTorch's route.
bool isReference(const dnnl::primitive_desc_base& pd) {
  return std::string(pd.impl_info_str()).rfind("ref", 0) == 0;
}

dnnl::primitive_attr attributes(const dnnl::post_ops& ops = dnnl::post_ops()) {
  dnnl::primitive_attr attr;
  attr.set_post_ops(ops);
  // Each call passes its own scratchpad, so concurrent calls never share one.
  attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
  return attr;
}

// The four products of a layer: y [M,N] = x [M,K] W^T + b, then the epilogue.
enum Product { kQkv, kOut, kFc1, kFc2, kProducts };
const char* const kProductNames[kProducts] = {"clip::qkv", "clip::out", "clip::fc1", "clip::fc2"};

struct ProductShape {
  memory::dim k = 0, n = 0;
  Type dst = Type::f32;
  dnnl::post_ops epilogue;
};

// Each product is oneDNN's 1x1 convolution over a row of M pixels: the
// input [M,K] and output [M,N], row-major, are exactly its channels-last
// (nhwc) source and destination, so no copy either way, and its weights are
// kept in the blocked layout its kernel reads (reordered once, at load).
// oneDNN 2.6's matmul packs the weights again inside every call on AVX2
// (gemm-based): measured on one Zen 3 core, GFLOP/s at M = 50 / 400 / 1600
// rows of fc1's shape (K 768, N 3072): matmul 34 / 72 / 79, convolution
// 72 / 82 / 81; the convolution is as fast or faster for every product shape
// and row count of ViT-B/32 (bench/clip, docs/benchmarks/clip.md).
dnnl::convolution_forward::primitive_desc productDesc(const ProductShape& s, memory::dim rows, Type src,
                                                      const memory::desc& weights) {
  const memory::desc x({1, s.k, 1, rows}, src, Tag::nhwc), bias({s.n}, Type::f32, Tag::a),
      y({1, s.n, 1, rows}, s.dst, Tag::nhwc);
  return dnnl::convolution_forward::primitive_desc(
      dnnl::convolution_forward::desc(dnnl::prop_kind::forward_inference, dnnl::algorithm::convolution_direct,
                                      x, weights, bias, y, {1, 1}, {0, 0}, {0, 0}),
      attributes(s.epilogue), cpuEngine());
}

memory::desc anyWeights(const ProductShape& s, Type type) {
  return memory::desc({s.n, s.k, 1, 1}, type, Tag::any);
}

// The weight [N,K] (float32) converted to `type` and reordered into `packed`.
memory pack(const torch::Tensor& weight, Type type, const memory::desc& packed) {
  const auto w = weight.to(type == Type::bf16 ? torch::kBFloat16 : torch::kFloat32).contiguous();
  memory plain = view(memory::desc({w.size(0), w.size(1), 1, 1}, type, Tag::oihw), w.data_ptr());
  memory out(packed, cpuEngine());
  dnnl::stream stream(cpuEngine());
  dnnl::reorder(plain, out).execute(stream, plain, out);
  stream.wait();
  return out;
}

struct PackedLayer {
  torch::Tensor ln1Weight, ln1Bias, ln2Weight, ln2Bias;  // float32
  std::array<memory, kProducts> weights;                 // packed, in the compute type
  std::array<torch::Tensor, kProducts> biases;           // float32 [N]
};

struct ProductKernel {
  dnnl::convolution_forward::primitive_desc pd;
  dnnl::convolution_forward kernel;
  bool takesPacked = true;  // otherwise the packed weights are reordered for it on each call
};

// Everything that depends on the batch size, made once per size.
struct BatchKernels {
  std::array<ProductKernel, kProducts> products;
  dnnl::matmul::primitive_desc scoresPd, contextPd;
  dnnl::matmul scores, context;
  dnnl::softmax_v2_forward::primitive_desc softmaxPd;
  dnnl::softmax_v2_forward softmax;
  std::size_t scratchBytes = 1;
};

}  // namespace

struct OneDnnLayers::Impl {
  memory::dim tokens = 0, width = 0, heads = 0, headDim = 0, mlp = 0;
  double eps = 1e-5;
  torch::Dtype dtype = torch::kFloat32;
  Type type = Type::f32;
  std::array<ProductShape, kProducts> shapes;
  std::array<memory::desc, kProducts> packedDesc;
  std::vector<PackedLayer> layers;

  mutable std::mutex mutex;
  mutable std::map<memory::dim, std::shared_ptr<const BatchKernels>> kernels;  // by batch size

  std::shared_ptr<const BatchKernels> kernelsFor(memory::dim batch) const {
    std::lock_guard<std::mutex> lock(mutex);
    auto& k = kernels[batch];
    if (!k) k = build(batch);
    return k;
  }

  std::shared_ptr<const BatchKernels> build(memory::dim batch) const {
    const memory::dim T = tokens, W = width, H = heads, D = headDim, M = batch * T;
    auto k = std::make_shared<BatchKernels>();
    for (int p = 0; p < kProducts; ++p) {
      auto& product = k->products[p];
      // The weights were packed for one batch size; another size normally
      // takes them as they are, and is given its own layout only if not.
      try {
        product.pd = productDesc(shapes[p], M, type, packedDesc[p]);
        product.takesPacked = !isReference(product.pd);
      } catch (const dnnl::error&) {
        product.takesPacked = false;
      }
      if (!product.takesPacked) product.pd = productDesc(shapes[p], M, type, anyWeights(shapes[p], type));
      TORCH_CHECK(!isReference(product.pd), "oneDNN has no optimised kernel for ", kProductNames[p]);
      product.kernel = dnnl::convolution_forward(product.pd);
    }
    // Attention, per image and head. Q, K and V are read in place from the
    // QKV product's [B,T,3,H,D] output; the context is written as [B,T,H,D],
    // which is [M,W] for the output product.
    const memory::desc q({batch, H, T, D}, type, Dims{T * 3 * W, D, 3 * W, 1});
    const memory::desc kT({batch, H, D, T}, type, Dims{T * 3 * W, D, 1, 3 * W});
    const memory::desc scores({batch, H, T, T}, Type::f32, Tag::abcd);
    const memory::desc probs({batch, H, T, T}, type, Tag::abcd);
    const memory::desc context({batch, H, T, D}, type, Dims{T * W, D, W, 1});
    k->scoresPd = dnnl::matmul::primitive_desc(dnnl::matmul::desc(q, kT, scores), attributes(), cpuEngine());
    k->contextPd =
        dnnl::matmul::primitive_desc(dnnl::matmul::desc(probs, q, context), attributes(), cpuEngine());
    k->softmaxPd = dnnl::softmax_v2_forward::primitive_desc(
        dnnl::softmax_v2_forward::desc(dnnl::prop_kind::forward_inference, dnnl::algorithm::softmax_accurate,
                                       scores, probs, 3),
        attributes(), cpuEngine());
    TORCH_CHECK(!isReference(k->scoresPd) && !isReference(k->contextPd) && !isReference(k->softmaxPd),
                "oneDNN has no optimised kernel for the attention");
    k->scores = dnnl::matmul(k->scoresPd);
    k->context = dnnl::matmul(k->contextPd);
    k->softmax = dnnl::softmax_v2_forward(k->softmaxPd);
    for (const auto& p : k->products)
      k->scratchBytes = std::max(k->scratchBytes, p.pd.scratchpad_desc().get_size());
    for (const auto* pd : {&k->scoresPd, &k->contextPd})
      k->scratchBytes = std::max(k->scratchBytes, pd->scratchpad_desc().get_size());
    k->scratchBytes = std::max(k->scratchBytes, k->softmaxPd.scratchpad_desc().get_size());
    return k;
  }

  // LayerNorm of the residual stream, in the type the next product reads.
  torch::Tensor normed(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias) const {
    RECORD_USER_SCOPE("clip::layer_norm");
    auto y = at::layer_norm(x, {width}, weight, bias, eps);
    return dtype == torch::kFloat32 ? y : y.to(dtype);
  }

  void product(const BatchKernels& k, Product p, const PackedLayer& layer, const torch::Tensor& src,
               torch::Tensor& dst, dnnl::stream& stream, const torch::Tensor& scratch) const {
    RECORD_USER_SCOPE(kProductNames[p]);
    const auto& product = k.products[p];
    memory weights = layer.weights[p];
    if (!product.takesPacked) {
      memory own(product.pd.weights_desc(), cpuEngine());
      dnnl::reorder(weights, own).execute(stream, weights, own);
      weights = own;
    }
    product.kernel.execute(stream,
                           {{DNNL_ARG_SRC, view(product.pd.src_desc(), src.data_ptr())},
                            {DNNL_ARG_WEIGHTS, weights},
                            {DNNL_ARG_BIAS, view(product.pd.bias_desc(), layer.biases[p].data_ptr())},
                            {DNNL_ARG_DST, view(product.pd.dst_desc(), dst.data_ptr())},
                            {DNNL_ARG_SCRATCHPAD, view(product.pd.scratchpad_desc(), scratch.data_ptr())}});
  }

  // softmax(Q K^T) V for every image and head (Q already carries 1/sqrt(D)).
  void attention(const BatchKernels& k, const torch::Tensor& qkv, torch::Tensor& scores, torch::Tensor& probs,
                 torch::Tensor& context, dnnl::stream& stream, const torch::Tensor& scratch) const {
    RECORD_USER_SCOPE("clip::attention");
    const auto* base = static_cast<const char*>(qkv.data_ptr());
    const auto step = static_cast<std::size_t>(width) * qkv.element_size();  // from Q to K to V
    const auto pad = [&](const dnnl::primitive_desc_base& pd) {
      return view(pd.scratchpad_desc(), scratch.data_ptr());
    };
    k.scores.execute(stream, {{DNNL_ARG_SRC, view(k.scoresPd.src_desc(), base)},
                              {DNNL_ARG_WEIGHTS, view(k.scoresPd.weights_desc(), base + step)},
                              {DNNL_ARG_DST, view(k.scoresPd.dst_desc(), scores.data_ptr())},
                              {DNNL_ARG_SCRATCHPAD, pad(k.scoresPd)}});
    k.softmax.execute(stream, {{DNNL_ARG_SRC, view(k.softmaxPd.src_desc(), scores.data_ptr())},
                               {DNNL_ARG_DST, view(k.softmaxPd.dst_desc(), probs.data_ptr())},
                               {DNNL_ARG_SCRATCHPAD, pad(k.softmaxPd)}});
    k.context.execute(stream, {{DNNL_ARG_SRC, view(k.contextPd.src_desc(), probs.data_ptr())},
                               {DNNL_ARG_WEIGHTS, view(k.contextPd.weights_desc(), base + 2 * step)},
                               {DNNL_ARG_DST, view(k.contextPd.dst_desc(), context.data_ptr())},
                               {DNNL_ARG_SCRATCHPAD, pad(k.contextPd)}});
  }
};

bool OneDnnLayers::built() { return true; }

bool OneDnnLayers::supports(torch::Dtype dtype) {
  if (dtype == torch::kFloat32) return true;
  if (dtype != torch::kBFloat16 || !cpuHasBf16Kernels()) return false;
  static const bool bf16 = [] {
    try {
      const ProductShape shape{64, 64, Type::bf16, {}};
      const auto product = productDesc(shape, 64, Type::bf16, anyWeights(shape, Type::bf16));
      const memory::desc x({64, 64}, Type::bf16, Tag::ab), w({64, 64}, Type::bf16, Tag::any);
      const dnnl::matmul::primitive_desc attention(dnnl::matmul::desc(x, w, x), cpuEngine());
      return !isReference(product) && !isReference(attention);
    } catch (const dnnl::error&) {
      return false;
    }
  }();
  return bf16;
}

OneDnnLayers::OneDnnLayers(const ClipVisionConfig& config, const std::vector<ClipLayerWeights>& layers,
                           torch::Dtype dtype)
    : impl_(std::make_unique<Impl>()) {
  TORCH_CHECK(supports(dtype), "oneDNN has no kernels for ", c10::toString(dtype), " on this CPU");
  auto& d = *impl_;
  d.tokens = config.tokens();
  d.width = config.width;
  d.heads = config.heads;
  d.headDim = config.headDim();
  d.mlp = config.mlpDim;
  d.eps = config.layerNormEps;
  d.dtype = dtype;
  d.type = dtype == torch::kBFloat16 ? Type::bf16 : Type::f32;

  dnnl::post_ops activation, accumulate;
  switch (config.activation) {
    case Activation::QuickGelu:
      activation.append_eltwise(1.f, dnnl::algorithm::eltwise_swish, 1.702f, 0.f);
      break;
    case Activation::Gelu: activation.append_eltwise(1.f, dnnl::algorithm::eltwise_gelu_erf, 0.f, 0.f); break;
    case Activation::GeluTanh:
      activation.append_eltwise(1.f, dnnl::algorithm::eltwise_gelu_tanh, 0.f, 0.f);
      break;
  }
  accumulate.append_sum(1.f);  // y += x W^T + b: the residual addition
  const memory::dim W = d.width, F = d.mlp;
  d.shapes[kQkv] = {W, 3 * W, d.type, {}};
  d.shapes[kOut] = {W, W, Type::f32, accumulate};
  d.shapes[kFc1] = {W, F, d.type, activation};
  d.shapes[kFc2] = {F, W, Type::f32, accumulate};
  try {
    // Weights are packed in the layout oneDNN picks for a batch of 32.
    for (int p = 0; p < kProducts; ++p)
      d.packedDesc[p] =
          productDesc(d.shapes[p], 32 * d.tokens, d.type, anyWeights(d.shapes[p], d.type)).weights_desc();
    for (const auto& src : layers) {
      PackedLayer l;
      l.ln1Weight = src.ln1Weight.to(torch::kFloat32).contiguous();
      l.ln1Bias = src.ln1Bias.to(torch::kFloat32).contiguous();
      l.ln2Weight = src.ln2Weight.to(torch::kFloat32).contiguous();
      l.ln2Bias = src.ln2Bias.to(torch::kFloat32).contiguous();
      const std::array<const torch::Tensor*, kProducts> weights{&src.qkv, &src.out, &src.fc1, &src.fc2};
      const std::array<const torch::Tensor*, kProducts> biases{&src.qkvBias, &src.outBias, &src.fc1Bias,
                                                               &src.fc2Bias};
      for (int p = 0; p < kProducts; ++p) {
        l.weights[p] = pack(*weights[p], d.type, d.packedDesc[p]);
        l.biases[p] = biases[p]->to(torch::kFloat32).contiguous();
      }
      d.layers.push_back(std::move(l));
    }
    d.kernelsFor(1);  // every primitive can be made (and is not a reference kernel)
  } catch (const dnnl::error& e) {
    TORCH_CHECK(false, "oneDNN: ", e.what());
  }
}

OneDnnLayers::~OneDnnLayers() = default;

void OneDnnLayers::run(torch::Tensor& x) const {
  const auto& d = *impl_;
  TORCH_CHECK(x.dim() == 3 && x.size(1) == d.tokens && x.size(2) == d.width && x.is_contiguous() &&
                  x.scalar_type() == torch::kFloat32 && x.is_cpu(),
              "OneDnnLayers::run: expected a contiguous float32 CPU tensor [B,", d.tokens, ",", d.width, "]");
  const memory::dim B = x.size(0), T = d.tokens, W = d.width, M = B * T;
  try {
    const auto k = d.kernelsFor(B);
    dnnl::stream stream(cpuEngine());
    const auto low = torch::TensorOptions().dtype(d.dtype);
    const auto scratch = torch::empty({static_cast<std::int64_t>(k->scratchBytes)}, torch::kUInt8);
    auto qkv = torch::empty({M, 3 * W}, low);
    auto scores = torch::empty({B, d.heads, T, T}, torch::kFloat32);
    auto probs = d.dtype == torch::kFloat32 ? scores : torch::empty({B, d.heads, T, T}, low);
    auto context = torch::empty({M, W}, low);
    auto hidden = torch::empty({M, d.mlp}, low);
    auto residual = x.view({M, W});
    for (const auto& layer : d.layers) {
      auto h = d.normed(residual, layer.ln1Weight, layer.ln1Bias);
      d.product(*k, kQkv, layer, h, qkv, stream, scratch);
      d.attention(*k, qkv, scores, probs, context, stream, scratch);
      d.product(*k, kOut, layer, context, residual, stream, scratch);
      h = d.normed(residual, layer.ln2Weight, layer.ln2Bias);
      d.product(*k, kFc1, layer, h, hidden, stream, scratch);
      d.product(*k, kFc2, layer, hidden, residual, stream, scratch);
    }
    stream.wait();
  } catch (const dnnl::error& e) {
    TORCH_CHECK(false, "oneDNN: ", e.what());
  }
}

}  // namespace w2w::clip

#else  // !W2W_CLIP_HAVE_ONEDNN

namespace w2w::clip {

struct OneDnnLayers::Impl {};

bool OneDnnLayers::built() { return false; }
bool OneDnnLayers::supports(torch::Dtype) { return false; }

OneDnnLayers::OneDnnLayers(const ClipVisionConfig&, const std::vector<ClipLayerWeights>&, torch::Dtype) {
  TORCH_CHECK(false, "this build does not call oneDNN directly");
}

OneDnnLayers::~OneDnnLayers() = default;

void OneDnnLayers::run(torch::Tensor&) const {
  TORCH_CHECK(false, "this build does not call oneDNN directly");
}

}  // namespace w2w::clip

#endif
