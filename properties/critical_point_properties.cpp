// Claims about critical points, tested at critical points found from random
// starts by the oracle's own high-precision solvers (oracle/critical_search.hpp),
// never at points built from a theorem:
//   CJW.L3.3  balancedness lambda_l W_l W_l^T = lambda_{l+1} W_{l+1}^T W_{l+1} at every critical point;
//   KP.T2     W_i W_i^T = W_{i+1}^T W_{i+1} at (the best found) minimizers, so equal singular values;
//   CJW.L3.11 no critical point is a local maximizer.
// A run that does not converge is skipped (a status, not a pass).
//
// Tolerance: at any point, W_l grad_l^T - grad_{l+1}^T W_{l+1} = lambda_l W_l W_l^T -
// lambda_{l+1} W_{l+1}^T W_{l+1} (expand grad_l = A_l^T R B_l^T + lambda_l W_l), so a
// residual gradient g allows an imbalance of ||g|| (||W_l|| + ||W_{l+1}||), plus rounding.
#include "generators/instance_gen.hpp"
#include "dmf/landscape/critical_search.hpp"
#include "dmf/problem/finite_difference.hpp"
#include "properties/property.hpp"

namespace {

using namespace dmf;

gen::InstanceGenOptions tiny(bool kp_only) {
    gen::InstanceGenOptions o = gen::solver_sized();
    o.min_depth = 2;  // balancedness needs two layers
    if (kp_only) o.allow_cjw = false;
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

// One critical point from a random start, checked for (CJW-weighted) balancedness.
void balanced_critical_point(gen::InstanceGenOptions o, bool swap_lambdas) {
    const auto spec = *gen::instance_spec(o);
    const auto start = *gen::point_spec(-1, 0);
    const Precision p = Precision::from_bits(128);
    const Instance inst = gen::materialize(spec, p);
    const auto c = find_critical_point(inst, gen::materialize_point(inst, start, p), p);
    RC_PRE(c.status == Status::ok);
    assert_balanced(inst, c, p, false, swap_lambdas);
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
    assert_balanced(inst, best, p, true, false, transposed);
}
}  // namespace

DMF_PROPERTY_CASES("KP.T2", "the best of several local minimizations is balanced: W_i W_i^T = W_{i+1}^T W_{i+1}", 15) {
    kp_t2_case(false);
}

DMF_HIDDEN_PROPERTY("KP.T2/mutant-transposed", "balancedness as W_i^T W_i = W_{i+1} W_{i+1}^T: must fail") { kp_t2_case(true); }

DMF_PROPERTY_CASES("CJW.L3.11", "no critical point found from random starts is a local maximizer", 25) {
    const auto spec = *gen::instance_spec(tiny(false));
    const auto start = *gen::point_spec(-1, 0);
    const Precision p = Precision::from_bits(128);
    const Instance inst = gen::materialize(spec, p);
    const auto c = find_critical_point(inst, gen::materialize_point(inst, start, p), p);
    RC_PRE(c.status == Status::ok);
    const auto eig = symmetric_eigen(hessian(inst, c.w, p), p, false);
    RC_ASSERT(eig.status == Status::ok);
    PrecisionGuard g(p);
    // A local maximizer needs a negative semidefinite Hessian; its largest eigenvalue is then <= 0.
    const Real top = eig.values(eig.values.size() - 1);
    prop::record_error(top > 0 ? Real(0) : Real(-top / epsilon(p)), "largest Hessian eigenvalue");
    RC_ASSERT(top > 64 * epsilon(p) * hessian_scale(inst, c.w, p));
}
