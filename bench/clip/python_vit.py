#!/usr/bin/python3
"""The Python side of the CLIP image-tower benchmark (see run_clip_bench.sh).

A plain PyTorch ViT-B/32 written the way Hugging Face's CLIPVisionModel
computes it (separate q/k/v Linear layers, matmul + softmax attention,
QuickGELU), with random weights from a fixed seed. It:

  --write DIR   writes the model in the Hugging Face layout (config.json,
                preprocessor_config.json, model.safetensors) plus
                inputs.safetensors: 32 pixel tensors and this module's float32
                embeddings of them, so the C++ benchmark runs the very same
                weights on the very same inputs and reports its cosine to these;
  --bench DIR   times the model from DIR at batch 1, 8 and 32, float32 and
                (with autocast) bf16, and prints one JSON line per case
                (--precisions and --batches choose fewer). On a CPU without
                bf16 kernels (no AVX-512) autocast's bf16 takes minutes per
                batch of 32: such a case is timed once, without warm-up.
                With --device cuda the pixels start on the host and the
                embeddings come back to it (as the C++ encoder's API does),
                float32 runs without TF32, and fp16 is a precision too;
  --gemm        times fc1's product (batch 32 and 256 rows) on --device cuda
                in float32 (no TF32), bf16 and fp16: the GPU's bound.

Run with Debian's interpreter (/usr/bin/python3, python3-torch 1.13) on the
CPU; run_cuda_check.sh runs it with the GPU machine's PyTorch.
"""
import argparse
import json
import math
import os
import resource
import struct
import time

import torch
from torch import nn

WIDTH, LAYERS, HEADS, PATCH, SIZE, OUT, MLP = 768, 12, 12, 32, 224, 512, 3072
TOKENS = (SIZE // PATCH) ** 2 + 1


class Attention(nn.Module):
    def __init__(self):
        super().__init__()
        self.q_proj, self.k_proj, self.v_proj = (nn.Linear(WIDTH, WIDTH) for _ in range(3))
        self.out_proj = nn.Linear(WIDTH, WIDTH)

    def forward(self, x):
        b, t, w = x.shape
        d = w // HEADS
        q = self.q_proj(x).view(b, t, HEADS, d).transpose(1, 2) * (d ** -0.5)
        k = self.k_proj(x).view(b, t, HEADS, d).transpose(1, 2)
        v = self.v_proj(x).view(b, t, HEADS, d).transpose(1, 2)
        a = torch.softmax(q @ k.transpose(-1, -2), dim=-1)
        return self.out_proj((a @ v).transpose(1, 2).reshape(b, t, w))


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer_norm1, self.layer_norm2 = nn.LayerNorm(WIDTH), nn.LayerNorm(WIDTH)
        self.self_attn = Attention()
        self.fc1, self.fc2 = nn.Linear(WIDTH, MLP), nn.Linear(MLP, WIDTH)

    def forward(self, x):
        x = x + self.self_attn(self.layer_norm1(x))
        h = self.fc1(self.layer_norm2(x))
        return x + self.fc2(h * torch.sigmoid(1.702 * h))


class VisionTower(nn.Module):
    def __init__(self):
        super().__init__()
        self.patch_embedding = nn.Conv2d(3, WIDTH, PATCH, PATCH, bias=False)
        self.class_embedding = nn.Parameter(torch.randn(WIDTH) * WIDTH ** -0.5)
        self.position_embedding = nn.Parameter(torch.randn(TOKENS, WIDTH) * 0.01)
        self.pre_layrnorm, self.post_layernorm = nn.LayerNorm(WIDTH), nn.LayerNorm(WIDTH)
        self.layers = nn.ModuleList(Block() for _ in range(LAYERS))
        self.visual_projection = nn.Linear(WIDTH, OUT, bias=False)

    def forward(self, pixels):
        x = self.patch_embedding(pixels).flatten(2).transpose(1, 2)
        x = torch.cat([self.class_embedding.expand(x.shape[0], 1, -1), x], dim=1) + self.position_embedding
        x = self.pre_layrnorm(x)
        for layer in self.layers:
            x = layer(x)
        return self.visual_projection(self.post_layernorm(x[:, 0]))

    def hf_state_dict(self):
        sd = {
            "vision_model.embeddings.class_embedding": self.class_embedding,
            "vision_model.embeddings.patch_embedding.weight": self.patch_embedding.weight,
            "vision_model.embeddings.position_embedding.weight": self.position_embedding,
            "visual_projection.weight": self.visual_projection.weight,
        }
        for name in ("pre_layrnorm", "post_layernorm"):
            for p in ("weight", "bias"):
                sd[f"vision_model.{name}.{p}"] = getattr(getattr(self, name), p)
        for i, layer in enumerate(self.layers):
            for key, value in layer.state_dict().items():
                sd[f"vision_model.encoder.layers.{i}.{key}"] = value
        # HF names the MLP "mlp.fc1"/"mlp.fc2".
        return {k.replace(".fc1.", ".mlp.fc1.").replace(".fc2.", ".mlp.fc2."): v.detach().float().contiguous()
                for k, v in sd.items()}


def save_safetensors(path, tensors):
    header, offset, blobs = {"__metadata__": {"format": "pt"}}, 0, []
    for name in sorted(tensors):
        t = tensors[name].contiguous()
        data = t.numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text)
        for b in blobs:
            f.write(b)


