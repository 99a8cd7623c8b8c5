#!/usr/bin/env python3
"""Check a float64 implementation of the deep matrix factorization loss against dmf-oracle's
test vectors (`dmf-oracle vectors --out FILE.jsonl`, docs/schemas/vectors.schema.json).

Two implementations are checked, each in float64:
  numpy  the loss, gradient and Hessian-vector product written out by hand (below);
  torch  PyTorch autograd: the gradient by backward, the HVP by double backward (skipped,
         with a note, when torch is not installed; --no-torch skips it).
At every point of every line: the loss, every gradient entry and every entry of H(W) V are
compared with the oracle's (computed from the definition at twice the oracle's precision), and
at the global minimizer (its point rounded to float64; files of 10 digits or more) the loss with
the global minimum value.

An error is |computed - oracle| in units of float64's eps = 2^-52, relative to the entry's
conditioning scale: the same formula evaluated on |W|, |V|, |Y| with P - Y replaced by |P| + |Y|
(every subtraction made an addition), which bounds what rounding can do to that entry. Standard
forward error analysis of these products (sums of at most (L + 1)(d_max + 1) rounded terms per
entry) gives an error below (L + 1)(d_max + 1) eps in these units to first order; the documented
bound is four times that, 4 (L + 1)(d_max + 1) eps, per line. The script prints the error table
and exits 1 when an error exceeds the bound (2 for an unreadable file).

Input numbers in a drawn vectors file are binary64 values (exact decimals), so a float64 reader
gets them without error and the errors measure the implementation's arithmetic alone.

Usage: check_against_vectors.py FILE.jsonl [--no-torch] [--json OUT]
"""
import decimal
import json
import sys

import numpy as np

EPS = float(np.finfo(np.float64).eps)


def chain(mats, lo, hi, n):
    """mats[hi-1] @ ... @ mats[lo] (the identity of size n when lo >= hi)."""
    out = np.eye(n)
    for k in range(lo, hi):
        out = mats[k] @ out
    return out


def instance_arrays(inst):
    L = inst["L"]
    Y = np.array([[float(v) for v in row] for row in inst["target"]], dtype=np.float64)
    if inst["convention"] == "kp":  # KP's loss is 2F with lambda_l = lambda / L
        return Y, [float(inst["lambda"]) / L] * L, 2.0
    return Y, [float(v) for v in inst["lambda"]], 1.0


class NumpyDMF:
    """F = c (1/2 ||W_L...W_1 - Y||^2 + sum_l lambda_l/2 ||W_l||^2), by hand in float64.
    absolute=True evaluates the conditioning scale instead (|inputs|, P - Y as |P| + |Y|)."""

    def __init__(self, inst, absolute=False):
        self.Y, self.lam, self.c = instance_arrays(inst)
        self.dims = inst["dims"]
        self.abs = absolute
        if absolute:
            self.Y = np.abs(self.Y)

    def _prep(self, W):
        return [np.abs(w) for w in W] if self.abs else W

    def _residual(self, P):
        return P + self.Y if self.abs else P - self.Y

    def loss(self, W):
        W = self._prep(W)
        R = self._residual(chain(W, 0, len(W), self.dims[0]))
        return self.c * (0.5 * np.sum(R * R) + sum(l / 2 * np.sum(w * w) for l, w in zip(self.lam, W)))

    def gradient(self, W):
        W = self._prep(W)
        L, d = len(W), self.dims
        R = self._residual(chain(W, 0, L, d[0]))
        return [self.c * (chain(W, l + 1, L, d[l + 1]).T @ R @ chain(W, 0, l, d[0]).T + self.lam[l] * W[l])
                for l in range(L)]

    def hvp(self, W, V):
        W, V = self._prep(W), self._prep(V)
        L, d = len(W), self.dims
        R = self._residual(chain(W, 0, L, d[0]))
        A = [chain(W, l + 1, L, d[l + 1]) for l in range(L)]  # W_L ... W_{l+1}
        B = [chain(W, 0, l, d[0]) for l in range(L)]          # W_{l-1} ... W_1
        dP = sum(A[k] @ V[k] @ B[k] for k in range(L))
        out = []
        for l in range(L):
            dA = sum((chain(W, k + 1, L, d[k + 1]) @ V[k] @ chain(W, l + 1, k, d[l + 1]) for k in range(l + 1, L)),
                     np.zeros_like(A[l]))
            dB = sum((chain(W, k + 1, l, d[k + 1]) @ V[k] @ chain(W, 0, k, d[0]) for k in range(l)),
                     np.zeros_like(B[l]))
            out.append(self.c * (dA.T @ R @ B[l].T + A[l].T @ dP @ B[l].T + A[l].T @ R @ dB.T + self.lam[l] * V[l]))
        return out


class TorchDMF:
    """The same loss in torch (float64); gradient and HVP from autograd."""

    def __init__(self, inst):
        import torch
        self.torch = torch
        Y, self.lam, self.c = instance_arrays(inst)
        self.Y = torch.tensor(Y, dtype=torch.float64)

    def _loss(self, W):
        P = W[0]
        for w in W[1:]:
            P = w @ P
        return self.c * (0.5 * ((P - self.Y) ** 2).sum() + sum(l / 2 * (w ** 2).sum() for l, w in zip(self.lam, W)))

    def _t(self, W, grad=False):
        return [self.torch.tensor(w, dtype=self.torch.float64, requires_grad=grad) for w in W]

    def loss(self, W):
        return float(self._loss(self._t(W)))

    def gradient(self, W):
        Wt = self._t(W, True)
        return [g.numpy() for g in self.torch.autograd.grad(self._loss(Wt), Wt)]

    def hvp(self, W, V):
        Wt = self._t(W, True)
        g = self.torch.autograd.grad(self._loss(Wt), Wt, create_graph=True)
        return [h.detach().numpy() for h in self.torch.autograd.grad(g, Wt, grad_outputs=self._t(V))]


