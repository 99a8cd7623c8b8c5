// The claim table is the one place a claim is defined: its rows obey the registry's rules, name
// exactly docs/claims.md's claims, and every property hangs off a row (or is a self-check).
#include "claims/claim_table.hpp"
#include "dmf/problem/corpus.hpp"
#include "properties/property.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace dmf;

namespace {

// A valid row to break one rule at a time.
ClaimDefinition row(ClaimStatus status) {
    ClaimDefinition c;
    c.id = "X.Y";
    c.source = "s";
    c.title = "t";
    c.statement = "st";
    c.status = status;
    c.printed = [](const Instance&, const Precision&) { return CheckResult::na("test"); };
    if (status == ClaimStatus::refuted || status == ClaimStatus::holds_with_caveat) c.corrected_statement = "c";
    if (status == ClaimStatus::refuted) {
        c.counterexamples = {"corpus/a.json"};
        c.corrected = c.printed;
    }
    if (status == ClaimStatus::untestable) c.notes = "why";
    return c;
}

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("the claim table's rows obey the registry's rules") {
    REQUIRE_NOTHROW(claim_table());
    CHECK(claim_table().size() == 55u);
    for (const auto& d : claim_table()) CHECK(find_claim_definition(d.id) == &d);
    CHECK(find_claim_definition("KP.T99") == nullptr);
}

TEST_CASE("registry rules: refuted needs a corrected statement, a corrected check and a counterexample") {
    for (auto s : {ClaimStatus::untested, ClaimStatus::holds, ClaimStatus::refuted, ClaimStatus::holds_with_caveat,
                   ClaimStatus::untestable}) {
        CAPTURE(to_string(s));
        CHECK_NOTHROW(validate_claim(row(s)));
        CHECK(claim_status_from_string(to_string(s)) == s);
    }
    CHECK_THROWS(claim_status_from_string("maybe"));
    auto broken = [](ClaimStatus s, auto&& edit) {
        ClaimDefinition c = row(s);
        edit(c);
        return c;
    };
    CHECK_THROWS(validate_claim(broken(ClaimStatus::refuted, [](auto& c) { c.corrected_statement.reset(); })));
    CHECK_THROWS(validate_claim(broken(ClaimStatus::refuted, [](auto& c) { c.counterexamples.clear(); })));
    CHECK_THROWS(validate_claim(broken(ClaimStatus::refuted, [](auto& c) { c.corrected = nullptr; })));
    CHECK_THROWS(validate_claim(broken(ClaimStatus::holds_with_caveat, [](auto& c) { c.corrected_statement = ""; })));
    CHECK_THROWS(validate_claim(broken(ClaimStatus::holds, [](auto& c) { c.corrected_statement = "c"; })));
    CHECK_THROWS(validate_claim(broken(ClaimStatus::untestable, [](auto& c) { c.notes.clear(); })));
    // A stored case of a holds-with-caveat row refutes a stronger reading, which the row must name.
    CHECK_THROWS(validate_claim(broken(ClaimStatus::holds_with_caveat, [](auto& c) { c.counterexamples = {"corpus/a.json"}; })));
    CHECK_NOTHROW(validate_claim(broken(ClaimStatus::holds_with_caveat, [](auto& c) {
        c.counterexamples = {"corpus/a.json"};
        c.stronger_reading = c.printed;
    })));
    CHECK_THROWS(validate_claim(broken(ClaimStatus::refuted, [](auto& c) { c.stronger_reading = c.printed; })));
    CHECK_THROWS(validate_claim(broken(ClaimStatus::holds, [](auto& c) { c.statement.clear(); })));
    CHECK_THROWS(validate_claim(broken(ClaimStatus::holds, [](auto& c) { c.printed = nullptr; })));
    CHECK_THROWS(validate_claim(broken(ClaimStatus::holds, [](auto& c) { c.max_depth = 0; })));
    CHECK_THROWS(validate_claim_table({row(ClaimStatus::holds), row(ClaimStatus::holds)}));  // defined twice
}

TEST_CASE("the claim table names exactly the claims of docs/claims.md") {
    std::set<std::string> table;
    for (const auto& c : claim_table()) table.insert(c.id);
    CHECK(table.size() == claim_table().size());
    const std::string spec_path = std::string(DMF_SOURCE_DIR) + "/docs/claims.md";
    std::ifstream in(spec_path);
    REQUIRE_MESSAGE(static_cast<bool>(in), "the claims spec is missing: " << spec_path);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    std::set<std::string> spec;
    const std::regex id_re(R"(^- \*\*([A-Z]+\.[A-Z0-9.]*[A-Z0-9])\.?\*\*)", std::regex::multiline);
    for (std::sregex_iterator it(text.begin(), text.end(), id_re), end; it != end; ++it) spec.insert((*it)[1]);
    CHECK(spec.size() == 55u);
    CHECK(table == spec);
}

TEST_CASE("every property belongs to a claim of the table or is a self-check, under one ID") {
    std::set<std::string> ids;
    for (const auto& p : prop::all_properties()) {
        CHECK_MESSAGE(ids.insert(p.id).second, "registered twice: " << p.id);
        const bool own = prop::is_self_check(p.id);
        const bool claimed = find_claim_definition(prop::claim_of(p.id)) != nullptr;
        CHECK_MESSAGE(own != claimed, p.id << (own ? ": a self-check ID that names a claim"
                                                   : ": no claim of the table (claims/claim_table.cpp) has this ID"));
    }
}

TEST_CASE("every claim has a property that check runs; its mutants are hidden properties of that claim") {
    std::map<std::string, int> visible;
    std::set<std::string> ids;
    for (const auto& p : prop::all_properties()) {
        ids.insert(p.id);
        if (!p.hidden) ++visible[prop::claim_of(p.id)];
    }
    for (const auto& d : claim_table()) {
        CAPTURE(d.id);
        if (d.status != ClaimStatus::untested && d.status != ClaimStatus::untestable)
            CHECK_MESSAGE(visible[d.id] > 0, d.id << " has no (non-hidden) property");
        // `check` keeps a refuted claim refuted only while its stored counterexamples replay.
        if (d.status == ClaimStatus::refuted) CHECK_MESSAGE(ids.count(d.id + "/replay"), d.id << " has no /replay");
        for (const auto& m : d.mutants) {
            const auto* def = prop::find_property(m);
            REQUIRE_MESSAGE(def != nullptr, d.id << ": mutant " << m << " is not a property");
            CHECK_MESSAGE(def->hidden, m);
            CHECK(prop::claim_of(m) == d.id);
        }
    }
}

TEST_CASE("every mutant of the table has a CTest entry that expects it killed (label mutants)") {
    // tests/CMakeLists.txt's DMF_MUTANTS (one `dmf-oracle mutants --only ID` entry each), or the
    // mutation-check cases of tests/test_property_harness.cpp.
    auto text = [](const char* rel) {
        std::ifstream in(std::string(DMF_SOURCE_DIR) + "/" + rel);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    };
    const std::string cmake = text("tests/CMakeLists.txt"), harness = text("tests/test_property_harness.cpp");
    const std::string listed = cmake.substr(cmake.find("set(DMF_MUTANTS"));
    const std::string block = listed.substr(0, listed.find(')'));
    int n = 0;
    for (const auto& d : claim_table())
        for (const auto& m : d.mutants) {
            ++n;
            const bool in_cmake = (block + "\n").find(" " + m + "\n") != std::string::npos ||
                                  (block + " ").find(" " + m + " ") != std::string::npos;
            const bool in_harness = harness.find("\"" + m + "\"") != std::string::npos;
            CHECK_MESSAGE(in_cmake != in_harness, m << (in_cmake ? ": listed twice" : ": no CTest entry (tests/CMakeLists.txt DMF_MUTANTS)"));
        }
    CHECK(n == 57);
}

TEST_CASE("every counterexample file the table names exists and names its claim") {
    for (const auto& c : claim_table())
        for (const auto& f : c.counterexamples) {
            const auto path = std::filesystem::path(DMF_SOURCE_DIR) / f;
            REQUIRE_MESSAGE(std::filesystem::exists(path), c.id << ": missing " << f);
            CHECK_MESSAGE(load_counterexample(path.string()).claim == c.id, f);
        }
}

TEST_CASE("solve's checks on a landscape are matrix claims with a depth range") {
    int n = 0;
    for (const auto& d : claim_table()) {
        if (!d.on_landscape.check) continue;
        ++n;
        CAPTURE(d.id);
        CHECK(d.kind == CaseKind::matrix);
        CHECK(d.on_landscape.min_depth <= d.on_landscape.max_depth);
    }
    CHECK(n == 12);  // the claims `dmf-oracle solve` reports (docs/cli.md)
}

}  // TEST_SUITE
