#include "dmf/landscape/scalar_thresholds.hpp"

#include "dmf/landscape/critical_polynomial.hpp"
#include "dmf/numerics/polynomial.hpp"
#include "dmf/landscape/scalar_problem.hpp"

#include <functional>

namespace dmf::inline landscape {

namespace {

// event(x) in {yes, no, undecided}; `no` at lo and `yes` at hi. Grows the bracket
// geometrically from `start`, then bisects to one ulp at p.
Bracket bisect(const std::function<Decision(const Real&)>& event, const Real& start, const Precision& p) {
    const Precision work = Precision::from_bits(p.bits() + 32);
    PrecisionGuard guard(work);
    Bracket b;
    b.lo = rounded(start, work);
    b.hi = b.lo;
    int grow = 0;
    while (event(b.hi) != Decision::yes) {
        b.hi *= 2;
        if (++grow > 400) {
            b.exists = false;
            b.note = "event never became true up to " + to_string(b.hi, 6);
            return b;
        }
    }
    grow = 0;
    while (event(b.lo) != Decision::no) {
        b.lo /= 2;
        if (++grow > 400) {
            b.exists = false;
            b.lo = 0;
            b.note = "event true down to " + to_string(b.hi, 6) + " * 2^-400: the threshold is 0";
            return b;
        }
    }
    const Real tol = epsilon(p) / 4;
    while (b.hi - b.lo > tol * b.hi) {
        const Real mid = (b.lo + b.hi) / 2;
        const Decision d = event(mid);
        ++b.steps;
        if (d == Decision::undecided) {
            b.stopped_undecided = true;
            b.note = "undecided at " + to_string(mid, 30);
            break;
        }
        (d == Decision::yes ? b.hi : b.lo) = mid;
    }
    return b;
}

// Precision escalation: an undecided comparison is retried at 2x and 4x the bits.
// Needed at L = 2, where the value gap closes quadratically in |m| - tau.
Decision nonzero_minimizer(int L, const Real& lambda, const Real& m, const Precision& p) {
    for (unsigned k : {1u, 2u, 4u}) {
        const ScalarMinimizers M = scalar_global_minimizers(ScalarProblem{L, lambda, m}, p.times(k));
        if (M.unique == Decision::yes) return M.collapsed() ? Decision::no : Decision::yes;
    }
    return Decision::undecided;
}

}  // namespace

Bracket tau_twin(int L, const Real& lambda, const Precision& p) {
    const Precision work = Precision::from_bits(p.bits() + 32);
    return bisect([&](const Real& m) { return nonzero_minimizer(L, lambda, m, work); }, lambda, p);
}

Bracket y_bar_twin(int L, const Real& lambda_bar, const Precision& p) {
    auto has_root = [&](const Real& y) {
        const RationalPolynomial fpoly = critical_polynomial(L, to_rational(y), to_rational(lambda_bar));
        RationalPolynomial f = fpoly;
        f.strip_zero_roots();
        return SturmSequence(f).count_positive() > 0 ? Decision::yes : Decision::no;
    };
    return bisect(has_root, lambda_bar, p);
}

Bracket collapse_lambda_twin(int L, const Real& m, const Precision& p) {
    const Precision work = Precision::from_bits(p.bits() + 32);
    // The event "P* = 0" is yes at large lambda.
    auto collapsed = [&](const Real& lambda) {
        const Decision nz = nonzero_minimizer(L, lambda, m, work);
        return nz == Decision::undecided ? nz : (nz == Decision::yes ? Decision::no : Decision::yes);
    };
    return bisect(collapsed, abs(m), p);
}

}  // namespace dmf::landscape
