// The standalone matrix claims of KP: the von Neumann trace inequality (T9),
// the Schatten product inequality (T19 / Remark 21), the variational form of
// the Schatten quasi-norm with the balanced factorization (T22, (136)), the
// measure-zero exceptional hypersurfaces (L11), and the Hessian-trace identity
// (91)-(92) of T15. The independent side is the multiprecision SVD and the
// dense Hessian from the definition.
#include "generators/instance_gen.hpp"
#include "generators/matrix_gen.hpp"
#include "dmf/theory/kp.hpp"
#include "dmf/problem/objective.hpp"
#include "dmf/numerics/random.hpp"
#include "dmf/landscape/scalar_problem.hpp"
#include "properties/property.hpp"
#include "properties/kp_t9_equality.hpp"
#include "properties/kp_l11_case.hpp"
#include "claims/claim_table.hpp"
#include "dmf/numerics/tolerance_policy.hpp"

#include <algorithm>

namespace {

using namespace dmf;

Precision draw_precision() { return Precision::from_bits(*rc::gen::element(128u, 256u)); }

Vector singular_values(const Matrix& a, const Precision& p) {
    const auto d = svd(a, p, false);
    RC_ASSERT(d.status == Status::ok);
    return d.sigma;
}

}  // namespace

// KP.T9, T19 and T22 run the claim table's check (claims/matrix_claims.hpp) on generated cases:
// one definition of each bound, shared with the search and replay. T9 adds the equality case.
namespace {
Instance case_with_target(const Matrix& A, int L, const Precision& p) {
    Instance inst;
    inst.L = L;
    inst.convention = Convention::kp;
    const int k = static_cast<int>(std::min(A.rows(), A.cols()));
    inst.dims.assign(L + 1, std::max(k, 1));
    inst.dims.front() = static_cast<int>(A.cols());
    inst.dims.back() = static_cast<int>(A.rows());
    inst.lambda = {make_real(p, 1)};
    inst.target = A;
    validate(inst);
    return inst;
}

void require_claim_holds(const char* id, const Instance& inst, const Precision& p) {
    const CheckResult r = find_claim_definition(id)->printed(inst, p);
    prop::record_error(Real(r.error_eps), r.quantity);
    if (r.verdict != Verdict::holds)
        RC_FAIL(std::string(id) + " " + to_string(r.verdict) + ": " + r.quantity + "; printed " + r.printed + "; computed " +
                r.computed + (r.detail.empty() ? "" : "; " + r.detail));
}
}  // namespace

DMF_PROPERTY("KP.T9", "tr(A B^T) <= sum sigma_i(A) sigma_i(B), with equality when A and B share singular vectors") {
    const int m = *rc::gen::inRange(1, 6), n = *rc::gen::inRange(1, 6);
    const Precision p = draw_precision();
    const Matrix A = gen::materialize(*gen::matrix_spec(m, n), p);
    require_claim_holds("KP.T9", case_with_target(A, 1, p), p);
    // Equality case: C = U_A diag(tau) V_A^T with tau descending shares A's singular vectors.
    prop::assert_t9_equality_case(A, svd(A, p, true), p);
}

DMF_PROPERTY("KP.T19", "sum sigma_i(AB)^p <= sum_{i <= min(rank A, rank B)} sigma_i(A)^p sigma_i(B)^p (B and p drawn from the case)") {
    const int m = *rc::gen::inRange(1, 6), k = *rc::gen::inRange(1, 6);
    const Precision p = draw_precision();
    const Matrix A = gen::materialize(*gen::matrix_spec(m, k), p);
    require_claim_holds("KP.T19", case_with_target(A, 1, p), p);
}

DMF_PROPERTY("KP.T22", "||X||_{S^{2/L}}^{2/L} = min (1/L) sum ||W_i||^2 over factorizations, attained at (136)") {
    const int L = *rc::gen::inRange(1, 7), m = *rc::gen::inRange(1, 5), n = *rc::gen::inRange(1, 5);
    const Precision p = draw_precision();
    const Matrix X = gen::materialize(*gen::matrix_spec(m, n), p);
    require_claim_holds("KP.T22", case_with_target(X, L, p), p);
}

