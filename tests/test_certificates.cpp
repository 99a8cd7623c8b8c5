// Certificates of the verdicts (issue 15 item 5): the decision log's folding, classify's point and
// orbit certificates, and replay's per-verdict certificate on every stored counterexample.
#include "claims/certificate.hpp"
#include "claims/replay.hpp"
#include "dmf/landscape/point_analysis.hpp"
#include "dmf/problem/instance_json.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>

using namespace dmf;

namespace {

const std::regex kCertificate("^(exact|enclosure at [0-9]+ bits|undecided: .+)$");

Instance load(const std::string& rel, const Precision& p) {
    std::ifstream f(std::string(DMF_SOURCE_DIR) + "/" + rel);
    std::stringstream s;
    s << f.rdbuf();
    return instance_from_json(parse_json_exact(s.str()), p);
}

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("decision log: folding and nesting") {
    take_thread_decisions();
    CHECK(fold_certificate(take_thread_decisions()).empty());
    record_decision("exact");
    record_decision("enclosure at 514 bits");
    record_decision("enclosure at 257 bits");
    DecisionTally t = take_thread_decisions();
    CHECK(t.exact == 1);
    CHECK(t.enclosure == 2);
    CHECK(fold_certificate(t) == "enclosure at 514 bits");
    record_decision("exact");
    std::string inner;
    CheckResult r;
    r.verdict = Verdict::holds;
    run_certified([&] { record_decision("undecided: straddles"); return r; }, Precision::from_bits(128), inner);
    CHECK(inner == "undecided: straddles");
    t = take_thread_decisions();  // the outer tally sees both
    CHECK(t.exact == 1);
    CHECK(t.undecided == 1);
    r.error_eps = 3;  // a tolerance comparison is not an enclosure, whatever its inputs
    CHECK(verdict_certificate(r, DecisionTally{1, 0, 0, 0, ""}, Precision::from_bits(128)).rfind("undecided: a tolerance", 0) == 0);
    r.error_eps = 0;
    CHECK(verdict_certificate(r, DecisionTally{1, 0, 0, 0, ""}, Precision::from_bits(128)) == "exact");
}

TEST_CASE("classify: the point's verdict from an enclosure of the gradient, the orbit's from the certified landscape") {
    const Precision p = Precision::from_bits(512);  // y_2 is 1e-70 above ybar: decided at p
    const Instance inst = load("tests/certified/cjw_above_ybar.json", p);
    const ThresholdDecision td = threshold_decision_precision(inst, p);
    REQUIRE(td.decided);
    REQUIRE(td.precision == p);
    Rng rng(1);
    const TargetSvd svd = certified_target_svd(inst, rng, p, td);
    const auto orbits = enumerate_orbits(inst, svd, p, 64);
    REQUIRE(orbits.size() > 1);
    // An orbit point: critical to the tolerance (never certified exactly critical from a rounded point).
    const Weights w = orbit_point(inst, svd, orbits.back(), rng, p);
    const PointAnalysis a = analyze_point(inst, w, p, 120);
    CHECK(std::regex_match(a.critical_certificate, kCertificate));
    CHECK(a.critical_certificate.rfind("undecided: ||grad F|| in", 0) == 0);
    REQUIRE(a.gradient_enclosure);
    CHECK(a.gradient_enclosure->lower() <= a.gradient_norm);
    CHECK(a.gradient_norm <= a.gradient_enclosure->upper());
    CHECK(a.landscape_certificate == "exact");
    REQUIRE(a.orbit);
    CHECK(std::regex_match(a.orbit->certificate, kCertificate));
    // A point far from critical: certified not critical.
    Weights far = w;
    for (auto& m : far) m *= 2;
    const PointAnalysis b = analyze_point(inst, far, p, 120);
    CHECK(b.critical_certificate == "enclosure at " + std::to_string(p.bits()) + " bits");
    CHECK(b.classification.kind == PointKind::not_critical);
}

TEST_CASE("replay: every stored counterexample's verdicts carry a certificate") {
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(std::string(DMF_SOURCE_DIR) + "/corpus")) {
        if (e.path().extension() != ".json") continue;
        CAPTURE(e.path().string());
        const ReplayResult r = replay_counterexample(load_counterexample(e.path().string()));
        CHECK(std::regex_match(r.printed_certificate, kCertificate));
        if (r.corrected) CHECK(std::regex_match(r.corrected_certificate, kCertificate));
        MESSAGE(e.path().filename().string() << ": " << std::string(to_string(r.printed.verdict)) << ", " << r.printed_certificate);
        ++n;
    }
    CHECK(n > 0);
}

}  // TEST_SUITE
