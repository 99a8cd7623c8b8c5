// Issue 15's acceptance test, written before the certified decision layer: on every instance of
// tests/exceptional/ (generators/exceptional_targets.hpp: 1e-70 beside ybar, y*, tau; exact dyadic
// thresholds; rational non-diagonal targets exactly on ybar and y*; repeated values; bottlenecks)
// the landscape computed from the library at 50 and at 200 digits must be the same (every orbit's
// root labels and type, the global orbits, uniqueness of the end-to-end product), have no
// `undecided`, and be the one true for the input as written: each singular value's root labels
// follow its side of ybar (above: 0, x-, x+; on: 0, xbar; below: 0), and uniqueness follows its
// side of y* (the manifest, from the exact construction; tests/exceptional/check_manifest.py
// re-derives it independently with mpmath).
//
// Instances the layer of today gets wrong are listed, with the reason, in
// tests/exceptional/xfail.txt: they are reported (XFAIL, or XPASS when they start passing) and
// do not fail the case; every other instance must pass. DMF_CERTIFIED_STRICT=1 fails on both.
// Each case prints its table (one row per instance, with the solve times: the cost table).
#include "generators/exceptional_targets.hpp"
#include "dmf/landscape/landscape.hpp"
#include "dmf/landscape/landscape_summary.hpp"
#include "dmf/problem/instance_json.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include <unistd.h>

using namespace dmf;

