// The scalar problem of KP (12), solved from first principles:
//   L(w) = (m - w_L ... w_1)^2 + (lambda/L) sum_i w_i^2,  w in R^L.
//
// Derivation used here (no theorem of either paper): at a critical point,
//   w_j dL/dw_j = -2 (m - rho) rho + (2 lambda / L) w_j^2 = 0  for every j,
// so every w_j^2 is the same, s^2. With rho = sigma s^L (sigma the sign of the
// product) and s > 0, dividing by 2 s gives
//   s^{2L-1} - sigma m s^{L-1} + (lambda/L) s = 0,
// which has a positive root only when sigma m > 0. A critical point with some
// w_j = 0 must be w = 0 (for L >= 2; for L = 1 only when m = 0). So the critical
// points are w = 0 and the sign patterns with |w_j| = s, prod sign = sign(m),
// for each positive root s of f(s) = s^{2L-1} - |m| s^{L-1} + (lambda/L) s.
// L is coercive, so its global minimum is the least critical value. Values are
// compared with interval arithmetic: yes, no, or undecided at this precision.
#pragma once

#include "dmf/numerics/interval.hpp"
#include "dmf/numerics/linalg.hpp"

#include <string>
#include <vector>

namespace dmf::inline landscape {

struct ScalarProblem {
    int L = 1;
    Real lambda;  // KP's lambda > 0
    Real m;       // the target
};

struct ScalarCandidate {
    Real s;                 // |w_j| (0 for the origin)
    Interval s_enclosure;   // certified
    Interval value;         // certified enclosure of L at the candidate
    int root_slope = 0;     // sign of f' at s (+1: x+, -1: x-, 0: double root or the origin)
    bool origin = false;
    explicit ScalarCandidate(const Precision& p) : s_enclosure(p), value(p) {}
};

// KP (14), the end-to-end form: phi(rho) = (m - rho)^2 + lambda |rho|^q, q = 2/L,
// evaluated directly (|rho|^q via exp(q log |rho|)), not through the layers.
Interval end_to_end_objective(const ScalarProblem& pr, const Interval& rho_abs, const Precision& p);

struct ScalarMinimizers {
    std::vector<ScalarCandidate> candidates;  // the origin (when critical) first, then roots ascending
    std::vector<int> minimal;                 // indices that may attain the minimum
    Decision unique = Decision::undecided;    // yes: exactly one candidate certainly below all others
    bool collapsed() const;                   // the unique minimizer is w = 0
    Real rho_star(const ScalarProblem& pr) const;  // sign(m) s^L of the unique minimizer (0 if collapsed)
    std::string evidence;                     // the value enclosures that decided it
    // The same decision made on phi of KP (14) at rho = sign(m) s^L (and rho = 0).
    Decision end_to_end_unique = Decision::undecided;
    int end_to_end_best = -1;
};

ScalarMinimizers scalar_global_minimizers(const ScalarProblem& pr, const Precision& p);

// The points of Omega for one minimal candidate: all sign patterns with product
// sign(m) (2^{L-1} of them), or {0}. At most max_points, in a fixed order.
std::vector<std::vector<Real>> scalar_minimizer_points(const ScalarProblem& pr, const ScalarCandidate& c,
                                                      const Precision& p, int max_points = 1 << 12);

// Hessian of L at w from the Foundation's dense Hessian (1 x ... x 1 instance, kp convention).
Vector scalar_hessian_eigenvalues(const ScalarProblem& pr, const std::vector<Real>& w, const Precision& p);

}  // namespace dmf::landscape
