#!/bin/bash
# Runs the CLIP image-tower benchmark side by side: the C++ implementation
# (bench_clip, Google Benchmark) and the plain PyTorch model (python_vit.py)
# on the same ViT-B/32 weights and the same pixels, at 1 and 2 threads, with
# the machine's OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE as set and with them unset.
#
# The machine is shared with other work, so each case is repeated: Python
# reports the median and the fastest batch, bench_clip (3 repetitions) the
# mean, median, stddev and min; compare the fastest against the fastest.
#
# Usage: bench/clip/run_clip_bench.sh [BUILD_DIR]   (default: build)
# Build first: cmake -S . -B build -DW2W_CLIP_ONLY=ON -DW2W_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release
#              cmake --build build -j2 --target bench_clip
# Needs /usr/bin/python3 with Debian's python3-torch. Takes about 6 minutes on
# 2 cores; the model folder (about 350 MB) is written once to
# $W2W_BENCH_MODEL_DIR (default /tmp/w2w_clip_bench_vitb32) and reused.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
bench="$build/bench/clip/bench_clip"
model=${W2W_BENCH_MODEL_DIR:-/tmp/w2w_clip_bench_vitb32}
py=/usr/bin/python3
[ -x "$bench" ] || { echo "no $bench: build the bench_clip target first" >&2; exit 1; }

if [ ! -f "$model/inputs.safetensors" ]; then
  echo "# writing the ViT-B/32 model and inputs to $model"
  "$py" "$here/python_vit.py" --write "$model"
fi

echo "# machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores," \
  "flags: $(grep -o -w -E 'avx512f|avx512_bf16|amx_bf16' /proc/cpuinfo | sort -u | xargs)"
echo "# libtorch: $(dpkg-query -W -f='${Version}' libtorch-dev 2>/dev/null || echo unknown)," \
  "blas: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
echo "# preset env: OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-(unset)} OPENBLAS_L2_SIZE=${OPENBLAS_L2_SIZE:-(unset)}"

run() {  # run MODE CMD...: MODE "preset" keeps the environment, "unset" drops the OpenBLAS overrides
  local mode=$1
  shift
  if [ "$mode" = unset ]; then env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$@"; else "$@"; fi
}

for mode in preset unset; do
  for threads in 1 2; do
    echo "## OpenBLAS env $mode, $threads thread(s); load average $(cut -d' ' -f1-3 /proc/loadavg)"
    run "$mode" "$py" "$here/python_vit.py" --bench "$model" --threads "$threads"
    run "$mode" env W2W_BENCH_MODEL_DIR="$model" W2W_BENCH_THREADS="$threads" \
      "$bench" --benchmark_min_time=1 --benchmark_repetitions=3 \
      --benchmark_report_aggregates_only=true --benchmark_counters_tabular=true
  done
done

echo "## Python with the same glibc malloc settings as ClipLoadOptions::tuneMalloc (preset env)"
for threads in 1 2; do
  MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=268435456 \
    "$py" "$here/python_vit.py" --bench "$model" --threads "$threads"
done

echo "## peak memory, one precision per process (2 threads, preset env)"
for p in float32 bf16; do
  env W2W_BENCH_MODEL_DIR="$model" W2W_BENCH_THREADS=2 W2W_BENCH_CHECK=0 \
    "$bench" --benchmark_filter="BM_Encode/$p" --benchmark_min_time=1 --benchmark_counters_tabular=true
done
