#!/usr/bin/env bash
# The counterexample search (issue: planted bug, true claim, kill and resume, determinism).
set -u
exe="$1"
tmp=$(mktemp -d); trap 'kill -9 $pid 2>/dev/null; rm -rf "$tmp"' EXIT
pid=0
status=0
fail() { echo "FAIL $*"; status=1; }

# 1. A planted bug (tau off by 2^-60 for lambda in [3, 3 + 2^-10), L >= 3) is found from scratch
#    within 30 s at 256 bits, confirmed at 2p, and shrunk to L = 3, lambda = 3.
start=$(date +%s)
"$exe" search TEST.planted --no-corpus --corpus "$tmp/planted" --bits 256 --time-budget-s 30 --max-confirmed 1 \
  --timings --quiet --json > "$tmp/planted.json" || fail "planted search exited non-zero"
python3 - "$tmp/planted.json" <<'PY' || status=1
import json, sys
d = json.load(open(sys.argv[1]))["claims"][0]
assert len(d["confirmed"]) == 1, d
f = json.load(open(d["confirmed_files"][0]))
inst = f["instance"]
assert inst["L"] == 3, inst
assert float(inst["lambda"]) == 3.0, inst
assert len(f["confirmed_at_bits"]) >= 2 and f["confirmed_at_bits"][1] >= 2 * f["confirmed_at_bits"][0] - 2, f
print("ok   planted bug found, confirmed at", f["confirmed_at_bits"], "and shrunk to L = 3, lambda = 3 in", round(d["seconds"], 1), "s")
PY
[ $(( $(date +%s) - start )) -le 35 ] || fail "planted search took more than 30 s"

# 2. A claim that holds (the same check without the plant) gives no confirmed counterexample in 30 s.
"$exe" search TEST.true --no-corpus --corpus "$tmp/true" --bits 256 --time-budget-s 30 --quiet --json > "$tmp/true.json"
python3 -c "
import json; d = json.load(open('$tmp/true.json'))['claims'][0]
assert not d['confirmed'] and d['candidates'] > 100, d
print('ok   TEST.true:', d['candidates'], 'candidates, 0 confirmed')" || status=1

# 3. Kill and resume: SIGKILL a search mid-run; every corpus file parses, and a resumed search
#    replays every one of them (nothing confirmed is lost).
"$exe" search KP.T6 --no-corpus --corpus "$tmp/kill" --time-budget-s 120 --max-confirmed 100000 --quiet > /dev/null 2>&1 &
pid=$!
sleep 6
kill -9 $pid; wait $pid 2>/dev/null
n=$(ls "$tmp/kill" | grep -c '\.json$')
[ "$n" -ge 1 ] || fail "no corpus file after 6 s of KP.T6 search"
python3 - "$tmp/kill" <<'PY' || status=1
import json, os, sys
d = sys.argv[1]
for f in os.listdir(d):
    # A write cut by SIGKILL leaves its temporary (NAME.tmp.PID), never a partial NAME.json.
    assert f.endswith(".json") or ".json.tmp." in f, f
    if f.endswith(".json"):
        c = json.load(open(os.path.join(d, f)))
        assert c["claim"] == "KP.T6" and c["parameters"]["L"] >= 1, f
PY
"$exe" search KP.T6 --corpus "$tmp/kill" --max-candidates 1 --quiet --json > "$tmp/resume.json"
python3 -c "
import json; d = json.load(open('$tmp/resume.json'))['claims'][0]
assert d['replayed'] >= $n and d['replay_still_refuted'] == d['replayed'], d
print('ok   killed after 6 s: $n files, all parse; the resumed search replays', d['replayed'], 'and all still refute')" || status=1

# 4. Determinism: the same seed gives the same candidate sequence; another seed does not.
digest() { "$exe" search "$1" --no-corpus --max-candidates 300 --seed "$2" --quiet --json | python3 -c "import json,sys; print(json.load(sys.stdin)['claims'][0]['candidate_digest'])"; }
a=$(digest KP.C14 7); b=$(digest KP.C14 7); c=$(digest KP.C14 8)
[ "$a" = "$b" ] && [ "$a" != "$c" ] && echo "ok   determinism: $a = $b, seed 8 gives $c" || fail "determinism: $a $b $c"

