// Claims about critical points, tested at critical points found from random
// starts by the oracle's own high-precision solvers (oracle/critical_search.hpp),
// never at points built from a theorem:
//   CJW.L3.3  balancedness lambda_l W_l W_l^T = lambda_{l+1} W_{l+1}^T W_{l+1} at every critical point;
//   KP.T2     W_i W_i^T = W_{i+1}^T W_{i+1} at (the best found) minimizers, so equal singular values;
//   CJW.L3.11 no critical point is a local maximizer.
// Up to six starts per case (then three local minimizations); a case none of whose starts
// converges is discarded (counted against the decided floor, property.hpp), one that converges
// only to W = 0 is trivial.
//
// Tolerance: at any point, W_l grad_l^T - grad_{l+1}^T W_{l+1} = lambda_l W_l W_l^T -
// lambda_{l+1} W_{l+1}^T W_{l+1} (expand grad_l = A_l^T R B_l^T + lambda_l W_l), so a
// residual gradient g allows an imbalance of ||g|| (||W_l|| + ||W_{l+1}||), plus rounding.
#include "generators/instance_gen.hpp"
#include "dmf/landscape/critical_search.hpp"
#include "dmf/problem/finite_difference.hpp"
#include "dmf/problem/objective.hpp"
#include "properties/property.hpp"

#include <optional>

namespace {

using namespace dmf;

gen::InstanceGenOptions tiny(bool kp_only) {
    gen::InstanceGenOptions o = gen::solver_sized();
    o.min_depth = 2;  // balancedness needs two layers
    if (kp_only) o.allow_cjw = false;
    // Targets above the collapse threshold (y in [1, 10), lambda in [0.01, 1)), so that most
    // critical points the solver finds are not W = 0 (a trivial case).
    o.sigma_min_exp10 = o.sigma_max_exp10 = 0;
    o.lambda_min_exp10 = -2;
    o.lambda_max_exp10 = -1;
    return o;
}

// max |lambda_l W_l W_l^T - lambda_{l+1} W_{l+1}^T W_{l+1}| against the allowance, over l.
// transposed: the mutation check W_l^T W_l = W_{l+1} W_{l+1}^T (the Gram matrices on the wrong
// side; compared where their shapes agree, d_{l-1} = d_{l+1}).
void assert_balanced(const Instance& inst, const CriticalSearchResult& c, const Precision& p, bool unweighted,
                     bool swap_lambdas = false, bool transposed = false) {
    const CjwForm form = cjw_form(inst, p);
    PrecisionGuard g(p);
    for (int l = 1; l < inst.L; ++l) {
        const Matrix& Wl = c.w[l - 1];
        const Matrix& Wn = c.w[l];
        Real a = unweighted ? Real(1) : form.lambda[l - 1];
        Real b = unweighted ? Real(1) : form.lambda[l];
        if (swap_lambdas) std::swap(a, b);  // the mutation check: lambda_{l+1} W_l W_l^T = lambda_l ...
        if (transposed && Wl.cols() != Wn.rows()) continue;
        const Matrix D = transposed ? Matrix(a * matmul_transpose_left(Wl, Wl, p) - b * matmul(Wn, Wn.transpose(), p))
                                    : Matrix(a * matmul(Wl, Wl.transpose(), p) - b * matmul_transpose_left(Wn, Wn, p));
        const Real nl = sqrt(frobenius_norm_squared(Wl, p)), nn = sqrt(frobenius_norm_squared(Wn, p));
        // KP's (unweighted) form: all lambda_l are equal, divide the identity by that lambda.
        const Real lam = unweighted ? form.lambda[0] : Real(1);
        // Homogeneous: relative to the layers' own scale (zero layers give D = 0 exactly).
        const Real scale = a * nl * nl + b * nn * nn, unit = scale > 0 ? scale : Real(1);
        const Real allowance = c.gradient_norm * (nl + nn) / form.loss_factor / lam + 64 * inst.L * epsilon(p) * scale;
        for (Eigen::Index j = 0; j < D.cols(); ++j)
            for (Eigen::Index i = 0; i < D.rows(); ++i) {
                prop::record_error(abs(D(i, j)) / (epsilon(p) * unit),
                                   "imbalance at layer " + std::to_string(l));
                if (abs(D(i, j)) > allowance)
                    RC_FAIL("layer " + std::to_string(l) + " imbalance " + to_string(D(i, j), 30) + " > allowance " +
                            to_string(allowance, 10) + " (gradient norm " + to_string(c.gradient_norm, 10) + ")");
            }
    }
}

// W = 0 is a critical point of every instance, and balanced (and not a maximizer) for nothing
// more than that. A classification threshold, not an assertion: every layer below 2^-(bits/4) of
// the scale ||Y||^{1/L} the non-zero critical points have.
bool at_zero(const Instance& inst, const Weights& w, const Precision& p) {
    PrecisionGuard g(p);
    const Real s = pow(sqrt(frobenius_norm_squared(inst.target, p)), Real(1) / inst.L);
    for (const auto& x : w)
        if (sqrt(frobenius_norm_squared(x, p)) > make_real(p, 1, -static_cast<long>(p.bits() / 4)) * s) return false;
    return true;
}

// The first of up to six random starts that converges to a critical point other than W = 0; else
// the last converged one (W = 0: a trivial case); none converged: discarded.
CriticalSearchResult critical_point_from_starts(const Instance& inst, const Precision& p) {
    std::optional<CriticalSearchResult> found;
    for (int s = 0; s < 6; ++s) {
        const auto start = *gen::point_spec(-1, 0);
        auto c = find_critical_point(inst, gen::materialize_point(inst, start, p), p);
        if (c.status != Status::ok) continue;
        const bool zero = at_zero(inst, c.w, p);
        found = std::move(c);
        if (!zero) return *found;
    }
    // None converged (LM from a poor start stalls in about one case of ten): local minimization
    // (damped Newton, a descent method) from three more starts; a minimizer is a critical point too.
    for (int s = 0; !found && s < 3; ++s) {
        const auto start = *gen::point_spec(-1, 0);
        auto c = find_local_minimizer(inst, gen::materialize_point(inst, start, p), p);
        if (c.status != Status::ok) continue;
        const bool zero = at_zero(inst, c.w, p);
        found = std::move(c);
        if (!zero) return *found;
    }
    if (!found) prop::mark_undecided("no start converged");
    RC_PRE(found.has_value());
    prop::mark_trivial("W = 0");
    return *found;
}

// One critical point from random starts, checked for (CJW-weighted) balancedness.
void balanced_critical_point(gen::InstanceGenOptions o, bool swap_lambdas) {
    const auto spec = *gen::instance_spec(o);
    prop::mark_strata(gen::strata(spec));
    const Precision p = Precision::from_bits(128);
    prop::expect_strata({"r>=2", "bottleneck", "zero y"});
    const Instance inst = gen::materialize(spec, p);
    assert_balanced(inst, critical_point_from_starts(inst, p), p, false, swap_lambdas);
}

}  // namespace

