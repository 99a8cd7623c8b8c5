#!/usr/bin/env bash
# Builds the fuzz targets (fuzz/, clang + libFuzzer + ASan + UBSan) in BUILD (default build-fuzz/)
# and runs each for SECONDS (default 60) from a seed corpus made of the repository's own files.
# Prints executions per target; exits non-zero when a target finds a crash, a hang (> 10 s for one
# input), a leak or a sanitizer report. Findings are saved as BUILD/artifacts/<target>-crash-*;
# each one becomes a fixture in tests/bad_inputs/ or tests/bad_weights/.
#   scripts/fuzz.sh [SECONDS] [BUILD] [TARGET...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"; build="${2:-$root/build-fuzz}"; shift $(( $# > 2 ? 2 : $# ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(instance_json point_json corpus_json npy npz safetensors)
jobs="$(nproc 2>/dev/null || echo 2)"

if [ ! -f "$build/CMakeCache.txt" ]; then
  gen=(); command -v ninja >/dev/null 2>&1 && gen=(-G Ninja)
  CXX=clang++ cmake -S "$root/fuzz" -B "$build" "${gen[@]}" -DCMAKE_BUILD_TYPE=None >/dev/null
fi
cmake --build "$build" -j "$jobs" >/dev/null

# Seeds: every file of the kind the target reads that the repository already has.
seeds() {
  case "$1" in
    instance_json) ls "$root"/tests/bad_inputs/*.json "$root"/tests/good_instance.json "$root"/examples/*.json \
                      "$root"/examples/landscape/*.json "$root"/examples/numpy_gd/instance.json \
                      "$root"/tests/certified/*.json 2>/dev/null ;;
    point_json)    ls "$root"/tests/bad_weights/*.json 2>/dev/null ;;
    corpus_json)   ls "$root"/corpus/*.json 2>/dev/null ;;
    npy)           ls "$root"/examples/numpy_gd/weights_npy/*.npy "$root"/tests/bad_weights/truncated_npy/*.npy ;;
    npz)           ls "$root"/examples/numpy_gd/*.npz "$root"/tests/bad_weights/*.npz ;;
    safetensors)   ls "$root"/examples/numpy_gd/*.safetensors "$root"/tests/bad_weights/*.safetensors ;;
  esac
}

mkdir -p "$build/artifacts"
status=0
printf '%-14s %10s %8s %s\n' target executions seconds result
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"; mkdir -p "$corpus"
  while read -r f; do [ -f "$f" ] && cp -f "$f" "$corpus/seed-$(basename "$f")"; done < <(seeds "$t")
  [ "$t" = point_json ] && printf '{"weights": [[[1,0,0],[0,1,0]],[[1,0],[0,1]],[[1,0],[0,1],[0,0]]]}' > "$corpus/seed-valid.json"
  log="$build/artifacts/$t.log"
  set +e
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/fuzz_$t" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$build/artifacts/$t-" -print_final_stats=1 >"$log" 2>&1
  code=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  if [ "$code" -eq 0 ]; then result=ok; else result="FAILED (exit $code; see $log)"; status=1; fi
  printf '%-14s %10s %8s %s\n' "$t" "$execs" "$seconds" "$result"
done
exit $status
