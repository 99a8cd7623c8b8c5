#include "oracle/prox.hpp"

namespace dmf {

Prox kp_prox(const Matrix& M, int L, const Real& lambda, const Precision& p) {
    const auto d = svd(M, p, false);
    if (d.status != Status::ok) throw std::runtime_error("kp_prox: SVD did not converge");
    Prox out;
    const Eigen::Index k = d.sigma.size();
    Matrix D = zeros(k, k, p);
    PrecisionGuard guard(p);
    out.schatten_value = 0;
    for (Eigen::Index i = 0; i < k; ++i) {
        const ScalarProblem pr{L, rounded(lambda, p), d.sigma(i)};
        const ScalarMinimizers S = scalar_global_minimizers(pr, p);
        Real x = 0;
        if (S.unique != Decision::yes) {
            out.ties.push_back(static_cast<int>(i));
            // Either minimizer; take the larger (the reported set is {0, x+}).
            for (int j : S.minimal)
                if (!S.candidates[j].origin) x = pow(S.candidates[j].s, L);
        } else {
            x = abs(S.rho_star(pr));
        }
        out.x.push_back(x);
        out.sigma.push_back(d.sigma(i));
        D(i, i) = x;
        const Real diff = d.sigma(i) - x;
        out.schatten_value += diff * diff + rounded(lambda, p) * pow(x, Real(2) / L);
    }
    out.m_star = matmul(matmul(d.u, D, p), d.v.transpose(), p);
    return out;
}

}  // namespace dmf
