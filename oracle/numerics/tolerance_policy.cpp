#include "dmf/numerics/tolerance_policy.hpp"

#include <algorithm>

namespace dmf::inline numerics::tolerance {

Real hessian_zero_threshold(Eigen::Index n, const Real& spectral_norm, const Precision& p) {
    PrecisionGuard g(p);
    return 64 * static_cast<long>(n + 2) * epsilon(p) * spectral_norm;
}

Real gradient_tolerance(int L, int max_width, const Real& gradient_scale, const Precision& p) {
    PrecisionGuard g(p);
    return 1024 * static_cast<long>(L + max_width + 4) * epsilon(p) * gradient_scale;
}

Real singular_value_tie(Eigen::Index rows, Eigen::Index cols, const Real& sigma_max, const Precision& p) {
    PrecisionGuard g(p);
    return 64 * static_cast<long>(rows + cols) * epsilon(p) * sigma_max;
}

Real guarded_scale(const Real& scale, const Precision& p) {
    PrecisionGuard g(p);
    const Real floor = make_real(p, 1, -996);
    return scale > floor ? scale : floor;
}

}  // namespace dmf::numerics::tolerance
