#include "dmf/landscape/critical_set.hpp"

#include "dmf/numerics/tolerance_policy.hpp"

#include "dmf/landscape/critical_polynomial.hpp"
#include "dmf/numerics/polynomial.hpp"

#include <functional>

namespace dmf::inline landscape {

int Orbit::active() const {
    int n = 0;
    for (int c : choice) n += c != 0;
    return n;
}

TargetSvd target_svd(const Instance& inst, Rng& rng, const Precision& p) {
    const auto d = svd(inst.target, p, true);
    if (d.status != Status::ok) throw std::runtime_error("target_svd: SVD did not converge");
    TargetSvd t;
    t.U = d.u;
    t.V = d.v;
    const int r = static_cast<int>(d.sigma.size());
    for (int i = 0; i < r; ++i) t.y.push_back(d.sigma(i));
    PrecisionGuard g(p);
    // Homogeneous: relative to y_1 (no "+ 1" floor, which merged distinct values of a target near 1e-25).
    const Real tol = tolerance::singular_value_tie(inst.dims.back(), inst.dims.front(), r ? t.y[0] : Real(0), p);
    int id = -1;
    for (int i = 0; i < r; ++i) {
        if (i == 0 || abs(t.y[i] - t.y[i - 1]) > tol) ++id;
        t.block.push_back(id);
    }
    // Rotate U and V by the same random orthogonal R inside each non-zero block (keeps U diag(y) V^T);
    // the zero block and the extra columns of U and of V rotate independently.
    for (int b = 0; b <= id; ++b) {
        std::vector<int> idx;
        for (int i = 0; i < r; ++i)
            if (t.block[i] == b) idx.push_back(i);
        const bool zero = t.y[idx[0]] <= tol;
        if (zero) continue;  // handled with the null spaces below
        const Matrix R = haar_orthogonal(static_cast<Eigen::Index>(idx.size()), rng, p);
        Matrix Ub(t.U.rows(), idx.size()), Vb(t.V.rows(), idx.size());
        for (size_t k = 0; k < idx.size(); ++k) Ub.col(k) = t.U.col(idx[k]), Vb.col(k) = t.V.col(idx[k]);
        const Matrix Ur = matmul(Ub, R, p), Vr = matmul(Vb, R, p);
        for (size_t k = 0; k < idx.size(); ++k) t.U.col(idx[k]) = Ur.col(k), t.V.col(idx[k]) = Vr.col(k);
    }
    auto rotate_tail = [&](Matrix& M, int first) {
        const int n = static_cast<int>(M.cols()) - first;
        if (n <= 1) return;
        const Matrix R = haar_orthogonal(n, rng, p);
        const Matrix tail = matmul(M.rightCols(n), R, p);
        M.rightCols(n) = tail;
    };
    int nonzero = 0;
    for (int i = 0; i < r; ++i) nonzero += t.y[i] > tol;
    rotate_tail(t.U, nonzero);
    rotate_tail(t.V, nonzero);
    return t;
}

std::vector<std::vector<Real>> roots_per_index(const Instance& inst, const std::vector<Real>& y, const Precision& p,
                                               std::vector<std::vector<int>>* slopes) {
    const Real lb = lambda_bar(inst, p);
    std::vector<std::vector<Real>> out;
    if (slopes) slopes->clear();
    for (const auto& yj : y) {
        const RationalPolynomial fpoly = critical_polynomial(inst.L, to_rational(yj), to_rational(lb));
        std::vector<Real> roots;
        std::vector<int> sl;
        for (const auto& r : positive_roots(fpoly, p)) roots.push_back(r.value), sl.push_back(r.derivative_sign);
        out.push_back(roots);
        if (slopes) slopes->push_back(sl);
    }
    return out;
}

std::vector<Orbit> enumerate_orbits(const Instance& inst, const TargetSvd& t, const Precision& p, int max_orbits) {
    std::vector<std::vector<int>> slopes;
    auto roots = roots_per_index(inst, t.y, p, &slopes);
    const int r = static_cast<int>(t.y.size());
    for (int j = 0; j < r && j < static_cast<int>(t.double_root.size()); ++j)
        if (t.double_root[j]) roots[j] = {*t.double_root[j]}, slopes[j] = {0};
    // x = 0 is a root of f(.; y) = x^{2L-1} - y x^{L-1} + lambdabar x iff L >= 2 or y = 0.
    PrecisionGuard g(p);
    // A singular value is zero when it ties with 0 (homogeneous; an all-zero target is exactly 0).
    const Real zero_tol = tolerance::singular_value_tie(inst.dims.back(), inst.dims.front(), r ? t.y[0] : Real(0), p);
    std::vector<Orbit> out;
    Orbit cur;
    std::function<void(int)> rec = [&](int j) {
        if (static_cast<int>(out.size()) >= max_orbits) return;
        if (j == r) {
            out.push_back(cur);
            return;
        }
        for (int k = 0; k <= static_cast<int>(roots[j].size()); ++k) {
            if (k == 0 && inst.L == 1 && t.y[j] > zero_tol) continue;  // 0 is not a root here
            if (k > 0 && cur.active() >= inst.d_min()) break;  // at most d_min non-zero
            cur.choice.push_back(k);
            cur.x.push_back(k == 0 ? Real(0) * t.y[j] : roots[j][k - 1]);
            cur.root_slope.push_back(k == 0 ? 0 : slopes[j][k - 1]);
            rec(j + 1);
            cur.choice.pop_back();
            cur.x.pop_back();
            cur.root_slope.pop_back();
        }
    };
    rec(0);
    return out;
}

Weights orbit_point(const Instance& inst, const TargetSvd& t, const Orbit& o, Rng& rng, const Precision& p,
                    bool inverted_scaling) {
    const int L = inst.L;
    const CjwForm form = cjw_form(inst, p);
    const Real lb = lambda_bar(inst, p);
    std::vector<Matrix> Q(L + 1);
    for (int l = 1; l < L; ++l) Q[l] = haar_orthogonal(inst.dims[l], rng, p);
    // pi: active indices take hidden coordinates 0, 1, ... in order.
    std::vector<int> pi(o.x.size(), -1);
    int next = 0;
    for (size_t j = 0; j < o.x.size(); ++j)
        if (o.choice[j] != 0) pi[j] = next++;
    Weights w;
    PrecisionGuard g(p);
    for (int l = 1; l <= L; ++l) {
        const Real c = inverted_scaling ? Real(sqrt(form.lambda[l - 1] / lb)) : Real(sqrt(lb / form.lambda[l - 1]));
        Matrix S = zeros(inst.dims[l], inst.dims[l - 1], p);
        for (size_t j = 0; j < o.x.size(); ++j) {
            if (o.choice[j] == 0) continue;
            const int row = l == L ? static_cast<int>(j) : pi[j];
            const int col = l == 1 ? static_cast<int>(j) : pi[j];
            S(row, col) = c * o.x[j];
        }
        const Matrix left = l == L ? t.U : Q[l];
        const Matrix right = l == 1 ? t.V : Q[l - 1];
        w.push_back(matmul(matmul(left, S, p), right.transpose(), p));
    }
    return w;
}

}  // namespace dmf::landscape
