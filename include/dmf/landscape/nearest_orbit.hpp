// Which critical orbit of T2.1 a point belongs to, and how far it is from it; then the hidden
// rotations aligned by alternating Procrustes.
#pragma once

#include "dmf/landscape/landscape.hpp"

#include <vector>

namespace dmf::inline landscape {

// The orbit of T2.1 a point is nearest to, read off the point itself (no enumeration, so any size).
// At an orbit point W_1 = Q_1 S_1 V^T and W_L = U S_L Q_{L-1}^T with S_l = s_l diag(x), s_l =
// sqrt(lambdabar / lambda_l), so within each block B of equal target singular values the singular
// values of W_1 V_B / s_1 and of U_B^T W_L / s_L are the block's x_j, in units of x (any rotation
// inside the block leaves them unchanged). Each is matched to the nearest of 0 and the positive roots
// of f(.; y_j) (distance: the larger of the two ends'). Reading x^L off U^T P V instead would be
// ill-conditioned: x- and 0 differ by x-^L there. Within a block the matched roots come in descending
// order (equal y_j make the order immaterial). Two distances, both zero exactly on the orbit:
//   mismatch:            every layer's singular values against s_l x (units of x);
//   end_to_end_mismatch: every singular value of U_B^T P V_B against its nearest candidate x^L, and
//                        the off-block part of U^T P V (units of P).
// end_to_end_mismatch is also a lower bound on ||P - P'||_F for P' = W'_L ... W'_1 at any point of
// any orbit: P' = U_B O diag(x_B^L) O^T V_B^T on each block B of equal y (O orthogonal, the
// rotations fixing Y) and 0 elsewhere, so by Mirsky's inequality ||C_B - C'_B||_F >= max_i
// |sigma_i(C_B) - sigma_i(C'_B)| >= the distance of sigma_i(C_B) to the nearest candidate x^L, and
// the off-block entries of C = U^T P V count in full. Telescoping P - P' over the layers turns it
// into a lower bound on the distance of the weights to every orbit (distance_lower_bound).
struct PointOrbit {
    Orbit orbit;
    Real mismatch;
    Real end_to_end_mismatch;
    // sqrt(sum_l ||W_l - W'_l||_F^2) >= this for every point W' of every orbit of T2.1:
    // end_to_end_mismatch / (sqrt(L) max_l prod_{k>l} ||W_k||_2 prod_{k<l} s_k x_max), with
    // ||W'_k||_2 <= s_k x_max (s_k = sqrt(lambdabar / lambda_k), x_max the largest root of any f(.; y_j)).
    // Certified up to the rounding of the SVDs (relative eps), far below any tolerance it is compared with;
    // 0 (no information) when that product vanishes.
    Real distance_lower_bound;
    // How unambiguous the matching is: min over indices of (the distance to the second-nearest
    // candidate) - (to the nearest), in units of x. A perturbation of W_1 and W_L by less than it
    // (max(||dW_1||_2 / s_1, ||dW_L||_2 / s_L), Weyl) cannot change the orbit read off.
    Real margin;
    std::vector<Real> measured;  // x_j read off the end layers (their mean), per singular index
};
PointOrbit orbit_of_point(const Instance& inst, const TargetSvd& svd, const Weights& w, const Precision& p);

// min over hidden rotations Q_1..Q_{L-1} of sum ||W_l - Q_l C_l Q_{l-1}^T||^2 (Q_0, Q_L = I): the
// representative c rotated toward w (alternating Procrustes, 40 sweeps). Rotations that fix the
// target are not aligned, so the distance to the result is an upper bound on the orbit distance.
Weights align_hidden_rotations(const Instance& inst, const Weights& w, const Weights& c, const Precision& p);

// sqrt(sum_l ||a_l - b_l||_F^2).
Real weights_distance(const Weights& a, const Weights& b, const Precision& p);

}  // namespace dmf::landscape
