#include "dmf/theory/scalar_theory.hpp"

#include <boost/multiprecision/mpfr.hpp>

#include <stdexcept>

namespace dmf {

namespace {

Precision guarded(const Precision& p) { return Precision::from_bits(p.bits() + 32); }

void require_depth(int L) {
    if (L < 1) throw std::invalid_argument("depth L must be >= 1, got " + std::to_string(L));
}

// x^(num/den) for x >= 0 and integers num, den > 0, or num <= 0 (then 1/x^(|num|/den)),
// correctly rounded steps: pow_ui then rootn_ui. 0^0 = 1 as in MPFR's pow.
Real rational_power(const Real& x, long num, long den) {
    if (den <= 0) throw std::logic_error("rational_power: denominator must be positive");
    if (num == 0) return Real(1);
    Real a = x, r;
    mpfr_pow_ui(a.backend().data(), x.backend().data(), static_cast<unsigned long>(num < 0 ? -num : num), MPFR_RNDN);
    mpfr_rootn_ui(r.backend().data(), a.backend().data(), static_cast<unsigned long>(den), MPFR_RNDN);
    if (num < 0) r = 1 / r;
    return r;
}

Formula undefined(const std::string& why) { return Formula{std::nullopt, why}; }

Formula defined(const Real& v, const Precision& p) {
    if (!mpfr_number_p(v.backend().data())) return undefined("the printed expression evaluates to a non-finite number");
    return Formula{rounded(v, p), ""};
}

}  // namespace

Formula kp_tau(int L, const Real& lambda, const Precision& p) {
    require_depth(L);
    // At L = 1, q = 2: (1 - q/2) = 0 multiplies lambda^{1/(2-q)} = lambda^{1/0}.
    if (L == 1) return undefined("L = 1: q = 2, so 1/(2 - q) = 1/0 and (1 - q/2) = 0 (0 * inf)");
    const Precision g = guarded(p);
    PrecisionGuard guard(g);
    const Real lam = rounded(lambda, g);
    // 1 - q/2 = (L-1)/L; 1/(2-q) = L/(2L-2); 1 - q = (L-2)/L; (q-1)/(2-q) = (2-L)/(2L-2).
    const Real one_minus_half_q = Real(L - 1) / L;
    const Real one_minus_q = Real(L - 2) / L;
    const Real t = one_minus_half_q * rational_power(lam, L, 2 * L - 2) *
                   rational_power(one_minus_q, 2 - L, 2 * L - 2);
    return defined(t, p);
}

Formula kp_rho_m(int L, const Real& lambda, const Precision& p) {
    require_depth(L);
    if (L == 1) return undefined("L = 1: q = 2, so the exponent 1/(2 - q) is 1/0");
    const Precision g = guarded(p);
    PrecisionGuard guard(g);
    const Real base = rounded(lambda, g) * (Real(L - 2) / L);  // lambda (1 - q)
    return defined(rational_power(base, L, 2 * L - 2), p);
}

Formula kp_m_from_rho_m(int L, const Real& rho_m, const Precision& p) {
    require_depth(L);
    if (L <= 2) return undefined("L <= 2: 1 - q = 0 in the denominator 2 (1 - q)");
    const Precision g = guarded(p);
    PrecisionGuard guard(g);
    // (2 - q) / (2 (1 - q)) = ((2L - 2)/L) / (2 (L - 2)/L) = (L - 1) / (L - 2).
    return defined(rounded(rho_m, g) * Real(L - 1) / Real(L - 2), p);
}

Formula kp_collapse_lambda(int L, const Real& sigma_max, const Precision& p) {
    require_depth(L);
    if (L == 1) return undefined("L = 1: (1 - q/2) = 0 in the denominator and 2 - q = 0 in the exponent");
    const Precision g = guarded(p);
    PrecisionGuard guard(g);
    const Real denom = (Real(L - 1) / L) * rational_power(Real(L - 2) / L, 2 - L, 2 * L - 2);
    // (sigma / denom)^{2-q}, 2 - q = (2L - 2)/L.
    return defined(rational_power(rounded(sigma_max, g) / denom, 2 * L - 2, L), p);
}

std::vector<Real> kp_hessian_eigenvalues_29(int L, const Real& lambda, const Real& w, const Precision& p) {
    require_depth(L);
    const Precision g = guarded(p);
    PrecisionGuard guard(g);
    const Real lam = rounded(lambda, g);
    std::vector<Real> out(L - 1, rounded(Real(4 * lam / L), p));
    Real wp;  // w^{2L-2}, with 0^0 = 1
    mpfr_pow_ui(wp.backend().data(), rounded(w, g).backend().data(), static_cast<unsigned long>(2 * L - 2), MPFR_RNDN);
    out.push_back(rounded(Real(2 * L * wp + 4 * lam / L - 2 * lam), p));
    return out;
}

Real kp_lambda_max_30(int L, const Real& lambda, const Real& w, const Precision& p) {
    require_depth(L);
    const Precision g = guarded(p);
    PrecisionGuard guard(g);
    const Real lam = rounded(lambda, g);
    Real wp;
    mpfr_pow_ui(wp.backend().data(), rounded(w, g).backend().data(), static_cast<unsigned long>(2 * L - 2), MPFR_RNDN);
    Real a = 2 * L * wp - 2 * lam;
    if (a < 0) a = 0;
    return rounded(Real(a + 4 * lam / L), p);
}

Real kp_lambda_max_limit_51(int L, const Real& m, const Precision& p) {
    require_depth(L);
    const Precision g = guarded(p);
    PrecisionGuard guard(g);
    // 2 (1 - 1/L) = (2L - 2)/L.
    return rounded(Real(2 * L * rational_power(abs(rounded(m, g)), 2 * L - 2, L)), p);
}

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

}  // namespace dmf
