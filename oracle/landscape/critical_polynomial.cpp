#include "dmf/landscape/critical_polynomial.hpp"

#include <stdexcept>

namespace dmf::inline landscape {

RationalPolynomial critical_polynomial(int L, const Rational& y, const Rational& lambda_bar) {
    if (L < 1) throw std::invalid_argument("critical_polynomial: L must be >= 1");
    // Coefficients of x^0 .. x^{2L-1}; at L = 1 the x^{L-1} term is the constant and x^{2L-1} = x.
    std::vector<Rational> c(2 * L, Rational(0));
    c[2 * L - 1] += 1;
    c[L - 1] -= y;
    c[1] += lambda_bar;
    return RationalPolynomial(std::move(c));
}

RationalPolynomial critical_polynomial(int L, const Real& y, const Real& lambda_bar) {
    return critical_polynomial(L, to_rational(y), to_rational(lambda_bar));
}

}  // namespace dmf::landscape
