// The tangent space at W of the orbit of F's continuous symmetries:
//   hidden rotations  W_l -> Q_l W_l, W_{l+1} -> W_{l+1} Q_l^T (l = 1..L-1), any target;
//   target-fixing rotations of the outer factors W_L -> R W_L, W_1 -> W_1 S^T with
//     R Y S^T = Y, infinitesimally A Y = Y B for skew A (d_L) and skew B (d_0): non-trivial
//     exactly when Y has repeated or zero singular values (or d_0 != d_L).
// F is constant along these curves, so at a critical point the tangent vectors lie in the
// Hessian's kernel; kernel directions beyond this space are what needs a higher-order test.
#pragma once

#include "dmf/problem/objective.hpp"

namespace dmf::inline landscape {

struct OrbitTangent {
    Matrix basis;       // N x dimension, orthonormal columns
    int dimension = 0;  // rank of the tangent vectors (each normalized; Jacobi SVD rank)
    int generators = 0; // how many tangent vectors were spanned
};

OrbitTangent symmetry_orbit_tangent(const Instance& inst, const Weights& w, const Precision& p);

}  // namespace dmf::landscape
