// How far a critical point found numerically may lie from the exact critical set, in eps units
// rather than sqrt(eps) (issue 16). The searches stop at ||grad F|| <= gradient_tolerance
// (tolerance_policy.hpp: 1024 (L + w + 4) eps gradient_scale). Near a critical set that is a smooth
// manifold (an orbit of hidden rotations, of the target's symmetries) with the Hessian non-singular
// on its normal space, the distance to the set is at most ||g|| / mu, mu the smallest |eigenvalue|
// above the zero threshold (hessian_zero_threshold), up to a second-order term (a factor 2 here).
// Along that distance:
//   P moves by at most (sum_l prod_{i != l} n_i) dist (n_l = ||W_l||_F; P is multilinear);
//   each layer, its norm and its singular values move by at most dist (Weyl);
//   a homogeneous quantity of degree q moves by about q (dist / min_l n_l) of its size (`relative`).
// Rounding adds (L + w) eps relative to the same scales (products of L factors of width <= w;
// Higham, Accuracy and Stability, 3.5); a quantity derived from the target's SVD carries the SVD's
// 16 (m + n) eps ||Y|| (prox.hpp).
#pragma once

#include "dmf/landscape/critical_search.hpp"
#include "dmf/problem/instance.hpp"

namespace dmf::prop {

struct CriticalPointBound {
    bool ok = false;  // mu found: the Hessian is non-singular off the zero threshold
    Real dist;        // distance to the critical set
    Real product;     // ||P - P*||_F, the target's SVD error included
    Real layer;       // ||W_l - W_l*||, and each layer norm or singular value
    Real relative;    // dist / min_l n_l (0 when a layer is zero)
};
CriticalPointBound critical_point_bound(const Instance& inst, const Weights& w, const Real& gradient_norm,
                                        const Precision& p);

}  // namespace dmf::prop
