#!/usr/bin/env bash
# Time to the first confirmed (and shrunk) counterexample of every refuted claim, from scratch
# (an empty temporary corpus, no replay), for a few seeds: `search --max-confirmed 1`'s seconds.
# Usage: bench/search_bench.sh DMF_ORACLE [BUDGET_S=60] [SEEDS="1 2 3"] [WORKERS=1] [CLAIMS="..."]
# Prints one markdown row per claim, per seed: wall seconds to the first case confirmed at every
# precision (saved, before shrinking) / to its shrunk form / CPU seconds of the whole run (all
# workers; it stops once the shrunk case is saved) (candidates); "> B" when none in B s.
# CPU seconds are the steadier number on a shared machine.
set -u
exe="$1"; budget="${2:-60}"; seeds="${3:-1 2 3}"; workers="${4:-1}"
claims="${5:-KP.T6 KP.E79 CJW.L3.10 CJW.T2.2 CJW.C2.3 CJW.A1 X.GLOBAL}"
wopt=(); [ "$workers" != 1 ] && wopt=(--workers "$workers")
for c in $claims; do
  row="| $c |"
  for s in $seeds; do
    tmp=$(mktemp -d)
    /usr/bin/time -f "%U %S" -o "$tmp/cpu" "$exe" search "$c" --no-corpus --corpus "$tmp" --seed "$s" \
      --time-budget-s "$budget" --max-confirmed 1 "${wopt[@]}" --timings --quiet --json > "$tmp/out.json" 2>/dev/null
    row+=$(python3 - "$tmp/out.json" "$budget" "$tmp/cpu" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["claims"][0]
cpu = sum(map(float, open(sys.argv[3]).read().split()[-2:]))
t = (d.get("first_confirmed_s") or d["seconds"]) if d["confirmed"] else None
f = d.get("first_found_s")
print(" %.1f / %.1f / %.1f (%d) |" % (f if f is not None else t, t, cpu, d["candidates"]) if t is not None
      else " > %s / %.1f (%d) |" % (sys.argv[2], cpu, d["candidates"]))
PY
)
    rm -rf "$tmp"
  done
  echo "$row"
done
