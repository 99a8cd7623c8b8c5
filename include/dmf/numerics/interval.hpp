// Interval arithmetic (MPFI) and three-valued decisions. Every comparison
// near a threshold answers yes, no, or undecided at this precision.
#pragma once

#include "dmf/numerics/precision.hpp"

#include <mpfi.h>

#include <boost/multiprecision/gmp.hpp>

#include <string>

namespace dmf::inline numerics {

using Rational = boost::multiprecision::number<boost::multiprecision::gmp_rational, boost::multiprecision::et_off>;

// The exact rational value of a finite Real (binary floats are dyadic rationals).
Rational to_rational(const Real& x);

enum class Decision { yes, no, undecided };
const char* to_string(Decision d);

class Interval {
public:
    explicit Interval(const Precision& p);                 // [0, 0]
    Interval(const Real& x, const Precision& p);           // the point x, rounded outward
    Interval(const Rational& q, const Precision& p);       // encloses q
    Interval(const Rational& lo, const Rational& hi, const Precision& p);  // encloses [lo, hi]
    Interval(const Interval& o);
    Interval& operator=(const Interval& o);
    ~Interval();

    Real lower() const;
    Real upper() const;
    Real mid() const;
    bool contains_zero() const;
    std::string str(int digits) const;

    friend Interval operator+(const Interval& a, const Interval& b);
    friend Interval operator-(const Interval& a, const Interval& b);
    friend Interval operator*(const Interval& a, const Interval& b);
    friend Interval operator/(const Interval& a, const Interval& b);
    friend Interval operator-(const Interval& a);
    Interval pow(unsigned long n) const;         // integer power (exact enclosure for any sign)
    Interval pow(const Rational& e) const;       // x^e for x > 0, via exp(e log x)
    Interval sqrt() const;

    mpfi_srcptr get() const { return v_; }
    mpfi_ptr get() { return v_; }
    unsigned long precision_bits() const { return mpfi_get_prec(v_); }

private:
    mpfi_t v_;
};

// a < b certainly (yes), a >= b certainly (no), or overlapping (undecided).
Decision certainly_less(const Interval& a, const Interval& b);
// Sign of an enclosure: +1, -1, or 0 when it contains zero (undecided).
int certain_sign(const Interval& a);

}  // namespace dmf::numerics
