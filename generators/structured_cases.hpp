// Structured cases on the thresholds the papers define (tau, ybar, CJW (10)'s tie, the collapse
// lambda), for the counterexample search and for properties alike: built exactly where binary
// numbers allow (exact_thresholds.hpp), 2^-k off them, at degenerate values (0, small integers,
// L = 1, 2, repeated and zero singular values, bottlenecks, d_min = r - 1), and random ones.
//
// The core is Rng-driven (StructuredCases: every draw from one Rng in a fixed order, so a case
// depends only on the Rng's state); structured_case() is the thin RapidCheck wrapper (a seed in a
// spec). The search also samples the property generators (landscape_spec, scalar_case) outside a
// property with an explicit rc::Random seed and size: sample_landscape_spec / sample_scalar_case.
#pragma once

#include "generators/exact_thresholds.hpp"
#include "generators/landscape_gen.hpp"
#include "generators/scalar_gen.hpp"
#include "dmf/numerics/random.hpp"
#include "dmf/problem/instance.hpp"

#include <rapidcheck.h>

#include <cstdint>
#include <ostream>
#include <vector>

namespace dmf::gen {

struct DepthRange {
    int min_depth = 1, max_depth = 12;
};

// The scalar case (KP (12)) as a 1 x ... x 1 KP instance: lambda = KP's lambda, target = m.
Instance scalar_instance(int L, const Real& lambda_kp, const Real& m, const Precision& p);

class StructuredCases {
public:
    StructuredCases(Rng& rng, DepthRange depths, const Precision& p, ExceptionalSet focus = ExceptionalSet::any)
        : rng_(rng), d_(depths), p_(p), focus_(focus) {}

    // A scalar case: m on tau or ybar (lambdabar = lambda / L), 2^-k off, exact anchors for
    // L in {3, 4, 6}, simple numbers, zero, far values; either sign.
    Instance scalar();
    // A CJW matrix case with a diagonal target: small widths first (what cases shrink to, and
    // cheap to classify), bottlenecks and d_min = r - 1, lambdas per layer 2^{a_l} lambdabar with
    // sum a_l = 0, singular values on / near / above / below the anchor and the threshold's rank.
    Instance matrix();

    // The building blocks (each draws from the Rng).
    int uniform(int lo, int hi);
    bool coin(int percent);
    Real pow2(long e) const;
    int depth();
    Real simple_number();
    Real log_uniform(int lo_exp2, int hi_exp2);
    // Thresholds of a scalar problem in KP's m: tau (KP (13)), and CJW's ybar with lambdabar = lambda / L.
    std::vector<Real> scalar_thresholds(int L, const Real& lambda_kp) const;

private:
    Rng& rng_;
    DepthRange d_;
    const Precision& p_;
    ExceptionalSet focus_;
};

// The RapidCheck wrapper: the spec is the kind, the depths and the Rng seed.
struct StructuredCaseSpec {
    bool matrix = false;
    DepthRange depths;
    std::uint64_t seed = 0;
};
void showValue(const StructuredCaseSpec& s, std::ostream& os);
rc::Gen<StructuredCaseSpec> structured_case(bool matrix, DepthRange depths = {});
Instance materialize(const StructuredCaseSpec& s, const Precision& p);

// One draw of the property generators outside a property: the same distribution as `*gen` in a
// property, from rc::Random(seed) at the given size (RapidCheck's sizes run 0..100).
LandscapeSpec sample_landscape_spec(std::uint64_t seed, const LandscapeGenOptions& o, int size = 100);
ScalarCaseSpec sample_scalar_case(std::uint64_t seed, const ScalarGenOptions& o, int size = 100);

}  // namespace dmf::gen