def matrices(ws):
    return [np.array([[float(v) for v in row] for row in m], dtype=np.float64) for m in ws]


DIGITS = 50  # the file's digits (set per line): each reference is within half a unit of its last digit


def err_eps(computed, reference, scale):
    """Largest |computed - reference| / (eps * scale) over entries; the difference taken exactly
    (Decimal), less the reference's own rounding (half a unit in its last of DIGITS digits), so a
    file with fewer digits checks less but never blames the implementation for the file."""
    computed, scale = np.atleast_1d(np.asarray(computed, dtype=np.float64)).ravel(), np.atleast_1d(scale).ravel()
    reference = np.atleast_1d(np.asarray(reference, dtype=object)).ravel()
    worst = 0.0
    for x, r, s in zip(computed, reference, scale):
        ref = decimal.Decimal(r)
        allowance = abs(ref) * decimal.Decimal(5).scaleb(-DIGITS)
        diff = float(max(abs(decimal.Decimal(float(x)) - ref) - allowance, decimal.Decimal(0)))
        if diff:
            worst = max(worst, diff / (EPS * s) if s > 0 else float("inf"))
    return worst


def flat(ws):
    return np.concatenate([np.asarray(w, dtype=object).ravel() for w in ws])


def check_line(rec, impls):
    """Errors (eps units) per implementation and quantity for one line, and the line's bound."""
    global DIGITS
    DIGITS = rec["digits"]
    inst = rec["instance"]
    bound = 4.0 * (inst["L"] + 1) * (max(inst["dims"]) + 1)
    scale = NumpyDMF(inst, absolute=True)
    errs = {}
    decimal.getcontext().prec = 1000
    for name, make in impls.items():
        impl = make(inst)
        e = {"loss": 0.0, "gradient": 0.0, "hvp": 0.0, "loss at minimizer": None}
        for pt in rec["points"]:
            W, V = matrices(pt["weights"]), matrices(pt["direction"])
            e["loss"] = max(e["loss"], err_eps(impl.loss(W), pt["loss"], scale.loss(W)))
            e["gradient"] = max(e["gradient"], err_eps(flat(impl.gradient(W)), flat(pt["gradient"]),
                                                       flat(scale.gradient(W)).astype(np.float64)))
            e["hvp"] = max(e["hvp"], err_eps(flat(impl.hvp(W, V)), flat(pt["hessian_vector_product"]),
                                             flat(scale.hvp(W, V)).astype(np.float64)))
        gm = rec["global_minimum"]
        # The minimizer's point is printed to `digits`: its rounding moves the loss by about
        # 10^(-2 digits) (second order), below float64's eps only from 10 digits on.
        if gm["point"] is not None and rec["digits"] >= 10:
            W = matrices(gm["point"])  # rounded to float64: the loss moves only to second order
            e["loss at minimizer"] = err_eps(impl.loss(W), gm["value"], scale.loss(W))
        errs[name] = e
    return errs, bound


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    out = argv[argv.index("--json") + 1] if "--json" in argv else None
    if out in args:
        args.remove(out)
    impls = {"numpy": NumpyDMF}
    if "--no-torch" not in argv:
        try:
            import torch  # noqa: F401
            impls["torch"] = TorchDMF
        except ImportError:
            print("note: torch is not installed; checking numpy only")
    try:
        with open(args[0], encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
    except (OSError, json.JSONDecodeError) as e:
        print(f"check_against_vectors: error: {args[0]}: {e}", file=sys.stderr)
        return 2
    quantities = ("loss", "gradient", "hvp", "loss at minimizer")
    table = {(n, q): [] for n in impls for q in quantities}  # (error / bound, error, line)
    for rec in records:
        errs, bound = check_line(rec, impls)
        for n, e in errs.items():
            for q in quantities:
                if e[q] is not None:
                    table[(n, q)].append((e[q] / bound, e[q], rec["index"], bound))
    if records and min(r["digits"] for r in records) < 20:
        print(f"note: the file has {min(r['digits'] for r in records)} digits; below 20 its own rounding "
              "is not far below float64's eps, and the check is weaker by that much")
    print(f"{len(records)} lines, {sum(len(r['points']) for r in records)} points; errors in float64 eps, "
          f"relative to each entry's conditioning scale; bound per line 4 (L + 1)(d_max + 1)")
    print(f"{'implementation':15s}{'quantity':20s}{'median':>10s}{'max':>10s}{'line':>6s}{'bound':>8s}  verdict")
    failed = False
    rows = []
    for (n, q), vals in table.items():
        if not vals:
            continue
        largest = max(vals, key=lambda v: v[1])
        med = float(np.median([v[1] for v in vals]))
        over = [v for v in vals if v[0] > 1.0]  # lines whose error exceeds their own bound
        failed |= bool(over)
        rows.append({"implementation": n, "quantity": q, "median_eps": med, "max_eps": largest[1], "line": largest[2],
                     "bound_eps": largest[3], "lines_over_bound": [v[2] for v in over]})
        verdict = "ok" if not over else f"EXCEEDS THE BOUND on {len(over)} line(s), first {over[0][2]}"
        print(f"{n:15s}{q:20s}{med:10.3g}{largest[1]:10.3g}{largest[2]:6d}{largest[3]:8.0f}  {verdict}")
    if out:
        with open(out, "w", encoding="utf-8") as f:
            json.dump(rows, f, indent=1)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