def load_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, e in header.items():
        if name == "__metadata__":
            continue
        a, b = e["data_offsets"]
        out[name] = torch.frombuffer(bytearray(data[a:b]), dtype=torch.float32).reshape(e["shape"])
    return out


def build_model(seed):
    torch.manual_seed(seed)
    model = VisionTower().eval()
    with torch.no_grad():  # LayerNorms away from the identity, as trained ones are
        for m in model.modules():
            if isinstance(m, nn.LayerNorm):
                m.weight.add_(torch.randn_like(m.weight) * 0.1)
                m.bias.add_(torch.randn_like(m.bias) * 0.1)
    return model


def write(folder):
    os.makedirs(folder, exist_ok=True)
    model = build_model(1234)
    save_safetensors(os.path.join(folder, "model.safetensors"), model.hf_state_dict())
    vision = {"hidden_size": WIDTH, "intermediate_size": MLP, "num_hidden_layers": LAYERS,
              "num_attention_heads": HEADS, "patch_size": PATCH, "image_size": SIZE, "num_channels": 3,
              "hidden_act": "quick_gelu", "layer_norm_eps": 1e-5, "projection_dim": OUT}
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump({"model_type": "clip", "projection_dim": OUT, "vision_config": vision}, f, indent=1)
    with open(os.path.join(folder, "preprocessor_config.json"), "w") as f:
        json.dump({"size": {"shortest_edge": SIZE}, "crop_size": {"height": SIZE, "width": SIZE}, "resample": 3,
                   "image_mean": [0.48145466, 0.4578275, 0.40821073],
                   "image_std": [0.26862954, 0.26130258, 0.27577711]}, f, indent=1)
    torch.manual_seed(42)
    pixels = torch.randn(32, 3, SIZE, SIZE)
    with torch.inference_mode():
        embeds = model(pixels)
    save_safetensors(os.path.join(folder, "inputs.safetensors"), {"pixels": pixels, "python_embeds": embeds})


def cpu_has_bf16_kernels():
    """Whether PyTorch's oneDNN has bf16 kernels here (AVX-512 BW/VL/DQ or newer).

    Without them autocast's bf16 products run PyTorch's scalar fallback,
    about 100x slower than float32."""
    flags = set()
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("flags"):
                flags = set(line.split(":", 1)[1].split())
                break
    return {"avx512bw", "avx512vl", "avx512dq"} <= flags


