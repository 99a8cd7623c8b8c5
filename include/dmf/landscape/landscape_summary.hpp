// The numbers `solve` reports about one classified landscape (landscape.hpp), computed here so
// that the command only renders them:
//   - the thresholds of both papers beside the tie y* of CJW (10) (derived below, not printed);
//   - per critical orbit, its root labels, its Hessian inertia (the classifier's dense one, or
//     the block-structured one above the dense cap) and whether it counts as a global orbit;
//   - at the global minimizer: the end-to-end singular values, the layer norms, whether the
//     end-to-end product is unique, the block-structured Hessian spectrum and trace with the
//     dense Hessian of the definition as the independent check, and KP (81) in this instance's
//     convention.
// Everything is computed at the precision passed in (the landscape carries its own, possibly
// higher, decided_bits). A field that is undefined for the instance carries the reason instead.
#pragma once

#include "dmf/landscape/landscape.hpp"
#include "dmf/numerics/interval.hpp"
#include "dmf/theory/formula.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dmf::inline landscape {

// Dense Hessian work (first-principles types, spectra) is done only when N <= max_n.
inline bool dense_within(const Instance& inst, long long max_n) { return inst.num_parameters() <= max_n; }

// CJW (10)'s tie G(x+; y) = G(0; y) for L >= 3: with f(x; y) = 0 (critical_polynomial.hpp) it gives
// lambdabar = x^{2L-2}/(L-2), so x_t = ((L-2) lambdabar)^{1/(2L-2)} and y* = (L-1)/(L-2) x_t^L.
// Undefined (with the reason) for L <= 2, where the threshold is continuous.
Formula cjw_tie_y_star(int L, const Real& lambda_bar, const Precision& p);

struct LandscapeThresholds {
    Real lambda_bar;
    Formula x_bar, y_bar;             // CJW, as printed
    Formula tau_kp, collapse_lambda;  // KP, as printed, in KP's lambda (= L lambdabar)
    Formula y_star;                   // cjw_tie_y_star
};
LandscapeThresholds landscape_thresholds(const Instance& inst, const Landscape& land, const Precision& p);

struct OrbitSummary {
    std::vector<std::string> roots;  // root_labels
    // The certified inertia (ClassifiedOrbit::certified_inertia) when it decided every sign; else,
    // when dense, the classifier's (tolerance-based); none otherwise.
    std::optional<Inertia> hessian_inertia;
    // A global orbit: computed global_minimizer (decided from enclosures of the orbit values, also
    // above the dense cap, where the types come from the certified inertia).
    bool global = false;
};

struct GlobalMinimumSummary {
    // Index into Landscape::orbits of the first global orbit (its representative is used below);
    // none when no orbit was decided to be global, and then every optional below is empty.
    std::optional<size_t> orbit;
    std::optional<Vector> end_to_end_singular_values;
    std::optional<std::vector<Real>> layer_fro_norms_sq;
    // Every global orbit has the same active pattern, and no block of equal y > 0 is split
    // between active and inactive indices (that would be a continuum of P). Undecided when no
    // global orbit exists, or when unique but the landscape is undecided.
    Decision unique_end_to_end = Decision::undecided;
    std::optional<Vector> hessian_spectrum;  // block-structured, ascending
    std::optional<Real> hessian_trace;       // its sum
    // max |dense - structured| eigenvalue over eps * the dense spectral norm; only when dense.
    std::optional<Real> dense_agreement_eps;
    std::optional<Real> trace_bound_kp81;  // KP (81) in this instance's convention (only when dense)
    std::string trace_bound_kp81_note;     // why it is absent (empty when not attempted or present)
};

struct LandscapeSummary {
    bool dense = true;  // dense_within(inst, max_n)
    LandscapeThresholds thresholds;
    std::vector<OrbitSummary> orbits;  // parallel to Landscape::orbits
    GlobalMinimumSummary global;
};

// `land` must come from classify_landscape(inst, ..., dense_within(inst, max_n)).
// Throws std::runtime_error when the dense Hessian's eigensolver does not converge.
LandscapeSummary summarize_landscape(const Instance& inst, const Landscape& land, const Precision& p, long long max_n);

}  // namespace dmf::landscape
