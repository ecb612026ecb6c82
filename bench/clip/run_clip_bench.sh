#!/bin/bash
# Runs the CLIP image-tower benchmark side by side: the C++ implementation
# (bench_clip, Google Benchmark) and the plain PyTorch model (python_vit.py)
# on the same ViT-B/32 weights and the same pixels, then prints a summary
# (summarize.py) that leads with the comparison users see.
#
# Sections, in this order:
#   1. OpenBLAS variables unset (as on most users' machines), 2 threads: the
#      targets' setting; float32 and bf16, batch 1, 8 and 32, GEMM rates;
#   2. unset, 1 thread;
#   3. OPENBLAS_CORETYPE=Haswell OPENBLAS_L2_SIZE=512 (the setting of the
#      project's earlier machines), 2 and 1 threads, float32 only: bf16 never
#      goes through OpenBLAS;
#   4. peak memory, one precision per process.
# Where PyTorch has no bf16 kernels (no AVX-512) autocast's bf16 runs scalar
# loops (minutes per batch of 32): Python's bf16 then runs in section 1 only,
# one timed pass per batch size.
#
# Each section logs the load average: the machine may be shared, so compare
# within a row (both sides ran in the same section), not across runs.
#
# Usage: bench/clip/run_clip_bench.sh [BUILD_DIR]   (default: build)
# Build first: cmake -S . -B build -DW2W_CLIP_ONLY=ON -DW2W_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release
#              cmake --build build -j2 --target bench_clip
# Needs /usr/bin/python3 with Debian's python3-torch. Takes about 15 minutes
# on 2 cores without bf16 kernels (5 of them Python's bf16), less with them.
# The model folder (about 350 MB) is written once to $W2W_BENCH_MODEL_DIR
# (default /tmp/w2w_clip_bench_vitb32) and reused; the raw results go to
# $W2W_BENCH_OUT (default /tmp/w2w_clip_bench_out).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
bench="$build/bench/clip/bench_clip"
model=${W2W_BENCH_MODEL_DIR:-/tmp/w2w_clip_bench_vitb32}
out=${W2W_BENCH_OUT:-/tmp/w2w_clip_bench_out}
py=/usr/bin/python3
[ -x "$bench" ] || { echo "no $bench: build the bench_clip target first" >&2; exit 1; }
mkdir -p "$out"
rm -f "$out"/*.json "$out"/*.jsonl "$out"/machine.txt

if [ ! -f "$model/inputs.safetensors" ]; then
  echo "# writing the ViT-B/32 model and inputs to $model"
  "$py" "$here/python_vit.py" --write "$model"
fi

{
  echo "## Machine"
  echo
  echo "- processor: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
  echo "- vector features: $(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' |
    grep -x -E 'avx2|fma|avx512f|avx512bw|avx512vl|avx512dq|avx512_vnni|avx512_bf16|avx_vnni|amx_tile|amx_bf16|amx_int8' |
    xargs) (bf16 kernels in PyTorch/oneDNN: $("$py" "$here/python_vit.py" --has-bf16-kernels))"
  echo "- OpenBLAS variables in this environment: OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-(unset)}" \
    "OPENBLAS_L2_SIZE=${OPENBLAS_L2_SIZE:-(unset)}"
  echo "- libtorch $(dpkg-query -W -f='${Version}' libtorch-dev 2>/dev/null || echo unknown)," \
    "python3-torch $(dpkg-query -W -f='${Version}' python3-torch 2>/dev/null || echo unknown)," \
    "oneDNN $(dpkg-query -W -f='${Version}' libdnnl2 2>/dev/null || echo unknown)," \
    "BLAS $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
  echo "- run started $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt"
python_bf16=$("$py" "$here/python_vit.py" --has-bf16-kernels)

run() {  # run ENV CMD...: ENV "unset" drops the OpenBLAS overrides, "haswell" sets the old machines' values
  local setting=$1
  shift
  if [ "$setting" = unset ]; then
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$@"
  else
    env OPENBLAS_CORETYPE=Haswell OPENBLAS_L2_SIZE=512 "$@"
  fi
}

section() {  # section ENV THREADS PYTHON_PRECISIONS CPP_FILTER
  local setting=$1 threads=$2 precisions=$3 filter=$4
  echo
  echo "## OpenBLAS variables $setting, $threads thread(s): load average $(cut -d' ' -f1-3 /proc/loadavg)"
  run "$setting" "$py" "$here/python_vit.py" --bench "$model" --threads "$threads" --precisions "$precisions" |
    tee "$out/python_${setting}_${threads}.jsonl"
  run "$setting" env W2W_BENCH_MODEL_DIR="$model" W2W_BENCH_THREADS="$threads" \
    "$bench" --benchmark_filter="$filter" --benchmark_min_time=1 --benchmark_repetitions=3 \
    --benchmark_report_aggregates_only=true --benchmark_counters_tabular=true \
    --benchmark_out="$out/cpp_${setting}_${threads}.json" --benchmark_out_format=json
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

section unset 2 float32,bf16 .
if [ "$python_bf16" = yes ]; then section unset 1 float32,bf16 .; else section unset 1 float32 .; fi
section haswell 2 float32 'float32|f32_'
section haswell 1 float32 'float32|f32_'

echo
echo "## peak memory, one precision per process (2 threads, OpenBLAS variables unset)"
for p in float32 bf16; do
  run unset env W2W_BENCH_MODEL_DIR="$model" W2W_BENCH_THREADS=2 W2W_BENCH_CHECK=0 \
    "$bench" --benchmark_filter="BM_Encode/$p/32" --benchmark_min_time=1 --benchmark_counters_tabular=true
done

echo
echo "# Summary"
"$py" "$here/summarize.py" "$out"
