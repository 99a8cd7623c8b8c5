#!/usr/bin/env bash
# The import graph: cli -> search, properties -> claims -> generators -> oracle (numerics <- problem
# <- theory <- landscape). Every project include must point down this graph, never up or sideways.
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$root"
fail=0
allowed() {  # allowed DIR -> space-separated include prefixes a file in DIR may use
  case "$1" in
    include/dmf/numerics|oracle/numerics) echo "dmf/numerics" ;;
    include/dmf/problem|oracle/problem) echo "dmf/numerics dmf/problem" ;;
    include/dmf/theory|oracle/theory) echo "dmf/numerics dmf/problem dmf/theory" ;;
    include/dmf/landscape|oracle/landscape) echo "dmf/numerics dmf/problem dmf/theory dmf/landscape" ;;
    generators) echo "dmf/ generators/" ;;
    claims) echo "dmf/ generators/ claims/" ;;
    properties) echo "dmf/ generators/ claims/ properties/" ;;
    search) echo "dmf/ generators/ claims/ search/" ;;
    cli) echo "dmf/ generators/ claims/ properties/ search/ cli/" ;;
    *) echo "" ;;
  esac
}
count=0
while IFS= read -r f; do
  dir=$(dirname "$f")
  ok=$(allowed "$dir")
  [ -n "$ok" ] || continue
  while IFS= read -r inc; do
    count=$((count + 1))
    good=0
    case "$inc" in */*) ;; *) good=1 ;; esac  # a private header beside the file
    for prefix in $ok; do
      case "$inc" in "$prefix"*) good=1 ;; esac
    done
    if [ "$good" -ne 1 ]; then
      echo "layering: $f includes \"$inc\" (allowed: $ok)"
      fail=1
    fi
  done < <(grep -o '^#include "[^"]*"' "$f" | sed 's/#include "\(.*\)"/\1/')
done < <(git ls-files 'include/*.hpp' 'oracle/*.cpp' 'oracle/*.hpp' 'generators/*' 'claims/*.cpp' 'claims/*.hpp' \
                      'properties/*' 'search/*' 'cli/*' 2>/dev/null || find include oracle generators claims properties search cli -name '*.[ch]pp')
# No math in cli/: no numeric kernels (Eigen decompositions, hand-written loops over matrices) there.
if grep -nE 'svd\(|symmetric_eigen\(|hessian\(|find_critical_point|find_local_minimizer|Procrustes' cli/*.cpp | grep -v '^\s*//' >/tmp/dmf-layering-cli.$$ 2>/dev/null && [ -s /tmp/dmf-layering-cli.$$ ]; then
  echo "layering: numerical kernels called from cli/ (belong in oracle/):"; cat /tmp/dmf-layering-cli.$$
  fail=1
fi
rm -f /tmp/dmf-layering-cli.$$
# Namespaces per layer: everything under include/dmf/<layer> and oracle/<layer> is declared in
# dmf::<layer> (inline, so dmf::x still names it), never in bare dmf.
for layer in numerics problem theory landscape; do
  for f in include/dmf/$layer/*.hpp oracle/$layer/*.cpp oracle/$layer/*.hpp; do
    [ -f "$f" ] || continue
    grep -q '^namespace dmf' "$f" || continue  # e.g. eigen_support.hpp: Eigen's NumTraits only
    if grep -qE '^namespace dmf( |::[a-z_]+ )\{' "$f" || ! grep -q "^namespace dmf::inline $layer" "$f"; then
      echo "layering: $f does not declare its names in dmf::$layer"; fail=1
    fi
  done
done
[ "$count" -gt 100 ] || { echo "layering: only $count includes checked: the file list is wrong"; exit 1; }
[ "$fail" -eq 0 ] && echo "layering: $count project includes, all pointing down the graph"
exit "$fail"
