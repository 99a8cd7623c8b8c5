// The claim table: every claim of the registry defined once, with what the rest of the oracle
// needs to run it. The properties, the counterexample search, replay, `solve`'s claim list and
// the registry listing all read this table; the prose (statement as printed, preconditions,
// status, corrected statement, evidence) is the registry's data file, claims/registry.json,
// joined by ID (a unit test checks the two name exactly the same claims).
//
// Adding a claim: its checks (a claims/*_claims.cpp file), one row here, its prose in
// registry.json, and its properties.
#pragma once

#include "claims/claim_check.hpp"
#include "claims/registry.hpp"
#include "dmf/problem/instance.hpp"

#include <functional>
#include <string>
#include <vector>

namespace dmf {

// A case is a 1 x ... x 1 KP instance (lambda = KP's lambda, target = m) or a matrix instance.
enum class CaseKind { scalar, matrix };

using InstanceCheck = std::function<CheckResult(const Instance&, const Precision&)>;

struct ClaimDefinition {
    std::string id;
    CaseKind kind = CaseKind::scalar;
    int min_depth = 1, max_depth = 12;  // the depths where the statement says something (search sampler)
    InstanceCheck printed;               // the statement as printed, on one case
    InstanceCheck corrected;             // the corrected statement (refuted claims), else empty
    std::vector<std::string> mutants;    // hidden properties that plant a plausible wrong formula
    const Claim& registry() const;       // the prose, from claims/registry.json
};

const std::vector<ClaimDefinition>& claim_table();
const ClaimDefinition* find_claim_definition(const std::string& id);

// The scalar case as an instance and back (KP convention, lambda = KP's lambda).
Instance scalar_case(int L, const Real& lambda_kp, const Real& m, const Precision& p);

}  // namespace dmf
