// Extreme eigenvalues of the Hessian at any point without forming it: Lanczos on the
// Hessian-vector product of the definition (objective.hpp), with full reorthogonalization
// (two Gram-Schmidt passes) at the working precision, for N where the dense path is out of reach.
// Each Ritz value theta comes with its residual r = ||H v - theta v|| (from one more product):
// some eigenvalue of H lies within r of theta (Weyl / Bauer-Fike for symmetric H), so the
// bound is a certificate up to the products' rounding, not an estimate.
#pragma once

#include "dmf/problem/objective.hpp"

#include <cstdint>
#include <vector>

namespace dmf::inline landscape {

struct RitzPair {
    Real value;
    Real residual;  // ||H v - value v||, v of unit norm
};

struct LanczosResult {
    Status status = Status::ok;
    std::vector<RitzPair> lowest, highest;  // k of each, ascending / descending
    int iterations = 0;
};

// k extreme eigenvalues at each end, from at most max_iterations Lanczos steps (default
// min(N, 4k + 40)); stops early when every wanted residual is below tol_eps * eps(p) * ||H||_est.
LanczosResult lanczos_extreme(const Instance& inst, const Weights& w, int k, const Precision& p,
                              std::uint64_t seed = 1, int max_iterations = 0, double tol_eps = 1e6);

}  // namespace dmf::landscape