DMF_PROPERTY("KP.L11", "{A : sigma_i(A) = C} is a smooth hypersurface: planted sigma_i = C has grad sigma_i = u_i v_i^T != 0; random A never lands on it") {
    prop::kp_l11_case(false);
}

namespace {
// drop_regularizer: a mutant of the independent side, the dense Hessian assembled without the
// regularizer's (2 lambda/L) I (its trace lowered by (2 lambda/L) N).
void trace_identity_case(int factor, bool drop_regularizer = false) {
    gen::InstanceGenOptions o;
    o.allow_cjw = false;  // (91)-(92) is stated in the KP convention
    o.max_parameters = 60;
    o.max_depth = 6;
    const auto spec = *gen::instance_spec(o);
    const auto pt = *gen::point_spec();
    const Precision p = draw_precision();
    const Instance inst = gen::materialize(spec, p);
    const Weights w = gen::materialize_point(inst, pt, p);
    const Matrix H = hessian(inst, w, p);
    PrecisionGuard g(p);
    Real tr = 0, scale = 0;
    for (Eigen::Index i = 0; i < H.rows(); ++i) {
        tr += H(i, i);
        scale += abs(H(i, i));
    }
    if (drop_regularizer) tr -= 2 * rounded(inst.lambda[0], p) / inst.L * static_cast<long>(inst.num_parameters());
    prop::assert_eps(kp_trace_identity_92(inst, w, p, factor), tr, 16.0 * (inst.L + 4), p, scale + 1,
                     "tr Hess = (2 lambda/L) N + 2 sum ||A_k||^2 ||B_k||^2, L=" + std::to_string(inst.L));
}
}  // namespace

DMF_PROPERTY("KP.T15/identity", "(91)-(92): tr Hess L(w) = (2 lambda/L) N + 2 sum_k ||A_k||^2 ||B_k||^2 at every w") {
    trace_identity_case(2);
}

DMF_HIDDEN_PROPERTY("KP.T15/mutant-identity", "(92) with the factor 2 dropped: must fail") { trace_identity_case(1); }

DMF_HIDDEN_PROPERTY("KP.T15/mutant-hessian-no-reg", "independent side: the dense Hessian without the regularizer's diagonal: must fail") {
    trace_identity_case(2, true);
}

DMF_PROPERTY("KP.T15/bound-scalar", "(81) at certified scalar minimizers off E: tr >= 2L |P*|^2 / g*^2 + (2 lambda/L) N") {
    const int L = *rc::gen::inRange(1, 9);
    const Precision p = draw_precision();
    const Real lambda = (*gen::positive_decimal(-6, 6, 3)).at(p);
    const Real m = (*gen::signed_decimal(-6, 6, 4)).at(p);
    const ScalarProblem pr{L, lambda, m};
    const ScalarMinimizers M = scalar_global_minimizers(pr, p);
    RC_PRE(M.unique == Decision::yes);
    const auto& best = M.candidates[M.minimal[0]];
    for (const auto& w : scalar_minimizer_points(pr, best, p, 16)) {
        const Vector eig = scalar_hessian_eigenvalues(pr, w, p);
        PrecisionGuard g(p);
        Real tr = 0, scale = abs(lambda);
        for (Eigen::Index i = 0; i < eig.size(); ++i) tr += eig(i), scale += abs(eig(i));
        // g*^2 = ||W_i*||^2 = s^2, |P*|^2 = s^{2L}; at the collapsed minimizer the ratio is 0/0
        // and the registry records the caveat: read as 0, the bound is (2 lambda/L) N = 2 lambda.
        const Real ratio = best.origin ? Real(0) : Real(pow(best.s, 2 * L) / (best.s * best.s));
        const Real bound = 2 * L * ratio + 2 * lambda;
        prop::record_error((bound - tr) / (epsilon(p) * scale), "bound - trace");
        RC_ASSERT(tr >= bound - 64 * L * epsilon(p) * scale);
    }
}

