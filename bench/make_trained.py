#!/usr/bin/env python3
"""Trained weights for the classify / Krylov benches (written to a scratch directory, not to git).

Plain float64 gradient descent, as a user would train, on
    F(W) = 1/2 ||W_L ... W_1 - Y||_F^2 + sum_l lambda/2 ||W_l||_F^2
with a square random target Y (d x d, singular values spread over (0, 2]).
    make_trained.py OUTDIR d L [--lam 0.05] [--seed 1] [--tol 1e-12] [--max-iter 200000]
Writes OUTDIR/instance.json and OUTDIR/weights.npz (W1..WL); prints iterations and ||grad F||.
--tol large (say 1e-2) leaves a non-critical point (for the Krylov bench).
"""
import argparse
import json
import os

import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("d", type=int)
ap.add_argument("L", type=int)
ap.add_argument("--lam", type=float, default=0.05)
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--tol", type=float, default=1e-12)
ap.add_argument("--max-iter", type=int, default=200000)
a = ap.parse_args()
rng = np.random.default_rng(a.seed)
d, L, lam = a.d, a.L, a.lam
U, _ = np.linalg.qr(rng.standard_normal((d, d)))
V, _ = np.linalg.qr(rng.standard_normal((d, d)))
y = np.sort(rng.uniform(0.05, 2.0, d))[::-1]
Y = (U * y) @ V.T
# Balanced-scale start: orthogonal layers times ||Y||^(1/L), slightly perturbed.
s = np.linalg.norm(Y, 2) ** (1.0 / L)
W = []
for l in range(L):
    Q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    W.append(s * Q + 0.01 * rng.standard_normal((d, d)))


def grads(W):
    fwd = [np.eye(d)]
    for w in W:
        fwd.append(w @ fwd[-1])           # fwd[l] = W_l ... W_1
    R = fwd[-1] - Y
    g, back = [None] * L, np.eye(d)       # back = W_L ... W_{l+1}
    for l in range(L - 1, -1, -1):
        g[l] = back.T @ R @ fwd[l].T + lam * W[l]
        back = back @ W[l]
    return g


step = 0.5 / (1 + L * s ** (2 * L - 2))
for it in range(a.max_iter):
    g = grads(W)
    gn = np.sqrt(sum((x * x).sum() for x in g))
    if gn < a.tol:
        break
    W = [w - step * gw for w, gw in zip(W, g)]
print(f"d={d} L={L} N={L * d * d} iterations {it} ||grad F|| {gn:.3e}")
os.makedirs(a.out, exist_ok=True)
with open(os.path.join(a.out, "instance.json"), "w") as f:
    json.dump({"L": L, "dims": [d] * (L + 1), "convention": "cjw", "lambda": [lam] * L, "target": Y.tolist()}, f)
np.savez(os.path.join(a.out, "weights.npz"), **{f"W{l + 1}": W[l] for l in range(L)})