def time_case(model, x, min_seconds, expected_seconds):
    """Median and best wall-clock (and median CPU) seconds of model(x).

    A case expected to take longer than min_seconds (from the previous batch
    size) gets one timed pass and no warm-up: its own first pass is then
    dominated by the arithmetic, not by first-call costs."""
    slow = expected_seconds > min_seconds
    if not slow:
        model(x)  # warm-up
    times, cpu = [], []
    start = time.perf_counter()
    while not times or (not slow and (len(times) < 3 or time.perf_counter() - start < min_seconds)):
        t0, c0 = time.perf_counter(), time.process_time()
        model(x)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return sorted(times)[len(times) // 2], min(times), sorted(cpu)[len(cpu) // 2], len(times)


def batch_of(pixels, batch):
    """The first `batch` of the stored pixels, repeated past the 32 stored."""
    repeats = -(-batch // pixels.shape[0])
    return pixels.repeat(repeats, 1, 1, 1)[:batch].contiguous()


def bench(folder, min_seconds, precisions, batches, device="cpu"):
    model = VisionTower().eval()
    sd = load_safetensors(os.path.join(folder, "model.safetensors"))
    with torch.no_grad():
        # Map HF names back onto this module's parameter names.
        for name, p in model.named_parameters():
            hf = {"class_embedding": "vision_model.embeddings.class_embedding",
                  "patch_embedding.weight": "vision_model.embeddings.patch_embedding.weight",
                  "position_embedding": "vision_model.embeddings.position_embedding.weight",
                  "visual_projection.weight": "visual_projection.weight"}.get(name)
            if hf is None:
                hf = "vision_model." + name.replace("layers.", "encoder.layers.").replace(".fc1.", ".mlp.fc1.") \
                    .replace(".fc2.", ".mlp.fc2.")
            p.copy_(sd[hf])
    inputs = load_safetensors(os.path.join(folder, "inputs.safetensors"))
    pixels, reference = inputs["pixels"], inputs["python_embeds"]
    cuda = device.startswith("cuda")
    if cuda:  # float32 means float32: no TF32 in the products or the patch convolution
        torch.backends.cuda.matmul.allow_tf32 = False
        torch.backends.cudnn.allow_tf32 = False
        model = model.to(device)

    def encode(x):  # host pixels in, host embeddings out
        return model(x.to(device)).float().cpu()

    with torch.inference_mode():
        check = (encode(pixels[:8]) - reference[:8]).abs().max().item()
    gmac = (TOKENS - 1) * 3 * PATCH * PATCH * WIDTH + LAYERS * (
        TOKENS * (4 * WIDTH * WIDTH + 2 * WIDTH * MLP) + 2 * TOKENS * TOKENS * WIDTH) + WIDTH * OUT
    dtypes = {"float32": None, "bf16": torch.bfloat16, "fp16": torch.float16}
    for precision in precisions:
        per_image = 0.0
        dtype = dtypes[precision]
        cosine = None  # on the CPU, bench_clip reports it (bf16 without bf16 kernels takes minutes here)
        if cuda:
            with torch.inference_mode(), torch.autocast("cuda", dtype=dtype or torch.bfloat16,
                                                        enabled=dtype is not None):
                low = encode(pixels[:8])
            cosine = round(torch.nn.functional.cosine_similarity(low.double(), reference[:8].double()).min().item(), 6)
        for batch in batches:
            x = batch_of(pixels, batch)
            with torch.inference_mode(), torch.autocast("cuda" if cuda else "cpu", dtype=dtype or torch.bfloat16,
                                                        enabled=dtype is not None):
                median, best, median_cpu, iterations = time_case(encode, x, min_seconds, per_image * batch)
            per_image = best / batch
            print(json.dumps({"impl": "python", "device": device, "precision": precision, "batch": batch,
                              "threads": torch.get_num_threads(), "ms_per_batch": round(median * 1e3, 3),
                              "images_per_s": round(batch / median, 2),
                              "best_ms_per_batch": round(best * 1e3, 3), "best_images_per_s": round(batch / best, 2),
                              "cpu_ms_per_batch": round(median_cpu * 1e3, 2),
                              "best_gflops": round(2 * gmac * batch / best / 1e9, 1),
                              "peak_rss_MB": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                              "iterations": iterations, "reload_check_maxabs": check,
                              "cosine_to_float32_reference_min": cosine}), flush=True)


def gemm(device, min_seconds):
    """fc1's product (rows x 768 by 768 x 3072, bias added) on the GPU: the rate the tower's products can reach."""
    torch.backends.cuda.matmul.allow_tf32 = False
    for rows in (32 * TOKENS, 256 * TOKENS):
        for name, dtype in (("float32", torch.float32), ("bf16", torch.bfloat16), ("fp16", torch.float16)):
            x = torch.randn(rows, WIDTH, device=device, dtype=dtype)
            w = torch.randn(MLP, WIDTH, device=device, dtype=dtype)
            b = torch.randn(MLP, device=device, dtype=dtype)
            for _ in range(3):
                torch.addmm(b, x, w.t())
            torch.cuda.synchronize()
            n, start = 0, time.perf_counter()
            while time.perf_counter() - start < min_seconds:
                for _ in range(20):
                    torch.addmm(b, x, w.t())
                torch.cuda.synchronize()
                n += 20
            seconds = (time.perf_counter() - start) / n
            print(json.dumps({"impl": "gemm", "device": device, "precision": name, "rows": rows,
                              "gflops": round(2 * rows * WIDTH * MLP / seconds / 1e9, 1)}), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--write")
    ap.add_argument("--bench")
    ap.add_argument("--gemm", action="store_true")
    ap.add_argument("--device", default="cpu", help="cpu, or cuda (--bench and --gemm)")
    ap.add_argument("--threads", type=int, default=0, help="torch.set_num_threads (0: leave the default)")
    ap.add_argument("--min-seconds", type=float, default=3.0)
    ap.add_argument("--precisions", default="float32,bf16", help="comma-separated: float32, bf16, fp16 (CUDA)")
    ap.add_argument("--batches", default="1,8,32", help="comma-separated batch sizes")
    ap.add_argument("--has-bf16-kernels", action="store_true",
                    help="print whether PyTorch has bf16 kernels on this CPU (yes/no) and exit")
    args = ap.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    if args.write:
        write(args.write)
    if args.has_bf16_kernels:
        print("yes" if cpu_has_bf16_kernels() else "no")
        return
    if args.bench:
        bench(args.bench, args.min_seconds, args.precisions.split(","), [int(b) for b in args.batches.split(",")],
              args.device)
    if args.gemm:
        gemm(args.device, args.min_seconds)


if __name__ == "__main__":
    main()