namespace {

const std::string kDir = std::string(DMF_SOURCE_DIR) + "/tests/exceptional";

struct View {
    std::vector<std::string> orbits;   // "[roots] type", sorted
    std::vector<std::string> globals;  // root labels of the global orbits, sorted
    std::string unique;                // yes / no / undecided
    int undecided = 0;                 // undecided orbit types, plus an undecided landscape or uniqueness
    std::vector<std::set<std::string>> labels;  // per singular index: every root label used by some orbit
    unsigned bits = 0;
    double seconds = 0;
    std::string error;
};

View solve_view(const nlohmann::json& j, unsigned digits) {
    View v;
    const auto t0 = std::chrono::steady_clock::now();
    try {
        const Precision p = Precision::from_digits10(digits);
        const Instance inst = instance_from_json(j, p);
        const long long max_n = 120;  // solve's default
        const Landscape land = classify_landscape(inst, p, 1, 3, dense_within(inst, max_n));
        const LandscapeSummary sum = summarize_landscape(inst, land, p, max_n);
        v.labels.resize(land.svd.y.size());
        for (size_t i = 0; i < land.orbits.size(); ++i) {
            const auto& c = land.orbits[i];
            const std::string roots = root_label_string(c.orbit);
            v.orbits.push_back(roots + " " + c.computed);
            if (sum.orbits[i].global) v.globals.push_back(roots);
            v.undecided += c.computed == "undecided";
            const auto labels = root_labels(c.orbit, inst.L);
            for (size_t k = 0; k < labels.size() && k < v.labels.size(); ++k) v.labels[k].insert(labels[k]);
        }
        std::sort(v.orbits.begin(), v.orbits.end());
        std::sort(v.globals.begin(), v.globals.end());
        const Decision u = sum.global.unique_end_to_end;
        v.unique = u == Decision::yes ? "yes" : u == Decision::no ? "no" : "undecided";
        v.undecided += land.undecided + (u == Decision::undecided);
        v.bits = land.decided_bits;
    } catch (const std::exception& e) {
        v.error = e.what();
    }
    v.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return v;
}

std::set<std::string> expected_labels(const std::string& side_ybar) {
    if (side_ybar == "above") return {"0", "x-", "x+"};
    if (side_ybar == "on") return {"0", "xbar"};
    return {"0"};
}

std::map<std::string, std::string> xfail_list() {
    std::map<std::string, std::string> out;
    std::ifstream f(kDir + "/xfail.txt");
    std::string line;
    while (std::getline(f, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream is(line);
        std::string name, reason;
        is >> name;
        std::getline(is, reason);
        out[name] = reason;
    }
    return out;
}

// What is wrong with one instance ("" when it passes).
std::string judge(const nlohmann::json& m, const nlohmann::json& inst, const View& a, const View& b) {
    std::string why;
    auto add = [&](const std::string& s) { why += (why.empty() ? "" : "; ") + s; };
    if (!a.error.empty()) return "50 digits threw: " + a.error;
    if (!b.error.empty()) return "200 digits threw: " + b.error;
    if (a.undecided) add(std::to_string(a.undecided) + " undecided at 50 digits");
    if (b.undecided) add(std::to_string(b.undecided) + " undecided at 200 digits");
    if (a.orbits != b.orbits) add("orbits or types differ between 50 and 200 digits");
    if (a.globals != b.globals) add("global orbits differ between 50 and 200 digits");
    if (a.unique != b.unique) add("uniqueness differs: " + a.unique + " / " + b.unique);
    const std::string want_unique = m["unique_end_to_end"].get<bool>() ? "yes" : "no";
    // When unique, the global orbit takes x+ where y > y* (CJW T2.2 (iii)), at most d_min of them.
    std::string want_global = "[";
    {
        const auto dims = inst["dims"].get<std::vector<int>>();
        const size_t k = static_cast<size_t>(*std::min_element(dims.begin(), dims.end()));
        const auto& s = m["side_ystar"];
        for (size_t i = 0; i < s.size(); ++i) want_global += std::string(i ? ", " : "") + (i < k && s[i] == "above" ? "x+" : "0");
        want_global += "]";
    }
    for (const auto* v : {&a, &b}) {
        const char* at = v == &a ? " at 50 digits" : " at 200 digits";
        if (v->unique != want_unique && v->unique != "undecided")
            add("unique_end_to_end " + v->unique + ", true: " + want_unique + at);
        if (want_unique == "yes" && v->globals != std::vector<std::string>{want_global}) {
            std::string got;
            for (const auto& g : v->globals) got += (got.empty() ? "" : " ") + g;
            add("global orbits {" + got + "}, true: " + want_global + at);
        }
        const auto& sides = m["side_ybar"];
        if (v->labels.size() != sides.size()) {
            add("rank " + std::to_string(v->labels.size()) + at);
            continue;
        }
        for (size_t k = 0; k < sides.size(); ++k)
            if (v->labels[k] != expected_labels(sides[k])) {
                std::string got;
                for (const auto& s : v->labels[k]) got += (got.empty() ? "" : ",") + s;
                add("index " + std::to_string(k) + " (" + sides[k].get<std::string>() + " ybar) has roots {" + got + "}" + at);
            }
    }
    return why;
}

void run_family(const std::string& family) {
    const nlohmann::json manifest = parse_json_exact(read_text_file(kDir + "/manifest.json"));
    const auto xfail = xfail_list();
    const bool strict = std::getenv("DMF_CERTIFIED_STRICT") != nullptr;
    int rows = 0;
    std::ostringstream table;
    table << std::left << std::setw(30) << "instance" << std::setw(8) << "orbits" << std::setw(11) << "undecided"
          << std::setw(11) << "unique" << std::setw(14) << "bits" << std::setw(16) << "seconds" << "verdict\n";
    for (const auto& m : manifest) {
        if (m["family"] != family) continue;
        ++rows;
        const std::string name = m["name"];
        const nlohmann::json inst = parse_json_exact(read_text_file(kDir + "/" + name + ".json"));
        const View a = solve_view(inst, 50), b = solve_view(inst, 200);
        const std::string why = judge(m, inst, a, b);
        const auto xf = xfail.find(name);
        const std::string verdict = why.empty() ? (xf == xfail.end() ? "pass" : "XPASS (remove from xfail.txt)")
                                                : (xf == xfail.end() ? "FAIL: " : "XFAIL: ") + why;
        char secs[32];
        std::snprintf(secs, sizeof secs, "%.2f/%.2f", a.seconds, b.seconds);
        table << std::setw(30) << name << std::setw(8)
              << (std::to_string(a.orbits.size()) + "/" + std::to_string(b.orbits.size())) << std::setw(11)
              << (std::to_string(a.undecided) + "/" + std::to_string(b.undecided)) << std::setw(11)
              << (a.unique.substr(0, 4) + "/" + b.unique.substr(0, 4)) << std::setw(14)
              << (std::to_string(a.bits) + "/" + std::to_string(b.bits)) << std::setw(16) << secs << verdict << "\n";
        INFO(name << ": " << why);
        if (xf == xfail.end() || strict) CHECK(why.empty());
        if (strict && xf != xfail.end()) CHECK_MESSAGE(!why.empty(), name << " passes: remove it from xfail.txt");
    }
    std::cout << "certified solve, family " << family << " (50/200 digits; times in seconds):\n" << table.str();
    CHECK(rows > 0);
}

}  // namespace

TEST_SUITE("unit") {
TEST_CASE("exceptional set: tests/exceptional/ is what generators/exceptional_targets writes") {
    // DMF_EXCEPTIONAL_WRITE=<dir> writes the set there (to regenerate: the checkout's tests/exceptional).
    const auto set = gen::exceptional_set();
    if (const char* dir = std::getenv("DMF_EXCEPTIONAL_WRITE")) gen::write_exceptional_set(set, dir);
    const auto tmp = std::filesystem::temp_directory_path() / ("dmf-exceptional-" + std::to_string(::getpid()));
    gen::write_exceptional_set(set, tmp.string());
    for (const auto& e : set) {
        CAPTURE(e.name);
        CHECK(read_text_file((tmp / (e.name + ".json")).string()) == read_text_file(kDir + "/" + e.name + ".json"));
    }
    CHECK(read_text_file((tmp / "manifest.json").string()) == read_text_file(kDir + "/manifest.json"));
    std::filesystem::remove_all(tmp);
}

TEST_CASE("exceptional set: Cayley rotations are rational orthogonal with finite decimals") {
    for (int n = 1; n <= 4; ++n)
        for (std::uint64_t seed = 0; seed < 5; ++seed) {
            const auto q = gen::cayley_orthogonal(n, seed);
            REQUIRE(q.size() == static_cast<size_t>(n));
            // Q I Q^T = I exactly: rotate_exact(Q, I, Q).
            gen::DecimalMatrix id(n, std::vector<std::string>(n, "0"));
            for (int k = 0; k < n; ++k) id[k][k] = "1";
            CHECK(gen::rotate_exact(q, id, q) == id);
            if (n >= 2) CHECK(q != id);
        }
}
}

TEST_SUITE("integration") {
TEST_CASE("certified solve: near thresholds, 1e-70 beside ybar, y* and tau") { run_family("near"); }
TEST_CASE("certified solve: exact dyadic thresholds") { run_family("dyadic"); }
TEST_CASE("certified solve: rational targets on ybar and y*") { run_family("rotated"); }
TEST_CASE("certified solve: repeated singular values") { run_family("tie"); }
TEST_CASE("certified solve: bottlenecks") { run_family("bottleneck"); }
}
