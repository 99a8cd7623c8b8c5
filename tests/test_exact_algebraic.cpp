// The exact decision layer (issue 15): decimals read exactly, singular values of rational matrices
// compared with algebraic thresholds exactly, and the landscape on an exact coincidence decided.
#include "dmf/landscape/landscape.hpp"
#include "dmf/numerics/exact_algebraic.hpp"
#include "dmf/problem/instance_json.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace dmf;

namespace {
Instance fixture(const char* name, const Precision& p) {
    std::ifstream in(std::string(DMF_SOURCE_DIR) + "/tests/certified/" + name);
    std::stringstream ss;
    ss << in.rdbuf();
    return instance_from_json(parse_json_exact(ss.str()), p);
}
}  // namespace

TEST_SUITE("unit") {
TEST_CASE("parse_rational reads decimals exactly") {
    CHECK(parse_rational("0.5") == Rational(1, 2));
    CHECK(parse_rational("-12") == Rational(-12));
    CHECK(parse_rational("2.7e-70") * parse_rational("1e71") == Rational(27));
    CHECK(parse_rational("1e71") == Rational(boost::multiprecision::pow(boost::multiprecision::mpz_int(10), 71)));
    CHECK(parse_rational("1E+3") == Rational(1000));
    CHECK(parse_rational(".25") == Rational(1, 4));
    CHECK(parse_rational("0.09") == Rational(9, 100));  // not octal
    CHECK(parse_rational("-0.0") == Rational(0));
    CHECK_THROWS_AS(parse_rational("1/3"), std::invalid_argument);
    CHECK_THROWS_AS(parse_rational("e5"), std::invalid_argument);
    CHECK_THROWS_AS(parse_rational("1.2.3"), std::invalid_argument);
}

TEST_CASE("exact singular values of [[6,2],[2,6]] against ybar = 4 (t^4 = 256) and y* (t^4 = 432)") {
    const ExactSingularValues s({{Rational(6), Rational(2)}, {Rational(2), Rational(6)}});
    REQUIRE(s.size() == 2);
    CHECK(s.compare_with_root(0, 4, Rational(256)) == 1);   // 8 > 4
    CHECK(s.compare_with_root(1, 4, Rational(256)) == 0);   // 4 = 4 exactly
    CHECK(s.compare_with_root(1, 4, Rational(432)) == -1);  // 4 < 432^{1/4} = 2 * 27^{1/4}
    CHECK(s.compare_with_root(0, 1, Rational(8)) == 0);
    CHECK_FALSE(s.equal(0, 1));
    CHECK_FALSE(s.is_zero(1));
    const Interval e = s.enclosure(0, Precision::from_bits(128));
    CHECK(e.lower() <= 8);
    CHECK(e.upper() >= 8);
    // sqrt(2) against t^2 = 2 with a rank-deficient 2 x 3 matrix: sigma = (sqrt 2, 0).
    const ExactSingularValues z({{Rational(1), Rational(1), Rational(0)}, {Rational(0), Rational(0), Rational(0)}});
    CHECK(z.compare_with_root(0, 2, Rational(2)) == 0);
    CHECK(z.is_zero(1));
}

TEST_CASE("exact positions: a rotated target exactly on ybar is decided exactly, not undecided") {
    const Precision p = Precision::from_bits(128);
    const Instance inst = fixture("rotated_on_ybar.json", p);
    const ThresholdDecision td = threshold_decision_precision(inst, p);
    CHECK(td.decided);
    CHECK(td.certificate == "exact");
    REQUIRE(td.on_ybar.size() == 1);
    CHECK(td.on_ybar[0] == 1);
    int on = 0;
    for (const auto& t : td.positions) on += t.relation == 0;
    CHECK(on == 1);
    const Landscape land = classify_landscape(inst, p, 1, 2);
    CHECK_FALSE(land.undecided);
    CHECK(land.orbits.size() == 6);  // y_1 = 8: {0, x-, x+}; y_2 = ybar: {0, xbar}
}

TEST_CASE("exact positions 1e-70 from ybar and from KP's tau: decided, and on the right side") {
    const Precision p = Precision::from_bits(170);
    for (const auto& [name, side] : std::vector<std::pair<const char*, int>>{
             {"cjw_above_ybar.json", 1}, {"cjw_below_ybar.json", -1}, {"cjw_on_ystar.json", 0}}) {
        const ThresholdDecision td = threshold_decision_precision(fixture(name, p), p);
        CAPTURE(name);
        CHECK(td.certificate == "exact");
        for (const auto& t : td.positions)
            if (t.index == 1 && t.threshold == (side == 0 ? "the tie y*" : "ybar")) CHECK(t.relation == side);
    }
    for (const auto& [name, side] : std::vector<std::pair<const char*, int>>{{"kp_above_tau.json", 1}, {"kp_below_tau.json", -1}}) {
        const ThresholdDecision td = threshold_decision_precision(fixture(name, p), p);
        CAPTURE(name);
        for (const auto& t : td.positions)
            if (t.threshold == "the tie y*") CHECK(t.relation == side);
        CHECK(td.precision.bits() > p.bits());  // 3.7e-71 needs more than 170 bits
    }
}
}

TEST_SUITE("unit") {
TEST_CASE("above the exact rank cap, positions are decided from enclosures of the SVD residual") {
    const Precision p = Precision::from_bits(128);
    PrecisionGuard g(p);
    Instance inst;
    inst.L = 3;
    inst.dims = {26, 2, 2, 26};
    inst.lambda = {Real(1), Real(1), Real(1)};
    inst.target = zeros(26, 26, p);
    for (int i = 0; i < 26; ++i) inst.target(i, i) = i == 0 ? Real(3) : Real(1);
    validate(inst);
    const ThresholdDecision td = threshold_decision_precision(inst, p);
    CHECK(td.decided);
    CHECK_FALSE(td.exact);
    CHECK(td.certificate == "enclosure at 128 bits");
    REQUIRE(td.positions.size() == 52);
    for (const auto& t : td.positions) {
        CAPTURE(t.index);
        CAPTURE(t.threshold);
        CHECK(t.decided_by == "enclosure at 128 bits");
        // ybar = 4 / 27^{1/4} ~ 1.755 and y* = 2: y_1 = 3 above both, the others (1) below.
        CHECK(t.relation == (t.index == 0 ? 1 : -1));
    }
}
}