# 5. Two workers (forked processes on disjoint streams): the same seed and worker count give the same
#    candidates and finds; the planted bug is found and saved once; killing the search kills its workers.
run2() { "$exe" search "$1" --no-corpus --max-candidates "$3" --seed "$2" --workers 2 --max-confirmed 100000 --quiet --json; }
run2 X.GLOBAL 5 60 > "$tmp/w2a.json"; run2 X.GLOBAL 5 60 > "$tmp/w2b.json"
"$exe" search X.GLOBAL --no-corpus --max-candidates 60 --seed 5 --max-confirmed 100000 --quiet --json > "$tmp/w1.json"
python3 - "$tmp/w2a.json" "$tmp/w2b.json" "$tmp/w1.json" <<'PY' || status=1
import json, sys
a, b, one = (json.load(open(f))["claims"][0] for f in sys.argv[1:])
assert a["workers"] == 2 and a["candidates"] == 60, a
assert a["candidate_digest"] == b["candidate_digest"] and a["confirmed"] == b["confirmed"], (a, b)
assert a["duplicates"] == b["duplicates"], (a, b)
assert a["candidate_digest"] != one["candidate_digest"], (a, one)
# Issue 15 item 5: every confirmed counterexample carries how it was decided, saved or not (these
# runs save nothing: --no-corpus without --corpus).
import re
for r in (a, b, one):
    assert not r["confirmed_files"], r
    assert len(r["confirmed_certificates"]) == len(r["confirmed"]), r
    assert all(isinstance(c, str) and re.match(r"^(exact|enclosure at [0-9]+ bits|undecided: .+)$", c)
               for c in r["confirmed_certificates"]), r["confirmed_certificates"]
print("ok   2 workers: deterministic (digest", a["candidate_digest"] + ",", len(a["confirmed"]), "confirmed), unlike 1 worker")
PY
"$exe" search TEST.planted --no-corpus --corpus "$tmp/planted2" --bits 256 --time-budget-s 30 --max-confirmed 1 \
  --workers 2 --timings --quiet --json > "$tmp/planted2.json" || fail "planted search with 2 workers exited non-zero"
python3 - "$tmp/planted2.json" "$tmp/planted2" <<'PY' || status=1
import json, os, sys
d = json.load(open(sys.argv[1]))["claims"][0]
assert len(d["confirmed"]) >= 1 and d["first_confirmed_s"] is not None, d
files = sorted(os.listdir(sys.argv[2]))
assert all(f.endswith(".json") for f in files), files  # no temporaries left
assert len(files) == len(set(files)) == len(d["confirmed_files"]), (files, d)
inst = json.load(open(d["confirmed_files"][0]))["instance"]
assert inst["L"] == 3 and float(inst["lambda"]) == 3.0, inst
print("ok   2 workers: planted bug found in", round(d["first_confirmed_s"], 1), "s, saved once")
PY
"$exe" search KP.T6 --no-corpus --corpus "$tmp/kill2" --time-budget-s 120 --max-confirmed 100000 --workers 2 --quiet > /dev/null 2>&1 &
pid=$!
sleep 4
kids=$(ps -o pid= --ppid $pid)
kill -9 $pid; wait $pid 2>/dev/null
sleep 1
[ "$(echo $kids | wc -w)" -eq 2 ] || fail "expected 2 worker processes, got: $kids"
for k in $kids; do  # gone, or a zombie waiting for whoever reaps orphans
  st=$(ps -o stat= -p "$k" 2>/dev/null); case "$st" in ""|Z*) ;; *) fail "worker $k outlived its killed search ($st)" ;; esac
done
python3 - "$tmp/kill2" <<'PY' || status=1
import json, os, sys
d = sys.argv[1]
for f in os.listdir(d):
    assert f.endswith(".json") or ".json.tmp." in f, f
    if f.endswith(".json"):
        assert json.load(open(os.path.join(d, f)))["claim"] == "KP.T6", f
print("ok   2 workers killed after 4 s: no worker left,", len(os.listdir(d)), "files, all parse")
PY
# 6. Byte-identical JSON: the same seed, --max-candidates and worker count print the same bytes (the
#    wall-clock fields only with --timings), for 1 and 2 workers and a landscape claim (screened
#    candidates, a confirmed and shrunk find); --timings adds exactly the three time fields.
same() {
  "$exe" search "$@" --quiet --json > "$tmp/same1.json"; "$exe" search "$@" --quiet --json > "$tmp/same2.json"
  cmp -s "$tmp/same1.json" "$tmp/same2.json" && echo "ok   byte-identical JSON twice: search $*" || fail "JSON differs: search $*"
}
same X.GLOBAL --no-corpus --max-candidates 60 --seed 5 --max-confirmed 100000
same X.GLOBAL --no-corpus --max-candidates 60 --seed 5 --max-confirmed 100000 --workers 2
same CJW.A1 --no-corpus --max-candidates 12 --seed 2 --max-confirmed 100000
"$exe" search KP.T6 --no-corpus --max-candidates 5 --timings --quiet --json > "$tmp/timed.json"
python3 - "$tmp/same1.json" "$tmp/timed.json" <<'PY' || status=1
import json, sys
plain, timed = (json.load(open(f))["claims"][0] for f in sys.argv[1:])
assert set(timed) - set(plain) == {"seconds", "first_found_s", "first_confirmed_s"} and set(plain) <= set(timed), (plain, timed)
assert plain["confirmed"], "CJW.A1 seed 2 should confirm a case in 12 candidates"
print("ok   --timings adds exactly seconds, first_found_s, first_confirmed_s")
PY
exit $status
