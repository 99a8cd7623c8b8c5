// Exact real-root isolation for polynomials with rational coefficients.
// The coefficients of the polynomials we study are binary floating-point
// numbers, hence exact rationals: Sturm sequences over Q count roots with no
// rounding at all, and bisection with exact sign evaluation refines them.
// The only approximation is the final rounding of a root to precision p.
#pragma once

#include "dmf/numerics/interval.hpp"

#include <vector>

namespace dmf::inline numerics {

class RationalPolynomial {
public:
    RationalPolynomial() = default;
    explicit RationalPolynomial(std::vector<Rational> coefficients);  // c_0 + c_1 x + ...

    int degree() const;  // -1 for the zero polynomial
    const std::vector<Rational>& coefficients() const { return c_; }
    Rational operator()(const Rational& x) const;  // exact Horner
    int sign_at(const Rational& x) const;
    RationalPolynomial derivative() const;
    // Divides out x^k so the constant term is non-zero; returns k.
    int strip_zero_roots();

    friend RationalPolynomial remainder(const RationalPolynomial& a, const RationalPolynomial& b);
    friend RationalPolynomial quotient(const RationalPolynomial& a, const RationalPolynomial& b);
    friend RationalPolynomial gcd(const RationalPolynomial& a, const RationalPolynomial& b);  // monic

private:
    void trim();
    std::vector<Rational> c_;
};

// Sturm chain of a polynomial; counts distinct real roots in (a, b].
class SturmSequence {
public:
    explicit SturmSequence(const RationalPolynomial& p);
    int variations_at(const Rational& x) const;
    int variations_at_plus_infinity() const;
    int count_in(const Rational& a, const Rational& b) const;  // distinct roots in (a, b]
    int count_positive() const;                                // distinct roots in (0, inf)

private:
    std::vector<RationalPolynomial> chain_;
};

struct IsolatedRoot {
    Rational lo, hi;          // the root is the only one in (lo, hi]; lo < hi, or lo == hi when exact
    int multiplicity = 1;     // 1 for simple roots; >= 2 when it is a root of gcd(p, p')
    int derivative_sign = 0;  // sign of p' at the root: +1, -1, or 0 for a multiple root
    Real value;               // rounded to the requested precision
    Interval enclosure;       // certified: contains the root
    explicit IsolatedRoot(const Precision& p) : enclosure(p) {}
};

// Every distinct positive root, ascending, each refined until its enclosure is
// narrower than 2^-(bits+8) relative: rounding the midpoint is then within one
// ulp of the root. Exact throughout.
std::vector<IsolatedRoot> positive_roots(const RationalPolynomial& p, const Precision& prec);

}  // namespace dmf::numerics
