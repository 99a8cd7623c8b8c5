#!/usr/bin/env python3
"""Peers on the very matrices dmf-bench-dense-eigen --dump wrote in this run:
mpmath.eigsy at 256 bits (Debian python3-mpmath) and numpy.linalg.eigvalsh in double
(python3-numpy). Prints seconds, the ratio to our Eigen-on-MPFR 256-bit path, and the max
eigenvalue difference against the 2048-bit reference.  Usage: peers.py DIR [max_n_mpmath]"""
import glob
import os
import sys
import time

import mpmath
import numpy as np

d = sys.argv[1]
max_mp = int(sys.argv[2]) if len(sys.argv) > 2 else 100
print("%6s %14s %12s %14s %16s" % ("N", "method", "seconds", "x ours(256)", "max |diff| ref"))
for path in sorted(glob.glob(os.path.join(d, "matrix_*.txt")), key=lambda p: int(p.split("_")[-1][:-4])):
    lines = open(path).read().split("\n")
    n = int(lines[0])
    vals = lines[1:1 + n * n]
    mpmath.mp.prec = 2100  # the reference is a 2048-bit result: read it at full precision
    ref = [mpmath.mpf(x) for x in lines[1 + n * n:1 + n * n + n]]
    ours = {int(l.split()[1]): float(l.split()[2]) for l in lines if l.startswith("timing")}
    base = ours.get(257, ours.get(256))
    A = np.array([float(x) for x in vals]).reshape(n, n)
    t = time.perf_counter(); e = np.linalg.eigvalsh(A); t = time.perf_counter() - t
    diff = max(abs(float(e[i]) - float(ref[i])) for i in range(n))
    print("%6d %14s %12.4g %14.3g %16.3g" % (n, "numpy-double", t, t / base, diff))
    if n <= max_mp:
        mpmath.mp.prec = 256
        M = mpmath.matrix(n, n)
        for i in range(n):
            for j in range(n):
                M[i, j] = mpmath.mpf(vals[i * n + j])
        t = time.perf_counter(); ev = mpmath.eigsy(M, eigvals_only=True); t = time.perf_counter() - t
        ev = sorted(ev)
        mpmath.mp.prec = 2100
        diff = max(abs(ev[i] - ref[i]) for i in range(n))
        print("%6d %14s %12.4g %14.3g %16.3g" % (n, "mpmath-256", t, t / base, float(diff)))
    else:
        print("%6d %14s %12s %14s %16s" % (n, "mpmath-256", "skipped", "-", "(N > %d)" % max_mp))
    sys.stdout.flush()
