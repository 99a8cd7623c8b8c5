// Central differences of the loss and of the gradient, evaluated at a higher
// precision than the derivative being checked. The independent path for the
// loss/gradient/Hessian tests: no formula of either paper is involved.
#pragma once

#include "dmf/problem/objective.hpp"

#include <string>

namespace dmf::inline problem {

// Magnitudes that bound every term summed in a gradient or a Hessian entry, from the
// definition and submultiplicativity (n_l = ||W_l||_F, r = ||P||_F + ||Y||_F, c the loss factor):
//   gradient_scale = c max_l ( prod_{i != l} n_i * r + lambda_l n_l )
//   hessian_scale  = c max_{l,k} ( prod_{i != l} n_i prod_{i != k} n_i + r prod_{i != l,k} n_i + lambda_l ).
// Both are homogeneous (no floor such as 1 + ||Y||), so tolerances built on them scale with
// the problem: rounding errors are small relative to these, not to a (possibly cancelled) entry.
Real gradient_scale(const Instance& inst, const Weights& w, const Precision& p);
Real hessian_scale(const Instance& inst, const Weights& w, const Precision& p);

// Step 2^-ceil(2b/3) * max_i |theta_i| (a power of two) at precision `hi`, b = hi.bits()/2:
// truncation and rounding errors are both O(eps_b^{4/3}), far below eps_b.
Vector fd_gradient(const Instance& inst, const Weights& w, const Precision& hi);
Matrix fd_hessian(const Instance& inst, const Weights& w, const Precision& hi);  // columns: d grad / d theta_k

struct DerivativeCheck {
    bool ok = false;
    Real worst_eps;          // in eps(p) * (gradient or Hessian) scale units
    long long worst_row = -1, worst_col = -1;
    std::string message;     // the worst entry, both values with all digits
};

// Compare a gradient (flattened) or Hessian computed at p with central differences at p.times(2).
// Allowed error: 16 (L + max width + 2) eps(p) * gradient_scale (hessian_scale).
DerivativeCheck check_gradient(const Instance& inst, const Weights& w, const Vector& gradient_at_p, const Precision& p);
DerivativeCheck check_hessian(const Instance& inst, const Weights& w, const Matrix& hessian_at_p, const Precision& p);

}  // namespace dmf::problem
