#!/usr/bin/env python3
"""Regenerate docs/figures/*.png from the oracle (`./dmf figures`).

Every plotted value that the papers compute by a formula is computed here by the oracle,
through the dmf_oracle module: losses from the definition (`evaluate`), thresholds, roots and
minimizers (`scalar`, `solve`), landscape types (`solve`). matplotlib only draws. KP Fig. 3's
gradient descent runs in PyTorch (float64), as in the paper.

Usage: figures.py OUTDIR [--quick]
"""
import json
import math
import os
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import dmf_oracle  # noqa: E402

DIGITS = 20


def save(fig, out, name):
    fig.tight_layout()
    fig.savefig(os.path.join(out, name + ".png"), dpi=110)
    plt.close(fig)


def scalar_report(L, lam, m, convention="kp"):
    code, out, err = dmf_oracle.run(["scalar", "--L", str(L), "--lambda", str(lam), "--m", str(m),
                                     "--convention", convention, "--digits", str(DIGITS), "--json"])
    if code not in (0, 1):
        raise RuntimeError(err)
    return json.loads(out)


def scalar_instance(L, lam, m, convention="kp"):
    lam_field = str(lam) if convention == "kp" else [str(lam)] * L
    return {"L": L, "dims": [1] * (L + 1), "convention": convention, "lambda": lam_field,
            "target": [[str(m)]]}


def balanced_scalar_point(L, rho):
    """w_l = |rho|^{1/L}, the sign on the first layer: the balanced factorization of rho."""
    a = abs(rho) ** (1.0 / L)
    w = [a] * L
    w[0] = math.copysign(a, rho) if rho != 0 else 0.0
    return [np.array([[v]]) for v in w]


def kp_phi(L, lam, m, rhos):
    """phi(rho) = D + R of KP (14), each from the oracle's loss at the balanced point."""
    inst = scalar_instance(L, lam, m)
    zero_target = scalar_instance(L, lam, 0)
    phi, reg = [], []
    for r in rhos:
        W = balanced_scalar_point(L, r)
        phi.append(float(dmf_oracle.evaluate(inst, W, digits=DIGITS)["loss"]))
        # R alone: the loss with target rho (data term 0) at the same point.
        reg_inst = dict(zero_target, target=[[dmf_oracle._exact_decimal(float(np.prod([w[0, 0] for w in W])))]])
        reg.append(float(dmf_oracle.evaluate(reg_inst, W, digits=DIGITS)["loss"]))
    phi, reg = np.array(phi), np.array(reg)
    return phi - reg, reg, phi


def kp_fig1(out, quick):
    L, lam, m = 3, 4, 3
    rhos = np.linspace(-1.5, 4.5, 61 if quick else 241)
    D, R, phi = kp_phi(L, lam, m, rhos)
    rep = scalar_report(L, lam, m)
    cands = rep["minimizers"]["candidates"]
    fig, ax = plt.subplots(1, 3, figsize=(12, 3.4))
    for a, y, name in zip(ax, (D, R, phi), ("D(ρ) = (ρ − m)²", "R(ρ) = λ|ρ|^{2/L}", "φ(ρ) = D + R")):
        a.plot(rhos, y, color="C0")
        a.set_title(name)
        a.set_xlabel("ρ (end-to-end product)")
        a.grid(alpha=0.3)
    for c in cands:
        s = float(c["s"]) ** L if not c.get("origin") else 0.0
        v = float(c["value_enclosure"].strip("[]").split(",")[0])
        ax[2].plot([s], [v], "o", color="C3" if c.get("possibly_minimal") else "C7")
    ax[2].annotate(f"oracle: unique minimizer = {rep['minimizers']['unique']}", (0.02, 0.92),
                   xycoords="axes fraction", fontsize=8)
    fig.suptitle(f"KP Fig. 1: depth-{L} factorization of m = {m}, λ = {lam} (losses from the oracle; "
                 "dots: the oracle's minimizer candidates, red if minimal)", fontsize=9)
    save(fig, out, "kp_fig1")


