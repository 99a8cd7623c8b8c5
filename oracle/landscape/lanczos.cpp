#include "dmf/landscape/lanczos.hpp"
#include "dmf/numerics/tolerance_policy.hpp"

#include "dmf/numerics/random.hpp"

#include <algorithm>

namespace dmf::inline landscape {

LanczosResult lanczos_extreme(const Instance& inst, const Weights& w_in, int k, const Precision& p, std::uint64_t seed,
                              int max_iterations, double tol_eps) {
    if (k < 1) throw std::invalid_argument("lanczos_extreme: k must be >= 1");
    Weights w;
    for (const auto& m : w_in) w.push_back(rounded(m, p));
    const Eigen::Index N = flatten(inst, w, p).size();
    const int m_max = static_cast<int>(std::min<Eigen::Index>(N, max_iterations > 0 ? max_iterations : 4 * k + 40));
    auto H = [&](const Vector& v) { return flatten(inst, hessian_vector_product(inst, w, unflatten(inst, v, p), p), p); };
    Rng rng(seed);
    PrecisionGuard g(p);
    Vector q = zero_vector(N, p);
    for (Eigen::Index i = 0; i < N; ++i) q(i) = rng.gaussian(p);
    q /= q.norm();
    std::vector<Vector> Q{q};
    std::vector<Real> alpha, beta;
    LanczosResult out;
    auto ritz = [&](int m, bool final_pass) {
        // Eigen-decompose the m x m tridiagonal T and return Ritz pairs with residuals.
        Matrix T = zeros(m, m, p);
        for (int i = 0; i < m; ++i) {
            T(i, i) = alpha[i];
            if (i + 1 < m) T(i, i + 1) = T(i + 1, i) = beta[i];
        }
        const SymmetricEigen e = symmetric_eigen(T, p, true);
        std::vector<RitzPair> lo, hi;
        auto pair = [&](Eigen::Index j) {
            Vector v = zero_vector(N, p);
            for (int i = 0; i < m; ++i) v += e.vectors(i, j) * Q[i];
            v /= v.norm();
            const Vector r = H(v) - e.values(j) * v;
            return RitzPair{e.values(j), r.norm()};
        };
        const int kk = std::min(k, m);
        for (int j = 0; j < kk; ++j) lo.push_back(pair(j));
        for (int j = 0; j < kk; ++j) hi.push_back(pair(m - 1 - j));
        out.lowest = lo;
        out.highest = hi;
        (void)final_pass;
        return e.values.cwiseAbs().maxCoeff();
    };
    for (int j = 0; j < m_max; ++j) {
        Vector z = H(Q[j]);
        alpha.push_back(Q[j].dot(z));
        // Full reorthogonalization, twice ("twice is enough").
        for (int pass = 0; pass < 2; ++pass)
            for (const auto& qi : Q) z -= qi.dot(z) * qi;
        const Real b = z.norm();
        out.iterations = j + 1;
        const bool last = j + 1 == m_max;
        // Check convergence every 10 steps (each check costs 2k extra products).
        if ((j + 1) % 10 == 0 || last || b == 0) {
            const Real norm = ritz(j + 1, last);
            bool done = true;
            for (const auto& r : out.lowest) done = done && r.residual <= tol_eps * epsilon(p) * (dmf::tolerance::guarded_scale(norm, p));
            for (const auto& r : out.highest) done = done && r.residual <= tol_eps * epsilon(p) * (dmf::tolerance::guarded_scale(norm, p));
            if (done || last || b == 0) return out;
        }
        beta.push_back(b);
        Q.push_back(z / b);
    }
    out.status = Status::no_convergence;
    return out;
}

}  // namespace dmf::landscape
