#!/usr/bin/python3
"""Summarises a run of run_clip_bench.sh: C++ against PyTorch, side by side,
with the GEMM bound measured in the same run and the fraction of it reached.

Usage: summarize.py OUT_DIR          (the folder run_clip_bench.sh wrote)
       summarize.py --cuda OUT_DIR   (the folder run_cuda_check.sh wrote)

Reads OUT_DIR/python_<env>_<threads>.jsonl (python_vit.py --bench) and
OUT_DIR/cpp_<env>_<threads>.json (bench_clip --benchmark_out), where <env> is
"unset" (OpenBLAS variables removed, as on most users' machines) or "haswell"
(OPENBLAS_CORETYPE=Haswell OPENBLAS_L2_SIZE=512). Prints Markdown tables.

Figures are medians over the repetitions (Python: over the timed passes); a
shared machine makes them noisy, but both sides of a row ran in the same run.
"""
import glob
import json
import os
import sys

def load_python(path):
    rows = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                r = json.loads(line)
                rows[(r["precision"], r["batch"])] = r
    return rows


def load_cpp(path):
    with open(path) as f:
        data = json.load(f)
    encode, gemm = {}, {}
    for b in data["benchmarks"]:
        if b.get("aggregate_name") != "median":
            continue
        name = b["run_name"]
        parts = name.split("/")
        if parts[0] == "BM_Encode":
            precision, batch = parts[1], int(parts[-2] if parts[-1] == "real_time" else parts[-1])
            threading = "shared" if "shared" in parts else "split"
            encode[(precision, threading, batch)] = b
        elif parts[0] == "BM_Gemm":
            kind = "/".join(p for p in parts[1:] if p != "real_time")
            gemm[kind] = b["gflops"]
    return data["context"], encode, gemm


def images_per_s(b):
    return b["items_per_second"]


def bounds(gemm, has_bf16_kernels):
    """The best float32 and bf16 GEMM rates of the run, and where they came from."""
    f32 = max(((v, k) for k, v in gemm.items() if k.startswith("f32_")), default=(0, "-"))
    bf16_native = max(((v, k) for k, v in gemm.items() if k.startswith("bf16_")), default=(0, "-"))
    # Without bf16 kernels the fastest way to multiply bf16 numbers is float32
    # arithmetic on them (exact products): the float32 bound applies.
    bf16 = bf16_native if has_bf16_kernels else max(bf16_native, (f32[0], f32[1] + " on bf16 values"))
    return f32, bf16


def section(out, env, threads):
    py_path = os.path.join(out, f"python_{env}_{threads}.jsonl")
    cpp_path = os.path.join(out, f"cpp_{env}_{threads}.json")
    if not (os.path.exists(py_path) and os.path.exists(cpp_path)):
        return
    py = load_python(py_path)
    context, encode, gemm = load_cpp(cpp_path)
    gflop = 2 * float(context["gmac_per_image"])
    has_bf16 = context.get("cpu_has_bf16_kernels") == "yes"
    (f32_bound, f32_src), (bf16_bound, bf16_src) = bounds(gemm, has_bf16)
    print(f"\n### OpenBLAS variables {env}, {threads} thread(s)\n")
    print("| precision | batch | C++ images/s | PyTorch images/s | C++ / PyTorch | GEMM bound GFLOP/s "
          "| C++ GFLOP/s | fraction of bound |")
    print("|---|---|---|---|---|---|---|---|")
    for precision in ("float32", "bf16"):
        bound = f32_bound if precision == "float32" else bf16_bound
        for batch in (1, 8, 32):
            cands = [encode[k] for k in ((precision, "split", batch), (precision, "shared", batch)) if k in encode]
            if not cands:
                continue
            # The default (split) is what users get; the row names the better one.
            cpp = encode.get((precision, "split", batch)) or cands[0]
            ips = images_per_s(cpp)
            p = py.get((precision, batch))
            pips = p["images_per_s"] if p else None
            ratio = f"{ips / pips:.2f}x" if pips else "-"
            achieved = ips * gflop
            print(f"| {precision} | {batch} | {ips:.2f} | {pips if pips is not None else '-'} | {ratio} "
                  f"| {bound:.0f} | {achieved:.0f} | {achieved / bound:.0%} |")
    shared = [(k, v) for k, v in encode.items() if k[1] == "shared"]
    if shared:
        print("\nThreads sharing each operation instead of one share of the images per thread:\n")
        print("| precision | batch | split images/s | shared images/s |")
        print("|---|---|---|---|")
        for (precision, _, batch), b in sorted(shared):
            split = encode.get((precision, "split", batch))
            print(f"| {precision} | {batch} | {images_per_s(split):.2f} | {images_per_s(b):.2f} |")
    print("\nGEMM rates (GFLOP/s, fc1 at batch 32: 1600 x 768 x 3072):\n")
    print("| kernel | GFLOP/s |")
    print("|---|---|")
    for k in sorted(gemm):
        print(f"| {k} | {gemm[k]:.1f} |")
    print(f"\nBounds: float32 {f32_bound:.0f} GFLOP/s ({f32_src}); bf16 {bf16_bound:.0f} GFLOP/s ({bf16_src}).")
    print(f"C++ kernels: float32 {context.get('kernel_float32', '?')}; bf16 {context.get('kernel_bf16', '?')}; "
          f"cosine bf16 vs float32 {context.get('cosine_bf16_vs_float32_min', '?')}, "
          f"float32 vs Python {context.get('cosine_float32_vs_python_min', '?')}.")


