#include "dmf/theory/matrix_theory.hpp"

#include "dmf/problem/objective.hpp"

#include <boost/multiprecision/mpfr.hpp>

namespace dmf {

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

}  // namespace dmf
