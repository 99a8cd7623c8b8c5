#include "eps_check.hpp"
#include "dmf/numerics/precision.hpp"

#include <doctest/doctest.h>

using namespace dmf;

TEST_SUITE("unit") {

TEST_CASE("Precision::from_bits rounds up to a reachable bit count and round-trips through digits10") {
    for (unsigned b : {16u, 53u, 64u, 113u, 128u, 256u, 512u, 1024u, 4096u}) {
        const Precision p = Precision::from_bits(b);
        CHECK(p.bits() >= b);
        CHECK(p.bits() <= b + 4);  // Boost's digits10 steps are at most 4 bits apart
        CHECK(Precision::from_digits10(p.digits10()).bits() == p.bits());
        PrecisionGuard g(p);
        CHECK(bits_of(Real(1)) == p.bits());
    }
    CHECK_THROWS_AS(Precision::from_bits(3), std::invalid_argument);
}

TEST_CASE("precision is per computation, never the ambient default") {
    const Precision p256 = Precision::from_bits(256);
    const Precision p1024 = Precision::from_bits(1024);
    PrecisionGuard ambient(Precision::from_bits(32));  // a hostile ambient default
    CHECK(bits_of(parse_real("0.1", p256)) == p256.bits());
    CHECK(bits_of(parse_real("0.1", p1024)) == p1024.bits());
    CHECK(bits_of(epsilon(p1024)) == p1024.bits());
    CHECK(bits_of(Real(1)) == Precision::from_bits(32).bits());  // the guard is restored after each call
}

TEST_CASE("decimal strings parse correctly rounded, never through double") {
    const Precision p = Precision::from_bits(256);
    PrecisionGuard g(p);
    // 1/10 correctly rounded by division equals the correctly rounded parse of "0.1".
    const Real tenth = Real(1) / 10;
    CHECK(parse_real("0.1", p) == tenth);
    // The double 0.1 is a different number at 256 bits.
    CHECK(parse_real("0.1", p) != Real(0.1));
    CHECK(parse_real("-2.5e-30", p) == -parse_real("25", p) / pow(Real(10), 31));
    // The magnitude cap (input_limits.hpp): [1e-400, 1e400] holds every double, nothing far beyond.
    CHECK(parse_real("1e400", p) > 0);
    CHECK(parse_real("-1e-400", p) < 0);
    CHECK(parse_real("4.9e-324", p) > 0);  // the smallest subnormal double
    CHECK_THROWS_AS(parse_real("1e300000", p), std::invalid_argument);
    CHECK_THROWS_AS(parse_real("1e-500", p), std::invalid_argument);
    CHECK_THROWS_AS(parse_real(std::string(10001, '1'), p), std::invalid_argument);  // the length cap
    for (const char* bad : {"", "abc", "1.2.3", "nan", "inf", "-inf", "0x1p3", " 1", "1 ", "1e", "--1"})
        CHECK_THROWS_AS(parse_real(bad, p), std::invalid_argument);
}

TEST_CASE("to_exact_string round-trips at the value's precision; to_string gives the digits asked") {
    for (unsigned b : {53u, 256u, 1024u}) {
        const Precision p = Precision::from_bits(b);
        PrecisionGuard g(p);
        const Real x = Real(2) / 3;
        CHECK(parse_real(to_exact_string(x), p) == x);
        const Real y = -sqrt(Real(2)) * pow(Real(10), -25);
        CHECK(parse_real(to_exact_string(y), p) == y);
    }
    const Precision p = Precision::from_bits(256);
    PrecisionGuard g(p);
    CHECK(to_string(Real(1) / 3, 50) == "3.3333333333333333333333333333333333333333333333333e-01");
}

TEST_CASE("eps_distance and the max-error report") {
    const Precision p = Precision::from_bits(128);
    PrecisionGuard g(p);
    const Real one = 1;
    const Real next = one + epsilon(p);
    CHECK(eps_distance(one, next, p) <= 1);
    CHECK(eps_distance(one, next, p) > Real("0.9"));
    CHECK(eps_distance(Real(0), Real(0), p) == 0);
    const auto c = compare_eps(one, one + 4 * epsilon(p), 2, p);
    CHECK_FALSE(c.ok);
    CHECK(c.message.find("distance") != std::string::npos);
    ErrorReport r;
    r.add(Real(1), "a");
    r.add(Real(7), "worst");
    r.add(Real(2), "c");
    CHECK(r.max_error_eps() == 7);
    CHECK(r.worst_input() == "worst");
    CHECK(r.count() == 3);
}

}  // TEST_SUITE