DMF_PROPERTY_CASES("CJW.L3.3", "critical points found by Levenberg-Marquardt from random starts are lambda-balanced", 25) {
    balanced_critical_point(tiny(false), false);
}

DMF_HIDDEN_PROPERTY("CJW.L3.3/mutant-swapped", "balancedness with lambda_l and lambda_{l+1} swapped: must fail") {
    auto o = tiny(false);
    o.allow_kp = false;  // unequal lambda_l are needed to tell the two forms apart
    balanced_critical_point(o, true);
}

namespace {
void kp_t2_case(bool transposed) {
    const auto spec = *gen::instance_spec(tiny(true));
    prop::mark_strata(gen::strata(spec));
    prop::expect_strata({"r>=2", "bottleneck"});
    const Precision p = Precision::from_bits(128);
    const Instance inst = gen::materialize(spec, p);
    CriticalSearchResult best;
    bool have = false;
    for (int s = 0; s < 3; ++s) {
        const auto start = *gen::point_spec(-1, 0);
        auto c = find_local_minimizer(inst, gen::materialize_point(inst, start, p), p);
        if (c.status != Status::ok) continue;
        if (!have || c.loss < best.loss) best = c, have = true;
    }
    RC_PRE(have);
    if (at_zero(inst, best.w, p)) prop::mark_trivial("W = 0");
    assert_balanced(inst, best, p, true, false, transposed);
}
}  // namespace

DMF_PROPERTY_CASES("KP.T2", "the best of several local minimizations is balanced: W_i W_i^T = W_{i+1}^T W_{i+1}", 15) {
    kp_t2_case(false);
}

