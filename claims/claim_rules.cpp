// The registry's rules, checked on every row of the claim table when it is first read.
#include "claims/claim_table.hpp"

#include <set>
#include <stdexcept>

namespace dmf {

const char* to_string(ClaimStatus s) {
    switch (s) {
        case ClaimStatus::untested: return "untested";
        case ClaimStatus::holds: return "holds";
        case ClaimStatus::refuted: return "refuted";
        case ClaimStatus::holds_with_caveat: return "holds-with-caveat";
        case ClaimStatus::untestable: return "untestable";
    }
    return "?";
}

ClaimStatus claim_status_from_string(const std::string& s) {
    for (auto st : {ClaimStatus::untested, ClaimStatus::holds, ClaimStatus::refuted,
                    ClaimStatus::holds_with_caveat, ClaimStatus::untestable}) {
        if (s == to_string(st)) return st;
    }
    throw std::invalid_argument("unknown claim status \"" + s + "\"");
}

void validate_claim(const ClaimDefinition& c) {
    const auto fail = [&](const std::string& why) { return std::logic_error("claim table: " + c.id + ": " + why); };
    if (c.id.empty()) throw fail("empty id");
    if (c.source.empty() || c.title.empty()) throw fail("no source or title");
    if (c.statement.empty()) throw fail("empty statement");
    const bool needs_correction = c.status == ClaimStatus::refuted || c.status == ClaimStatus::holds_with_caveat;
    if (needs_correction && (!c.corrected_statement || c.corrected_statement->empty()))
        throw fail(std::string(to_string(c.status)) + " needs a corrected statement");
    if (!needs_correction && c.corrected_statement)
        throw fail("a corrected statement only goes with refuted or holds-with-caveat");
    if (c.status == ClaimStatus::refuted && c.counterexamples.empty())
        throw fail("refuted needs at least one counterexample file");
    // A refuted claim keeps its printed form under test and runs its corrected form.
    if (c.status == ClaimStatus::refuted && !c.corrected) throw fail("refuted needs a corrected check");
    if (c.stronger_reading && c.status != ClaimStatus::holds_with_caveat)
        throw fail("a stronger reading only goes with holds-with-caveat");
    if (c.status == ClaimStatus::holds_with_caveat && !c.counterexamples.empty() && !c.stronger_reading)
        throw fail("holds-with-caveat lists stored cases only with the stronger reading they refute");
    if (c.status == ClaimStatus::untestable && c.notes.empty()) throw fail("untestable needs the reason in notes");
    if (c.status != ClaimStatus::untestable && !c.printed) throw fail("no printed check");
    if (c.min_depth < 1 || c.max_depth < c.min_depth) throw fail("empty depth range");
    if (c.on_landscape.check && c.on_landscape.max_depth < c.on_landscape.min_depth)
        throw fail("empty depth range for solve");
}

void validate_claim_table(const std::vector<ClaimDefinition>& table) {
    std::set<std::string> seen;
    for (const auto& c : table) {
        validate_claim(c);
        if (!seen.insert(c.id).second) throw std::logic_error("claim table: " + c.id + " is defined twice");
    }
}

}  // namespace dmf
