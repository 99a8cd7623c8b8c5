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

#include <memory>

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

// Hessian-vector products at one fixed point, for Krylov methods: the products that do not depend
// on the direction (prefix/suffix products, R = P - Y, A_l^T R, R B_l^T) are formed once, and each
// product then costs 8L matrix products (forward and backward recursions for dP, dA_l, A_l^T dP),
// done with Arb's approximate matrix product on midpoints (arb_mat_approx_mul: each entry one dot
// product accumulated in fixed point and rounded once to p, about 9x faster than MPFR fma chains at
// 128 bits), sums of products fused into one product of concatenated blocks, the forward and
// backward recursions on two threads. Each entry of the result is within a few units of 2^-p of
// the sum of the absolute values of its terms (the dense Hessian's rounding model, up to the
// constant).
class HessianVectorProduct {
public:
    HessianVectorProduct(const Instance& inst, const Weights& w, const Precision& p);
    Weights operator()(const Weights& v) const;
    Vector apply(const Vector& v) const;  // flattened order (flatten / unflatten)
    long long size() const { return n_; }

private:
    struct Pieces;  // Arb matrices (oracle/problem/objective.cpp): Arb stays out of the public headers
    const Instance& inst_;
    Precision p_;
    long long n_ = 0;
    Weights w_;
    std::shared_ptr<const Pieces> pieces_;
    Real loss_factor_;
    std::vector<Real> lambda_;
};

// C = op(a) op(b) (op = transpose when the flag is set), each entry one fused multiply-add chain
// rounded to p, on raw MPFR and split over up to `threads` threads (0: the hardware's).
Matrix fast_matmul(const Matrix& a, bool transpose_a, const Matrix& b, bool transpose_b, const Precision& p,
                   unsigned threads = 0);

long long parameter_offset(const Instance& inst, int layer /*1-based*/, int row, int col);
Vector flatten(const Instance& inst, const Weights& w, const Precision& p);
Weights unflatten(const Instance& inst, const Vector& theta, const Precision& p);

}  // namespace dmf::problem
