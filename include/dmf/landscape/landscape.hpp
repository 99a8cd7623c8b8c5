// The whole landscape of one CJW instance, from first principles: every critical orbit of
// T2.1 (critical_set.hpp) is built and classified (classify.hpp), with precision escalation
// for anything decided at higher order or left undecided, and global versus spurious is
// decided against the lowest value of an independent multistart (multistart.hpp) and of the
// classified local minima.
#pragma once

#include "dmf/landscape/classify.hpp"
#include "dmf/landscape/critical_set.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace dmf {

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
    std::string summary() const;
};

// `dense = false` (N too large for dense Hessians) builds the orbits without classifying them
// (every type undecided) and takes the global value over the orbits' values alone.
Landscape classify_landscape(const Instance& inst, const Precision& p, std::uint64_t seed, int starts = 3,
                             bool dense = true);

// The orbit's root label per singular index: "0", "x" (L <= 2), "x-", "x+" or "xbar".
std::vector<std::string> root_labels(const Orbit& o, int L);
// "[0, x+, xbar]": the labels as one string (L >= 3 naming).
std::string root_label_string(const Orbit& o);

// The same exact instance with its numbers carried at precision q (binary inputs round exactly).
Instance at_precision(const Instance& inst, const Precision& q);

}  // namespace dmf
