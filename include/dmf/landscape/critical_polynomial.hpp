// The polynomial whose positive roots are the non-zero singular values of every layer at a
// critical point (up to the sqrt(lambdabar / lambda_l) scaling):
//   f(x; y) = x^{2L-1} - y x^{L-1} + lambdabar x,
// with exact rational coefficients. It follows from the definitions alone: at a critical point
// with balanced layers of singular value x on a target singular value y, x^{L-1} (x^L - y) +
// lambdabar x = 0 (the scalar derivation in scalar_problem.hpp; CJW write it as (8)). KP's
// scalar problem is the same polynomial with y = |m| and lambdabar = lambda / L.
#pragma once

#include "dmf/numerics/polynomial.hpp"

namespace dmf::inline landscape {

RationalPolynomial critical_polynomial(int L, const Rational& y, const Rational& lambda_bar);

// The same from working-precision values, read exactly (every Real is a binary rational).
RationalPolynomial critical_polynomial(int L, const Real& y, const Real& lambda_bar);

}  // namespace dmf::landscape
