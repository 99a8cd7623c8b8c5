// Scalar type and explicit precision for dmf-oracle.
//
// Every computation takes a `Precision` argument. Boost 1.74's variable-precision
// MPFR backend sizes new numbers (including temporaries inside Eigen) from a
// thread-default precision, so functions install a `PrecisionGuard` for their
// own duration; nothing relies on precision set somewhere else.
//
// Boost 1.74 counts that default in decimal digits (bits = digits10_2_2(d)), so
// not every bit count is reachable. `Precision::from_bits(b)` takes the smallest
// reachable count >= b and reports the bits actually used.
#pragma once

#include <boost/multiprecision/mpfr.hpp>

#include <string>
#include <string_view>

namespace dmf::inline numerics {

using Real = boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<0>,
                                           boost::multiprecision::et_off>;

class Precision {
public:
    // Smallest precision with at least `bits` mantissa bits (bits >= 16).
    static Precision from_bits(unsigned bits);
    // Precision whose decimal-digit count (Boost's unit) is `digits10` (>= 5).
    static Precision from_digits10(unsigned digits10);

    unsigned bits() const { return bits_; }
    unsigned digits10() const { return digits10_; }
    // At least k times as many bits: for confirmations and finite differences.
    Precision times(unsigned k) const { return from_bits(bits_ * k); }

    friend bool operator==(const Precision& a, const Precision& b) { return a.bits_ == b.bits_; }

private:
    Precision(unsigned digits10, unsigned bits) : digits10_(digits10), bits_(bits) {}
    unsigned digits10_;
    unsigned bits_;
};

// Sets Boost's thread-default precision for its lifetime and restores it after.
class PrecisionGuard {
public:
    explicit PrecisionGuard(const Precision& p);
    ~PrecisionGuard();
    PrecisionGuard(const PrecisionGuard&) = delete;
    PrecisionGuard& operator=(const PrecisionGuard&) = delete;

private:
    unsigned saved_digits10_;
};

// Mantissa bits of one number.
unsigned bits_of(const Real& x);

// 2^(1-p): the spacing of Real at 1 at precision p (machine epsilon).
Real epsilon(const Precision& p);

// The integer or dyadic value k * 2^e, exact at precision p.
Real make_real(const Precision& p, long k, long binary_exponent = 0);

// Parses a decimal string ("-1.25e-30", "3", "0.1") correctly rounded at p.
// Throws std::invalid_argument on anything that is not a finite decimal number.
Real parse_real(std::string_view text, const Precision& p);

// Decimal scientific string with `digits` significant digits.
std::string to_string(const Real& x, int digits);

// Enough digits that parse_real(to_exact_string(x), p) == x at x's own precision.
std::string to_exact_string(const Real& x);

// The same value rounded to precision p (a copy; x is not changed).
Real rounded(const Real& x, const Precision& p);

}  // namespace dmf::numerics
