// KP.T9's equality case, shared by its property and its SVD mutant: for C = U_A diag(t) V_A^T with
// t descending (C shares A's singular vectors), tr(A C^T) = sum sigma_i(A) t_i exactly.
#pragma once

#include "dmf/numerics/linalg.hpp"

namespace dmf::prop {

// `svd_of_a` is A's SVD as the caller has it (the mutant passes a corrupted one).
void assert_t9_equality_case(const Matrix& a, const SingularValueDecomposition& svd_of_a, const Precision& p);

}  // namespace dmf::prop
