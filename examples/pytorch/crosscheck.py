#!/usr/bin/env python3
"""Train deep matrix factorizations in PyTorch, then ask the oracle what was reached and how
accurate PyTorch was.

For instances of both papers (CJW: F = 1/2||W_L...W_1 - Y||^2 + sum lambda_l/2 ||W_l||^2; KP:
||M - W_L...W_1||^2 + lambda/L sum ||W_l||^2), each dtype (float64, float32), optimizer (plain
GD, Adam) and seed: train with torch (CPU), hand the trained weights to dmf_oracle exactly as
they are (float32/float64 values are exact binary rationals), and print
  - the oracle's verdict: nearest critical orbit, its type, distance, global or not;
  - PyTorch's accuracy at that very point: its loss, gradient norm and Hessian eigenvalues
    (torch.autograd, in the training dtype) against the oracle's (from the definition, 128 bits),
    as errors in units of the dtype's eps (relative to the quantity's scale); and every entry of
    its gradient and of a Hessian-vector product H(W) V (double backward, a random direction V in
    the dtype) against the oracle's test vectors at that point (`dmf-oracle vectors --at`), in
    units of the dtype's eps relative to each entry's conditioning scale (the formula on |W|, |V|,
    |Y| with P - Y as |P| + |Y|, as in examples/check_against_vectors.py).

Usage: crosscheck.py [--quick] [--json OUT]
Needs: Debian python3-torch, python3-numpy; PYTHONPATH=<build>/python.
"""
import decimal
import json
import os
import sys

import numpy as np
import torch

import dmf_oracle

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from check_against_vectors import NumpyDMF  # noqa: E402  (the conditioning scale of each entry)

INSTANCES = {
    # the numpy example's instance: 3x3 target, a width-2 bottleneck, L = 3
    "cjw-bottleneck": {"L": 3, "dims": [3, 2, 2, 3], "convention": "cjw", "lambda": ["0.05", "0.1", "0.2"],
                       "target": [["2", "0.5", "0"], ["0", "1.5", "0.25"], ["0.5", "0", "0.75"]]},
    # KP, L = 3, 2x2, one singular value above the collapse threshold and one below
    "kp-collapse": {"L": 3, "dims": [2, 2, 2, 2], "convention": "kp", "lambda": "1",
                    "target": [["2", "0.5"], ["0.5", "1"]]},
}


def loss_fn(inst, W, Y):
    P = W[0]
    for w in W[1:]:
        P = w @ P
    if inst["convention"] == "cjw":
        lam = [float(x) for x in inst["lambda"]]
        return 0.5 * ((P - Y) ** 2).sum() + sum(l / 2 * (w ** 2).sum() for l, w in zip(lam, W))
    lam = float(inst["lambda"])
    return ((Y - P) ** 2).sum() + lam / len(W) * sum((w ** 2).sum() for w in W)


def train(inst, dtype, optimizer, seed, steps):
    g = torch.Generator().manual_seed(seed)
    dims = inst["dims"]
    Y = torch.tensor([[float(v) for v in row] for row in inst["target"]], dtype=dtype)
    W = [(0.5 * torch.randn(dims[l + 1], dims[l], generator=g, dtype=torch.float64)).to(dtype).requires_grad_()
         for l in range(inst["L"])]
    opt = torch.optim.SGD(W, lr=0.05) if optimizer == "gd" else torch.optim.Adam(W, lr=0.01)
    for _ in range(steps):
        opt.zero_grad()
        loss = loss_fn(inst, W, Y)
        loss.backward()
        opt.step()
    return W, Y


def torch_facts(inst, W, Y):
    Wd = [w.detach().clone().requires_grad_() for w in W]
    loss = loss_fn(inst, Wd, Y)
    grads = torch.autograd.grad(loss, Wd)
    gnorm = float(torch.sqrt(sum((g ** 2).sum() for g in grads)))
    shapes = [w.shape for w in Wd]
    sizes = [w.numel() for w in Wd]

    def flat_loss(v):
        parts, k = [], 0
        for s, n in zip(shapes, sizes):
            parts.append(v[k:k + n].reshape(s))
            k += n
        return loss_fn(inst, parts, Y)

    v0 = torch.cat([w.detach().reshape(-1) for w in Wd])
    H = torch.autograd.functional.hessian(flat_loss, v0)
    eig = torch.linalg.eigvalsh(H).to(torch.float64).numpy()
    return float(loss), gnorm, eig


def torch_grad_hvp(inst, W, Y, V):
    """torch's gradient and H(W) V by double backward, in the training dtype."""
    Wd = [w.detach().clone().requires_grad_() for w in W]
    g = torch.autograd.grad(loss_fn(inst, Wd, Y), Wd, create_graph=True)
    hv = torch.autograd.grad(g, Wd, grad_outputs=V)
    return [x.detach() for x in g], [x.detach() for x in hv]