void dmf::prop::assert_t9_equality_case(const Matrix& A, const SingularValueDecomposition& da, const Precision& p) {
    const Eigen::Index m = A.rows(), n = A.cols();
    const Vector& sa = da.sigma;
    PrecisionGuard g(p);
    Matrix Dt = zeros(m, n, p);
    std::vector<Real> tau;
    for (Eigen::Index i = 0; i < sa.size(); ++i) tau.push_back(abs(Rng(i + 7).gaussian(p)));
    std::sort(tau.begin(), tau.end(), [](const Real& x, const Real& y) { return x > y; });
    for (Eigen::Index i = 0; i < sa.size(); ++i) Dt(i, i) = tau[i];
    const Matrix C = matmul(matmul(da.u, Dt, p), da.v.transpose(), p);
    Real eq = 0;
    for (Eigen::Index i = 0; i < sa.size(); ++i) eq += sa(i) * tau[i];
    assert_eps(dot(A, C, p), eq, 64.0 * static_cast<double>(m + n), p,
               tolerance::guarded_scale(sa(0) * tau[0] * static_cast<double>(m + n), p),
               "equality when singular vectors are shared");
}

void dmf::prop::kp_l11_case(bool mutant_sigma_squared_gradient) {
    const int m = *rc::gen::inRange(1, 6), n = *rc::gen::inRange(1, 6);
    const Precision p = draw_precision();
    auto spec = *gen::matrix_spec(m, n);
    const int k = std::min(m, n);
    const int i = *rc::gen::inRange(0, k);
    const auto C = *gen::positive_decimal(-3, 3, 4);
    // Plant sigma_i = C with the other values distinct from C (a simple singular value).
    for (int j = 0; j < k; ++j)
        if (j != i && spec.singular_values[j].at(p) == C.at(p)) spec.singular_values[j] = gen::Decimal{"0"};  // by value: "7e1" == "7.0e1"
    spec.singular_values[i] = C;
    const Matrix A = gen::materialize(spec, p);
    const auto d = svd(A, p, true);
    PrecisionGuard g(p);
    // Locate the planted value among the computed ones (they come sorted).
    Eigen::Index at = 0;
    for (Eigen::Index j = 1; j < d.sigma.size(); ++j)
        if (abs(d.sigma(j) - C.at(p)) < abs(d.sigma(at) - C.at(p))) at = j;
    prop::assert_eps(d.sigma(at), C.at(p), 32.0 * (m + n), p, d.sigma(0), "planted sigma_i = C");
    // The gradient of a simple singular value is u_i v_i^T, of Frobenius norm 1: the level set is
    // locally a smooth hypersurface (implicit function theorem), hence of measure zero.
    const Matrix grad = d.u.col(at) * d.v.col(at).transpose();
    prop::assert_eps(frobenius_norm_squared(grad, p), Real(1), 64, p, "||grad sigma_i||^2 = 1");
    // And the directional derivative along grad is 1 (finite difference at twice the precision).
    const Precision hi = p.times(2);
    const Real h = make_real(hi, 1, -static_cast<long>(p.bits()) / 2);
    PrecisionGuard gh(hi);
    const Matrix Ap = rounded(A, hi) + rounded(grad, hi) * h;
    const auto dp = svd(Ap, hi, false);
    Eigen::Index at2 = 0;
    for (Eigen::Index j = 1; j < dp.sigma.size(); ++j)
        if (abs(dp.sigma(j) - C.at(hi)) < abs(dp.sigma(at2) - C.at(hi))) at2 = j;
    const auto dlo = svd(rounded(A, hi), hi, false);
    const Real slope = (dp.sigma(at2) - dlo.sigma(at)) / h;
    // The mutant predicts the slope of sigma_i^2 / 2 (gradient sigma_i u_i v_i^T), which is C.
    RC_ASSERT(abs(slope - (mutant_sigma_squared_gradient ? C.at(hi) : Real(1))) < Real("1e-6"));
    // A random matrix at working precision does not land on the set: |sigma_j - C| far above eps.
    Rng other(spec.seed + 1);
    const Matrix R = gaussian_matrix(m, n, other, p);
    const Vector sr = singular_values(R, p);
    for (Eigen::Index j = 0; j < sr.size(); ++j) RC_ASSERT(abs(sr(j) - C.at(p)) > 1024 * (m + n) * epsilon(p) * (sr(0) + C.at(p)));
}
