// The whole landscape of one CJW instance, from first principles: every critical orbit of
// T2.1 (critical_set.hpp) is built and classified (classify.hpp), with precision escalation
// for anything decided at higher order or left undecided, and global versus spurious is
// decided against the lowest value of an independent multistart (multistart.hpp) and of the
// classified local minima.
#pragma once

#include "dmf/landscape/classify.hpp"
#include "dmf/landscape/critical_set.hpp"
#include "dmf/problem/instance_json.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace dmf::inline landscape {

struct ClassifiedOrbit {
    Orbit orbit;
    Weights point;
    Classification classification;
    std::string computed;  // global_minimizer / spurious_local_minimizer / ... / not_critical / undecided
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
    std::string summary() const;
};

// The precision at which every target singular value is certainly on one side of every threshold
// where the landscape changes (ybar, the tie y* for L >= 3; lambdabar for L = 2), recomputed from the
// exact input at p, 2p, 4p, ... up to max_bits. The thresholds' locations come from the printed
// formulas, but only to choose a precision: every verdict is still computed from first principles.
struct ThresholdDecision {
    Precision precision;
    std::string note;
    bool decided = true;  // false: still within the errors at max_bits (an exact coincidence, or closer)
};
ThresholdDecision threshold_decision_precision(const Instance& inst, const Precision& p, unsigned max_bits = 4096);

// Computed at threshold_decision_precision (the returned landscape carries its own precision).
// `dense = false` (N too large for dense Hessians) builds the orbits without classifying them
// (every type undecided) and takes the global value over the orbits' values alone.
Landscape classify_landscape(const Instance& inst, const Precision& p, std::uint64_t seed, int starts = 3,
                             bool dense = true);

// One orbit of T2.1, built from its representative (hidden rotations drawn after the target SVD
// from Rng(seed): pass the svd made by target_svd with Rng(seed)) and classified with the same
// precision escalation as classify_landscape. `computed` is left empty (global or spurious needs
// the global value).
ClassifiedOrbit classify_orbit(const Instance& inst, const TargetSvd& svd, const Orbit& o, std::uint64_t seed,
                               const Precision& p);

// The orbit's root label per singular index: "0", "x" (L <= 2), "x-", "x+" or "xbar".
std::vector<std::string> root_labels(const Orbit& o, int L);
// "[0, x+, xbar]": the labels as one string (L >= 3 naming).
std::string root_label_string(const Orbit& o);

}  // namespace dmf::landscape