def kp_fig2(out, quick):
    L, m = 5, -3
    # lambda_c: the lambda at which |m| = tau (oracle's collapse threshold for this m).
    lam_c = float(scalar_report(L, 1, m)["thresholds"]["collapse_lambda_kp_c14"])
    rhos = np.linspace(-4, 1, 51 if quick else 201)
    fig, ax = plt.subplots(figsize=(6.5, 4))
    for k, alpha in enumerate((0.6, 0.8, 1.0, 1.2, 1.4)):
        lam = alpha * lam_c
        _, _, phi = kp_phi(L, lam, m, rhos)
        rep = scalar_report(L, lam, m)
        ax.plot(rhos, phi, color=f"C{k}", label=f"λ = {alpha:.1f} λ_c  (unique: {rep['minimizers']['unique']})")
    ax.set_xlabel("ρ")
    ax.set_ylabel("φ(ρ)")
    ax.set_title(f"KP Fig. 2: φ for depth {L}, m = {m}; λ_c = {lam_c:.6f} from the oracle\n(λ_c is irrational: "
                 "the double nearest it is off the tie, so the oracle rightly says unique there)", fontsize=9)
    ax.legend(fontsize=7)
    ax.grid(alpha=0.3)
    save(fig, out, "kp_fig2")


def kp_fig3(out, quick):
    import torch
    torch.manual_seed(0)
    L, d = 3, 4
    rng = np.random.default_rng(3)
    M = np.diag([2.0, 1.5, 1.0, 0.5]) @ np.eye(d)
    Q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    M = Q @ M @ Q.T
    Mt = torch.tensor(M, dtype=torch.float64)
    inst0 = {"L": L, "dims": [d] * (L + 1), "convention": "kp", "lambda": "1", "target": dmf_oracle._exact_decimal(M)}
    tau_lam = float(dmf_oracle.solve(inst0, digits=DIGITS)["thresholds"]["collapse_lambda"])
    alphas = np.linspace(0.2, 1.6, 8 if quick else 22)
    steps = 1000 if quick else 5000
    gd, pred = [], []
    for alpha in alphas:
        lam = alpha * tau_lam
        W = [torch.tensor(0.7 * rng.standard_normal((d, d)), dtype=torch.float64, requires_grad=True)
             for _ in range(L)]
        for _ in range(steps):
            P = W[2] @ W[1] @ W[0]
            loss = ((Mt - P) ** 2).sum() + lam / L * sum((w ** 2).sum() for w in W)
            g = torch.autograd.grad(loss, W)
            with torch.no_grad():
                for w, gw in zip(W, g):
                    w -= 0.02 * gw
        gd.append(math.sqrt(sum(float((w ** 2).sum()) for w in W)))
        inst = dict(inst0, **{"lambda": dmf_oracle._exact_decimal(float(lam))})
        rep = dmf_oracle.solve(inst, digits=DIGITS)
        pred.append(math.sqrt(sum(float(v) for v in rep["global_minimum"]["layer_fro_norms_sq"])))
    fig, ax = plt.subplots(figsize=(6.5, 4))
    ax.plot(alphas, gd, "o", label=f"PyTorch GD, {steps} steps (float64)")
    ax.plot(alphas, pred, "-", color="C3", label="oracle: global minimizer's ||W||_F")
    ax.axvline(1.0, color="k", lw=0.8, ls=":")
    ax.set_xlabel("λ / λ_c  (λ_c: the oracle's collapse threshold for σ_max(M))")
    ax.set_ylabel("||W||_F = (Σ_l ||W_l||²)^{1/2}")
    ax.set_title(f"KP Fig. 3: depth {L}, 4×4 target, σ(M) = (2, 1.5, 1, 0.5)", fontsize=9)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    save(fig, out, "kp_fig3")


