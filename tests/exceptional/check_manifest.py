#!/usr/bin/env python3
"""Independent check of tests/exceptional/manifest.json with mpmath at 320 digits.

The generator (generators/exceptional_targets.cpp) places every target with the printed threshold
formulas (CJW (43), KP (13)) and the derived tie y*. Here each threshold is recomputed from its
definition instead, by numerical root finding, and each target's singular values from its SVD:
  ybar: the least y for which f(x; y) = x^{2L-1} - y x^{L-1} + lambdabar x (CJW (8)) has a positive
        root, i.e. min over x > 0 of g(x) = x^L + lambdabar x^{2-L} (f = x^{L-1} (x^L - y + ...));
  y*:   the y >= ybar at which the larger root x of f(.; y) ties the origin,
        G(x; y) = G(0; y), G(x; y) = (x^L - y)^2 / 2 + L lambdabar x^2 / 2;
  tau:  KP's scalar problem in its end-to-end form, h(rho) = (rho - m)^2 + lambda rho^{2/L}:
        the m at which the positive critical point of h ties h(0) = m^2.
Checks: every side ("above" / "on" / "below") of the manifest, "on" meaning within 1e-250, and
for the near family that the offset is sign * 1e-70 to within 6 percent.
Exit 0 all good, 1 a mismatch, 77 mpmath missing (CTest: skipped).
"""
import json
import os
import sys

try:
    import mpmath
    from mpmath import mp, mpf
except ImportError:
    print("check_manifest: mpmath not available, skipped")
    sys.exit(77)

mp.dps = 320


def lambda_bar(inst):
    L = inst["L"]
    lam = inst["lambda"]
    if inst["convention"] == "kp":
        return mpf(lam if isinstance(lam, str) else lam[0]) / L
    lams = lam if isinstance(lam, list) else [lam] * L
    prod = mpf(1)
    for v in lams:
        prod *= mpf(v)
    return prod ** (mpf(1) / L)


def ybar_def(L, lb):
    g = lambda x: x**L + lb * x ** (2 - L)
    dg = lambda x: L * x ** (L - 1) + (2 - L) * lb * x ** (1 - L)
    x0 = mpmath.findroot(dg, mpf(1) * lb ** (mpf(1) / (2 * L - 2)))
    return g(x0)


def ystar_def(L, lb):
    g = lambda x: x**L + lb * x ** (2 - L)
    G = lambda x, y: (x**L - y) ** 2 / 2 + L * lb * x**2 / 2
    tie = lambda x: G(x, g(x)) - G(0, g(x))
    # The larger root sits above xbar: start from 1.2 times the scale lambdabar^{1/(2L-2)}.
    x = mpmath.findroot(tie, mpf("1.2") * lb ** (mpf(1) / (2 * L - 2)))
    return g(x)


def tau_def(L, lam):
    q = mpf(2) / L
    h = lambda r, m: (r - m) ** 2 + lam * r**q
    eqs = lambda r, m: [2 * (r - m) + lam * q * r ** (q - 1), h(r, m) - m**2]
    scale = lam ** (1 / (2 - q))
    r, m = mpmath.findroot(eqs, (scale, scale))
    return m


def singular_values(target):
    A = mpmath.matrix([[mpf(v) for v in row] for row in target])
    s = mpmath.svd_r(A, compute_uv=False)
    vals = sorted([abs(s[i]) for i in range(min(A.rows, A.cols))], reverse=True)
    return vals


def side(y, t):
    if abs(y - t) < mpf("1e-250"):
        return "on"
    return "above" if y > t else "below"


def main(d):
    manifest = json.load(open(os.path.join(d, "manifest.json")))
    bad = 0
    for e in manifest:
        inst = json.load(open(os.path.join(d, e["name"] + ".json")))
        L = inst["L"]
        lb = lambda_bar(inst)
        yb, ys = ybar_def(L, lb), ystar_def(L, lb)
        sv = singular_values(inst["target"])
        problems = []
        if [side(y, yb) for y in sv] != e["side_ybar"]:
            problems.append("sides of ybar %s, manifest %s" % ([side(y, yb) for y in sv], e["side_ybar"]))
        if [side(y, ys) for y in sv] != e["side_ystar"]:
            problems.append("sides of y* %s, manifest %s" % ([side(y, ys) for y in sv], e["side_ystar"]))
        if "offset" in e:
            o = e["offset"]
            t = {"ybar": yb, "y_star": ys}.get(o["threshold"])
            if o["threshold"] == "tau":
                t = tau_def(L, lb * L)
                if abs(t - ys) > mpf("1e-250"):
                    problems.append("tau %s != y* %s" % (mpmath.nstr(t, 30), mpmath.nstr(ys, 30)))
            off = (sv[o["index"]] - t) / mpf("1e-70")
            if abs(off - o["sign"]) > mpf("0.06"):
                problems.append("offset %s e-70, wanted %d e-70" % (mpmath.nstr(off, 6), o["sign"]))
            digits = len(inst["target"][o["index"]][o["index"]].replace(".", "").lstrip("0"))
            if digits < 71:
                problems.append("only %d digits" % digits)
        bad += bool(problems)
        print("%-30s %s" % (e["name"], "ok" if not problems else "; ".join(problems)))
    print("check_manifest: %d of %d entries wrong" % (bad, len(manifest)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))))
