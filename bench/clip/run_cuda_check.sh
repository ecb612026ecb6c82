#!/bin/bash
# The CLIP tower on a CUDA GPU, in one call: builds w2w_clip with LibTorch
# alone (W2W_CLIP_ONLY) against the PyTorch installed on the machine, runs the
# golden tests on CUDA in float32, fp16 and bf16, then times the tower side by
# side with PyTorch eager (python_vit.py) on the same GPU, weights and pixels,
# plus the GPU's rate on the tower's largest product. Made for a GPU machine
# that has PyTorch with CUDA, CMake and a C++ compiler but not this project's
# other build dependencies.
#
# Usage: bench/clip/run_cuda_check.sh SOURCE_DIR DEPS_DIR OUT_DIR [tests]
#   "tests" stops after the tests (no timing).
#   DEPS_DIR holds what the machine lacks, copied from a Debian 12 machine:
#     include/  nlohmann/ (nlohmann-json3-dev), gtest/, gmock/, benchmark/
#     lib/x86_64-linux-gnu/  libgtest*.a, libgmock*.a, libbenchmark*
#                            and their cmake/ folders (libgtest-dev, libbenchmark-dev)
#   (Debian builds these with the new C++ string ABI, as PyTorch 2.x is built.)
#   OUT_DIR receives the logs and the raw results.
set -uo pipefail
src=$(cd "$1" && pwd)
deps=$(cd "$2" && pwd)
out=$3
only=${4:-all}
mkdir -p "$out"
build=${W2W_CUDA_BUILD_DIR:-/tmp/w2w_cuda_build}
model=/tmp/w2w_cuda_bench_vitb32

echo "## Machine"
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.sm,clocks.max.sm --format=csv,noheader
python3 -c 'import torch; print("PyTorch", torch.__version__, "CUDA", torch.version.cuda, "cuDNN",
  torch.backends.cudnn.version(), "C++ ABI", int(torch._C._GLIBCXX_USE_CXX11_ABI))'
echo "processor: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $(c++ --version | head -1)"
if [ "$(python3 -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))')" != 1 ]; then
  echo "this PyTorch uses the old C++ string ABI; the carried GoogleTest and Benchmark do not link with it" >&2
  exit 1
fi

echo "## Build"
prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
start=$(date +%s)
generator=Ninja
command -v ninja >/dev/null || generator="Unix Makefiles"
if ! cmake -S "$src" -B "$build" -G "$generator" -DCMAKE_BUILD_TYPE=Release -DW2W_CLIP_ONLY=ON -DW2W_BUILD_BENCH=ON \
  -DCMAKE_PREFIX_PATH="$prefix;$deps" -DW2W_NLOHMANN_JSON_INCLUDE_DIR="$deps/include" \
  -DTORCH_CUDA_ARCH_LIST=9.0 >"$out/configure.log" 2>&1; then
  tail -40 "$out/configure.log"
  exit 1
fi
grep -E "LibTorch|oneDNN|CUDA" "$out/configure.log" | head -8
if ! cmake --build "$build" -j"$(nproc)" --target test_clip bench_clip >"$out/build.log" 2>&1; then
  grep -E "error|Error" "$out/build.log" | head -40
  exit 1
fi
echo "built in $(($(date +%s) - start)) s"

echo "## Tests (golden on CUDA, then the whole CLIP suite)"
W2W_TEST_DATA="$src/tests/data" "$build/tests/clip/test_clip" --gtest_filter='*Cuda*' 2>&1 |
  tee "$out/tests_cuda.log" | grep -E "^cuda golden|FAILED|PASSED|SKIPPED|Failure" | head -40
# Each test in its own process, eight at a time: a crash names its test and
# hides none of the others.
"$build/tests/clip/test_clip" --gtest_list_tests |
  awk '/^[^ ]/ { suite = $1 } /^  / { print suite $1 }' >"$out/test_names.txt"
mkdir -p /tmp/w2w_cuda_tests
run_one() {
  local log
  log=/tmp/w2w_cuda_tests/$(echo "$1" | tr '/' '_').log
  W2W_TEST_DATA="$src/tests/data" "$build/tests/clip/test_clip" --gtest_filter="$1" >"$log" 2>&1
  local rc=$?
  if [ $rc != 0 ]; then
    echo "FAILED $1 (exit $rc)"
    grep -E "Failure|error|Error|Expected|Which is|Actual" "$log" | head -8
    if [ $rc -ge 128 ] && command -v cuda-gdb >/dev/null; then  # killed by a signal: where
      W2W_TEST_DATA="$src/tests/data" cuda-gdb -q -batch -ex run -ex bt \
        --args "$build/tests/clip/test_clip" --gtest_filter="$1" 2>&1 | grep -E "^#" | head -12
    fi
  elif grep -q "SKIPPED \]" "$log"; then
    echo "skipped $1: $(grep -A1 "^\[ RUN" "$log" | sed -n 2p)"
  fi
}
export -f run_one
export src build
xargs -P 8 -n 1 bash -c 'run_one "$0"' <"$out/test_names.txt" | tee "$out/tests_all.log"
echo "whole suite: $(wc -l <"$out/test_names.txt") tests, $(grep -c '^FAILED' "$out/tests_all.log") failed," \
  "$(grep -c '^skipped' "$out/tests_all.log") skipped"

[ "$only" = tests ] && exit 0

echo "## Speed (pixels from the host, embeddings back to it)"
python3 "$src/bench/clip/python_vit.py" --write "$model" >/dev/null
python3 "$src/bench/clip/python_vit.py" --gemm --device cuda --min-seconds 1 | tee "$out/gemm.jsonl"
python3 "$src/bench/clip/python_vit.py" --bench "$model" --device cuda --precisions float32,bf16,fp16 \
  --batches 1,8,32,256 --min-seconds 2 | tee "$out/python_cuda.jsonl"
W2W_BENCH_DEVICE=cuda W2W_BENCH_MODEL_DIR="$model" "$build/bench/clip/bench_clip" --benchmark_min_time=2 \
  --benchmark_repetitions=3 --benchmark_report_aggregates_only=true --benchmark_counters_tabular=true \
  --benchmark_out="$out/cpp_cuda.json" --benchmark_out_format=json 2>&1 | grep -E "_median|_min|cosine|device" |
  grep -v "_mean\|_stddev\|_cv"
python3 "$src/bench/clip/summarize.py" --cuda "$out"
