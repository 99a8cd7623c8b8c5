#include "dmf/landscape/point_evaluation.hpp"

#include "dmf/numerics/tolerance_policy.hpp"

#include <stdexcept>

namespace dmf::inline landscape {

Vector target_singular_values(const Instance& inst, const Precision& p) {
    const auto sv = svd(inst.target, p, false);
    if (sv.status != Status::ok) throw std::runtime_error("SVD of the target did not converge");
    return sv.sigma;
}

Inertia count_inertia(const Vector& eigenvalues, const Real& zero) {
    Inertia in;
    for (Eigen::Index i = 0; i < eigenvalues.size(); ++i)
        (eigenvalues(i) < -zero ? in.negative : eigenvalues(i) > zero ? in.positive : in.zero)++;
    return in;
}

HessianSummary dense_hessian_summary(const Instance& inst, const Weights& w, const Precision& p) {
    const Matrix H = hessian(inst, w, p);
    auto eig = symmetric_eigen(H, p, false);
    if (eig.status != Status::ok) throw std::runtime_error("Hessian eigensolver did not converge");
    HessianSummary s;
    PrecisionGuard g(p);
    s.spectrum = std::move(eig.values);
    s.trace = 0;
    for (Eigen::Index i = 0; i < H.rows(); ++i) s.trace += H(i, i);
    s.zero_threshold = tolerance::hessian_zero_threshold(s.spectrum, p);
    s.inertia = count_inertia(s.spectrum, s.zero_threshold);
    return s;
}

PointEvaluation evaluate_point(const Instance& inst, const Weights& w, const Precision& p, bool with_hessian) {
    PointEvaluation e;
    e.loss = loss(inst, w, p);
    {
        const Weights g = gradient(inst, w, p);
        PrecisionGuard guard(p);
        Real total = 0;
        for (const auto& m : g) {
            const Real n2 = frobenius_norm_squared(m, p);
            total += n2;
            e.gradient_norm_per_layer.push_back(sqrt(n2));
        }
        e.gradient_norm = sqrt(total);
    }
    for (const auto& m : w) e.layer_fro_norms_sq.push_back(frobenius_norm_squared(m, p));
    const auto sv = svd(end_to_end(inst, w, p), p, false);
    if (sv.status != Status::ok) throw std::runtime_error("SVD of the end-to-end product did not converge");
    e.end_to_end_singular_values = sv.sigma;
    if (with_hessian) e.hessian = dense_hessian_summary(inst, w, p);
    return e;
}

}  // namespace dmf::landscape
