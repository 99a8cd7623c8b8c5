// KP Theorem 10's printed structure: the end-to-end minimizer M* = U diag(x) V^T,
// with x_i the scalar minimizer for sigma_i(M). The scalar minimizers come from
// the certified scalar numerics (scalar_problem.hpp), not from a formula, so an
// undecided tie (sigma_i on tau) is reported as such: that is the set E.
#pragma once

#include "dmf/numerics/linalg.hpp"
#include "dmf/landscape/scalar_problem.hpp"

#include <vector>

namespace dmf::inline landscape {

struct Prox {
    Matrix m_star;               // U diag(x) V^T
    std::vector<Real> x;         // per singular value, >= 0
    std::vector<Real> sigma;     // sigma_i(M), descending
    std::vector<int> ties;       // indices whose scalar minimizer is undecided (sigma_i on tau): M in E
    // A repeated singular value sitting on tau: the minimizers keep the non-zero part on any
    // subspace of that block, a continuum of end-to-end minimizers (not a finite set).
    bool continuum = false;
    Real schatten_value;         // ||M - M*||^2 + lambda sum x_i^{2/L}, the value of (55) at M*
};

// lambda is KP's lambda. Each sigma_i is known only to the SVD's error bound
// 16 (m + n) eps(p) sigma_max: an index whose decision (collapse or not) differs across
// sigma_i -+ that bound is a tie at this precision (M on E). The decision is monotone
// in |m| (d/dm [L(0) - min L] = 2 s+^L > 0, the envelope theorem), so the end points decide.
Prox kp_prox(const Matrix& M, int L, const Real& lambda, const Precision& p);

}  // namespace dmf::landscape
