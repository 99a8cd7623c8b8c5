// What a given point is (the `classify` command): its loss and gradient; its type from first
// principles (dense Hessian up to max_n parameters, Lanczos extremes above); the critical point
// reached from it (Levenberg-Marquardt on grad F = 0), the orbit of CJW T2.1 that point lies on
// (read off the point itself: nearest_orbit.hpp, any size), that orbit's classification, its
// Hessian spectrum from the block-structured Hessian, and distances.
//
// Global versus spurious for the matched orbit is solve's decision for the instance as written
// (classify_landscape at the same seed: certified enclosures of the orbit values, exact ties exactly),
// so classify and solve agree on it; the tolerance comparison with the multistart and the listed
// orbits' values is kept as a cross-check only, and a disagreement leaves the verdict undecided.
// distance_to_global_end_to_end is to an orbit that decision certified global (none when undecided).
//
// A point is reported as matching no orbit only when the reached point is critical to the
// gradient tolerance and a lower bound on its distance to every orbit (PointOrbit::
// distance_lower_bound) exceeds 2^-(p/4) of the point's scale: a candidate counterexample to T2.1
// then rests on two certified facts, not on the distance to the one orbit matched.
#pragma once

#include "dmf/landscape/lanczos.hpp"
#include "dmf/landscape/landscape.hpp"
#include "dmf/landscape/nearest_orbit.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dmf::inline landscape {

struct PointAnalysis {
    Real loss, gradient_norm;
    bool dense = false;
    Classification classification;       // dense only (kind undecided above max_n)
    Vector hessian_spectrum;             // dense only, ascending
    std::optional<LanczosResult> lanczos;  // above max_n: 5 extreme eigenvalues at each end

    bool reached = false;                // the critical-point search converged
    Weights reached_point;
    Real reached_value;
    Real reached_gradient_norm, reached_gradient_tolerance;
    TargetSvd svd;
    PointOrbit match;                    // the orbit of the reached point
    std::optional<ClassifiedOrbit> orbit;  // that orbit, classified (dense only), `computed` labelled
    Vector orbit_spectrum_structured;    // at the orbit, from structured_hessian.hpp
    Real distance_to_reached, distance_to_orbit_aligned;
    bool matches_no_orbit = false;       // certified critical and certified far from every orbit
    Real match_tolerance;

    Real global_value;                   // min of the multistart and the listed orbits' values (a cross-check only)
    int multistart_converged = 0;
    std::optional<Real> distance_to_global_end_to_end;  // to the nearest orbit certified global
    std::vector<std::string> notes;

    // Issue 15 item 5: how the verdicts were decided ("exact", "enclosure at B bits", "undecided: ...").
    std::optional<Interval> gradient_enclosure;  // dense only: ||grad F|| at the point, certified
    std::string critical_certificate;            // the point's own critical / not-critical verdict
    std::string landscape_certificate;           // the threshold positions the orbit's root labels rest on
    // Global versus spurious for the matched orbit when it is a local minimizer (dense only): the
    // landscape's certified decision as `solve` makes it (landscape.hpp classify_landscape, the orbit
    // values' enclosures): "exact", "enclosure at B bits" or "undecided: <reason>" (also when the
    // tolerance comparison disagrees). Empty when not a local minimizer or not computed.
    std::string global_certificate;
};

// `progress` (if set) is told each step as it starts, e.g. to print a line for long runs.
PointAnalysis analyze_point(const Instance& inst, const Weights& w, const Precision& p, long long max_n,
                            std::uint64_t seed = 1, const std::function<void(const std::string&)>& progress = {});

}  // namespace dmf::landscape
