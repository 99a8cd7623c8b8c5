#include "dmf/landscape/structured_hessian.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "dmf/problem/objective.hpp"

namespace dmf::inline landscape {

namespace {

StructuredSpectrum structured(const Instance& inst, const TargetSvd& svd, const Orbit& orbit, const Precision& p,
                              bool drop_cross_terms, const std::vector<Matrix>* hidden) {
    const int L = inst.L;
    const CjwForm form = cjw_form(inst, p);
    const Real lb = lambda_bar(inst, p);
    const int r = static_cast<int>(svd.y.size());
    // Labels of each layer's coordinates (S_l) and the diagonal D_l[label].
    const LayerLabels ll = layer_labels(inst, orbit, r);
    const std::vector<int>& active = ll.active;
    const std::vector<std::vector<int>>& S = ll.S;
    const int K = ll.labels;
    PrecisionGuard g(p);
    std::vector<std::vector<Real>> D(L + 1, std::vector<Real>(K, Real(0)));  // D[l][a], l = 1..L
    for (int l = 1; l <= L; ++l) {
        const Real c = sqrt(lb / form.lambda[l - 1]);
        for (int j : active) {
            const bool in_rows = std::find(S[l].begin(), S[l].end(), j) != S[l].end();
            const bool in_cols = std::find(S[l - 1].begin(), S[l - 1].end(), j) != S[l - 1].end();
            if (in_rows && in_cols) D[l][j] = c * orbit.x[j];
        }
    }
    auto prod = [&](int from, int to, int a) {  // prod_{from <= k <= to} D_k[a]
        Real s = 1;
        for (int k = from; k <= to; ++k) s *= D[k][a];
        return s;
    };
    // A label inactive in every layer (no non-zero D): the closed-form case.
    auto D_zero = [&](int a) {
        for (int l = 1; l <= L; ++l)
            if (D[l][a] != 0) return false;
        return true;
    };
    std::vector<Real> R(K, Real(0));
    for (int a = 0; a < K; ++a) {
        const Real y = a < r ? svd.y[a] : Real(0);
        R[a] = prod(1, L, a) - y;
    }
    // Variables grouped by unordered label pair.
    struct Var {
        int l, a, b;
    };
    std::map<std::pair<int, int>, std::vector<Var>> groups;
    for (int l = 1; l <= L; ++l)
        for (int a : S[l])
            for (int b : S[l - 1]) groups[{std::min(a, b), std::max(a, b)}].push_back({l, a, b});
    // The closed forms documented in the header (without the loss factor), or empty.
    auto closed_form_eigenvalues = [&](const std::vector<Var>& vars, int a0, int b0, std::string& which) {
        std::vector<Real> cf;
        const auto& lam = form.lambda;
        auto two_by_two = [&](const Real& p11, const Real& p22, const Real& off) {
            const Real mean = (p11 + p22) / 2, half = (p11 - p22) / 2, rad = sqrt(half * half + off * off);
            cf.push_back(mean - rad);
            cf.push_back(mean + rad);
        };
        auto find = [&](int l, int row, int col) {
            for (size_t k = 0; k < vars.size(); ++k)
                if (vars[k].l == l && vars[k].a == row && vars[k].b == col) return static_cast<int>(k);
            return -1;
        };
        const bool za = D_zero(a0), zb = D_zero(b0);
        if (L == 1) {
            which = "L = 1";
            for (size_t i = 0; i < vars.size(); ++i) cf.push_back(1 + lam[0]);
        } else if (za && zb) {
            which = "inactive pair";
            std::vector<bool> used(vars.size(), false);
            for (size_t i = 0; i < vars.size(); ++i) {
                if (used[i]) continue;
                const Var& u = vars[i];
                used[i] = true;
                // L = 2: (1, a, b) pairs with (2, b, a).
                const int partner = L == 2 ? find(3 - u.l, u.b, u.a) : -1;
                if (partner < 0) {
                    cf.push_back(lam[u.l - 1]);
                    continue;
                }
                used[static_cast<size_t>(partner)] = true;
                const Var& lo = u.l == 1 ? u : vars[static_cast<size_t>(partner)];  // the layer-1 variable (a, b)
                two_by_two(lam[0], lam[1], lo.b < r ? svd.y[lo.b] : Real(0));
            }
        } else if (za != zb) {
            which = "one active label";
            const int a = za ? b0 : a0, b = za ? a0 : b0;  // a active, b inactive
            const Real alpha = prod(2, L, a), beta = prod(1, L - 1, a), gamma = prod(2, L - 1, a);
            const Real yb = b < r ? svd.y[b] : Real(0);
            std::vector<bool> used(vars.size(), false);
            for (size_t i = 0; i < vars.size(); ++i) {
                if (used[i]) continue;
                const Var& u = vars[i];
                used[i] = true;
                const bool end_pair = (u.l == 1 && u.a == a) || (u.l == L && u.a == b);
                if (end_pair) {
                    const int k = u.l == 1 ? find(L, b, a) : find(1, a, b);
                    const bool has1 = u.l == 1 || k >= 0, hasL = u.l == L || k >= 0;
                    if (k >= 0) used[static_cast<size_t>(k)] = true;
                    if (has1 && hasL) two_by_two(lam[0] + alpha * alpha, lam[L - 1] + beta * beta, yb * gamma);
                    else if (has1) cf.push_back(lam[0] + alpha * alpha);
                    else cf.push_back(lam[L - 1] + beta * beta);
                    continue;
                }
                // (l, b, a) with (l + 1, a, b).
                const int l = u.a == b ? u.l : u.l - 1;
                const int k = u.a == b ? find(l + 1, a, b) : find(l, b, a);
                if (k < 0) {
                    cf.push_back(lam[u.l - 1]);
                    continue;
                }
                used[static_cast<size_t>(k)] = true;
                cf.push_back(Real(0));
                cf.push_back(lam[l - 1] + lam[l]);
            }
        } else if (a0 == b0) {
            bool equal = true;
            for (int l = 1; l < L; ++l) equal = equal && lam[l] == lam[0];
            if (equal) {
                which = "active diagonal";
                const Real x = D[1][a0];  // s_k = 1
                Real x2L2 = 1;
                for (int k = 0; k < 2 * L - 2; ++k) x2L2 *= x;
                for (int l = 1; l < L; ++l) cf.push_back(2 * lam[0]);
                cf.push_back(2 * lam[0] + L * (x2L2 - lam[0]));
            }
        }
        std::sort(cf.begin(), cf.end());
        return cf;
    };
    StructuredSpectrum out;
    std::vector<Real> all;
    for (const auto& [key, vars] : groups) {
        const Eigen::Index n = static_cast<Eigen::Index>(vars.size());
        Matrix H = zeros(n, n, p);
        for (Eigen::Index i = 0; i < n; ++i)
            for (Eigen::Index k = 0; k < n; ++k) {
                const Var& u = vars[i];
                const Var& v = vars[k];
                Real h = 0;
                if (u.a == v.a && u.b == v.b)  // Gauss-Newton: <DP[E], DP[E']>
                    h += prod(u.l + 1, L, u.a) * prod(1, u.l - 1, u.b) * prod(v.l + 1, L, v.a) * prod(1, v.l - 1, v.b);
                if (!drop_cross_terms && u.l != v.l && u.a == v.b && u.b == v.a) {
                    // <P - Y, D^2 P>: lower layer lo = (a, b), upper layer hi = (b, a).
                    const Var& lo = u.l < v.l ? u : v;
                    const Var& hi = u.l < v.l ? v : u;
                    h += R[lo.b] * prod(hi.l + 1, L, lo.b) * prod(lo.l + 1, hi.l - 1, lo.a) * prod(1, lo.l - 1, lo.b);
                }
                if (i == k) h += form.lambda[u.l - 1];
                H(i, k) = form.loss_factor * h;
            }
        const SymmetricEigen e = symmetric_eigen(H, p, hidden != nullptr);
        if (e.status != Status::ok) out.status = Status::no_convergence;
        Matrix vectors;
        if (hidden) {
            // Variable (l, a, b) is the unit matrix at (pos_l(a), pos_{l-1}(b)) of W~_l; in the original
            // coordinates it is Q_l[:, pos_l(a)] Q_{l-1}[:, pos_{l-1}(b)]^T.
            auto Q = [&](int l) -> const Matrix& { return l == 0 ? svd.V : l == L ? svd.U : (*hidden)[l - 1]; };
            auto pos = [&](int l, int label) {
                return static_cast<Eigen::Index>(std::find(S[l].begin(), S[l].end(), label) - S[l].begin());
            };
            const long long Ntot = inst.num_parameters();
            vectors = zeros(Ntot, n, p);
            for (Eigen::Index col = 0; col < n; ++col)
                for (Eigen::Index i = 0; i < n; ++i) {
                    const Var& u = vars[i];
                    const Real c = e.vectors(i, col);
                    if (c == 0) continue;
                    const Vector left = Q(u.l).col(pos(u.l, u.a)), right = Q(u.l - 1).col(pos(u.l - 1, u.b));
                    for (Eigen::Index cc = 0; cc < right.size(); ++cc)
                        for (Eigen::Index rr = 0; rr < left.size(); ++rr)
                            vectors(parameter_offset(inst, u.l, static_cast<int>(rr), static_cast<int>(cc)), col) +=
                                c * left(rr) * right(cc);
                }
        }
        std::string closed_case;
        const std::vector<Real> cf = closed_form_eigenvalues(vars, key.first, key.second, closed_case);
        Vector closed;
        if (!cf.empty()) {
            closed = zero_vector(static_cast<Eigen::Index>(cf.size()), p);
            for (size_t i = 0; i < cf.size(); ++i) closed(static_cast<Eigen::Index>(i)) = form.loss_factor * cf[i];
        }
        out.blocks.push_back({key.first, key.second, e.values, vectors, closed, closed_case});
        for (Eigen::Index i = 0; i < e.values.size(); ++i) all.push_back(e.values(i));
    }
    std::sort(all.begin(), all.end());
    out.eigenvalues = zero_vector(static_cast<Eigen::Index>(all.size()), p);
    for (size_t i = 0; i < all.size(); ++i) out.eigenvalues(static_cast<Eigen::Index>(i)) = all[i];
    return out;
}

}  // namespace

StructuredSpectrum hessian_spectrum_structured(const Instance& inst, const TargetSvd& svd, const Orbit& orbit,
                                               const Precision& p, bool drop_cross_terms) {
    return structured(inst, svd, orbit, p, drop_cross_terms, nullptr);
}

StructuredSpectrum hessian_spectrum_structured_with_vectors(const Instance& inst, const TargetSvd& svd,
                                                            const Orbit& orbit, const std::vector<Matrix>& hidden,
                                                            const Precision& p) {
    std::vector<Matrix> q = hidden;
    if (q.empty())
        for (int l = 1; l < inst.L; ++l) q.push_back(identity(inst.dims[l], p));
    if (static_cast<int>(q.size()) != inst.L - 1)
        throw std::invalid_argument("hessian_spectrum_structured_with_vectors: need L - 1 hidden rotations");
    return structured(inst, svd, orbit, p, false, &q);
}

LayerLabels layer_labels(const Instance& inst, const Orbit& orbit, int r) {
    const int L = inst.L;
    LayerLabels out;
    for (int j = 0; j < r; ++j)
        if (orbit.choice[j] != 0) out.active.push_back(j);
    out.S.resize(L + 1);
    for (int l = 0; l <= L; ++l) {
        auto& S = out.S[l];
        if (l == 0 || l == L) {
            for (int c = 0; c < inst.dims[l]; ++c) S.push_back(c);
        } else {
            S = out.active;
            for (int c = 0; static_cast<int>(S.size()) < inst.dims[l]; ++c)
                if (std::find(out.active.begin(), out.active.end(), c) == out.active.end()) S.push_back(c);
        }
        for (int a : S) out.labels = std::max(out.labels, a + 1);
    }
    return out;
}

}  // namespace dmf::landscape
