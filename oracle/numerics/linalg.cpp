#include "dmf/numerics/linalg.hpp"

#include "dmf/numerics/mpfr_eigenvalues.hpp"

#include <stdexcept>
#include <string>

template class Eigen::SelfAdjointEigenSolver<dmf::Matrix>;
template class Eigen::JacobiSVD<dmf::Matrix>;
template class Eigen::HouseholderQR<dmf::Matrix>;
template class Eigen::PartialPivLU<dmf::Matrix>;

namespace dmf::inline numerics {

const char* to_string(Status s) {
    switch (s) {
        case Status::ok: return "ok";
        case Status::no_convergence: return "no_convergence";
    }
    return "unknown";
}

Matrix rounded(const Matrix& a, const Precision& p) {
    PrecisionGuard guard(p);
    Matrix out(a.rows(), a.cols());
    for (Eigen::Index j = 0; j < a.cols(); ++j)
        for (Eigen::Index i = 0; i < a.rows(); ++i) out(i, j) = dmf::rounded(a(i, j), p);
    return out;
}

Vector rounded(const Vector& a, const Precision& p) {
    PrecisionGuard guard(p);
    Vector out(a.size());
    for (Eigen::Index i = 0; i < a.size(); ++i) out(i) = dmf::rounded(a(i), p);
    return out;
}

Matrix zeros(Eigen::Index rows, Eigen::Index cols, const Precision& p) {
    PrecisionGuard guard(p);
    Matrix m(rows, cols);
    for (Eigen::Index j = 0; j < cols; ++j)
        for (Eigen::Index i = 0; i < rows; ++i) m(i, j) = Real(0);
    return m;
}

Matrix identity(Eigen::Index n, const Precision& p) {
    Matrix m = zeros(n, n, p);
    PrecisionGuard guard(p);
    for (Eigen::Index i = 0; i < n; ++i) m(i, i) = Real(1);
    return m;
}

Vector zero_vector(Eigen::Index n, const Precision& p) {
    PrecisionGuard guard(p);
    Vector v(n);
    for (Eigen::Index i = 0; i < n; ++i) v(i) = Real(0);
    return v;
}

namespace {
void require(bool ok, const std::string& what) {
    if (!ok) throw std::invalid_argument(what);
}
std::string shape(const Matrix& a) { return std::to_string(a.rows()) + "x" + std::to_string(a.cols()); }
}  // namespace

Matrix matmul(const Matrix& a, const Matrix& b, const Precision& p) {
    require(a.cols() == b.rows(), "matmul: shapes " + shape(a) + " and " + shape(b) + " do not chain");
    PrecisionGuard guard(p);
    if (a.cols() == 0) return zeros(a.rows(), b.cols(), p);
    return (rounded(a, p) * rounded(b, p)).eval();
}

Matrix matmul_transpose_left(const Matrix& a, const Matrix& b, const Precision& p) {
    require(a.rows() == b.rows(), "matmul_transpose_left: shapes " + shape(a) + " and " + shape(b));
    PrecisionGuard guard(p);
    if (a.rows() == 0) return zeros(a.cols(), b.cols(), p);
    return (rounded(a, p).transpose() * rounded(b, p)).eval();
}

Vector matvec(const Matrix& a, const Vector& x, const Precision& p) {
    require(a.cols() == x.size(), "matvec: shapes do not chain");
    PrecisionGuard guard(p);
    if (a.cols() == 0) return zero_vector(a.rows(), p);
    return (rounded(a, p) * rounded(x, p)).eval();
}

Real frobenius_norm_squared(const Matrix& a, const Precision& p) { return dot(a, a, p); }

Real dot(const Matrix& a, const Matrix& b, const Precision& p) {
    require(a.rows() == b.rows() && a.cols() == b.cols(), "dot: shapes " + shape(a) + " and " + shape(b));
    PrecisionGuard guard(p);
    Real s = 0;
    for (Eigen::Index j = 0; j < a.cols(); ++j)
        for (Eigen::Index i = 0; i < a.rows(); ++i) s += dmf::rounded(a(i, j), p) * dmf::rounded(b(i, j), p);
    return s;
}

SymmetricEigen symmetric_eigen(const Matrix& a, const Precision& p, bool want_vectors) {
    require(a.rows() == a.cols(), "symmetric_eigen: matrix is " + shape(a) + ", not square");
    if (!want_vectors) {
        // The fastest correct path for eigenvalues only (bench/results.md): MPFR called directly.
        const Eigenvalues e = symmetric_eigenvalues_mpfr(rounded(a, p), p);
        SymmetricEigen out;
        out.status = e.status;
        out.values = e.values;
        return out;
    }
    return symmetric_eigen_library(a, p, want_vectors);
}

SymmetricEigen symmetric_eigen_library(const Matrix& a, const Precision& p, bool want_vectors) {
    require(a.rows() == a.cols(), "symmetric_eigen: matrix is " + shape(a) + ", not square");
    PrecisionGuard guard(p);
    SymmetricEigen out;
    if (a.rows() == 0) {
        out.values = Vector(0);
        out.vectors = Matrix(0, 0);
        return out;
    }
    Eigen::SelfAdjointEigenSolver<Matrix> solver(rounded(a, p), want_vectors ? Eigen::ComputeEigenvectors
                                                                 : Eigen::EigenvaluesOnly);
    if (solver.info() != Eigen::Success) {
        out.status = Status::no_convergence;
        return out;
    }
    out.values = solver.eigenvalues();
    if (want_vectors) out.vectors = solver.eigenvectors();
    return out;
}

SingularValueDecomposition svd(const Matrix& a, const Precision& p, bool full) {
    PrecisionGuard guard(p);
    SingularValueDecomposition out;
    const Eigen::Index k = std::min(a.rows(), a.cols());
    if (k == 0) {
        out.u = identity(a.rows(), p);
        out.v = identity(a.cols(), p);
        out.sigma = Vector(0);
        return out;
    }
    const unsigned options = full ? (Eigen::ComputeFullU | Eigen::ComputeFullV)
                                  : (Eigen::ComputeThinU | Eigen::ComputeThinV);
    Eigen::JacobiSVD<Matrix> solver(rounded(a, p), options);
    if (solver.info() != Eigen::Success) {
        out.status = Status::no_convergence;
        return out;
    }
    out.u = solver.matrixU();
    out.v = solver.matrixV();
    out.sigma = solver.singularValues();
    return out;
}

Matrix inverse(const Matrix& a, const Precision& p) {
    require(a.rows() == a.cols(), "inverse: matrix is " + shape(a) + ", not square");
    PrecisionGuard guard(p);
    Eigen::PartialPivLU<Matrix> lu(rounded(a, p));
    if (lu.determinant() == 0) throw std::invalid_argument("inverse: singular matrix");
    return lu.solve(identity(a.rows(), p));
}

Matrix qr_q_positive(const Matrix& a, const Precision& p) {
    require(a.rows() >= a.cols(), "qr_q_positive: need rows >= cols, got " + shape(a));
    PrecisionGuard guard(p);
    Eigen::HouseholderQR<Matrix> qr(rounded(a, p));
    Matrix q = qr.householderQ() * identity(a.rows(), p);
    const Matrix& r = qr.matrixQR();
    for (Eigen::Index j = 0; j < a.cols(); ++j) {
        if (r(j, j) < 0) q.col(j) = -q.col(j);
    }
    return q;
}

}  // namespace dmf::numerics
