// The whole landscape of one CJW instance, from first principles: every critical orbit of
// T2.1 (critical_set.hpp) is built and classified (classify.hpp), with precision escalation
// for anything decided at higher order or left undecided, and global versus spurious is
// decided against the lowest value of an independent multistart (multistart.hpp) and of the
// classified local minima.
#pragma once

#include "dmf/landscape/classify.hpp"
#include "dmf/landscape/critical_set.hpp"
#include "dmf/numerics/exact_algebraic.hpp"
#include "dmf/numerics/interval.hpp"
#include "dmf/problem/instance_json.hpp"

#include <memory>
#include <optional>

#include <cstdint>
#include <string>
#include <vector>

namespace dmf::inline landscape {

// How one position of the target against one threshold was decided (issue 15 item 5).
struct ThresholdPosition {
    int index = 0;           // singular index j (0-based, descending values)
    std::string threshold;   // "ybar", "the tie y*" (L >= 3) or "lambdabar" (L = 2)
    int relation = 2;        // sign(y_j - threshold): -1, 0, +1; 2 when undecided
    std::string decided_by;  // "exact", "enclosure at B bits" or "undecided: <reason>"
};

struct ClassifiedOrbit {
    Orbit orbit;
    Weights point;
    Classification classification;
    std::string computed;  // global_minimizer / spurious_local_minimizer / ... / not_critical / undecided
    // How the type (its inertia off the symmetry orbit) was decided: "enclosure at B bits" (certified
    // inertia of the structured blocks, structured_hessian_certified.hpp, agreeing with the dense
    // classification) or "undecided: <reason>" (then the type, if any, rests on tolerances or on the
    // higher-order terms). Empty when not computed.
    std::string certificate;
    // The inertia off nothing (negative, zero = kernel dimension, positive) when the certified inertia
    // decided every eigenvalue's sign (structured_hessian_certified.hpp); empty otherwise.
    std::optional<Inertia> certified_inertia;
    // A certified enclosure of F on the orbit (orbit_value_enclosure) at the precision that decided
    // global versus spurious; empty when not computed (not a minimizer, not needed) or not certified.
    std::optional<Interval> value;
};

struct Landscape {
    TargetSvd svd;
    std::vector<ClassifiedOrbit> orbits;
    Real global_value;     // min over the multistart and the classified local minima
    Real multistart_value; // the multistart's own best (+max when nothing converged)
    int multistart_converged = 0;
    bool undecided = false;
    bool complete = true;  // false when the orbit list hit its cap (the landscape is then partial)
    unsigned decided_bits = 0;   // the precision everything was computed at (>= the one asked for)
    std::string decision_note;   // why it is higher, or what stayed undecided
    std::vector<ThresholdPosition> positions;  // each y_j against each threshold, with how it was decided
    std::string certificate;     // how the threshold positions the landscape rests on were decided
    // How global versus spurious (which local minimizers are global) was decided: "exact" (no value
    // comparison was needed, or only exact ties), "enclosure at B bits" (the orbit values' enclosures
    // are apart at B bits, exact ties aside) or "undecided: <reason>"; empty without local minimizers.
    std::string global_certificate;
    // Per singular index j: the index of the first singular value exactly equal to y_j (the exact layer),
    // and whether y_j is exactly 0; empty when the exact layer did not run.
    std::vector<int> exact_class;
    std::vector<bool> exact_zero;
    std::string summary() const;
};

// Where the landscape changes (ybar and the tie y* for L >= 3, lambdabar for L = 2) and where each
// target singular value lies against them, decided from the input as written (problem/instance.hpp
// exact_source; otherwise the binary values themselves, which are exact rationals):
//  - exactly (Calcium, numerics/exact_algebraic.hpp) when the rank is at most kExactMaxRank: sigma_j^2
//    are the roots of the rational characteristic polynomial of the Gram matrix, and each threshold t
//    has t^k = R rational (landscape.cpp derives k and R from f and G);
//  - otherwise from enclosures of y_j (the residual of the computed SVD) and of t.
// `precision` is where the computed values sit on their decided sides with room for the rounding of
// lambdabar (escalating p, 2p, 4p, ... up to max_bits): the landscape is computed there. On an exact
// coincidence with ybar the orbit is built at the exact double root, on one with y* the tie is exact.
struct ThresholdDecision {
    Precision precision;
    std::string note;
    bool decided = true;  // false: some position still straddles at max_bits (no exact decision)
    std::vector<ThresholdPosition> positions;
    std::string certificate;  // the landscape's: "exact", "enclosure at B bits" or "undecided: <reason>"
    std::shared_ptr<const ExactSingularValues> exact;  // when the exact layer ran
    Rational lambda_product;                           // prod_l lambda_l in the CJW form, exactly
    std::vector<Rational> lambda_cjw;                  // lambda_1..lambda_L in the CJW form, exactly
    Rational loss_factor = 1;                          // 1 (cjw) or 2 (kp)
    std::vector<int> on_ybar;                          // indices exactly on ybar
};
inline constexpr int kExactMaxRank = 24;
inline constexpr unsigned kDefaultMaxBits = 4096;
ThresholdDecision threshold_decision_precision(const Instance& inst, const Precision& p,
                                               unsigned max_bits = kDefaultMaxBits);

// target_svd at q with the decision's exact knowledge: singular values rounded from their certified
// enclosures (exact layer) and the double root xbar set on indices exactly on ybar.
TargetSvd certified_target_svd(const Instance& inst, Rng& rng, const Precision& q, const ThresholdDecision& td);

// Certified enclosures of the target's singular values at q: from the exact layer when it ran, else
// from the residual of the computed SVD (Weyl). ok = false when the SVD did not converge.
std::vector<Interval> target_enclosures(const Instance& inst, const ThresholdDecision& td, const Precision& q, bool& ok);

// A certified enclosure of ||grad F|| at the point w (its binary values, exactly) for the instance as
// written (exact target and lambda), in interval arithmetic at q: O(L d^3) interval operations.
Interval gradient_norm_enclosure(const Instance& inst, const Weights& w, const Precision& q);

// Computed at threshold_decision_precision (the returned landscape carries its own precision).
// `dense = false` (N too large for dense Hessians) builds the orbits without classifying them
// (every type undecided) and takes the global value over the orbits' values alone.
Landscape classify_landscape(const Instance& inst, const Precision& p, std::uint64_t seed, int starts = 3,
                             bool dense = true, unsigned max_bits = kDefaultMaxBits);

// A certified enclosure at q of F on the orbit for the instance as written, from (6)-(7) in (3):
// P = U diag(x_j^L) V^T (prod_l sqrt(lambdabar / lambda_l) = 1) and ||W_l||_F^2 = (lambdabar / lambda_l)
// sum_j x_j^2, so F = lf sum_j [(x_j^L - y_j)^2 / 2 + L lambdabar x_j^2 / 2] (lf = 2 for KP's loss), with
// enclosures of y_j, lambdabar and x_j (orbit_root_enclosures). nullopt (why) when a root is not enclosed.
std::optional<Interval> orbit_value_enclosure(const Instance& inst, const ThresholdDecision& td, const Orbit& orbit,
                                              const Precision& q, std::string* why = nullptr);

// Whether the values of two orbits are exactly equal by the exact layer alone: the same multiset of
// (exact value of y_j, root of f(.; y_j)) over j, where x+ at a y_j exactly on the tie y* counts as 0
// (G(x+; y*) = G(0; y*), CJW (10)). False when not shown (the values may still be equal).
bool orbit_values_exactly_equal(const ThresholdDecision& td, const Orbit& a, const Orbit& b);

// One orbit of T2.1, built from its representative (hidden rotations drawn after the target SVD
// from Rng(seed): pass the svd made by target_svd with Rng(seed)) and classified with the same
// precision escalation as classify_landscape. `computed` is left empty (global or spurious needs
// the global value).
ClassifiedOrbit classify_orbit(const Instance& inst, const TargetSvd& svd, const Orbit& o, std::uint64_t seed,
                               const Precision& p);

// The certified inertia of c's orbit (svd and c.orbit at p, td from threshold_decision_precision) folded
// into c: a decided inertia that agrees with c's type sets c.certificate to its enclosure; one that
// disagrees (or is inconsistent) makes the type undecided, with both in the evidence.
void certify_orbit(const Instance& inst, const TargetSvd& svd, const ThresholdDecision& td, ClassifiedOrbit& c,
                   const Precision& p, unsigned max_bits = kDefaultMaxBits);

// Records the landscape's certificates (positions and orbit types) in the decision log
// (numerics/decision_log.hpp); classify_landscape does, and so must a cache that hands one out again.
void record_landscape_decisions(const Landscape& land);
// The orbit types' certificates folded: "enclosure at B bits" when every type was certified, else
// "undecided: <orbit>: <reason>" for the first one that was not ("" without orbits).
std::string landscape_types_certificate(const Landscape& land);

// The orbit's root label per singular index: "0", "x" (L <= 2), "x-", "x+" or "xbar".
std::vector<std::string> root_labels(const Orbit& o, int L);
// "[0, x+, xbar]": the labels as one string (L >= 3 naming).
std::string root_label_string(const Orbit& o);

}  // namespace dmf::landscape
