// Dense linear algebra on dmf::Real: matrix types, products, symmetric
// eigendecomposition, SVD, QR. The Eigen templates behind these are
// instantiated once, in linalg.cpp; the `extern template` lines below keep
// every other translation unit from instantiating them again.
#pragma once

#include "dmf/numerics/eigen_support.hpp"

#include <Eigen/Core>
#include <Eigen/Eigenvalues>
#include <Eigen/LU>
#include <Eigen/QR>
#include <Eigen/SVD>

#include <cstdint>
#include <vector>

namespace dmf::inline numerics {

using Matrix = Eigen::Matrix<Real, Eigen::Dynamic, Eigen::Dynamic>;
using Vector = Eigen::Matrix<Real, Eigen::Dynamic, 1>;

// Numerical non-convergence is a status, as Eigen's ComputationInfo; contract
// violations (non-square input, wrong sizes) throw std::invalid_argument.
enum class Status { ok, no_convergence };
const char* to_string(Status s);

// In Boost 1.74 an et_off operation rounds to the larger of its operands'
// precisions and ignores the thread default. So every public function rounds
// its inputs to the working precision on entry, with these.
Matrix rounded(const Matrix& a, const Precision& p);
Vector rounded(const Vector& a, const Precision& p);

// Zero matrix / identity / zero vector at precision p.
Matrix zeros(Eigen::Index rows, Eigen::Index cols, const Precision& p);
Matrix identity(Eigen::Index n, const Precision& p);
Vector zero_vector(Eigen::Index n, const Precision& p);

// Products at precision p (every element rounded once per multiply-add).
Matrix matmul(const Matrix& a, const Matrix& b, const Precision& p);
Matrix matmul_transpose_left(const Matrix& a, const Matrix& b, const Precision& p);  // aᵀ b
Vector matvec(const Matrix& a, const Vector& x, const Precision& p);
Real frobenius_norm_squared(const Matrix& a, const Precision& p);
Real dot(const Matrix& a, const Matrix& b, const Precision& p);  // <a, b>_F

struct SymmetricEigen {
    Status status = Status::ok;
    Vector values;   // ascending
    Matrix vectors;  // columns, orthonormal (empty when not requested)
};
// Symmetric eigendecomposition. Reads only the lower triangle. Eigenvalues only go through the
// MPFR-direct path (mpfr_eigenvalues.hpp, 2-2.5x faster); with vectors, Eigen's tridiagonal QR.
SymmetricEigen symmetric_eigen(const Matrix& a, const Precision& p, bool want_vectors = true);
// Always Eigen's SelfAdjointEigenSolver on Boost's mpfr numbers: the baseline of bench/ and the tests.
SymmetricEigen symmetric_eigen_library(const Matrix& a, const Precision& p, bool want_vectors = true);

struct SingularValueDecomposition {
    Status status = Status::ok;
    Matrix u;       // m x m (full) or m x k (thin)
    Vector sigma;   // k = min(m, n) values, descending, >= 0
    Matrix v;       // n x n (full) or n x k (thin)
};
// One-sided Jacobi SVD: high relative accuracy, slow but fine for the oracle's sizes.
SingularValueDecomposition svd(const Matrix& a, const Precision& p, bool full = true);

// The inverse of a square matrix (LU with partial pivoting); throws if it is singular.
Matrix inverse(const Matrix& a, const Precision& p);

// Q of a Householder QR, with the signs fixed so that diag(R) >= 0.
Matrix qr_q_positive(const Matrix& a, const Precision& p);

}  // namespace dmf::numerics

extern template class Eigen::SelfAdjointEigenSolver<dmf::Matrix>;
extern template class Eigen::JacobiSVD<dmf::Matrix>;
extern template class Eigen::HouseholderQR<dmf::Matrix>;
extern template class Eigen::PartialPivLU<dmf::Matrix>;
