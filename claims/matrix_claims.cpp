#include "claims/matrix_claims.hpp"

#include "dmf/numerics/random.hpp"
#include "dmf/numerics/tolerance_policy.hpp"
#include "dmf/problem/instance_json.hpp"
#include "dmf/theory/kp.hpp"

#include <algorithm>

namespace dmf {

std::uint64_t case_hash(const Instance& inst) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : instance_to_json(inst).dump()) h = (h ^ c) * 1099511628211ULL;
    return h;
}

namespace {
// KP.T9 and KP.T19 are inequalities on pairs of matrices. A case carries A as its target; B is
// drawn from the case's hash, structured half of the time (A itself, A with its singular values
// reversed, rank one), so a shrunk case still determines B.
Matrix companion(const Instance& inst, Eigen::Index rows, Eigen::Index cols, const Precision& p, bool same_shape) {
    const std::uint64_t h = case_hash(inst);
    Rng rng(h);
    const Matrix A = rounded(inst.target, p);
    if (same_shape && (h % 4) != 0) {
        const auto d = svd(A, p, true);
        Matrix S = zeros(rows, cols, p);
        const Eigen::Index k = d.sigma.size();
        PrecisionGuard g(p);
        for (Eigen::Index i = 0; i < k; ++i)
            S(i, i) = (h % 4) == 1 ? Real(d.sigma(i)) : (h % 4) == 2 ? Real(d.sigma(k - 1 - i)) : Real(i == 0 ? d.sigma(0) : Real(0));
        return matmul(matmul(d.u, S, p), d.v.transpose(), p);
    }
    return gaussian_matrix(rows, cols, rng, p);
}

// Singular values that do not tie with 0 (tolerance::singular_value_tie).
int numerical_rank(const Vector& s, Eigen::Index m, Eigen::Index n, const Precision& p) {
    if (s.size() == 0 || s(0) == 0) return 0;
    const Real cut = tolerance::singular_value_tie(m, n, s(0), p);
    int r = 0;
    for (Eigen::Index i = 0; i < s.size(); ++i) r += s(i) > cut;
    return r;
}

}  // namespace

// KP.T22 on an instance's target X and depth L: (136) multiplies to X, its cost (1/L) sum ||W_i||^2
// equals ||X||_{S^{2/L}}^{2/L}, and a perturbed factorization W_i -> G_i W_i G_{i-1}^{-1} (seeded by
// the case) costs no less.
CheckResult check_kp_t22_on(const Instance& inst, const Precision& p) {
    const int L = inst.L;
    const Matrix X = rounded(inst.target, p);
    const Real sch = schatten_2_over_L(X, L, p);
    const Weights W = balanced_factorization_136(X, L, p);
    Matrix P = W[0];
    for (int i = 1; i < L; ++i) P = matmul(W[i], P, p);
    PrecisionGuard g(p);
    auto cost = [&](const Weights& ws) {
        Real c = 0;
        for (const auto& w : ws) c += frobenius_norm_squared(w, p);
        return Real(c / L);
    };
    const Real xn = sqrt(frobenius_norm_squared(X, p));
    const long dims = X.rows() + X.cols();
    CheckResult r;
    r.quantity = "(136) factors X at cost ||X||_{S^{2/L}}^{2/L}, and no factorization costs less";
    const Real perr = sqrt(frobenius_norm_squared(Matrix(P - X), p));
    const Real c136 = cost(W);
    r.printed = "||X||_S^{2/L}/... = " + to_string(sch, 30);
    r.computed = "(136) cost " + to_string(c136, 30) + ", ||P - X|| = " + to_string(perr, 6);
    r.error_eps = static_cast<double>(abs(c136 - sch) / (epsilon(p) * (dmf::tolerance::guarded_scale(sch, p))));
    if (perr > 64 * L * dims * epsilon(p) * (dmf::tolerance::guarded_scale(xn, p)) || r.error_eps > 64.0 * L * dims)
        return r.verdict = Verdict::violated, r;
    if (L >= 2 && W[0].rows() > 0) {
        Rng rng(case_hash(inst));
        Weights V = W;
        const Eigen::Index k = W[0].rows();
        for (int i = 0; i + 1 < L; ++i) {
            const Matrix G = identity(k, p) + gaussian_matrix(k, k, rng, p) * Real("0.3");
            V[i] = matmul(G, V[i], p);
            V[i + 1] = matmul(V[i + 1], inverse(G, p), p);
        }
        const Real cv = cost(V);
        if (cv < sch - 64 * L * dims * epsilon(p) * (dmf::tolerance::guarded_scale(sch, p))) {
            r.computed += "; a factorization costs " + to_string(cv, 30);
            return r.verdict = Verdict::violated, r;
        }
    }
    r.verdict = Verdict::holds;
    return r;
}

