// The claim registry: one entry per claim ID of docs/claims.md, read
// from claims/registry.json (embedded at build time). Data, not prose:
// `dmf-oracle check`, `claims` and the tests read it from here.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace dmf {

enum class ClaimStatus { untested, holds, refuted, holds_with_caveat, untestable };

const char* to_string(ClaimStatus s);
ClaimStatus claim_status_from_string(const std::string& s);  // throws std::invalid_argument

struct Claim {
    std::string id;
    std::string source;
    std::string title;
    std::string statement;  // as printed (the spec's wording)
    std::vector<std::string> preconditions;
    ClaimStatus status = ClaimStatus::untested;
    std::optional<std::string> corrected;     // required for refuted / holds-with-caveat
    std::vector<std::string> counterexamples; // corpus files, relative to the repository root
    std::string notes;
    int issue = 0;
};

// The embedded registry, parsed and validated once. Throws std::runtime_error
// if the embedded data breaks the registry's own rules (a build defect).
const std::vector<Claim>& claim_registry();

// Parses and validates registry text (for tests of the rules themselves).
std::vector<Claim> parse_claim_registry(const std::string& json_text);

const Claim* find_claim(const std::string& id);

}  // namespace dmf