def cjw_fig2(out, quick):
    """Slices of F around three points of Theorem 2.1 on a 2x2 target, L = 3, lambda_l = 1:
    y = (3, 1.9) with ybar < 1.9 < y* < 3, so [x+, 0] is the global minimizer, [x+, x+] a
    spurious local minimizer and [x-, 0] a strict saddle (types as the oracle's solve says)."""
    L, y = 3, (3.0, 1.9)
    inst = {"L": L, "dims": [2] * (L + 1), "convention": "cjw", "lambda": ["1"] * L,
            "target": [["3", "0"], ["0", "1.9"]]}
    solved = dmf_oracle.solve(inst, digits=DIGITS)
    types = {tuple(c["roots"]): c["computed_type"] for c in solved["critical_points"]}
    roots = []
    for yi in y:
        r = {x["label"]: float(x["value"]) for x in scalar_report(L, 1, yi, "cjw")["roots_of_f"]}
        r["0"] = 0.0
        roots.append(r)
    refs = [("x+", "0"), ("x+", "x+"), ("x-", "0")]
    n = 13 if quick else 31
    t = np.linspace(-0.5, 0.5, n)
    rng = np.random.default_rng(7)
    fig, ax = plt.subplots(1, 3, figsize=(12, 3.6))
    for a, labels in zip(ax, refs):
        x = [roots[i][lab] for i, lab in enumerate(labels)]
        W0 = [np.diag(x) for _ in range(L)]
        # D1 moves the first singular value along the balanced path (every layer's (1,1) entry):
        # there G(x) is a local max at x- (CJW Lemma 3.10), so the saddle's descent shows; a random
        # direction would see it with probability ~0 in dimension 12. D2 is random.
        D1 = [np.diag([1.0, 0.0]) for _ in range(L)]
        D2 = [rng.standard_normal((2, 2)) for _ in range(L)]
        nrm1 = math.sqrt(sum((d ** 2).sum() for d in D1))
        nrm2 = math.sqrt(sum((d ** 2).sum() for d in D2))
        F0 = float(dmf_oracle.evaluate(inst, W0, digits=DIGITS)["loss"])
        Z = np.zeros((n, n))
        for i, s in enumerate(t):
            for j, u in enumerate(t):
                W = [w + s * d1 / nrm1 + u * d2 / nrm2 for w, d1, d2 in zip(W0, D1, D2)]
                Z[j, i] = float(dmf_oracle.evaluate(inst, W, digits=DIGITS)["loss"]) - F0
        cs = a.contourf(t, t, Z, levels=20, cmap="viridis")
        a.contour(t, t, Z, levels=[0], colors="w", linewidths=0.8)
        fig.colorbar(cs, ax=a, shrink=0.85)
        a.plot([0], [0], "r+")
        key = tuple(labels)
        a.set_title(f"[{', '.join(labels)}]: {types.get(key, '?')}", fontsize=9)
    fig.suptitle("CJW Fig. 2: F(W0 + s D1 + t D2) − F(W0); D1: the first singular value along the balanced path, "
                 "D2: random; Y = diag(3, 1.9), "
                 "L = 3, λ_l = 1 (types from the oracle's solve; white: level 0)", fontsize=9)
    save(fig, out, "cjw_fig2")


def dyadic_decimal(q):
    """The exact decimal string of a Fraction whose denominator is a power of 2."""
    from decimal import Decimal, getcontext
    getcontext().prec = 200
    d = q.denominator
    assert d & (d - 1) == 0, "not dyadic"
    return format(Decimal(q.numerator) / Decimal(d), "f")


def exact_threshold_points(L, lam_lo, lam_hi):
    """(y, lambdabar) pairs exactly on ybar and exactly on the tie y*: with t = k/64, f = f' = 0
    gives lambdabar = t^{2L-2} L/(L-2), ybar = t^L (2L-2)/(L-2); the tie G(x+) = G(0) gives
    lambdabar = t^{2L-2}/(L-2), y* = t^L (L-1)/(L-2) (derived from CJW (8) and G; the oracle
    decides these coincidences exactly). Only dyadic values are kept, so the input is exact."""
    from fractions import Fraction
    on_ybar, on_tie = [], []
    for k in range(1, 256):
        t = Fraction(k, 64)
        for kind, lam, y in (("ybar", t ** (2 * L - 2) * L / (L - 2), t ** L * (2 * L - 2) / (L - 2)),
                             ("tie", t ** (2 * L - 2) / (L - 2), t ** L * (L - 1) / (L - 2))):
            if lam_lo <= lam <= lam_hi and (lam.denominator & (lam.denominator - 1)) == 0 \
                    and (y.denominator & (y.denominator - 1)) == 0:
                (on_ybar if kind == "ybar" else on_tie).append((dyadic_decimal(y), dyadic_decimal(lam)))
    return on_ybar, on_tie


