// Loss, gradient, Hessian and Hessian-vector product of the DMF objective,
// assembled from the definition of F (nothing here uses a theorem).
//
// Everything is computed in the CJW form F = 1/2 ||P - Y||^2 + sum (lambda_l/2)||W_l||^2
// and multiplied by the convention's loss factor (1 for cjw, 2 for kp; see cjw_form).
//
// Parameter order (dense Hessian, flatten/unflatten): theta = (vec W_1, ..., vec W_L),
// vec column-major, so entry (i, j) of W_l sits at offset_l + i + j * d_l, with
// offset_l = sum_{k<l} d_k d_{k-1}.
#pragma once

#include "dmf/problem/instance.hpp"

namespace dmf::inline problem {

// P = W_L ... W_1 (d_L x d_0).
Matrix end_to_end(const Instance& inst, const Weights& w, const Precision& p);

Real loss(const Instance& inst, const Weights& w, const Precision& p);
Weights gradient(const Instance& inst, const Weights& w, const Precision& p);
Real gradient_norm(const Instance& inst, const Weights& w, const Precision& p);  // ||grad||_2

// The dense N x N Hessian in the documented parameter order.
Matrix hessian(const Instance& inst, const Weights& w, const Precision& p);

// Hessian times the direction v (same shapes as w), without forming the Hessian.
Weights hessian_vector_product(const Instance& inst, const Weights& w, const Weights& v, const Precision& p);

long long parameter_offset(const Instance& inst, int layer /*1-based*/, int row, int col);
Vector flatten(const Instance& inst, const Weights& w, const Precision& p);
Weights unflatten(const Instance& inst, const Vector& theta, const Precision& p);

}  // namespace dmf::problem
