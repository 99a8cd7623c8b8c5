// CJW Theorem 2.1's printed description of the critical set, as a generator of
// points: per singular index j, x_j = 0 or a positive root of f(.; y_j)
// (certified, polynomial.hpp), at most d_min non-zero, on distinct hidden
// coordinates (CJW's pi), and by (6)-(7)
//   W_1 = Q_1 S_1 V^T,  W_l = Q_l S_l Q_{l-1}^T,  W_L = U S_L Q_{L-1}^T,
//   S_l = sqrt(lambdabar / lambda_l) diag(x), zero-padded.
// The SVD of Y is chosen at random inside each block of equal singular values
// (the zero block and the extra columns of U and V included); Q_l is Haar.
// Whether such points are critical is what the properties test, from the definition.
#pragma once

#include "dmf/numerics/random.hpp"
#include "dmf/problem/instance.hpp"

#include <optional>
#include <vector>

namespace dmf::inline landscape {

struct TargetSvd {
    Matrix U, V;                 // full, d_L x d_L and d_0 x d_0
    std::vector<Real> y;         // r = min(d_0, d_L) singular values, descending
    std::vector<int> block;      // block id of each index; equal values (to 64 (m+n) eps) share one
    // Set (by the exact decision layer, landscape.hpp) where y_j is exactly on ybar: f(.; y_j) then
    // has exactly one positive root, double, at this value (xbar), which no rounding of y_j keeps.
    std::vector<std::optional<Real>> double_root;
};
// SVD of the target with a random orthogonal rotation inside every block of equal values.
TargetSvd target_svd(const Instance& inst, Rng& rng, const Precision& p);

struct Orbit {
    std::vector<int> choice;     // per index j < r: 0 for x_j = 0, k >= 1 for the k-th positive root
    std::vector<Real> x;         // the chosen x_j
    std::vector<int> root_slope; // sign of f' at x_j (+1 x+, -1 x-, 0 double or zero)
    int active() const;
};
// The positive roots of f(.; y_j) for each j, ascending (certified).
std::vector<std::vector<Real>> roots_per_index(const Instance& inst, const std::vector<Real>& y, const Precision& p,
                                               std::vector<std::vector<int>>* slopes = nullptr);
// Every orbit of T2.1 for this instance (at most max_orbits of them).
std::vector<Orbit> enumerate_orbits(const Instance& inst, const TargetSvd& svd, const Precision& p, int max_orbits = 4096);
// The representative (6)-(7) with Haar Q_l drawn from rng. `inverted_scaling` builds
// S_l with sqrt(lambda_l / lambdabar) instead: a wrong formula for the mutation check.
Weights orbit_point(const Instance& inst, const TargetSvd& svd, const Orbit& o, Rng& rng, const Precision& p,
                    bool inverted_scaling = false);

}  // namespace dmf::landscape
