// Which critical orbit of T2.1 a point belongs to, and how far it is from it; then the hidden
// rotations aligned by alternating Procrustes.
#pragma once

#include "dmf/landscape/landscape.hpp"

#include <vector>

namespace dmf::inline landscape {

// The orbit of T2.1 a point is nearest to, read off the point itself (no enumeration, so any size):
// at an orbit point P = U diag(x^L) V^T (the layer scalings sqrt(lambdabar / lambda_l) multiply to
// 1), so within each block B of equal target singular values the singular values of U_B^T P V_B
// are the x_j^L of that block; each measured x_j is matched to the nearest of 0 and the positive
// roots of f(.; y_j), compared as x^L (so a zero x, known to rounding in P, is not blown up by
// an L-th root). Within a block the matched roots come in descending order (equal y_j make the
// order immaterial: the SVD is free inside the block). Two distances, both zero exactly on the orbit:
//   mismatch:            every layer's singular values against sqrt(lambdabar / lambda_l) x (units of x);
//   end_to_end_mismatch: U^T P V against diag(x^L), the off-block part included (units of P).
struct PointOrbit {
    Orbit orbit;
    Real mismatch;
    Real end_to_end_mismatch;
    std::vector<Real> measured;  // x_j read off P, per singular index
};
PointOrbit orbit_of_point(const Instance& inst, const TargetSvd& svd, const Weights& w, const Precision& p);

// min over hidden rotations Q_1..Q_{L-1} of sum ||W_l - Q_l C_l Q_{l-1}^T||^2 (Q_0, Q_L = I): the
// representative c rotated toward w (alternating Procrustes, 40 sweeps). Rotations that fix the
// target are not aligned, so the distance to the result is an upper bound on the orbit distance.
Weights align_hidden_rotations(const Instance& inst, const Weights& w, const Weights& c, const Precision& p);

// sqrt(sum_l ||a_l - b_l||_F^2).
Real weights_distance(const Weights& a, const Weights& b, const Precision& p);

}  // namespace dmf::landscape