def landscape_kind(rep):
    kinds = [c["computed_type"] for c in rep["critical_points"]]
    if "undecided" in kinds:
        return "undecided"
    if "non_strict_saddle" in kinds:
        return "non-strict saddle"
    if "spurious_local_minimizer" in kinds:
        return "spurious"
    return "benign"


def phase_diagram(out, quick):
    """For L = 3..6 and a scalar target y with lambda_l = lambdabar: the oracle's landscape type
    on a grid (benign: every local minimizer global; spurious: some local minimizer is not;
    non-strict saddle present), with ybar, y* and tau (= y* in these units) from the oracle."""
    fig, axes = plt.subplots(1, 4, figsize=(15, 3.6), sharey=True)
    lams = np.linspace(0.25, 2.0, 8 if quick else 16)
    for ax, L in zip(axes, (3, 4, 5, 6)):
        ybar, ystar = [], []
        for lb in lams:
            th = scalar_report(L, lb, 1, "cjw")["thresholds"]
            ybar.append(float(th["y_bar_cjw43"]))
            ystar.append(float(th["y_star_numeric"]))
        ymax = 1.3 * max(ystar)
        ys = np.linspace(0.05 * ymax, ymax, 10 if quick else 22)
        marks = {"benign": ([], []), "spurious": ([], []), "non-strict saddle": ([], []), "undecided": ([], [])}
        for lb in lams:
            for yv in ys:
                rep = dmf_oracle.solve(scalar_instance(L, repr(float(lb)), repr(float(yv)), "cjw"), digits=DIGITS)
                k = landscape_kind(rep)
                marks[k][0].append(yv)
                marks[k][1].append(lb)
        # Exactly on ybar and exactly on the tie: constructed, not sampled (measure zero).
        on_ybar, on_tie = exact_threshold_points(L, lams[0], lams[-1])
        for pts in (on_ybar[:: 1 if not quick else 3], on_tie[:: 1 if not quick else 3]):
            for y_s, lam_s in pts:
                k = landscape_kind(dmf_oracle.solve(scalar_instance(L, lam_s, y_s, "cjw"), digits=DIGITS))
                marks[k][0].append(float(y_s))
                marks[k][1].append(float(lam_s))
        for (k, (xs, ls)), c in zip(marks.items(), ("C2", "C1", "C3", "k")):
            if xs or k != "undecided":
                ax.scatter(xs, ls, s=12 if k != "benign" else 10, color=c, label=k, zorder=3)
        ax.plot(ybar, lams, "k-", lw=1, label="ȳ (oracle)")
        ax.plot(ystar, lams, "k--", lw=1, label="y* = τ (oracle)")
        ax.set_title(f"L = {L}", fontsize=9)
        ax.set_xlabel("target singular value y")
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("λ̄ (λ_l = λ̄)")
    axes[0].legend(fontsize=7, loc="lower right")
    fig.suptitle("Phase diagram (no paper has it): the oracle's landscape type of a scalar target, on a grid "
                 "and at exact points on ȳ and on the tie y* (dyadic inputs)", fontsize=9)
    save(fig, out, "phase_diagram")


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    out = sys.argv[1]
    quick = "--quick" in sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    for f in (kp_fig1, kp_fig2, kp_fig3, cjw_fig2, phase_diagram):
        print(f"figures: {f.__name__} ...", file=sys.stderr, flush=True)
        f(out, quick)
    print(f"figures: written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
