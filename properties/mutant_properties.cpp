// Mutants of claims whose printed side lives in claims/ or include/dmf/theory/ (KP.T5, R7, C14,
// T9, T19, T22, L11): each re-runs its claim's property step by step -- the same generator, the
// same independent computation (certified scalar minimizers, multiprecision SVD, dense products,
// finite differences), the same tolerance -- with one plausible wrong formula in place of the
// printed one. Hidden: they must fail (the `mutants` label, `dmf-oracle mutants`). Mutants of the
// claims checked in properties/ itself sit beside their property (minimizer_properties.cpp, ...).
#include "generators/matrix_gen.hpp"
#include "generators/scalar_gen.hpp"
#include "dmf/landscape/scalar_problem.hpp"
#include "dmf/numerics/random.hpp"
#include "dmf/numerics/tolerance_policy.hpp"
#include "dmf/theory/kp.hpp"
#include "properties/property.hpp"
#include "properties/kp_t9_equality.hpp"
#include "properties/kp_l11_case.hpp"

#include <algorithm>

namespace {

using namespace dmf;

Precision draw_precision() { return Precision::from_bits(*rc::gen::element(128u, 256u)); }

struct Drawn {
    ScalarProblem pr;
    Precision p;
};
Drawn draw_scalar(int min_depth) {
    gen::ScalarGenOptions o;
    o.min_depth = min_depth;
    const auto spec = *gen::scalar_case(o);
    const Precision p = gen::precision_of(spec);
    return {gen::materialize(spec, p), p};
}

}  // namespace

// KP.T5 (check_kp_t5): the certified minimizer is 0 for |m| < tau and non-zero for |m| > tau,
// here with tau of depth L - 1 (an off-by-one depth in (26)-(27)).
DMF_HIDDEN_PROPERTY("KP.T5/mutant-tau-depth", "T5's collapse decision with tau of depth L - 1: must fail") {
    const auto [pr, p] = draw_scalar(3);
    const Formula tau = kp_tau(pr.L - 1, pr.lambda, p);
    RC_PRE(static_cast<bool>(tau.value));
    const ScalarMinimizers M = scalar_global_minimizers(pr, p);
    RC_PRE(M.unique == Decision::yes);
    PrecisionGuard g(p);
    const Real am = abs(pr.m);
    RC_PRE(abs(am - *tau.value) > 64 * epsilon(p) * *tau.value);  // off the (mutated) threshold
    RC_ASSERT(M.collapsed() == (am < *tau.value));
}

// KP.R7 (check_kp_r7): lambda_max at lambda = |m|^{2(1-1/L)} 2^-(bits/2) is within O(lambda) of
// the limit; here the limit 2(L-1)|m|^{2(1-1/L)} (L vs L - 1).
DMF_HIDDEN_PROPERTY("KP.R7/mutant-factor", "lambda_max -> 2(L-1)|m|^{2(1-1/L)}: must fail") {
    const auto [pr0, p] = draw_scalar(2);
    RC_PRE(pr0.m != 0);
    PrecisionGuard g(p);
    const Real scale = pow(abs(pr0.m), Real(2 * pr0.L - 2) / pr0.L);
    const ScalarProblem pr{pr0.L, scale * make_real(p, 1, -static_cast<long>(p.bits() / 2)), pr0.m};
    const ScalarMinimizers M = scalar_global_minimizers(pr, p);
    RC_PRE(M.unique == Decision::yes);
    const auto pts = scalar_minimizer_points(pr, M.candidates[M.minimal[0]], p, 1);
    const Vector eig = scalar_hessian_eigenvalues(pr, pts.at(0), p);
    const Real limit = kp_lambda_max_limit_51(pr.L, pr.m, p) * (pr.L - 1) / pr.L;
    // The right limit is O(lambda) = 2^-(bits/2) relative away; allow 2^-(bits/4).
    RC_ASSERT(abs(eig(eig.size() - 1) - limit) <= make_real(p, 1, -static_cast<long>(p.bits() / 4)) * limit);
}

