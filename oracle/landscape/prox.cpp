#include "dmf/landscape/prox.hpp"

namespace dmf::inline landscape {

Prox kp_prox(const Matrix& M, int L, const Real& lambda, const Precision& p) {
    const auto d = svd(M, p, false);
    if (d.status != Status::ok) throw std::runtime_error("kp_prox: SVD did not converge");
    Prox out;
    const Eigen::Index k = d.sigma.size();
    Matrix D = zeros(k, k, p);
    PrecisionGuard guard(p);
    out.schatten_value = 0;
    const Real delta = k ? Real(16 * (M.rows() + M.cols()) * epsilon(p) * d.sigma(0)) : Real(0);
    auto collapsed_at = [&](const Real& sig) {
        const ScalarMinimizers S = scalar_global_minimizers(ScalarProblem{L, rounded(lambda, p), sig}, p);
        return S.unique != Decision::yes ? Decision::undecided : (S.collapsed() ? Decision::yes : Decision::no);
    };
    for (Eigen::Index i = 0; i < k; ++i) {
        const ScalarProblem pr{L, rounded(lambda, p), d.sigma(i)};
        const ScalarMinimizers S = scalar_global_minimizers(pr, p);
        const Decision lo = collapsed_at(std::max(Real(0), Real(d.sigma(i) - delta)));
        const Decision hi = collapsed_at(d.sigma(i) + delta);
        Real x = 0;
        if (S.unique != Decision::yes || lo != hi) {
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
    // Tied values all lie within delta of tau, hence within 2 delta of each other: equal at this
    // precision. Two or more of them form a repeated block on tau, a continuum of minimizers.
    out.continuum = out.ties.size() >= 2;
    return out;
}

}  // namespace dmf::landscape
