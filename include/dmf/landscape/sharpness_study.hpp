// KP's open question on one instance: is the Hessian trace the same at every global minimizer?
// Global minimizers are found independently of either paper (damped Newton from several starts,
// critical_search.hpp), and a start counts as global when its loss reaches the prox value
// (prox.hpp, the minimum of the Schatten problem) to within 2^(-p/2) (1 + |prox value|). At each
// one: the dense Hessian's trace and lambda_max beside KP's (91)-(92) and (81) (sharpness.hpp).
//
// Start 0 is structured when the widths allow it (every hidden width >= min(d_0, d_L)): KP's
// balanced factorization (136) of the target itself, padded with zeros to the instance's widths.
// The other starts are Gaussian, times 1/2, drawn in start order from Rng(seed): the one multistart
// (global_multistart, multistart.hpp) with the structured start given first; every start is
// reported by its index, including those that did not converge.
#pragma once

#include "dmf/landscape/critical_search.hpp"
#include "dmf/landscape/prox.hpp"
#include "dmf/landscape/sharpness.hpp"
#include "dmf/numerics/interval.hpp"
#include "dmf/problem/instance.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace dmf::inline landscape {

// Dense Newton and dense Hessians at multiprecision: instances with N above this are refused.
inline constexpr long long sharpness_max_parameters = 60;

// The instance in KP's convention: a kp instance as it is; a cjw instance with equal lambda_l = lambda
// becomes kp with lambda_KP = L lambda (its loss is 2F). Throws InputError on unequal lambda_l.
Instance sharpness_kp_instance(Instance inst, const Precision& p);

struct SharpnessRun {
    int start = 0;
    bool structured = false;          // the balanced factorization (136) of the target, padded
    CriticalSearchResult minimization;
    bool converged = false;           // minimization.status == ok
    bool reaches_prox_value = false;  // converged and loss <= prox value + tolerance
    std::optional<Sharpness> sharpness;  // at the minimizer, when it reaches the prox value
    std::optional<Real> gap_trace_minus_bound;  // trace - (81), when both are there
};

// The spread across the starts that reached the prox value: max_i ||P_i - P_0||_F and, per layer,
// max_i | ||W_l||_F(i) - ||W_l||_F(0) |.
struct SharpnessSpread {
    Real end_to_end_fro;
    std::vector<Real> layer_fro_norms;
};

struct SharpnessStudy {
    Instance instance;  // in KP's convention (sharpness_kp_instance)
    Prox prox;
    Real tolerance;     // 2^(-bits/2) (1 + |prox value|)
    std::vector<SharpnessRun> runs;
    // yes: the traces at the global starts differ by at most tolerance (1 + |trace_0|); no: by more;
    // undecided: fewer than two starts reached the prox value.
    Decision trace_constant = Decision::undecided;
    std::optional<Real> trace_spread;      // max_i |trace_i - trace_0|, with two or more global starts
    std::optional<SharpnessSpread> spread; // with two or more global starts
};

// `starts` local minimizations (start 0 structured when the widths allow it), at precision p.
// Converts `inst` with sharpness_kp_instance and throws InputError when N > sharpness_max_parameters.
SharpnessStudy sharpness_study(const Instance& inst, int starts, std::uint64_t seed, const Precision& p);

}  // namespace dmf::landscape