// KP.C14 (check_kp_c14_scalar): lambda above lambda_c collapses the minimizer; here lambda_c / 2.
DMF_HIDDEN_PROPERTY("KP.C14/mutant-half", "collapse above lambda_c / 2 (a dropped factor 2): must fail") {
    const auto [pr0, p] = draw_scalar(2);
    RC_PRE(pr0.m != 0);
    PrecisionGuard g(p);
    const Formula lc = kp_collapse_lambda(pr0.L, abs(pr0.m), p);
    RC_PRE(static_cast<bool>(lc.value));
    const int k = *rc::gen::inRange(4, 40);
    const ScalarProblem pr{pr0.L, *lc.value / 2 * (1 + make_real(p, 1, -k)), pr0.m};
    const ScalarMinimizers M = scalar_global_minimizers(pr, p);
    RC_PRE(M.unique == Decision::yes);
    RC_ASSERT(M.collapsed());
}

// KP.T9 (the KP.T9 property, its equality case): C = U_A diag(t) V_A^T with t descending; here the
// right-hand side pairs sigma_i(A) with t_{k-1-i} (the rearrangement's lower bound).
DMF_HIDDEN_PROPERTY("KP.T9/mutant-pairing", "tr(A C^T) <= sum sigma_i(A) sigma_{k+1-i}(C): must fail") {
    const int m = *rc::gen::inRange(1, 6), n = *rc::gen::inRange(1, 6);
    const Precision p = draw_precision();
    const Matrix A = gen::materialize(*gen::matrix_spec(m, n), p);
    const auto da = svd(A, p, true);
    RC_ASSERT(da.status == Status::ok);
    const Vector& sa = da.sigma;
    PrecisionGuard g(p);
    Matrix Dt = zeros(m, n, p);
    std::vector<Real> t;
    for (Eigen::Index i = 0; i < sa.size(); ++i) t.push_back(abs(Rng(i + 7).gaussian(p)));
    std::sort(t.begin(), t.end(), [](const Real& x, const Real& y) { return x > y; });
    for (Eigen::Index i = 0; i < sa.size(); ++i) Dt(i, i) = t[i];
    const Matrix C = matmul(matmul(da.u, Dt, p), da.v.transpose(), p);
    const Eigen::Index k = sa.size();
    Real rhs = 0;
    for (Eigen::Index i = 0; i < k; ++i) rhs += sa(i) * t[k - 1 - i];
    const Real lhs = dot(A, C, p);
    const Real scale = k ? Real(tolerance::guarded_scale(sa(0) * t[0] * static_cast<long>(m + n), p)) : Real(1);
    prop::record_error((lhs - rhs) / (epsilon(p) * scale), "lhs - rhs");
    RC_ASSERT(lhs <= rhs + 32 * static_cast<long>(m + n) * epsilon(p) * scale);
}

