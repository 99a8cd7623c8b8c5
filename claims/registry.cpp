#include "claims/registry.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <stdexcept>

namespace dmf {
namespace claims_detail {
extern const char* const registry_json;
}

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

std::vector<Claim> parse_claim_registry(const std::string& json_text) {
    const auto doc = nlohmann::json::parse(json_text);
    std::vector<Claim> out;
    std::set<std::string> seen;
    for (const auto& j : doc.at("claims")) {
        Claim c;
        c.id = j.at("id").get<std::string>();
        auto fail = [&](const std::string& why) {
            return std::runtime_error("claim registry: " + c.id + ": " + why);
        };
        if (!seen.insert(c.id).second) throw fail("duplicate id");
        c.source = j.at("source").get<std::string>();
        c.title = j.at("title").get<std::string>();
        c.statement = j.at("statement").get<std::string>();
        c.preconditions = j.at("preconditions").get<std::vector<std::string>>();
        c.status = claim_status_from_string(j.at("status").get<std::string>());
        if (!j.at("corrected").is_null()) c.corrected = j.at("corrected").get<std::string>();
        c.counterexamples = j.at("counterexamples").get<std::vector<std::string>>();
        c.notes = j.value("notes", "");
        c.issue = j.value("issue", 0);
        if (c.statement.empty()) throw fail("empty statement");
        const bool needs_correction =
            c.status == ClaimStatus::refuted || c.status == ClaimStatus::holds_with_caveat;
        if (needs_correction && (!c.corrected || c.corrected->empty()))
            throw fail(std::string(to_string(c.status)) + " needs a corrected statement");
        if (c.status == ClaimStatus::refuted && c.counterexamples.empty())
            throw fail("refuted needs at least one counterexample file");
        if (!needs_correction && c.corrected)
            throw fail("a corrected statement only goes with refuted or holds-with-caveat");
        if (c.status == ClaimStatus::untestable && c.notes.empty())
            throw fail("untestable needs the reason in notes");
        out.push_back(std::move(c));
    }
    return out;
}

const std::vector<Claim>& claim_registry() {
    static const std::vector<Claim> registry = parse_claim_registry(claims_detail::registry_json);
    return registry;
}

const Claim* find_claim(const std::string& id) {
    for (const auto& c : claim_registry())
        if (c.id == id) return &c;
    return nullptr;
}

}  // namespace dmf
