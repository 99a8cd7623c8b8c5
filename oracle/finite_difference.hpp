// Central differences of the loss and of the gradient, evaluated at a higher
// precision than the derivative being checked. The independent path for the
// loss/gradient/Hessian tests: no formula of either paper is involved.
#pragma once

#include "oracle/objective.hpp"

#include <string>

namespace dmf {

// A magnitude that bounds every term summed in a gradient or Hessian entry:
// c * (prod_l max(1, ||W_l||_F))^2 * (1 + ||Y||_F) + c * max_l lambda_l * (1 + max_l ||W_l||_F).
// Rounding errors are small relative to this, not to the (possibly cancelled) entry.
Real derivative_scale(const Instance& inst, const Weights& w, const Precision& p);

// Step 2^-ceil(2b/3) * max(1, |theta_k|) at precision `hi` with b = hi.bits()/2:
// truncation and rounding errors are both O(eps_b^{4/3}), far below eps_b.
Vector fd_gradient(const Instance& inst, const Weights& w, const Precision& hi);
Matrix fd_hessian(const Instance& inst, const Weights& w, const Precision& hi);  // columns: d grad / d theta_k

struct DerivativeCheck {
    bool ok = false;
    Real worst_eps;          // in eps(p) * derivative_scale units
    long long worst_row = -1, worst_col = -1;
    std::string message;     // the worst entry, both values with all digits
};

// Compare a gradient (flattened) or Hessian computed at p with central differences at p.times(2).
// Allowed error: 16 (L + max width + 2) eps(p) * derivative_scale.
DerivativeCheck check_gradient(const Instance& inst, const Weights& w, const Vector& gradient_at_p, const Precision& p);
DerivativeCheck check_hessian(const Instance& inst, const Weights& w, const Matrix& hessian_at_p, const Precision& p);

}  // namespace dmf
