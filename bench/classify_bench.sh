#!/usr/bin/env bash
# classify end to end on numpy-GD-trained weights (bench/make_trained.py), N against wall time.
# Usage: bench/classify_bench.sh BUILD_DIR [d:L ...]   (default 8:3 16:4 32:4 64:8); inputs in a temp dir.
set -euo pipefail
build="${1:-build}"; shift || true
here="$(cd "$(dirname "$0")" && pwd)"
sizes=("${@:-8:3 16:4 32:4 64:8}"); [ $# -eq 0 ] && sizes=(8:3 16:4 32:4 64:8)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
printf "%4s %3s %7s %9s %9s  %-22s %s\n" d L N wall_s user_s lanczos roots
for s in "${sizes[@]}"; do
  d=${s%:*}; L=${s#*:}
  /usr/bin/python3 "$here/make_trained.py" "$tmp/$s" "$d" "$L" >/dev/null
  /usr/bin/time -f "%e %U" -o "$tmp/t" "$build/dmf-oracle" classify "$tmp/$s/instance.json" \
      --weights "$tmp/$s/weights.npz" --bits 128 --json > "$tmp/out.json"
  read -r wall user < "$tmp/t"
  roots=$(/usr/bin/python3 -c "import json,sys; n=json.load(open(sys.argv[1]))['nearest_critical_orbit']; print(''.join({'0':'0','x+':'+','x-':'-'}.get(r,'?') for r in n['roots']) if n else '-')" "$tmp/out.json")
  lz=$(/usr/bin/python3 -c "import json,sys; l=json.load(open(sys.argv[1])).get('hessian_extremes_lanczos'); print(f\"{l['iterations']} {l['status']}\" if l else '-')" "$tmp/out.json")
  printf "%4s %3s %7s %9s %9s  %-22s %s\n" "$d" "$L" "$((L * d * d))" "$wall" "$user" "$lz" "$roots"
done
