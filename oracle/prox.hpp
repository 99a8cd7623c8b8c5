// KP Theorem 10's printed structure: the end-to-end minimizer M* = U diag(x) V^T,
// with x_i the scalar minimizer for sigma_i(M). The scalar minimizers come from
// the certified scalar numerics (scalar_problem.hpp), not from a formula, so an
// undecided tie (sigma_i on tau) is reported as such: that is the set E.
#pragma once

#include "oracle/linalg.hpp"
#include "oracle/scalar_problem.hpp"

#include <vector>

namespace dmf {

struct Prox {
    Matrix m_star;               // U diag(x) V^T
    std::vector<Real> x;         // per singular value, >= 0
    std::vector<Real> sigma;     // sigma_i(M), descending
    std::vector<int> ties;       // indices whose scalar minimizer is undecided (sigma_i on tau): M in E
    Real schatten_value;         // ||M - M*||^2 + lambda sum x_i^{2/L}, the value of (55) at M*
};

// lambda is KP's lambda.
Prox kp_prox(const Matrix& M, int L, const Real& lambda, const Precision& p);

}  // namespace dmf
