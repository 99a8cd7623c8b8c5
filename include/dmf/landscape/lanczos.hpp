// Extreme eigenvalues of the Hessian at any point without forming it: thick-restart Lanczos
// (Wu-Simon; the symmetric Krylov-Schur form) on the Hessian-vector product of the definition
// (objective.hpp, HessianVectorProduct), with full reorthogonalization (a second Gram-Schmidt pass
// when the first cancels, DGKS) at the working precision, for N where the dense path is out of
// reach. The basis holds at most `basis` vectors; at each restart the Ritz vectors of both ends are
// kept. The basis and its orthogonalization live in Arb vectors with Arb's approximate dot product
// (one rounding to p per dot product), split over the cores from N = 1,024.
// Each Ritz value theta comes with its residual r = ||H x - theta x|| computed explicitly (one more
// product, ||x|| = 1): for symmetric H some eigenvalue lies in [theta - r, theta + r] (Weyl /
// Bauer-Fike), so the bound is a certificate up to the products' rounding, not an estimate.
// Multiplicities are not resolved (one start vector sees one vector per eigenspace).
#pragma once

#include "dmf/problem/objective.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace dmf::inline landscape {

struct RitzPair {
    Real value;
    Real residual;  // ||H x - value x||, x of unit norm, computed explicitly
};

struct LanczosResult {
    Status status = Status::ok;
    std::vector<RitzPair> lowest, highest;  // k of each, ascending / descending
    int iterations = 0;                     // Hessian-vector products (the certificates' included)
    int restarts = 0;
    Real norm_estimate;                     // max |Ritz value|
    Real tolerance;                         // residual asked for: tol_eps * eps(p) * norm_estimate
};

// The symmetric operator of a Krylov run (any size n), for tests and the dense comparison.
using SymmetricOperator = std::function<Vector(const Vector&)>;

struct LanczosOptions {
    int k = 5;                 // wanted at each end
    int basis = 0;             // largest basis (default max(6k + 20, 40), at most n)
    int max_products = 4000;   // budget of operator applications
    double tol_eps = 1e6;      // converged when every wanted residual <= tol_eps * eps(p) * ||H||_est
    std::uint64_t seed = 1;
    std::function<void(const std::string&)> progress;  // told after each restart
};

LanczosResult lanczos_extreme(const SymmetricOperator& H, long long n, const Precision& p, const LanczosOptions& o);

// The Hessian of F at w: k extreme eigenvalues at each end. `max_iterations` (0: default) bounds
// the products.
LanczosResult lanczos_extreme(const Instance& inst, const Weights& w, int k, const Precision& p,
                              std::uint64_t seed = 1, int max_iterations = 0, double tol_eps = 1e6,
                              const std::function<void(const std::string&)>& progress = {});

}  // namespace dmf::landscape
