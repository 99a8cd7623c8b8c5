// Scalar counterexamples in the corpus: parameters {L, lambda, m} as exact
// decimal strings, the precision, and the printed vs computed values. A case
// counts only when the violation is confirmed again at twice the precision.
#pragma once

#include "dmf/problem/corpus.hpp"
#include "dmf/landscape/scalar_problem.hpp"
#include "claims/claim_check.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dmf {

using ScalarCheck = std::function<CheckResult(const ScalarProblem&, const Precision&)>;

// Runs `check` at p and at 2p; a Counterexample when both say violated.
std::optional<Counterexample> confirm_scalar_counterexample(const std::string& claim, const ScalarProblem& pr,
                                                            const Precision& p, const ScalarCheck& check);
// The stored problem, read back exactly at the stored precision.
struct StoredScalarCase {
    ScalarProblem problem;
    Precision precision;
};
// Throws InputError naming the field for any defect of the stored case.
StoredScalarCase scalar_problem_from(const Counterexample& c);
// The stored precision, checked against Precision's range (InputError otherwise).
Precision stored_precision(const Counterexample& c);
// Inside a replay property: every stored case of `claim` must still violate `printed`,
// and `corrected` must not be violated there (must hold, when `corrected_must_hold`).
void replay_stored_scalar_cases(const std::string& claim, const ScalarCheck& printed, const ScalarCheck& corrected,
                                bool corrected_must_hold);

// Every corpus file (default_corpus_dir()) for this claim.
std::vector<std::pair<std::string, Counterexample>> corpus_cases(const std::string& claim);

}  // namespace dmf
