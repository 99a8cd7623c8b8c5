// Numeric twins of the printed thresholds, found by bisection on the event
// that defines each one, with every event decided by certified numerics:
//   tau:       the first |m| whose global minimizer is non-zero   (KP (13))
//   ybar:      the first y for which f(.; y) has a positive root   (CJW Lemma 3.10 (i))
//   lambda_c:  the first lambda at which the minimizer collapses   (KP Corollary 14)
// The bisection stops when the bracket is below one ulp of precision p or when
// the event becomes undecided; the bracket is returned either way.
#pragma once

#include "dmf/numerics/precision.hpp"

#include <optional>
#include <string>

namespace dmf::inline landscape {

struct Bracket {
    Real lo, hi;         // the event is false at lo and true at hi (for lambda_c: P* != 0 at lo, = 0 at hi)
    bool exists = true;  // false when the event never switches (e.g. no collapse at L = 1)
    bool stopped_undecided = false;
    int steps = 0;
    std::string note;
    Real mid() const { return (lo + hi) / 2; }
};

Bracket tau_twin(int L, const Real& lambda, const Precision& p);
Bracket y_bar_twin(int L, const Real& lambda_bar, const Precision& p);
Bracket collapse_lambda_twin(int L, const Real& m, const Precision& p);

}  // namespace dmf::landscape
