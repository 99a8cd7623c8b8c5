// Where the candidates come from: structured samples on the thresholds the papers define (tau,
// ybar, CJW (10)'s tie, the collapse lambda), built exactly where binary numbers allow, 2^-k off
// them and at degenerate values, random ones, and hill-climbing mutations of a case; plus the
// closeness-to-a-threshold half of the climb's score. Every draw comes from the one Rng, in a
// fixed order, so the candidate sequence depends only on the seed and the claim.
#pragma once

#include "search/search.hpp"

#include "dmf/numerics/random.hpp"

#include <vector>

namespace dmf::search_detail {

struct Sampler {
    const SearchTarget& t;
    Rng& rng;
    const Precision& p;

    Instance sample();                       // a fresh case of t's kind
    Instance mutate(const Instance& in);     // a hill-climbing step from `in`

    // The building blocks (each draws from rng).
    int uniform(int lo, int hi);
    bool coin(int percent);
    Real pow2(long e);
    int depth();
    Real simple_number();
    Real log_uniform(int lo_exp2, int hi_exp2);
    // Thresholds of a scalar problem in KP's m: tau, and CJW's ybar with lambdabar = lambda / L.
    std::vector<Real> thresholds(int L, const Real& lambda_kp);
    Instance sample_scalar_case();
    Instance matrix_case();
};

// Closeness to a threshold, in [0, 1]: 1 on it, 0 a factor of 2 or more away.
double proximity(const SearchTarget& t, const Instance& inst, const Precision& p);

}  // namespace dmf::search_detail