DMF_HIDDEN_PROPERTY("KP.T2/mutant-transposed", "balancedness as W_i^T W_i = W_{i+1} W_{i+1}^T: must fail") { kp_t2_case(true); }

namespace {
// CJW.L3.11: no critical point is a local maximizer. The Hessian's trace is at least
// c sum_l lambda_l n_l > 0 at every point (the regularizer's diagonal; the data term's diagonal
// entries are sums of squares), so "the top eigenvalue is positive" cannot fail on its own. What
// can fail is the evidence for it: along the top eigenvector v of the dense Hessian, the curvature
// of F from its definition -- the second difference (F(w + hv) - 2F(w) + F(w - hv)) / h^2 at twice
// the precision -- must equal lambda_max and be positive. Error bound (b = bits of p, rho = the
// largest |theta_i|, or ||Y||^{1/L} at W = 0): with h = 2^-(b/2) rho the truncation is
// h^2 max|F^(4)| / 12 and the rounding at 2b bits 4 eps(2b) |F| / h^2, both about eps(p) times
// the Hessian's scale (hessian_scale, or |F| / rho^2); the eigensolver adds N eps ||H||.
// drop_regularizer: a mutant of the independent side, the Hessian without c lambda_l I.
void no_local_maximizer_case(bool drop_regularizer) {
    const auto spec = *gen::instance_spec(tiny(false));
    prop::mark_strata(gen::strata(spec));
    const Precision p = Precision::from_bits(128);
    const Instance inst = gen::materialize(spec, p);
    const auto c = critical_point_from_starts(inst, p);
    Matrix H = hessian(inst, c.w, p);
    const CjwForm form = cjw_form(inst, p);
    if (drop_regularizer) {
        PrecisionGuard g(p);
        for (int l = 1; l <= inst.L; ++l)
            for (int j = 0; j < inst.dims[l - 1]; ++j)
                for (int i = 0; i < inst.dims[l]; ++i) {
                    const auto k = parameter_offset(inst, l, i, j);
                    H(k, k) -= form.loss_factor * form.lambda[l - 1];
                }
    }
    const auto eig = symmetric_eigen(H, p, true);
    RC_ASSERT(eig.status == Status::ok);
    const Eigen::Index n = eig.values.size();
    const Real top = eig.values(n - 1);
    const Precision hi = p.times(2);
    PrecisionGuard g(hi);
    const Vector theta = flatten(inst, c.w, hi);
    Real rho = 0;
    for (Eigen::Index i = 0; i < theta.size(); ++i) rho = std::max(rho, Real(abs(theta(i))));
    if (rho == 0) rho = pow(sqrt(frobenius_norm_squared(inst.target, hi)), Real(1) / inst.L);
    if (rho == 0) rho = 1;
    const Real h = make_real(hi, 1, -static_cast<long>(p.bits() / 2)) * rho;
    const Vector v = rounded(Vector(eig.vectors.col(n - 1)), hi);
    const Real f0 = loss(inst, c.w, hi);
    const Real fp = loss(inst, unflatten(inst, Vector(theta + h * v), hi), hi);
    const Real fm = loss(inst, unflatten(inst, Vector(theta - h * v), hi), hi);
    const Real curvature = (fp - 2 * f0 + fm) / (h * h);
    const Real scale = hessian_scale(inst, c.w, p) + abs(f0) / (rho * rho);
    const Real units = abs(curvature - top) / (epsilon(p) * scale);
    prop::record_error(units, "second difference along the top eigenvector - lambda_max");
    if (units > 64.0 * (static_cast<double>(n) + inst.L * inst.L))
        RC_FAIL("curvature of F along the top eigenvector " + to_string(curvature, 30) + " != lambda_max " +
                to_string(top, 30) + " (" + to_string(units, 6) + " eps of the Hessian's scale)");
    RC_ASSERT(curvature > 0);  // an increasing direction: not a local maximizer
}
}  // namespace

DMF_PROPERTY_CASES("CJW.L3.11", "no critical point found from random starts is a local maximizer: F curves upward along the Hessian's top eigenvector (second differences from the definition)", 25) {
    no_local_maximizer_case(false);
}

DMF_HIDDEN_PROPERTY("CJW.L3.11/mutant-hessian-no-reg", "independent side: the Hessian without the regularizer's diagonal: must fail") {
    no_local_maximizer_case(true);
}