def cuda_section(out):
    """run_cuda_check.sh's results: python_cuda.jsonl, cpp_cuda.json and gemm.jsonl."""
    py = load_python(os.path.join(out, "python_cuda.jsonl"))
    context, encode, _ = load_cpp(os.path.join(out, "cpp_cuda.json"))
    gemm = {}
    with open(os.path.join(out, "gemm.jsonl")) as f:
        for line in f:
            if line.startswith("{"):
                r = json.loads(line)
                gemm[(r["precision"], r["rows"])] = r["gflops"]
    gflop = 2 * float(context["gmac_per_image"])
    print(f"\n### {context.get('device_name', 'CUDA')}: pixels from the host, embeddings back to it\n")
    print("| precision | batch | C++ images/s | PyTorch eager images/s | C++ / PyTorch | C++ GFLOP/s "
          "| fc1's product alone, GFLOP/s | fraction of it |")
    print("|---|---|---|---|---|---|---|---|")
    for precision in ("float32", "bf16", "fp16"):
        for batch in (1, 8, 32, 256):
            cpp = encode.get((precision, "split", batch))
            if not cpp:
                continue
            ips = images_per_s(cpp)
            p = py.get((precision, batch))
            pips = p["images_per_s"] if p else None
            ratio = f"{ips / pips:.2f}x" if pips else "-"
            bound = gemm.get((precision, 256 * 50 if batch == 256 else 32 * 50))
            achieved = ips * gflop
            share = f"{achieved / bound:.0%}" if bound else "-"
            print(f"| {precision} | {batch} | {ips:.1f} | {pips if pips is not None else '-'} | {ratio} "
                  f"| {achieved:.0f} | {bound if bound else '-'} | {share} |")
    print(f"\nAccuracy: float32 vs Python {context.get('cosine_float32_vs_python_min', '?')} (max abs "
          f"{context.get('maxabs_float32_vs_python', '?')}); bf16 vs float32 "
          f"{context.get('cosine_bf16_vs_float32_min', '?')}; fp16 vs float32 "
          f"{context.get('cosine_fp16_vs_float32_min', '?')} (minimum cosine over 8 images).")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--cuda":
        cuda_section(sys.argv[2])
        return
    if len(sys.argv) != 2:
        sys.exit("usage: summarize.py OUT_DIR | summarize.py --cuda OUT_DIR")
    out = sys.argv[1]
    for path in sorted(glob.glob(os.path.join(out, "machine.txt"))):
        with open(path) as f:
            print(f.read().rstrip())
    for env, threads in (("unset", 2), ("unset", 1), ("haswell", 2), ("haswell", 1)):
        section(out, env, threads)


if __name__ == "__main__":
    main()
