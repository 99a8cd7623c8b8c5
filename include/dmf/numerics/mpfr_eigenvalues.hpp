// Eigenvalues of a symmetric matrix with MPFR called directly: Householder tridiagonalization
// in place on an array of mpfr_t (fused multiply-adds, no temporaries per operation), then the
// implicit QL algorithm with Wilkinson shifts on the tridiagonal (as LAPACK's dsterf / EISPACK's
// tql1). The candidate "fast dense path" for eigenvalues only; bench/ compares it with Eigen on
// Boost's mpfr numbers, and the tests compare the two to a few eps.
#pragma once

#include "dmf/numerics/linalg.hpp"

namespace dmf::inline numerics {

struct Eigenvalues {
    Status status = Status::ok;
    Vector values;  // ascending
};

Eigenvalues symmetric_eigenvalues_mpfr(const Matrix& a, const Precision& p);

}  // namespace dmf::numerics
