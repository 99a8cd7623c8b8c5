// Test vectors for other implementations (`dmf-oracle vectors`): for one instance, everything an
// implementation of the loss can be checked against. The landscape facts (thresholds, every
// critical orbit with its first-principles type and value, the global minimum, its uniqueness
// and the Hessian spectrum there) are the ones `solve` reports (classify_landscape with seed 1
// and summarize_landscape), so a line and `solve` on its instance say the same. At given points
// W with directions V: the loss, the gradient and the Hessian-vector product H(W) V from the
// definition (objective.hpp), at twice the working precision, the product checked against the
// dense Hessian of the definition times V (a second code path) when N is small.
#pragma once

#include "dmf/landscape/landscape_summary.hpp"

#include <string>
#include <utility>
#include <vector>

namespace dmf::inline landscape {

// The exact decimal of a binary number (every one is a finite decimal), positional, no exponent:
// "-0.1000000000000000055511151231257827021181583404541015625". Readers at any precision, binary64
// included, get exactly x.
std::string exact_decimal(const Real& x);

struct VectorPoint {
    Weights point, direction;
    Real loss;
    Weights gradient;
    Weights hessian_vector_product;
};

// Loss, gradient and H(w) v at precision 2p (the weights and the direction are used as they are:
// pass them read at 2p or exact in binary). When N <= dense_max_n the product is compared with the
// dense Hessian times v; a disagreement beyond 64 (N + 2) eps ||H||_F ||v|| throws std::logic_error.
VectorPoint evaluate_vector_point(const Instance& inst, const Weights& w, const Weights& v, const Precision& p,
                                  long long dense_max_n = 400);

struct TestVector {
    Landscape landscape;
    LandscapeSummary summary;
    std::vector<VectorPoint> points;
};

// The landscape at p (dense work for N <= max_n, as in `solve`) and every point.
TestVector make_test_vector(const Instance& inst, const std::vector<std::pair<Weights, Weights>>& points,
                            const Precision& p, long long max_n = 120);

}  // namespace dmf::landscape
