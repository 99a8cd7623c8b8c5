#!/usr/bin/env bash
# Search throughput (candidates per wall second and per CPU second) with 1 and 2 forked workers and
# with 1 and 2 MPI ranks (mpirun; skipped when it is missing), same seed, budget and claims.
# Usage: bench/search_throughput.sh DMF_ORACLE [BUDGET_S=20] [CLAIMS="X.GLOBAL CJW.C2.3"] [MPIRUN=mpirun]
# Prints one markdown row per claim and configuration: candidates, wall s, CPU s (all processes),
# candidates / wall s, candidates / CPU s, distinct confirmed.
set -u
exe="$1"; budget="${2:-20}"; claims="${3:-X.GLOBAL CJW.C2.3}"; mpirun="${4:-mpirun}"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1  # Open MPI refuses root without them
echo "| claim | processes | candidates | wall s | CPU s | candidates / wall s | candidates / CPU s | confirmed |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for c in $claims; do
  for cfg in "1 worker" "2 workers" "1 rank" "2 ranks"; do
    n=${cfg%% *}
    args=(search "$c" --no-corpus --seed 1 --time-budget-s "$budget" --max-confirmed 100000 --timings --quiet --json)
    case "$cfg" in
      *worker*) cmd=("$exe" "${args[@]}" --workers "$n") ;;
      *rank*) command -v "$mpirun" >/dev/null || continue; cmd=("$mpirun" -np "$n" --oversubscribe "$exe" "${args[@]}") ;;
    esac
    tmp=$(mktemp -d)
    /usr/bin/time -f "%e %U %S" -o "$tmp/t" "${cmd[@]}" > "$tmp/out.json" 2>/dev/null
    python3 - "$tmp/out.json" "$tmp/t" "$c" "$cfg" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["claims"][0]
wall, u, s = map(float, open(sys.argv[2]).read().split()[-3:])
cpu = u + s
n = d["candidates"]
print("| %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %d |" % (sys.argv[3], sys.argv[4], n, wall, cpu, n / wall, n / cpu if cpu else 0, len(d["confirmed"])))
PY
    rm -rf "$tmp"
  done
done
