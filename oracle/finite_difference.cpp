#include "oracle/finite_difference.hpp"

#include "oracle/tolerance.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace dmf {

Real derivative_scale(const Instance& inst, const Weights& w, const Precision& p) {
    const CjwForm form = cjw_form(inst, p);
    PrecisionGuard guard(p);
    Real prod = 1, wmax = 0, lmax = 0;
    for (const auto& m : w) {
        const Real n = sqrt(frobenius_norm_squared(m, p));
        prod *= std::max(Real(1), n);
        wmax = std::max(wmax, n);
    }
    for (const auto& l : form.lambda) lmax = std::max(lmax, l);
    const Real y = sqrt(frobenius_norm_squared(inst.target, p));
    return form.loss_factor * (prod * prod * (1 + y) + lmax * (1 + wmax));
}

namespace {

Real step_for(const Real& theta_k, const Precision& hi) {
    const long e = -static_cast<long>(std::ceil(2.0 * (hi.bits() / 2) / 3.0));
    PrecisionGuard guard(hi);
    Real h = make_real(hi, 1, e);
    // Scale by the power of two at or above |theta_k| so theta_k +- h stays exact.
    if (abs(theta_k) > 1) {
        long ex = 0;
        mpfr_get_d_2exp(&ex, theta_k.backend().data(), MPFR_RNDN);
        h = make_real(hi, 1, e + ex);
    }
    return h;
}

}  // namespace

namespace {
// Column k of a central difference: (f(theta + h e_k) - f(theta - h e_k)) / 2h, for every k.
template <class F>
void central_differences(const Instance& inst, const Weights& w, const Precision& hi, F&& column) {
    const Vector theta = flatten(inst, w, hi);
    PrecisionGuard guard(hi);
    for (Eigen::Index k = 0; k < theta.size(); ++k) {
        const Real h = step_for(theta(k), hi);
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
                        const Precision& p) {
    const Real scale = derivative_scale(inst, w, p);
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
    return compare(inst, w, Matrix(gradient_at_p), Matrix(ref), p);
}

DerivativeCheck check_hessian(const Instance& inst, const Weights& w, const Matrix& hessian_at_p,
                              const Precision& p) {
    return compare(inst, w, hessian_at_p, fd_hessian(inst, w, p.times(2)), p);
}

}  // namespace dmf
