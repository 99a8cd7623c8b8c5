// Points on a critical orbit of CJW Theorem 2.1, built from the theorem's description, and the
// perturbations a trained network carries: for the round trip of nearest-orbit matching (issue 19).
// Per singular index a root pick (0, or the k-th positive root of f(.; y_j), taken modulo what
// exists, at most d_min active); Haar hidden rotations (orbit_point); repeated and zero singular
// values; hidden widths below r (bottlenecks) and above it; unequal lambda_l. Widths up to 32, depth
// up to 6; small sizes are favoured so that shrinking has somewhere to go.
#pragma once

#include "generators/decimal.hpp"
#include "dmf/landscape/critical_set.hpp"

#include <cstdint>
#include <ostream>
#include <vector>

namespace dmf::gen {

enum class OrbitPerturbation { none, relative_1e10, float32, float64 };
const char* to_string(OrbitPerturbation k);

struct OrbitPointSpec {
    int L = 3;
    std::vector<int> dims;                 // d_0 .. d_L
    std::vector<Decimal> lambda;           // per layer (CJW)
    std::vector<Decimal> singular_values;  // r = min(d_0, d_L), descending as listed; repeats and zeros kept
    std::vector<int> root_pick;            // per index: 0 -> x = 0, k -> the ((k - 1) mod #roots + 1)-th root
    std::uint64_t seed = 0;                // target basis, SVD inside blocks, hidden rotations, perturbation
    OrbitPerturbation perturbation = OrbitPerturbation::none;
};
void showValue(const OrbitPointSpec& s, std::ostream& os);

struct OrbitGenOptions {
    int max_width = 32, max_depth = 6;
};
rc::Gen<OrbitPointSpec> orbit_point_spec(const OrbitGenOptions& o = {});

struct OrbitPointCase {
    Instance inst;
    TargetSvd svd;       // the SVD the point was built with
    Orbit orbit;         // the orbit chosen
    Weights exact;       // its representative (6)-(7) at precision p
    Weights point;       // after the perturbation
    Real perturbation;   // a bound on max_l ||point_l - exact_l||_F
};
OrbitPointCase materialize(const OrbitPointSpec& s, const Precision& p);

}  // namespace dmf::gen
