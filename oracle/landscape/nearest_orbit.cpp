#include "dmf/landscape/nearest_orbit.hpp"

#include <algorithm>
#include <limits>

namespace dmf::inline landscape {

namespace {

// Singular values (descending) as square roots of the eigenvalues of the Gram matrix of the smaller
// side, on the MPFR-direct eigenvalue path: a 64 x 64 Jacobi SVD on MPFR numbers takes seconds. The
// Gram's eigenvalues carry an absolute error of about n eps ||W||^2, so a singular value is known to
// sqrt(n eps) ||W|| near zero and to n eps ||W|| (relative) at the top: at 128 bits 1e-18, far below
// the 2^-(p/4) the mismatches are compared with.
Vector singular_values_by_gram(const Matrix& w, const Precision& p) {
    const bool tall = w.rows() >= w.cols();
    const Matrix G = fast_matmul(w, tall, w, !tall, p);
    const auto e = symmetric_eigen(G, p, false);
    PrecisionGuard g(p);
    const Eigen::Index n = e.values.size();
    Vector s = zero_vector(n, p);
    for (Eigen::Index i = 0; i < n; ++i) s(i) = e.values(n - 1 - i) > 0 ? Real(sqrt(e.values(n - 1 - i))) : Real(0);
    return s;
}

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
    const int L = inst.L;
    std::vector<std::vector<int>> slopes;
    const auto roots = roots_per_index(inst, t.y, p, &slopes);
    // Raw-MPFR products (fast_matmul): Eigen's product on MPFR numbers allocates a temporary per
    // operation, 46 s of classify at d = 64, L = 8.
    Matrix P = w.front();
    for (int l = 2; l <= L; ++l) P = fast_matmul(w[l - 1], false, P, false, p);
    const Matrix C = fast_matmul(fast_matmul(t.U, true, P, false, p), false, t.V, false, p);  // U^T P V: block diagonal at an orbit point
    // The end layers against Y's singular vectors: W_1 V = Q_1 S_1 and U^T W_L = S_L Q_{L-1}^T at an orbit
    // point, so on a block B the singular values of W_1 V_B / s_1 and of U_B^T W_L / s_L are the block's
    // x, in units of x: a perturbation of the weights moves them linearly (Weyl), where U^T P V would
    // show x^L (x- and 0 are then 1e-10 apart when x- is 1e-2 at L = 5).
    const Matrix W1V = fast_matmul(w.front(), false, t.V, false, p);
    const Matrix UtWL = fast_matmul(t.U, true, w.back(), false, p);
    const CjwForm form = cjw_form(inst, p);
    const Real lb = lambda_bar(inst, p);
    PointOrbit out;
    out.orbit.choice.assign(r, 0);
    out.orbit.x.assign(r, Real(0));
    out.orbit.root_slope.assign(r, 0);
    out.measured.assign(r, Real(0));
    PrecisionGuard g(p);
    const Real s1 = sqrt(lb / form.lambda.front()), sL = sqrt(lb / form.lambda.back());
    Real end_to_end = 0;
    Real margin = Real(std::numeric_limits<double>::max());
    Real x_max = 0;
    for (const auto& rj : roots)
        for (const auto& x : rj) x_max = std::max(x_max, x);
    const auto padded = [&](const Vector& v, Eigen::Index k, const Real& scale) { return k < v.size() ? Real(v(k) / scale) : Real(0); };
    for (int j0 = 0; j0 < r;) {
        int j1 = j0;
        while (j1 < r && t.block[j1] == t.block[j0]) ++j1;
        const Eigen::Index n = j1 - j0;
        const Vector sc = svd(Matrix(C.block(j0, j0, n, n)), p, false).sigma;
        const Vector sa = svd(Matrix(W1V.middleCols(j0, n)), p, false).sigma;
        const Vector sb = svd(Matrix(UtWL.middleRows(j0, n)), p, false).sigma;
        for (int j = j0; j < j1; ++j) {
            const Eigen::Index k = j - j0;
            const Real a = padded(sa, k, s1), b = padded(sb, k, sL);
            out.measured[j] = (a + b) / 2;
            // Decided in units of x from both end layers; the candidates are 0 and the roots of f(.; y_j).
            Real best = std::max(a, b);  // the candidate 0
            Real second = Real(std::numeric_limits<double>::max());
            for (size_t q = 0; q < roots[j].size(); ++q) {
                const Real d = std::max(abs(a - roots[j][q]), abs(b - roots[j][q]));
                if (d >= best) second = std::min(second, d);
                if (d < best) {
                    second = best;
                    best = d;
                    out.orbit.choice[j] = static_cast<int>(q) + 1;
                    out.orbit.x[j] = roots[j][q];
                    out.orbit.root_slope[j] = slopes[j][q];
                }
            }
            margin = std::min(margin, Real(second - best));
            // The certified distance in P's units: the nearest candidate x^L to sigma_k(C_B), whichever
            // orbit it belongs to (a lower bound over all orbits, see the header).
            const Real xl = padded(sc, k, Real(1));
            Real near = xl;
            for (const auto& x : roots[j]) near = std::min(near, Real(abs(xl - pow(x, L))));
            end_to_end = std::max(end_to_end, near);
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
    out.margin = margin;
    std::vector<Vector> layer_sigma;
    for (int l = 1; l <= inst.L; ++l) layer_sigma.push_back(singular_values_by_gram(w[l - 1], p));
    {
        // ||P - P'|| <= sum_l ||W_L..W_{l+1}|| ||W_l - W'_l|| ||W'_{l-1}..W'_1|| <= a sqrt(L) ||W - W'||.
        Real a = 0;
        for (int l = 1; l <= inst.L; ++l) {
            Real al = 1;
            for (int k = l + 1; k <= inst.L; ++k) al *= layer_sigma[k - 1].size() ? layer_sigma[k - 1](0) : Real(0);
            for (int k = 1; k < l; ++k) al *= sqrt(lb / form.lambda[k - 1]) * x_max;
            a = std::max(a, al);
        }
        const Real lipschitz = a * sqrt(Real(inst.L));
        out.distance_lower_bound = lipschitz > 0 ? Real(out.end_to_end_mismatch / lipschitz) : Real(0);
    }
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
