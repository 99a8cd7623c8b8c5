// What the definitions say about one point, with no theorem involved: the loss, the gradient
// (per layer), the layer norms, the end-to-end product's singular values, and optionally the
// dense Hessian's spectrum, trace and inertia (zero threshold: tolerance_policy.hpp, the same
// one `classify` uses). The `evaluate` command renders this.
#pragma once

#include "dmf/landscape/classify.hpp"

#include <optional>
#include <vector>

namespace dmf::inline landscape {

// The target's singular values, descending (throws std::runtime_error if the SVD does not converge).
Vector target_singular_values(const Instance& inst, const Precision& p);

// Counts eigenvalues below -zero, within [-zero, zero], and above zero.
Inertia count_inertia(const Vector& eigenvalues, const Real& zero);

struct HessianSummary {
    Vector spectrum;      // ascending
    Real trace;
    Real zero_threshold;  // tolerance::hessian_zero_threshold
    Inertia inertia;
};
// Throws std::runtime_error when the eigensolver does not converge.
HessianSummary dense_hessian_summary(const Instance& inst, const Weights& w, const Precision& p);

struct PointEvaluation {
    Real loss;
    Real gradient_norm;
    std::vector<Real> gradient_norm_per_layer;
    std::vector<Real> layer_fro_norms_sq;
    Vector end_to_end_singular_values;
    std::optional<HessianSummary> hessian;  // when asked for
};
PointEvaluation evaluate_point(const Instance& inst, const Weights& w, const Precision& p, bool with_hessian);

}  // namespace dmf::landscape
