#include "dmf/problem/finite_difference.hpp"

#include "dmf/numerics/tolerance.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace dmf::inline problem {

namespace {
struct NormData {
    std::vector<Real> n;     // ||W_l||_F
    Real r;                  // ||P||_F + ||Y||_F
    CjwForm form;
};
NormData norms(const Instance& inst, const Weights& w, const Precision& p) {
    NormData d{{}, Real(0), cjw_form(inst, p)};
    PrecisionGuard g(p);
    for (const auto& m : w) d.n.push_back(sqrt(frobenius_norm_squared(m, p)));
    d.r = sqrt(frobenius_norm_squared(end_to_end(inst, w, p), p)) + sqrt(frobenius_norm_squared(inst.target, p));
    return d;
}
// prod_{i not in skip} n_i
Real product_except(const std::vector<Real>& n, int a, int b = -1) {
    Real prod = 1;
    for (int i = 0; i < static_cast<int>(n.size()); ++i)
        if (i != a && i != b) prod *= n[i];
    return prod;
}
}  // namespace

Real gradient_scale(const Instance& inst, const Weights& w, const Precision& p) {
    const NormData d = norms(inst, w, p);
    PrecisionGuard g(p);
    Real s = 0;
    for (int l = 0; l < inst.L; ++l)
        s = std::max(s, Real(product_except(d.n, l) * d.r + d.form.lambda[l] * d.n[l]));
    return d.form.loss_factor * s;
}

Real hessian_scale(const Instance& inst, const Weights& w, const Precision& p) {
    const NormData d = norms(inst, w, p);
    PrecisionGuard g(p);
    Real s = 0;
    for (int l = 0; l < inst.L; ++l)
        for (int k = 0; k < inst.L; ++k) {
            const Real curvature = l == k ? Real(0) : Real(d.r * product_except(d.n, l, k));
            s = std::max(s, Real(product_except(d.n, l) * product_except(d.n, k) + curvature + d.form.lambda[l]));
        }
    return d.form.loss_factor * s;
}

namespace {

// 2^-ceil(2b/3) times the power of two at or above the largest |theta_i| (homogeneous: the
// step scales with the point), so theta_k +- h is exact at 2b bits for every k.
Real step_for(const Real& theta_max, const Precision& hi) {
    const long e = -static_cast<long>(std::ceil(2.0 * (hi.bits() / 2) / 3.0));
    long ex = 1;
    if (theta_max > 0) mpfr_get_d_2exp(&ex, theta_max.backend().data(), MPFR_RNDN);
    return make_real(hi, 1, e + ex);
}

}  // namespace

namespace {
// Column k of a central difference: (f(theta + h e_k) - f(theta - h e_k)) / 2h, for every k.
template <class F>
void central_differences(const Instance& inst, const Weights& w, const Precision& hi, F&& column) {
    const Vector theta = flatten(inst, w, hi);
    PrecisionGuard guard(hi);
    Real theta_max = 0;
    for (Eigen::Index k = 0; k < theta.size(); ++k) theta_max = std::max(theta_max, Real(abs(theta(k))));
    const Real h = step_for(theta_max, hi);
    for (Eigen::Index k = 0; k < theta.size(); ++k) {
        Vector tp = theta, tm = theta;
        tp(k) += h;
        tm(k) -= h;
        column(k, unflatten(inst, tp, hi), unflatten(inst, tm, hi), h);
    }
}
}  // namespace

Vector fd_gradient(const Instance& inst, const Weights& w, const Precision& hi) {
    Vector g = zero_vector(inst.num_parameters(), hi);
    central_differences(inst, w, hi, [&](Eigen::Index k, const Weights& plus, const Weights& minus, const Real& h) {
        g(k) = (loss(inst, plus, hi) - loss(inst, minus, hi)) / (2 * h);
    });
    return g;
}

Matrix fd_hessian(const Instance& inst, const Weights& w, const Precision& hi) {
    Matrix H = zeros(inst.num_parameters(), inst.num_parameters(), hi);
    central_differences(inst, w, hi, [&](Eigen::Index k, const Weights& plus, const Weights& minus, const Real& h) {
        H.col(k) = (flatten(inst, gradient(inst, plus, hi), hi) - flatten(inst, gradient(inst, minus, hi), hi)) / (2 * h);
    });
    return H;
}

namespace {

DerivativeCheck compare(const Instance& inst, const Weights& w, const Matrix& computed, const Matrix& reference,
                        const Precision& p, const Real& scale) {
    const int dmax = *std::max_element(inst.dims.begin(), inst.dims.end());
    const double allowed = 16.0 * (inst.L + dmax + 2);
    DerivativeCheck c;
    c.worst_eps = 0;
    for (Eigen::Index j = 0; j < computed.cols(); ++j)
        for (Eigen::Index i = 0; i < computed.rows(); ++i) {
            const Real e = eps_distance(computed(i, j), reference(i, j), p, scale);
            if (c.worst_row < 0 || e > c.worst_eps) {
                c.worst_eps = e;
                c.worst_row = i;
                c.worst_col = j;
            }
        }
    c.ok = c.worst_eps <= allowed;
    if (c.worst_row >= 0) {
        const auto cmp = compare_eps(computed(c.worst_row, c.worst_col), reference(c.worst_row, c.worst_col),
                                     allowed, p, scale);
        std::ostringstream ss;
        ss << "worst entry (" << c.worst_row << ", " << c.worst_col << "): " << cmp.message
           << " [scale " << to_string(scale, 10) << "]";
        c.message = ss.str();
    }
    return c;
}

}  // namespace

DerivativeCheck check_gradient(const Instance& inst, const Weights& w, const Vector& gradient_at_p,
                               const Precision& p) {
    const Vector ref = fd_gradient(inst, w, p.times(2));
    return compare(inst, w, Matrix(gradient_at_p), Matrix(ref), p, gradient_scale(inst, w, p));
}

DerivativeCheck check_hessian(const Instance& inst, const Weights& w, const Matrix& hessian_at_p,
                              const Precision& p) {
    return compare(inst, w, hessian_at_p, fd_hessian(inst, w, p.times(2)), p, hessian_scale(inst, w, p));
}

}  // namespace dmf::problem