// KP.T19 (check_kp_t19_on): a Gaussian B, q from the check's list; here the right-hand side's sum
// stops one term early (i < min(rank A, rank B) - 1).
DMF_HIDDEN_PROPERTY("KP.T19/mutant-last-term", "sum sigma_i(AB)^q <= sum_{i < min(rank A, rank B) - 1} ...: must fail") {
    const int m = *rc::gen::inRange(1, 6), k = *rc::gen::inRange(1, 6), n = *rc::gen::inRange(1, 5);
    const Precision p = draw_precision();
    const Matrix A = gen::materialize(*gen::matrix_spec(m, k), p);
    Rng rng(*rc::gen::arbitrary<std::uint64_t>());
    const Matrix B = gaussian_matrix(k, n, rng, p);
    PrecisionGuard g(p);
    const Real q = parse_real(*rc::gen::element<std::string>("0.25", "0.5", "1", "2", "3"), p);
    const Vector sa = svd(A, p, false).sigma, sb = svd(B, p, false).sigma, sab = svd(matmul(A, B, p), p, false).sigma;
    auto rank = [&](const Vector& s, Eigen::Index r, Eigen::Index c) {
        if (s.size() == 0 || s(0) == 0) return 0;
        const Real cut = tolerance::singular_value_tie(r, c, s(0), p);
        int n_ = 0;
        for (Eigen::Index i = 0; i < s.size(); ++i) n_ += s(i) > cut;
        return n_;
    };
    const int ra = rank(sa, m, k), rb = rank(sb, k, n), rab = rank(sab, m, n);
    Real lhs = 0, rhs = 0;
    for (int i = 0; i < rab; ++i) lhs += pow(sab(i), q);
    for (int i = 0; i < std::min(ra, rb) - 1; ++i) rhs += pow(sa(i) * sb(i), q);
    const Real scale = rhs > 0 ? rhs : Real(1);
    prop::record_error((lhs - rhs) / (epsilon(p) * scale), "lhs - rhs");
    RC_ASSERT(lhs <= rhs + 64 * static_cast<long>(m + k + n) * (1 + q) * epsilon(p) * scale);
}

// KP.T22 (check_kp_t22_on): the cost (1/L) sum ||W_i||_F^2 of (136), from the dense factors,
// equals the Schatten term; here the exponent 2/(L+1).
DMF_HIDDEN_PROPERTY("KP.T22/mutant-exponent", "(136)'s cost = sum sigma_i^{2/(L+1)}: must fail") {
    const int L = *rc::gen::inRange(1, 7), m = *rc::gen::inRange(1, 5), n = *rc::gen::inRange(1, 5);
    const Precision p = draw_precision();
    const Matrix X = gen::materialize(*gen::matrix_spec(m, n), p);
    const Weights W = balanced_factorization_136(X, L, p);
    const Vector s = svd(X, p, false).sigma;
    PrecisionGuard g(p);
    Real sch = 0, cost = 0;
    for (Eigen::Index i = 0; i < s.size(); ++i) sch += pow(s(i), Real(2) / (L + 1));
    for (const auto& w : W) cost += frobenius_norm_squared(w, p);
    cost /= L;
    const long dims = m + n;
    prop::record_error(abs(cost - sch) / (epsilon(p) * tolerance::guarded_scale(sch, p)), "(136) cost vs Schatten");
    RC_ASSERT(abs(cost - sch) <= 64 * L * dims * epsilon(p) * tolerance::guarded_scale(sch, p));
}

// KP.L11 (the KP.L11 property): at a planted simple sigma_i = C the slope of sigma_i along
// u_i v_i^T, by a difference at twice the precision, is <grad sigma_i, u_i v_i^T>; here the
// gradient of sigma_i^2 / 2, sigma_i u_i v_i^T, so the predicted slope is C.
DMF_HIDDEN_PROPERTY("KP.L11/mutant-gradient", "grad sigma_i = sigma_i u_i v_i^T (the gradient of sigma_i^2/2): must fail") {
    prop::kp_l11_case(true);
}

// Independent side, the SVD: KP.T9's equality case C = U_A diag(t) V_A^T with the first left
// singular vector's sign flipped and the right one's not (a classic SVD bug): tr(A C^T) must equal
// sum sigma_i(A) t_i, the assertion of the KP.T9 property.
DMF_HIDDEN_PROPERTY("KP.T9/mutant-svd-sign", "independent side: an SVD with u_1 negated but not v_1: must fail") {
    const int m = *rc::gen::inRange(1, 6), n = *rc::gen::inRange(1, 6);
    const Precision p = draw_precision();
    const Matrix A = gen::materialize(*gen::matrix_spec(m, n), p);
    auto da = svd(A, p, true);
    RC_ASSERT(da.status == Status::ok);
    if (da.u.cols() > 0) {
        PrecisionGuard g(p);
        da.u.col(0) = -da.u.col(0);
    }
    prop::assert_t9_equality_case(A, da, p);
}
