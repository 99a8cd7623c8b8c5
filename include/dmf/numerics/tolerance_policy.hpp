// Named tolerance policies: every "is this numerically zero / equal" decision that the oracle
// makes from a floating-point computation uses one of these, so `classify`, `evaluate`,
// `solve` and the properties cannot disagree about the same number. Each comment gives the
// error analysis behind the constant. All thresholds are homogeneous (relative to the scale
// of the quantity), so exact rescalings of an instance rescale them too.
#pragma once

#include "dmf/numerics/precision.hpp"

#include <Eigen/Core>

namespace dmf::inline numerics::tolerance {

// A Hessian eigenvalue mu is zero when |mu| <= 64 (N + 2) eps(p) ||H||_2.
// The dense symmetric eigensolvers (Householder tridiagonalization + implicit QL/QR) are
// backward stable: the computed eigenvalues are exact for H + E, ||E||_2 <= c N eps ||H||_2
// with a modest c (Golub & Van Loan, Matrix Computations, 4th ed., 8.3.5 and 8.5), and by
// Weyl each eigenvalue moves by at most ||E||_2. The Hessian itself is assembled with a
// relative error of a few (L + 2) eps per entry (objective.cpp), again O(N eps ||H||) in norm.
// 64 (N + 2) covers both with a factor ~10 of slack; the +2 keeps N = 1 meaningful.
// `spectral_norm` is max |mu| of the computed spectrum.
Real hessian_zero_threshold(Eigen::Index n, const Real& spectral_norm, const Precision& p);

// The same threshold for an ascending spectrum (its end points give ||H||_2).
template <class VectorT>
Real hessian_zero_threshold(const VectorT& ascending_eigenvalues, const Precision& p) {
    const Eigen::Index n = ascending_eigenvalues.size();
    if (n == 0) return Real(0);
    PrecisionGuard g(p);
    using std::abs;
    const Real norm = abs(ascending_eigenvalues(0)) > abs(ascending_eigenvalues(n - 1)) ? Real(abs(ascending_eigenvalues(0)))
                                                                                     : Real(abs(ascending_eigenvalues(n - 1)));
    return hessian_zero_threshold(n, norm, p);
}

// A point is critical when ||grad F|| <= 1024 (L + max width + 4) eps(p) gradient_scale.
// gradient_scale (finite_difference.hpp) bounds the sum of the absolute values of the terms
// that cancel in each gradient entry; the product of L factors of width <= w accumulates
// (L + w) rounding errors per entry (Higham, Accuracy and Stability, 3.5). 1024 leaves room
// for the critical point itself being known only to its construction's rounding (roots of
// f(.; y) and the Haar rotations each carry a few eps of their own).
Real gradient_tolerance(int L, int max_width, const Real& gradient_scale, const Precision& p);

// Two singular values of an m x n matrix tie (one block, treated as equal) when they differ by
// at most 64 (m + n) eps(p) sigma_1, and a singular value is numerically zero (it does not count
// in the numerical rank) when it ties with 0: the SVD's backward error is O((m + n) eps ||A||_2),
// and by Weyl / Mirsky each singular value moves by at most that much.
Real singular_value_tie(Eigen::Index rows, Eigen::Index cols, const Real& sigma_max, const Precision& p);

// The denominator of a relative error that may be exactly zero: max(scale, 2^-996).
// Every scale the oracle forms is either exactly 0 or above 1e-70 (the generators' magnitudes
// are 1e-30..1e30, squared 1e-60), so the floor never changes a non-zero scale; it only turns
// 0/0 into 0 / 2^-996 = 0, and a non-zero error against an exactly-zero scale into a huge
// number of eps, which is what it is.
Real guarded_scale(const Real& scale, const Precision& p);

}  // namespace dmf::numerics::tolerance
