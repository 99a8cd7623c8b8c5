// Finding critical points and local minimizers of F from arbitrary starts, at
// high precision, with nothing but the loss, gradient and Hessian of the
// definition. The independent side for claims about critical points
// (balancedness, no local maxima, the "only if" of CJW Theorem 2.1).
//   find_critical_point: Levenberg-Marquardt on grad F = 0 (its Jacobian is the Hessian),
//     step (H^2 + mu I) d = -H g; reaches saddles as well as minima.
//   find_local_minimizer: damped Newton on F, step (H + mu I) d = -g, accepted only if F decreases,
//     then a Levenberg-Marquardt polish on grad F = 0 to full precision.
// Non-convergence is a status, not an exception.
#pragma once

#include "dmf/problem/objective.hpp"

namespace dmf::inline landscape {

struct CriticalSearchResult {
    Status status = Status::no_convergence;
    Weights w;
    Real gradient_norm;
    Real loss;
    int iterations = 0;
};

struct CriticalSearchOptions {
    int max_iterations = 300;
    // Converged when ||grad|| <= tolerance_eps * eps(p) * gradient_scale (homogeneous, finite_difference.hpp).
    double tolerance_eps = 1024;
};

CriticalSearchResult find_critical_point(const Instance& inst, const Weights& start, const Precision& p,
                                         const CriticalSearchOptions& o = {});
CriticalSearchResult find_local_minimizer(const Instance& inst, const Weights& start, const Precision& p,
                                          const CriticalSearchOptions& o = {});

}  // namespace dmf::landscape
