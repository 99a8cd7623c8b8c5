#include "dmf/landscape/nearest_orbit.hpp"

#include <algorithm>
#include <limits>

namespace dmf {

OrbitMatch nearest_orbit(const Instance& inst, const Landscape& land, const Weights& w, const Precision& p) {
    OrbitMatch best;
    best.mismatch = std::numeric_limits<double>::max();
    const CjwForm form = cjw_form(inst, p);
    const Real lb = lambda_bar(inst, p);
    PrecisionGuard g(p);
    std::vector<Vector> layer_sigma;
    for (int l = 1; l <= inst.L; ++l) layer_sigma.push_back(svd(w[l - 1], p, false).sigma);
    for (const auto& orb : land.orbits) {
        std::vector<Real> xs;
        for (size_t j = 0; j < orb.orbit.x.size(); ++j)
            if (orb.orbit.choice[j] != 0) xs.push_back(orb.orbit.x[j]);
        std::sort(xs.begin(), xs.end(), [](const Real& a, const Real& b) { return a > b; });
        Real mismatch = 0;
        for (int l = 1; l <= inst.L; ++l) {
            const Vector& sv = layer_sigma[l - 1];
            const Real cl = sqrt(lb / form.lambda[l - 1]);
            for (Eigen::Index k = 0; k < sv.size(); ++k) {
                const Real expected = k < static_cast<Eigen::Index>(xs.size()) ? Real(cl * xs[k]) : Real(0);
                mismatch = std::max(mismatch, Real(abs(sv(k) - expected)));
            }
        }
        if (mismatch < best.mismatch) best.mismatch = mismatch, best.orbit = &orb;
    }
    return best;
}

Weights align_hidden_rotations(const Instance& inst, const Weights& w, const Weights& c, const Precision& p) {
    const int L = inst.L;
    std::vector<Matrix> Q(L + 1);
    for (int l = 0; l <= L; ++l) Q[l] = identity(inst.dims[l], p);
    // Each Q_l maximizes tr(X Q_l) with X = C_l Q_{l-1}^T W_l^T + C_{l+1}^T Q_{l+1}^T W_{l+1}:
    // Q_l = V U^T for X = U S V^T.
    for (int sweep = 0; sweep < 40 && L > 1; ++sweep)
        for (int l = 1; l < L; ++l) {
            PrecisionGuard g(p);
            const Matrix X = matmul(matmul(c[l - 1], Q[l - 1].transpose(), p), w[l - 1].transpose(), p) +
                             matmul(matmul(c[l].transpose(), Q[l + 1].transpose(), p), w[l], p);
            const auto s = svd(X, p, true);
            Q[l] = matmul(s.v, s.u.transpose(), p);
        }
    Weights out;
    for (int l = 1; l <= L; ++l) out.push_back(matmul(matmul(Q[l], c[l - 1], p), Q[l - 1].transpose(), p));
    return out;
}

Real weights_distance(const Weights& a, const Weights& b, const Precision& p) {
    PrecisionGuard g(p);
    Real s = 0;
    for (size_t l = 0; l < a.size(); ++l) s += frobenius_norm_squared(Matrix(a[l] - b[l]), p);
    return sqrt(s);
}

}  // namespace dmf
