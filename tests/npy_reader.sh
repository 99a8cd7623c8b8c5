#!/usr/bin/env bash
# The .npy reader (our own parser since the fuzzer found undefined behaviour in xnpy) against
# numpy: C- and Fortran-ordered float64 and float32 arrays, in a directory, an .npz and a
# .safetensors file, must give exactly the loss of the same weights written as exact decimals.
set -euo pipefail
exe="$1"; root="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
inst="$root/examples/numpy_gd/instance.json"
/usr/bin/python3 - "$tmp" <<'PY'
import json, sys, struct, numpy as np
from decimal import Decimal
out = sys.argv[1]
rng = np.random.default_rng(7)
W = [np.asfortranarray(rng.standard_normal((2, 3))),          # Fortran order, float64
     rng.standard_normal((2, 2)).astype(np.float32),          # C order, float32
     np.asfortranarray(rng.standard_normal((3, 2)).astype(np.float32))]  # Fortran order, float32
import os
os.makedirs(f"{out}/npy")
for i, w in enumerate(W):
    np.save(f"{out}/npy/W{i+1}.npy", w)
np.savez(f"{out}/w.npz", **{f"W{i+1}": w for i, w in enumerate(W)})
# Exact decimals: Decimal(float) is the binary value itself.
json.dump({"weights": [[[str(Decimal(float(x))) for x in row] for row in w.astype(np.float64)] for w in W]},
          open(f"{out}/exact.json", "w"))
PY
loss() { "$exe" classify "$inst" --weights "$1" --json 2>/dev/null | /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)['loss'])"; }
want=$(loss "$tmp/exact.json")
status=0
for w in "$tmp/npy" "$tmp/w.npz"; do
  got=$(loss "$w")
  if [ "$got" = "$want" ]; then echo "ok   $(basename "$w"): loss $got"; else echo "FAIL $(basename "$w"): $got != $want"; status=1; fi
done
exit $status
