// The claim table: the one place a claim is defined. Each row (claims/claim_table.cpp) holds
// the claim as printed (source, title, statement, preconditions), what the oracle found (status,
// corrected statement, stored counterexamples, evidence) and how it is checked (the case kind and
// depth range the search samples, the printed and corrected checks on one case, the mutation
// properties, and the check `solve` runs on a classified landscape). Everything else reads it:
// `dmf-oracle claims` and `check`, the properties (named by the row's ID; tests/test_claim_table.cpp
// checks every property belongs to a row and every row has one), the counterexample search,
// replay, and `solve`'s claim list. docs/claims.md lists the same IDs (checked by the same test).
//
// Adding a claim: one row in claim_table.cpp (its checks in a claims/*_claims.cpp file, or a
// lambda in the row), and its properties (properties/*.cpp), plus its bullet in docs/claims.md.
#pragma once

#include "claims/claim_check.hpp"
#include "dmf/landscape/landscape.hpp"
#include "dmf/problem/instance.hpp"

#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace dmf {

enum class ClaimStatus { untested, holds, refuted, holds_with_caveat, untestable };
const char* to_string(ClaimStatus s);
ClaimStatus claim_status_from_string(const std::string& s);  // throws std::invalid_argument

// A case is a 1 x ... x 1 KP instance (lambda = KP's lambda, target = m) or a matrix instance.
enum class CaseKind { scalar, matrix };

using InstanceCheck = std::function<CheckResult(const Instance&, const Precision&)>;
using LandscapeCheck = std::function<CheckResult(const Instance&, const Landscape&, const Precision&)>;

// How `dmf-oracle solve` checks a claim on the instance's classified landscape.
struct OnLandscape {
    LandscapeCheck check;  // empty: solve does not report the claim
    int min_depth = 1, max_depth = std::numeric_limits<int>::max();  // the depths it is reported at
    bool needs_dense_hessian = true;     // needs the orbits' first-principles types (skipped above --max-n)
    bool report_not_applicable = false;  // list a not_applicable verdict too (else the claim is left out)
};

struct ClaimDefinition {
    // ---- the claim as printed
    std::string id;         // docs/claims.md's ID, e.g. "KP.T6"
    std::string source;
    std::string title;
    std::string statement;  // as printed (the spec's wording)
    std::vector<std::string> preconditions;
    // ---- what the oracle found (the rules: validate_claim)
    ClaimStatus status = ClaimStatus::untested;
    std::optional<std::string> corrected_statement;  // refuted / holds-with-caveat
    std::vector<std::string> counterexamples;        // corpus files, relative to the repository root
    std::string notes;                               // the evidence: properties, measurements
    int issue = 0;
    // ---- how it is checked
    CaseKind kind = CaseKind::scalar;
    int min_depth = 1, max_depth = 12;  // the depths where the statement says something (search sampler)
    InstanceCheck printed;              // the statement as printed, on one case
    InstanceCheck corrected;            // the corrected statement (refuted claims) or the caveat, else empty
    // A holds-with-caveat row whose stored cases refute a reading stronger than the paper's (KP.S3.3's
    // universal one, KP.F3's single run): that reading. `replay` runs it in place of `printed`.
    InstanceCheck stronger_reading;
    std::vector<std::string> mutants;   // hidden properties that plant a plausible wrong formula
    OnLandscape on_landscape;           // solve's check, if any
};

// The table, validated once (a broken row is a build defect: std::logic_error).
const std::vector<ClaimDefinition>& claim_table();
const ClaimDefinition* find_claim_definition(const std::string& id);

// The registry's rules on one row: a non-empty statement; refuted and holds-with-caveat need a
// corrected statement (and refuted a corrected check and a counterexample file), no other status
// has one; a stronger reading goes only with holds-with-caveat, and such a row's stored cases need
// it (else replay would run a printed check that holds); untestable needs its reason in the notes. Throws std::logic_error naming the rule.
void validate_claim(const ClaimDefinition& c);
// Every row valid, every ID once.
void validate_claim_table(const std::vector<ClaimDefinition>& table);

// The scalar case as an instance and back (KP convention, lambda = KP's lambda).
Instance scalar_case(int L, const Real& lambda_kp, const Real& m, const Precision& p);

}  // namespace dmf
