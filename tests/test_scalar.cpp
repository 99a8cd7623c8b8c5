#include "eps_check.hpp"
#include "dmf/numerics/polynomial.hpp"
#include "dmf/landscape/scalar_problem.hpp"
#include "dmf/theory/cjw.hpp"
#include "dmf/theory/kp.hpp"

#include <doctest/doctest.h>

using namespace dmf;

namespace {
RationalPolynomial poly(std::vector<long> c) {
    std::vector<Rational> q;
    for (long v : c) q.push_back(Rational(v));
    return RationalPolynomial(q);
}
}  // namespace

TEST_SUITE("unit") {

TEST_CASE("positive roots: simple roots, labels by the sign of p', a double root, irrational roots") {
    const Precision p = Precision::from_bits(256);
    // (x-1)(x-2)(x-3) = x^3 - 6x^2 + 11x - 6
    auto r = positive_roots(poly({-6, 11, -6, 1}), p);
    REQUIRE(r.size() == 3u);
    CHECK(r[0].value == 1);
    CHECK(r[1].value == 2);
    CHECK(r[2].value == 3);
    CHECK(r[0].derivative_sign == 1);
    CHECK(r[1].derivative_sign == -1);
    CHECK(r[2].derivative_sign == 1);
    // (x-1)^2 (x-2) = x^3 - 4x^2 + 5x - 2: a double root at 1.
    r = positive_roots(poly({-2, 5, -4, 1}), p);
    REQUIRE(r.size() == 2u);
    CHECK(r[0].multiplicity == 2);
    CHECK(r[0].derivative_sign == 0);
    CHECK(r[1].value == 2);
    // x^2 - 2 and a root at 0 stripped: x (x^2 - 2).
    r = positive_roots(poly({0, -2, 0, 1}), p);
    REQUIRE(r.size() == 1u);
    PrecisionGuard g(p);
    DMF_CHECK_EPS(r[0].value, sqrt(Real(2)), 1, p);
    {
        PrecisionGuard hi(Precision::from_bits(1024));  // the enclosure carries more bits than p
        const Real root2 = sqrt(Real(2));
        CHECK(r[0].enclosure.lower() < root2);
        CHECK(r[0].enclosure.upper() > root2);
    }
    // No positive roots: x^2 + 1.
    CHECK(positive_roots(poly({1, 0, 1}), p).empty());
}

TEST_CASE("scalar minimizers match closed forms at L = 1 (ridge) and L = 2 (soft threshold)") {
    const Precision p = Precision::from_bits(256);
    PrecisionGuard g(p);
    // L = 1: (m - w)^2 + lambda w^2 -> w = m / (1 + lambda).
    ScalarProblem one{1, parse_real("0.37", p), parse_real("-2.5", p)};
    auto r = scalar_global_minimizers(one, p);
    REQUIRE(r.unique == Decision::yes);
    DMF_CHECK_EPS(r.rho_star(one), one.m / (1 + one.lambda), 4, p);
    // L = 2: rho* = sign(m) (|m| - lambda/2)_+.
    ScalarProblem two{2, Real(1), Real(2)};
    r = scalar_global_minimizers(two, p);
    REQUIRE(r.unique == Decision::yes);
    DMF_CHECK_EPS(r.rho_star(two), Real(parse_real("1.5", p)), 4, p);
    two.m = parse_real("0.3", p);
    r = scalar_global_minimizers(two, p);
    CHECK(r.collapsed());
}

TEST_CASE("KP Fig. 1: L = 3, lambda = 4, m = 3 has a non-zero minimizer, and Omega has 4 sign patterns") {
    const Precision p = Precision::from_bits(128);
    ScalarProblem pr{3, Real(4), Real(3)};
    const auto r = scalar_global_minimizers(pr, p);
    REQUIRE(r.unique == Decision::yes);
    CHECK_FALSE(r.collapsed());
    CHECK(r.candidates.size() == 3u);  // the origin, x-, x+
    const auto pts = scalar_minimizer_points(pr, r.candidates[r.minimal[0]], p);
    CHECK(pts.size() == 4u);
}

TEST_CASE("printed formulas that are undefined say so") {
    const Precision p = Precision::from_bits(128);
    CHECK_FALSE(kp_tau(1, Real(1), p).value.has_value());
    CHECK_FALSE(cjw_x_bar(1, Real(1), p).value.has_value());
    // L = 2: tau = lambda / 2 (with 0^0 = 1), ybar = lambdabar.
    REQUIRE(kp_tau(2, Real(3), p).value.has_value());
    CHECK(*kp_tau(2, Real(3), p).value == parse_real("1.5", p));
    CHECK(*cjw_y_bar(2, Real(3), p).value == 3);
}

}  // TEST_SUITE
