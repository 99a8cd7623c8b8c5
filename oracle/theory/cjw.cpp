#include "dmf/theory/cjw.hpp"

#include "formula_support.hpp"

namespace dmf::inline theory {

using namespace formula_support;

Formula cjw_x_bar(int L, const Real& lambda_bar, const Precision& p) {
    require_depth(L);
    if (L == 1) return undefined("L = 1: the exponent 1/(2L - 2) is 1/0 and the base lambdabar (L - 2)/L is negative");
    const Precision g = guarded(p);
    PrecisionGuard guard(g);
    return defined(rational_power(rounded(lambda_bar, g) * Real(L - 2) / L, 1, 2 * L - 2), p);
}

Formula cjw_y_bar(int L, const Real& lambda_bar, const Precision& p) {
    require_depth(L);
    const Formula xb = cjw_x_bar(L, lambda_bar, guarded(p));
    if (!xb.value) return undefined(xb.undefined_reason);
    const Precision g = guarded(p);
    PrecisionGuard guard(g);
    // xbar^{2-L}: at L = 2 this is 0^0 = 1.
    const Real xpow = rational_power(*xb.value, 2 - L, 1);
    return defined(Real(2 * (L - 1)) / L * rounded(lambda_bar, g) * xpow, p);
}

Real cjw_f(int L, const Real& x, const Real& y, const Real& lambda_bar, const Precision& p) {
    require_depth(L);
    PrecisionGuard guard(p);
    const Real xr = rounded(x, p);
    return pow(xr, 2 * L - 1) - rounded(y, p) * pow(xr, L - 1) + rounded(lambda_bar, p) * xr;
}

Real cjw_G(int L, const Real& x, const Real& y, const Real& lambda_bar, const Precision& p) {
    require_depth(L);
    PrecisionGuard guard(p);
    const Real xr = rounded(x, p);
    const Real d = pow(xr, L) - rounded(y, p);
    return d * d / 2 + Real(L) * rounded(lambda_bar, p) / 2 * xr * xr;
}

}  // namespace dmf::theory
