#include "dmf/theory/kp.hpp"

#include "formula_support.hpp"

#include "dmf/problem/objective.hpp"

#include <boost/multiprecision/mpfr.hpp>

namespace dmf::inline theory {

using namespace formula_support;

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



Real schatten_2_over_L(const Matrix& x, int L, const Precision& p) {
    const auto d = svd(x, p, false);
    if (d.status != Status::ok) throw std::runtime_error("schatten_2_over_L: SVD did not converge");
    PrecisionGuard guard(p);
    Real s = 0;
    for (Eigen::Index i = 0; i < d.sigma.size(); ++i) {
        Real r;  // sigma^{2/L}: pow_ui then rootn, both correctly rounded
        mpfr_sqr(r.backend().data(), d.sigma(i).backend().data(), MPFR_RNDN);
        mpfr_rootn_ui(r.backend().data(), r.backend().data(), static_cast<unsigned long>(L), MPFR_RNDN);
        s += r;
    }
    return s;
}

Weights balanced_factorization_136(const Matrix& x, int L, const Precision& p) {
    const auto d = svd(x, p, false);
    if (d.status != Status::ok) throw std::runtime_error("balanced_factorization_136: SVD did not converge");
    const Eigen::Index k = d.sigma.size();
    Matrix root = zeros(k, k, p);
    {
        PrecisionGuard guard(p);
        for (Eigen::Index i = 0; i < k; ++i)
            mpfr_rootn_ui(root(i, i).backend().data(), d.sigma(i).backend().data(), static_cast<unsigned long>(L), MPFR_RNDN);
    }
    Weights w;
    if (L == 1) return {rounded(x, p)};
    w.push_back(matmul(root, d.v.transpose(), p));  // W_1 = Sigma^{1/L} V^T
    for (int i = 2; i < L; ++i) w.push_back(root);   // W_i = Sigma^{1/L}
    w.push_back(matmul(d.u, root, p));               // W_L = U Sigma^{1/L}
    return w;
}

Real kp_trace_identity_92(const Instance& kp, const Weights& w, const Precision& p, int factor) {
    if (kp.convention != Convention::kp) throw std::invalid_argument("kp_trace_identity_92: needs the kp convention");
    const int L = kp.L;
    PrecisionGuard guard(p);
    Real sum = 0;
    for (int k = 1; k <= L; ++k) {
        Matrix A = identity(kp.dims[L], p);  // W_L ... W_{k+1}
        for (int l = L; l > k; --l) A = matmul(A, w[l - 1], p);
        Matrix B = identity(kp.dims[0], p);  // W_{k-1} ... W_1
        for (int l = 1; l < k; ++l) B = matmul(w[l - 1], B, p);
        sum += frobenius_norm_squared(A, p) * frobenius_norm_squared(B, p);
    }
    return 2 * rounded(kp.lambda[0], p) / L * static_cast<long>(kp.num_parameters()) + factor * sum;
}

}  // namespace dmf::theory
