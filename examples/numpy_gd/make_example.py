#!/usr/bin/env python3
"""Make examples/numpy_gd: a small CJW instance and weights from plain numpy gradient descent.

Not run by the tests (they read the committed outputs). Needs python3-numpy.
    F(W) = 1/2 ||W3 W2 W1 - Y||_F^2 + sum_l lambda_l/2 ||W_l||_F^2
Writes instance.json, weights.npz (W1..W3, float64), weights_f32.safetensors (float32),
and weights_npy/ (W1.npy..W3.npy, float64).
"""
import json
import os
import struct

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(2026)
L, dims = 3, [3, 2, 2, 3]          # a bottleneck of width 2 below rank-3 targets
lam = [0.05, 0.1, 0.2]
Y = np.array([[2.0, 0.5, 0.0], [0.0, 1.5, 0.25], [0.5, 0.0, 0.75]])

W = [0.5 * rng.standard_normal((dims[l + 1], dims[l])) for l in range(L)]


def grads(W):
    P = W[2] @ W[1] @ W[0]
    R = P - Y
    g1 = (W[2] @ W[1]).T @ R + lam[0] * W[0]
    g2 = W[2].T @ R @ W[0].T + lam[1] * W[1]
    g3 = R @ (W[1] @ W[0]).T + lam[2] * W[2]
    return [g1, g2, g3]


step = 0.05
for it in range(200000):
    g = grads(W)
    W = [w - step * gw for w, gw in zip(W, g)]
    if max(np.abs(gw).max() for gw in g) < 1e-13:
        break
print("iterations", it, "max |grad|", max(np.abs(gw).max() for gw in grads(W)))

with open(os.path.join(here, "instance.json"), "w") as f:
    json.dump({"L": L, "dims": dims, "convention": "cjw", "lambda": lam, "target": Y.tolist()}, f, indent=1)
np.savez(os.path.join(here, "weights.npz"), W1=W[0], W2=W[1], W3=W[2])
os.makedirs(os.path.join(here, "weights_npy"), exist_ok=True)
for l in range(L):
    np.save(os.path.join(here, "weights_npy", f"W{l + 1}.npy"), W[l])

# safetensors by hand: 8-byte little-endian header length, JSON header, raw little-endian data.
header, blobs, offset = {}, [], 0
for l in range(L):
    b = W[l].astype("<f4").tobytes()
    header[f"W{l + 1}"] = {"dtype": "F32", "shape": list(W[l].shape), "data_offsets": [offset, offset + len(b)]}
    blobs.append(b)
    offset += len(b)
h = json.dumps(header).encode()
with open(os.path.join(here, "weights_f32.safetensors"), "wb") as f:
    f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))
