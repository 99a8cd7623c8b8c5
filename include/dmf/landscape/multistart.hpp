// The independent global side: local minimization of F (damped Newton, critical_search.hpp)
// from random Gaussian starts at the problem's scale. Nothing here knows either paper.
// The start scale: at a minimizer the layers have singular values about
// max(y_1, lambdabar^{L/(2L-2)})^{1/L} (balancedness makes them equal across layers and the
// product is at most y_1; near a threshold the active root is about lambdabar^{1/(2L-2)}
// times lambdabar-free factors), and y_1 + 1 at L = 1. Homogeneous under the exact rescaling
// (Y, lambda) -> (c^L Y, c^{2L-2} lambda) the generators use, so 1e-30..1e30 targets get starts
// of their own size.
#pragma once

#include "dmf/landscape/critical_search.hpp"
#include "dmf/numerics/random.hpp"

#include <vector>

namespace dmf::inline landscape {

struct MultistartResult {
    std::vector<CriticalSearchResult> runs;       // every start, in start order (status says whether it converged)
    std::vector<CriticalSearchResult> converged;  // the converged ones, in start order
    int best = -1;                                 // index into converged, -1 when none converged
    const CriticalSearchResult* best_result() const { return best < 0 ? nullptr : &converged[best]; }
};

// The start scale above; `largest_singular_value` is y_1 of the target.
Real multistart_scale(const Instance& inst, const Real& largest_singular_value, const Precision& p);

// Local minimizations from the `given` starts first, then `starts` Gaussian starts times `scale`,
// drawn from rng in start order.
MultistartResult global_multistart(const Instance& inst, int starts, const Real& scale, Rng& rng, const Precision& p,
                                   const std::vector<Weights>& given = {});

}  // namespace dmf::landscape
