#include "dmf/landscape/nearest_orbit.hpp"

#include <algorithm>

namespace dmf::inline landscape {

namespace {

// max over layers of |sigma_k(W_l) - sqrt(lambdabar / lambda_l) xs_k| with xs the non-zero x sorted descending.
Real layer_mismatch(const Instance& inst, const std::vector<Vector>& layer_sigma, std::vector<Real> xs, const Precision& p) {
    std::sort(xs.begin(), xs.end(), [](const Real& a, const Real& b) { return a > b; });
    const CjwForm form = cjw_form(inst, p);
    const Real lb = lambda_bar(inst, p);
    PrecisionGuard g(p);
    Real mismatch = 0;
    for (int l = 1; l <= inst.L; ++l) {
        const Vector& sv = layer_sigma[l - 1];
        const Real cl = sqrt(lb / form.lambda[l - 1]);
        for (Eigen::Index k = 0; k < sv.size(); ++k) {
            const Real expected = k < static_cast<Eigen::Index>(xs.size()) ? Real(cl * xs[k]) : Real(0);
            mismatch = std::max(mismatch, Real(abs(sv(k) - expected)));
        }
    }
    return mismatch;
}

}  // namespace

PointOrbit orbit_of_point(const Instance& inst, const TargetSvd& t, const Weights& w, const Precision& p) {
    const int r = static_cast<int>(t.y.size());
    std::vector<std::vector<int>> slopes;
    const auto roots = roots_per_index(inst, t.y, p, &slopes);
    const Matrix P = end_to_end(inst, w, p);
    const Matrix C = matmul(matmul(t.U.transpose(), P, p), t.V, p);  // U^T P V: block diagonal at an orbit point
    PointOrbit out;
    out.orbit.choice.assign(r, 0);
    out.orbit.x.assign(r, Real(0));
    out.orbit.root_slope.assign(r, 0);
    out.measured.assign(r, Real(0));
    PrecisionGuard g(p);
    Real end_to_end = 0;
    const Real inv_L = Real(1) / inst.L;
    for (int j0 = 0; j0 < r;) {
        int j1 = j0;
        while (j1 < r && t.block[j1] == t.block[j0]) ++j1;
        const Eigen::Index n = j1 - j0;
        const auto s = svd(Matrix(C.block(j0, j0, n, n)), p, false);
        for (int j = j0; j < j1; ++j) {
            // Decide in P's units (x^L), where a zero x shows as rounding, not as its L-th root.
            const Real xl = s.sigma(j - j0);
            out.measured[j] = xl > 0 ? Real(pow(xl, inv_L)) : Real(0);
            Real best = abs(xl);  // the candidate 0
            for (size_t k = 0; k < roots[j].size(); ++k) {
                const Real d = abs(xl - pow(roots[j][k], inst.L));
                if (d < best) {
                    best = d;
                    out.orbit.choice[j] = static_cast<int>(k) + 1;
                    out.orbit.x[j] = roots[j][k];
                    out.orbit.root_slope[j] = slopes[j][k];
                }
            }
            end_to_end = std::max(end_to_end, best);
        }
        j0 = j1;
    }
    // What lies outside the blocks (and outside the first r rows and columns) must vanish; in units
    // of x (an L-th root), like the rest.
    Real off = 0;
    for (Eigen::Index i = 0; i < C.rows(); ++i)
        for (Eigen::Index k = 0; k < C.cols(); ++k) {
            const bool in_block = i < r && k < r && t.block[i] == t.block[k];
            if (!in_block) off = std::max(off, Real(abs(C(i, k))));
        }
    out.end_to_end_mismatch = std::max(end_to_end, off);
    std::vector<Vector> layer_sigma;
    for (int l = 1; l <= inst.L; ++l) layer_sigma.push_back(svd(w[l - 1], p, false).sigma);
    std::vector<Real> xs;
    for (int j = 0; j < r; ++j)
        if (out.orbit.choice[j] != 0) xs.push_back(out.orbit.x[j]);
    out.mismatch = layer_mismatch(inst, layer_sigma, xs, p);
    return out;
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

}  // namespace dmf::landscape
