// Certified inertia of the structured Hessian blocks (structured_hessian_certified.hpp): on every
// orbit of a few instances (tests/certified/, tests/exceptional/ and small hand-made ones), a decided
// certified inertia must agree with the dense classification's inertia (negative and positive counts
// beyond the tolerance, the zeros being the orbit tangent), and the planted sign error of the
// <P - Y, D^2 P> coupling must be caught: some orbit becomes inconsistent (tangent directions that
// are no longer in the kernel) or its certified type changes.
#include "dmf/landscape/structured_hessian_certified.hpp"
#include "dmf/problem/instance_json.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace dmf;

namespace {

Instance load(const std::string& rel, const Precision& p) {
    std::ifstream f(std::string(DMF_SOURCE_DIR) + "/" + rel);
    std::stringstream s;
    s << f.rdbuf();
    return instance_from_json(parse_json_exact(s.str()), p);
}

Instance from_text(const std::string& text, const Precision& p) { return instance_from_json(parse_json_exact(text), p); }

struct Tally {
    int orbits = 0, decided = 0, agree = 0, caught = 0;
};

Tally run(const Instance& inst_in, const Precision& p_in) {
    Tally t;
    const ThresholdDecision td = threshold_decision_precision(inst_in, p_in);
    REQUIRE(td.decided);
    const Precision p = td.precision;
    const Instance inst = at_precision(inst_in, p);
    Rng rng(1);
    const TargetSvd svd = certified_target_svd(inst, rng, p, td);
    for (const Orbit& o : enumerate_orbits(inst, svd, p, 64)) {
        ++t.orbits;
        const CertifiedInertia c = certified_inertia(inst, svd, o, td, p);
        CHECK(c.state != CertifiedInertia::State::inconsistent);
        const Classification dense = classify_point(inst, orbit_point(inst, svd, o, rng, p), p);
        if (c.state == CertifiedInertia::State::decided) {
            ++t.decided;
            CHECK(c.certificate.rfind("enclosure at ", 0) == 0);
            CHECK(c.negative == dense.inertia.negative);
            if (c.cluster == c.tangent_rank + c.beyond_exact) {
                CHECK(c.positive == dense.inertia.positive);
                CHECK(c.zero == dense.inertia.zero);
            }
            const PointKind k = certified_kind(c);
            if (k == PointKind::undecided || dense.kind == PointKind::undecided || k == dense.kind) ++t.agree;
        } else {
            CHECK(c.certificate.rfind("undecided: ", 0) == 0);
        }
        const CertifiedInertia m = certified_inertia(inst, svd, o, td, p, kDefaultMaxBits, true);
        if (m.state == CertifiedInertia::State::inconsistent || certified_kind(m) != certified_kind(c) ||
            m.negative != c.negative)
            ++t.caught;
    }
    return t;
}

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("certified inertia: agrees with the dense inertia, and a planted sign error is caught") {
    const Precision p = Precision::from_bits(128);
    int orbits = 0, decided = 0, caught = 0;
    for (const char* rel : {"tests/certified/cjw_above_ybar.json", "tests/certified/cjw_below_ystar.json",
                            "tests/certified/rotated_on_ybar.json", "tests/certified/repeated_on_ystar.json",
                            "tests/certified/kp_above_tau.json", "tests/exceptional/dyadic_ybar_L4.json"}) {
        CAPTURE(rel);
        const Tally t = run(load(rel, p), p);
        orbits += t.orbits, decided += t.decided, caught += t.caught;
        CHECK(t.agree == t.decided);
        CHECK(t.caught > 0);
    }
    MESSAGE("orbits " << orbits << ", certified " << decided << ", mutant caught on " << caught);
    CHECK(decided > orbits / 2);
}

TEST_CASE("certified inertia: a 3x2 target with a zero singular value and L = 2, and L = 1") {
    const Precision p = Precision::from_bits(128);
    const Tally a = run(from_text(R"({"L": 2, "dims": [2, 3, 3], "convention": "cjw", "lambda": [0.5, 2], "target": [["3", "0"], ["0", "0"], ["1", "0"]]})", p), p);
    CHECK(a.decided == a.orbits);
    CHECK(a.caught > 0);
    const Tally b = run(from_text(R"({"L": 1, "dims": [2, 2], "convention": "cjw", "lambda": "0.25", "target": [["1", "2"], ["3", "4"]]})", p), p);
    CHECK(b.decided == b.orbits);
}

}  // TEST_SUITE