def entrywise_err(theirs, ours, scale, eps):
    """max over entries of |theirs - ours| / (eps * scale), the difference taken exactly."""
    t = np.concatenate([x.to(torch.float64).numpy().ravel() for x in theirs])
    o = [v for m in ours for row in m for v in row]
    s = np.concatenate([np.asarray(x, dtype=np.float64).ravel() for x in scale])
    worst = 0.0
    for a, b, c in zip(t, o, s):
        d = float(abs(decimal.Decimal(float(a)) - decimal.Decimal(b)))
        if d:
            worst = max(worst, d / (eps * c) if c > 0 else float("inf"))
    return worst


def eps_err(ours, theirs, scale, eps):
    return abs(theirs - ours) / (max(abs(scale), 1e-300) * eps)


def main():
    quick = "--quick" in sys.argv
    out = sys.argv[sys.argv.index("--json") + 1] if "--json" in sys.argv else None
    steps = 300 if quick else 5000
    seeds = (0,) if quick else (0, 1, 2)
    rows = []
    for name, inst in INSTANCES.items():
        for dtype in (torch.float64, torch.float32):
            for optimizer in (("gd",) if quick else ("gd", "adam")):
                for seed in seeds:
                    W, Y = train(inst, dtype, optimizer, seed, steps)
                    weights = [w.detach().numpy() for w in W]  # exact: the oracle reads them as written
                    verdict = dmf_oracle.classify(inst, weights, digits=30)
                    exact = dmf_oracle.evaluate(inst, weights, hessian=True, digits=30)
                    tl, tg, teig = torch_facts(inst, W, Y)
                    eps = float(torch.finfo(dtype).eps)
                    # Entrywise gradient and HVP at this exact point, along a random direction in the dtype.
                    gv = torch.Generator().manual_seed(1000 + seed)
                    V = [torch.randn(w.shape, generator=gv, dtype=torch.float64).to(dtype) for w in W]
                    directions = [v.numpy() for v in V]
                    (vec,) = dmf_oracle.vectors(instance=inst, at=[(weights, directions)], digits=30)
                    tgrad, thvp = torch_grad_hvp(inst, W, Y, V)
                    W64 = [w.astype(np.float64) for w in weights]
                    V64 = [v.astype(np.float64) for v in directions]
                    cond = NumpyDMF(inst, absolute=True)
                    grad_err = entrywise_err(tgrad, vec["points"][0]["gradient"], cond.gradient(W64), eps)
                    hvp_err = entrywise_err(thvp, vec["points"][0]["hessian_vector_product"], cond.hvp(W64, V64), eps)
                    oeig = np.array([float(v) for v in exact["hessian_spectrum"]]) if "hessian_spectrum" in exact else None
                    hscale = float(np.max(np.abs(oeig))) if oeig is not None else 0.0
                    near = verdict.get("nearest_critical_orbit") or {}
                    rows.append({
                        "instance": name, "dtype": str(dtype).replace("torch.", ""), "optimizer": optimizer,
                        "seed": seed, "steps": steps,
                        "oracle_type": verdict["computed_type"],
                        "nearest_orbit_type": near.get("computed_type"),
                        "distance_to_orbit": near.get("distance_to_orbit_aligned"),
                        "loss": exact["loss"], "gradient_norm": exact["gradient_norm"],
                        "loss_err_eps": eps_err(float(exact["loss"]), tl, float(exact["loss"]), eps),
                        "grad_norm_err_eps": eps_err(float(exact["gradient_norm"]), tg,
                                                     max(float(exact["gradient_norm"]), float(exact["loss"])), eps),
                        "hessian_max_err_eps": (float(np.max(np.abs(np.sort(teig) - np.sort(oeig)))) / (hscale * eps)
                                                if oeig is not None else None),
                        "gradient_entry_err_eps": grad_err,
                        "hvp_entry_err_eps": hvp_err,
                    })
                    r = rows[-1]
                    print(f"{name:15s} {r['dtype']:8s} {optimizer:4s} seed {seed}: oracle {r['oracle_type']:>16s}; "
                          f"nearest orbit {str(r['nearest_orbit_type']):>26s} at {float(r['distance_to_orbit'] or 'nan'):.2e}; "
                          f"|grad F| {float(r['gradient_norm']):.2e}; torch errors (eps units): loss {r['loss_err_eps']:.1f}, "
                          f"|grad| {r['grad_norm_err_eps']:.1f}, Hessian eig {r['hessian_max_err_eps']:.1f}, "
                          f"grad entries {r['gradient_entry_err_eps']:.1f}, HVP entries {r['hvp_entry_err_eps']:.1f}", flush=True)
    if out:
        with open(out, "w") as f:
            json.dump(rows, f, indent=1)
    return rows


if __name__ == "__main__":
    main()
