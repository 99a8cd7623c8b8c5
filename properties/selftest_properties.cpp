// Deliberately failing properties: they prove that the harness catches a
// wrong formula, shrinks it, and prints a replay line that replays it.
// Hidden: they run only when named (doctest --no-skip, or by ID).
#include "generators/decimal.hpp"
#include "properties/property.hpp"

namespace {

// sqrt(x)^2, with a planted relative error of 2^-40 on the thin region x > 7.5.
dmf::Real planted_square_of_sqrt(const dmf::Real& x, const dmf::Precision& p) {
    dmf::PrecisionGuard g(p);
    dmf::Real y = sqrt(x) * sqrt(x);
    if (x > dmf::parse_real("7.5", p)) y *= 1 + dmf::epsilon(dmf::Precision::from_bits(41));
    return y;
}

}  // namespace

DMF_HIDDEN_PROPERTY("SELFTEST.planted", "sqrt(x)^2 = x, with a planted 2^-40 error for x > 7.5 (must fail)") {
    const auto x = *dmf::gen::positive_decimal(-2, 1, 6);
    const dmf::Precision p = dmf::Precision::from_bits(128);
    dmf::prop::assert_eps(planted_square_of_sqrt(x.at(p), p), x.at(p), 4, p, "x = " + x.text);
}

// The floors (property.hpp): every case passes its assertions but none decides anything. Hidden, so
// it never runs by itself; tests/test_property_harness.cpp runs it with the floors on and must see it fail.
DMF_HIDDEN_PROPERTY("SELFTEST.all-undecided", "every case undecided (a classifier that regressed to undecided): the floors must fail it") {
    const auto x = *dmf::gen::positive_decimal(-2, 1, 6);
    dmf::prop::mark_stratum(x.text.size() > 3 ? "long mantissa" : "short mantissa");
    dmf::prop::mark_undecided("nothing decided");
}

DMF_HIDDEN_PROPERTY("SELFTEST.all-trivial", "every case decided but trivial (W = 0 everywhere): the informative floor must fail it") {
    (void)*dmf::gen::positive_decimal(-2, 1, 6);
    dmf::prop::mark_trivial("W = 0");
}