CheckResult check_kp_t9_on(const Instance& inst, const Precision& p) {
    const Matrix A = rounded(inst.target, p);
    const Matrix B = companion(inst, A.rows(), A.cols(), p, true);
    const Vector sa = svd(A, p, false).sigma, sb = svd(B, p, false).sigma;
    PrecisionGuard g(p);
    Real rhs = 0;
    for (Eigen::Index i = 0; i < sa.size(); ++i) rhs += sa(i) * sb(i);
    const Real lhs = dot(A, B, p);
    const Real scale = sa.size() ? Real(dmf::tolerance::guarded_scale(sa(0) * sb(0) * static_cast<long>(A.rows() + A.cols()), p)) : Real(1);
    CheckResult r;
    r.quantity = "tr(A B^T) <= sum sigma_i(A) sigma_i(B)";
    r.printed = "<= " + to_string(rhs, 30);
    r.computed = to_string(lhs, 30);
    r.error_eps = std::max(0.0, static_cast<double>((lhs - rhs) / (epsilon(p) * scale)));
    r.verdict = lhs > rhs + 32 * static_cast<long>(A.rows() + A.cols()) * epsilon(p) * scale ? Verdict::violated : Verdict::holds;
    return r;
}

CheckResult check_kp_t19_on(const Instance& inst, const Precision& p) {
    const Matrix A = rounded(inst.target, p);
    const std::uint64_t h = case_hash(inst);
    const Eigen::Index n = 1 + static_cast<Eigen::Index>(h % 4);
    const Matrix B = companion(inst, A.cols(), n, p, false);
    static const char* exps[] = {"0.25", "0.5", "1", "2", "3", "0.6666666666666666666666666666666666667"};
    PrecisionGuard g(p);
    const Real q = parse_real(exps[(h / 4) % 6], p);
    const Vector sa = svd(A, p, false).sigma, sb = svd(B, p, false).sigma, sab = svd(matmul(A, B, p), p, false).sigma;
    const int ra = numerical_rank(sa, A.rows(), A.cols(), p), rb = numerical_rank(sb, B.rows(), B.cols(), p),
              rab = numerical_rank(sab, A.rows(), n, p);
    Real lhs = 0, rhs = 0;
    for (int i = 0; i < rab; ++i) lhs += pow(sab(i), q);
    for (int i = 0; i < std::min(ra, rb); ++i) rhs += pow(sa(i) * sb(i), q);
    const long dims = static_cast<long>(A.rows() + A.cols() + n);
    const Real scale = rhs > 0 ? rhs : Real(1);
    CheckResult r;
    r.quantity = "sum sigma_i(AB)^q <= sum_{i <= min(rank A, rank B)} sigma_i(A)^q sigma_i(B)^q, q = " + to_string(q, 6);
    r.printed = "<= " + to_string(rhs, 30);
    r.computed = to_string(lhs, 30) + " (rank AB " + std::to_string(rab) + ")";
    r.error_eps = std::max(0.0, static_cast<double>((lhs - rhs) / (epsilon(p) * scale)));
    r.verdict = rab > std::min(ra, rb) || lhs > rhs + 64 * dims * (1 + q) * epsilon(p) * scale ? Verdict::violated
                                                                                            : Verdict::holds;
    return r;
}

// KP.L11 on the case's target A: for every simple non-zero singular value sigma_i (a point of the
// level set {sigma_i = C}, C = sigma_i(A)), grad sigma_i = u_i v_i^T has norm 1, and the directional
// derivative along it, by a central difference at twice the precision, is 1: the level set is locally
// a smooth hypersurface.
CheckResult check_kp_l11_on(const Instance& inst, const Precision& p) {
    const Matrix A = rounded(inst.target, p);
    const auto d = svd(A, p, true);
    const Precision hi = p.times(2);
    CheckResult r;
    r.quantity = "d/dt sigma_i(A + t u_i v_i^T) = 1 at every simple singular value";
    r.verdict = Verdict::not_applicable;
    PrecisionGuard g(hi);
    const Real h = make_real(hi, 1, -static_cast<long>(p.bits()) / 2);
    const Real gap_tol = make_real(p, 1, -static_cast<long>(p.bits()) / 4) * (d.sigma.size() ? Real(d.sigma(0)) : Real(1));
    for (Eigen::Index i = 0; i < d.sigma.size(); ++i) {
        bool simple = d.sigma(i) > gap_tol;
        for (Eigen::Index j = 0; j < d.sigma.size(); ++j)
            if (j != i && abs(d.sigma(j) - d.sigma(i)) <= gap_tol) simple = false;
        if (!simple) continue;
        const Matrix G = rounded(Matrix(d.u.col(i) * d.v.col(i).transpose()), hi);
        const auto sp = svd(Matrix(rounded(A, hi) + G * h), hi, false), sm = svd(Matrix(rounded(A, hi) - G * h), hi, false);
        const Real deriv = (sp.sigma(i) - sm.sigma(i)) / (2 * h);
        // Truncation h^2 / gap and rounding eps(2p) / h are both far below 2^-(p/2 - 8).
        const bool bad = abs(deriv - 1) > make_real(p, 1, -static_cast<long>(p.bits()) / 2 + 8);
        r.error_eps = std::max(r.error_eps, static_cast<double>(abs(deriv - 1) / epsilon(p)));
        r.printed = "1";
        r.computed = to_string(deriv, 30);
        r.verdict = bad ? Verdict::violated : Verdict::holds;
        if (r.verdict == Verdict::violated) return r;
    }
    return r;
}

}  // namespace dmf
