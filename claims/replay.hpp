// Replaying a stored counterexample: dispatch on its claim ID to the check
// that produced it, at the stored precision, and report the verdict of the
// printed claim and of its corrected statement.
#pragma once

#include "dmf/problem/corpus.hpp"
#include "claims/claim_check.hpp"

#include <string>

namespace dmf {

struct ReplayResult {
    CheckResult printed;                  // the printed claim on the stored case (a holds-with-caveat
                                          // row's stronger reading, when it has one)
    std::optional<CheckResult> corrected; // the corrected statement, where the registry has one
    // How each verdict was decided (claims/certificate.hpp): "exact", "enclosure at B bits", "undecided: ...".
    std::string printed_certificate, corrected_certificate;
};

// Throws InputError for a claim this oracle cannot replay.
ReplayResult replay_counterexample(const Counterexample& c);

}  // namespace dmf
