// How a claim's verdict on one case was decided (issue 15 item 5): "exact", "enclosure at B bits" or
// "undecided: <reason>", from the decisions the certified layers recorded while its check ran
// (dmf/numerics/decision_log.hpp) and the kind of comparison the check made. A numeric comparison of a
// printed formula with a computed value against an eps-unit tolerance is not an enclosure: its verdict
// is reported as undecided in this sense (with the error in eps and what its inputs rest on), however
// large the error.
#pragma once

#include "claims/claim_check.hpp"
#include "dmf/numerics/decision_log.hpp"

#include <functional>
#include <string>

namespace dmf {

std::string verdict_certificate(const CheckResult& r, const DecisionTally& t, const Precision& p);

// Runs check() with a fresh thread tally (restored afterwards with what it recorded added) and returns
// its result with the verdict's certificate.
CheckResult run_certified(const std::function<CheckResult()>& check, const Precision& p, std::string& certificate);

}  // namespace dmf
